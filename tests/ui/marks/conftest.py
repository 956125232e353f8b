"""The marks' fixtures: statuses kept in a real store, read as the session's holder reads
them (a word as written to its Status)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

from reader.store import Status, open_store


class StoredStatuses:
    """The statuses in the store of `data_dir`, read again after each change: what the
    marks are given in place of the session's status holder."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._statuses: dict[str, Status] = {}
        self.reload()

    def set(self, changes: Mapping[str, Status]) -> None:
        with open_store(self._data_dir) as store:
            store.word_statuses.set(changes)
        self.reload()

    def reload(self) -> None:
        with open_store(self._data_dir) as store:
            self._statuses = store.word_statuses.all()

    def __call__(self, word: str) -> Status:
        return self._statuses.get(word, Status.NEW)


@pytest.fixture
def stored_statuses() -> StoredStatuses:
    """The statuses of the store the test's windows use (READER_DATA_DIR)."""
    return StoredStatuses(Path(os.environ["READER_DATA_DIR"]))
