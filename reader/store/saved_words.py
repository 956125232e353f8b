"""Words the reader saved to study, each with the sentence it came from.

A saved word holds everything a flash card shows, worked out when it was saved (its pinyin
as read in that sentence, the senses the reader chose, its traditional form and HSK level),
so an export needs no dictionary and a card says what the reader saw. Like annotations,
every record has a UUID, an update time and a version: `save` writes an edit only over the
version it was read at (StaleSavedWord otherwise), `delete` returns the record and
`restore` puts it back under the same id, which is what undo needs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from reader.store.annotations import TAG_SEPARATOR, clean_tags, now
from reader.store.database import Database, StoreError

_COLUMNS = (
    "id, word, written, traditional, pinyin, meaning, hsk, sentence, word_start, word_end, "
    "sentence_pinyin, document_path, document_title, section, offset, tags, created, updated, "
    "version"
)


@dataclass(frozen=True)
class SavedWord:
    word: str
    """The simplified form: the key its status has."""
    sentence: str
    word_start: int
    word_end: int
    """The word's place in `sentence`, half-open code-point offsets."""
    written: str = ""
    """As the document writes it (traditional in a traditional text); the word if not given."""
    traditional: str = ""
    pinyin: str = ""
    """As read in its sentence, in the pinyin style Reader shows (tone marks)."""
    meaning: str = ""
    """The senses the reader chose, one per line."""
    hsk: str = ""
    """Its HSK level's label ("3", "7–9"), or empty."""
    sentence_pinyin: str = ""
    document_path: str = ""
    document_title: str = ""
    section: str = ""
    offset: int = 0
    """The word's offset in the document's text, to jump back to it."""
    tags: tuple[str, ...] = ()
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    version: int = field(default=0, compare=False)
    """The store's version when this copy was read (0: never written)."""

    def __post_init__(self) -> None:
        if not 0 <= self.word_start < self.word_end <= len(self.sentence):
            raise ValueError(
                f"the word's place {self.word_start}-{self.word_end} is not in its sentence"
            )
        if not self.written:
            object.__setattr__(self, "written", self.word)

    @property
    def source(self) -> str:
        """Where the word was met: the document's title and the section's."""
        return " · ".join(part for part in (self.document_title, self.section) if part)


def saved_edit(
    saved: SavedWord,
    *,
    pinyin: str | None = None,
    meaning: str | None = None,
    tags: tuple[str, ...] | list[str] | None = None,
) -> SavedWord:
    """The saved word with what is given changed, and the time of the edit."""
    return replace(
        saved,
        pinyin=saved.pinyin if pinyin is None else pinyin,
        meaning=saved.meaning if meaning is None else meaning,
        tags=saved.tags if tags is None else clean_tags(tags),
        updated=now(),
    )


class StaleSavedWord(StoreError):
    """The record changed (or went) in the store since the copy being saved was read."""

    def __init__(self, path: Path, current: SavedWord | None) -> None:
        super().__init__(
            path,
            "the saved word was changed or deleted elsewhere since it was shown; nothing "
            "was written",
        )
        self.current = current


class SavedWords:
    def __init__(self, database: Database) -> None:
        self._database = database

    def all(self) -> list[SavedWord]:
        """Every saved word, the most recently saved first."""
        rows = self._database.query(
            f"SELECT {_COLUMNS} FROM saved_words ORDER BY created DESC, rowid DESC"
        )
        return [_saved(row) for row in rows]

    def get(self, saved_id: str) -> SavedWord | None:
        rows = self._database.query(f"SELECT {_COLUMNS} FROM saved_words WHERE id = ?", (saved_id,))
        return _saved(rows[0]) if rows else None

    def count(self) -> int:
        return self._database.query("SELECT count(*) FROM saved_words")[0][0]

    def save(self, saved: SavedWord) -> SavedWord:
        """Write a new saved word or an edit of one; returns it as stored (its version).
        An edit of a copy older than the store's record raises StaleSavedWord."""
        with self._database.transaction():
            current = self.get(saved.id)
            if saved.version and (current is None or current.version != saved.version):
                raise StaleSavedWord(self._database.path, current)
            if not saved.version and current is not None:
                raise StaleSavedWord(self._database.path, current)
            self._write(saved, 1 if current is None else current.version + 1)
        return replace(saved, version=1 if current is None else current.version + 1)

    def delete(self, saved_id: str) -> SavedWord | None:
        """Remove the record; returns it (None if it was not there) for `restore`."""
        with self._database.transaction():
            current = self.get(saved_id)
            self._database.execute("DELETE FROM saved_words WHERE id = ?", (saved_id,))
        return current

    def restore(self, saved: SavedWord) -> SavedWord:
        """Put a deleted record back under its id (undo of `delete`)."""
        with self._database.transaction():
            current = self.get(saved.id)
            version = (current.version if current else saved.version) + 1
            self._database.execute("DELETE FROM saved_words WHERE id = ?", (saved.id,))
            self._write(saved, version)
        return replace(saved, version=version)

    def _write(self, saved: SavedWord, version: int) -> None:
        marks = ", ".join("?" * 19)
        self._database.execute(
            f"INSERT OR REPLACE INTO saved_words ({_COLUMNS}) VALUES ({marks})",
            (
                saved.id,
                saved.word,
                saved.written,
                saved.traditional,
                saved.pinyin,
                saved.meaning,
                saved.hsk,
                saved.sentence,
                saved.word_start,
                saved.word_end,
                saved.sentence_pinyin,
                saved.document_path,
                saved.document_title,
                saved.section,
                saved.offset,
                TAG_SEPARATOR.join(clean_tags(saved.tags)),
                saved.created.isoformat(timespec="milliseconds"),
                saved.updated.isoformat(timespec="milliseconds"),
                version,
            ),
        )


def _saved(row: tuple) -> SavedWord:
    names = [name.strip() for name in _COLUMNS.split(",")]
    values = dict(zip(names, row, strict=True))
    values["tags"] = tuple(tag for tag in values["tags"].split(TAG_SEPARATOR) if tag)
    values["created"] = datetime.fromisoformat(values["created"])
    values["updated"] = datetime.fromisoformat(values["updated"])
    return SavedWord(**values)
