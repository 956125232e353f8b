"""Where the coverage feature reads the reader's word statuses and marks words.

The coverage needs two things of whatever holds the statuses in the window: all of them,
and a way to change some. In the window that is the one StatusHolder
(reader.ui.words.status_holder): a change made here is one undoable step on the window's
undo stack, written to the store as every status change is, and the holder's `changed`
brings the coverage up to date (features.py connects it to `CoverageController.refresh`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from reader.store import Status
from reader.ui.words.status_holder import StatusHolder

MARKED = "Mark Words to Learn"
"""The undo step's name (Edit ▸ Undo Mark Words to Learn)."""


class WordStatusSource(Protocol):
    def all(self) -> Mapping[str, int]:
        """Simplified word -> status, for every word that is not new."""
        ...

    def set(self, changes: Mapping[str, int]) -> None:
        """Give these words (simplified) these statuses."""
        ...


class HeldWordStatuses:
    """The window's StatusHolder as the coverage asks it."""

    def __init__(self, holder: StatusHolder) -> None:
        self._holder = holder

    def all(self) -> Mapping[str, int]:
        return self._holder.all()

    def set(self, changes: Mapping[str, int]) -> None:
        self._holder.set({word: Status(status) for word, status in changes.items()}, MARKED)
