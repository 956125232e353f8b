"""What the reader knows: one status per word, keyed by the word's simplified form.

The numbers are Lute's (0 new, 1-4 learning, 98 ignored, 99 known), so a list exported from
one reads in the other. A word without a row is new; setting a word back to new keeps its
row (status 0), so the time it was first seen and its id survive for a later merge.

Every change is one transaction and gives back the statuses before it, which is what undoing
it needs: `set(previous)` puts them back. Reading every status at start is one query over a
table without joins: 100,000 rows load in a few tens of milliseconds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from reader.store.annotations import now
from reader.store.database import Database

_CHUNK = 500
"""Words per query when reading the statuses of many words (SQLite's variable limit)."""


class Status(IntEnum):
    NEW = 0
    LEARNING_1 = 1
    LEARNING_2 = 2
    LEARNING_3 = 3
    LEARNING_4 = 4
    IGNORED = 98
    KNOWN = 99

    @property
    def name_shown(self) -> str:
        """The name a reader sees and types: new, 1-4, known, ignored."""
        return _NAMES[self]

    @property
    def learning(self) -> bool:
        return 1 <= self <= 4

    @classmethod
    def parse(cls, text: str) -> Status:
        """The status a reader typed (new, 1-4, known, ignored); ValueError otherwise."""
        found = _BY_NAME.get(text.strip().lower())
        if found is None:
            names = ", ".join(_NAMES.values())
            raise ValueError(f"{text!r} is not a status (one of: {names})")
        return found


_NAMES = {
    Status.NEW: "new",
    Status.LEARNING_1: "1",
    Status.LEARNING_2: "2",
    Status.LEARNING_3: "3",
    Status.LEARNING_4: "4",
    Status.KNOWN: "known",
    Status.IGNORED: "ignored",
}
_BY_NAME = {name: status for status, name in _NAMES.items()}
_BY_NUMBER = {int(status): status for status in Status}


@dataclass(frozen=True)
class WordStatus:
    word: str
    status: Status
    id: str
    """A UUID, made when the word first got a row; the key for merging two stores."""
    first_seen: datetime
    updated: datetime
    version: int


class WordStatuses:
    def __init__(self, database: Database) -> None:
        self._database = database

    def all(self) -> dict[str, Status]:
        """Every word whose status is not new."""
        rows = self._database.query("SELECT word, status FROM word_statuses WHERE status != 0")
        by_number = _BY_NUMBER  # Status(number) would take 0.1 s for 100,000 rows
        return {word: by_number[status] for word, status in rows}

    def get(self, word: str) -> WordStatus | None:
        rows = self._database.query(
            "SELECT word, status, id, first_seen, updated, version FROM word_statuses "
            "WHERE word = ?",
            (word,),
        )
        if not rows:
            return None
        word, status, id_, first_seen, updated, version = rows[0]
        return WordStatus(
            word,
            Status(status),
            id_,
            datetime.fromisoformat(first_seen),
            datetime.fromisoformat(updated),
            version,
        )

    def status(self, word: str) -> Status:
        record = self.get(word)
        return Status.NEW if record is None else record.status

    def statuses(self, words: Iterable[str]) -> dict[str, Status]:
        """The status of each word (new for words without a row)."""
        wanted = list(dict.fromkeys(words))
        found = dict.fromkeys(wanted, Status.NEW)
        for first in range(0, len(wanted), _CHUNK):
            chunk = wanted[first : first + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self._database.query(
                f"SELECT word, status FROM word_statuses WHERE word IN ({marks})", chunk
            )
            found.update((word, Status(status)) for word, status in rows)
        return found

    def set(self, changes: Mapping[str, Status]) -> dict[str, Status]:
        """Give each word its status, in one transaction; returns the statuses they had
        (new for words without a row), which `set` takes back to undo the change. Words
        whose status does not change are left alone (their times too)."""
        with self._database.transaction():
            before = self.statuses(changes)
            moment = now().isoformat(timespec="milliseconds")
            rows = [
                (word, int(Status(status)), str(uuid.uuid4()), moment, moment)
                for word, status in changes.items()
                if before[word] != status and word
            ]
            self._database.executemany(
                "INSERT INTO word_statuses (word, status, id, first_seen, updated) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (word) DO UPDATE SET "
                "status = excluded.status, updated = excluded.updated, version = version + 1",
                rows,
            )
        return {word: before[word] for word, *_ in rows}

    def count(self, status: Status | None = None) -> int:
        if status is None:
            return self._database.query("SELECT count(*) FROM word_statuses WHERE status != 0")[0][
                0
            ]
        return self._database.query(
            "SELECT count(*) FROM word_statuses WHERE status = ?", (int(status),)
        )[0][0]

    def words_with(self, status: Status) -> list[str]:
        """The words of one status, in the order they got it."""
        rows = self._database.query(
            "SELECT word FROM word_statuses WHERE status = ? ORDER BY updated, word",
            (int(status),),
        )
        return [word for (word,) in rows]
