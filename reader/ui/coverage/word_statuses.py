"""Where the coverage feature reads the reader's word statuses and marks words.

The coverage needs two things of whatever holds the statuses in the window: all of them,
and a way to change some. `StoreWordStatuses` reads and writes the store directly; a
holder that keeps them for the whole window (with undo) can take its place, and calls
`CoverageController.refresh` when they change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from reader.store import Store, StoreError
from reader.store.word_status import Status


class WordStatusSource(Protocol):
    def all(self) -> Mapping[str, int]:
        """Simplified word -> status, for every word that is not new."""
        ...

    def set(self, changes: Mapping[str, int]) -> None:
        """Give these words these statuses; raises StoreError when they cannot be kept."""
        ...


class StoreWordStatuses:
    """The statuses as the store holds them; none while the store cannot be opened."""

    def __init__(self, store: Callable[[], Store]) -> None:
        """`store`: the window's open store (raising StoreError when there is none)."""
        self._store = store

    def all(self) -> Mapping[str, int]:
        try:
            return self._store().word_statuses.all()
        except StoreError:
            return {}

    def set(self, changes: Mapping[str, int]) -> None:
        self._store().word_statuses.set({word: Status(s) for word, s in changes.items()})
