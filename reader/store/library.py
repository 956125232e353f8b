"""The library: every document the reader has opened or added, as the store remembers it.

A document leaves the library by being unlisted, never deleted: its annotations, word
statuses and saved words stay, and opening or adding it again lists it again. The files
themselves are never touched. What a list shows of a file (missing or not) is looked at
when asked, since files come and go while Reader runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.document.model import Document
from reader.store.database import Database
from reader.store.documents import Documents, file_facts

_COLUMNS = (
    "id, path, title, format, size, modified, fingerprint, length, added, first_opened, "
    "opened, progress, coverage"
)


@dataclass(frozen=True)
class LibraryEntry:
    id: int
    path: Path | None
    title: str
    format: str
    """The file's suffix without the dot ("txt", "epub"), "" for a document without a file."""
    size: int
    """The file's size in bytes when it was last read."""
    modified: float
    """The file's modification time (seconds since the epoch) when it was last read."""
    fingerprint: str
    length: int
    """Characters in the document's text."""
    added: str
    first_opened: str
    """"" for a document added but never opened; times are ISO 8601, UTC."""
    last_opened: str
    progress: float
    """The share of the text read (0-1), as far as the reader's place went."""
    coverage: float | None
    """The share of its running words the reader knows (0-1), None until counted."""

    @property
    def missing(self) -> bool:
        """The file is no longer where the library has it."""
        try:
            return self.path is None or not self.path.is_file()
        except OSError:
            return True

    @property
    def changed_on_disk(self) -> bool:
        """The file's size or modification time differ from when it was read: its text may
        have changed (a scan reads it again to know)."""
        _, size, modified = file_facts(self.path)
        return (size, modified) != (self.size, self.modified)


def _entry(row: tuple) -> LibraryEntry:
    id_, path, *rest = row
    return LibraryEntry(id_, Path(path) if path else None, *rest)


class Library:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._documents = Documents(database)

    def entries(self) -> list[LibraryEntry]:
        """The listed documents, the last opened first, then those never opened, the last
        added first."""
        return [
            _entry(row)
            for row in self._database.query(
                f"SELECT {_COLUMNS} FROM documents WHERE listed = 1 "
                "ORDER BY opened DESC, added DESC, id DESC"
            )
        ]

    def entry(self, document_id: int) -> LibraryEntry | None:
        """The document's entry, listed or not."""
        rows = self._database.query(
            f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        )
        return _entry(rows[0]) if rows else None

    def find_path(self, path: Path) -> LibraryEntry | None:
        """The listed document read from the file at `path` (as given, or resolved)."""
        for candidate in dict.fromkeys((str(path), str(_resolved(path)))):
            rows = self._database.query(
                f"SELECT {_COLUMNS} FROM documents WHERE path = ? AND listed = 1", (candidate,)
            )
            if rows:
                return _entry(rows[0])
        return None

    def add(self, document: Document) -> LibraryEntry:
        """List the document (registered if new, brought up to date if known), without
        counting it as opened."""
        record = self._documents.register(document, opened=False).record
        entry = self.entry(record.id)
        assert entry is not None
        return entry

    def remove(self, document_id: int) -> None:
        """Unlist the document; its annotations and its file are left as they are."""
        self._database.execute("UPDATE documents SET listed = 0 WHERE id = ?", (document_id,))

    def relink(self, document_id: int, path: Path) -> None:
        """The document's file is now at `path` (the caller has checked it holds its text).
        Raises ValueError when another document of the store is read from that file."""
        other = self._database.query(
            "SELECT title FROM documents WHERE path = ? AND id != ?", (str(path), document_id)
        )
        if other:
            raise ValueError(f"{path} is already the file of {other[0][0] or 'another document'}")
        format_, size, modified = file_facts(path)
        self._database.execute(
            "UPDATE documents SET path = ?, format = ?, size = ?, modified = ?, listed = 1 "
            "WHERE id = ?",
            (str(path), format_, size, modified, document_id),
        )

    def set_progress(self, document_id: int, share: float) -> None:
        self._database.execute(
            "UPDATE documents SET progress = ? WHERE id = ?",
            (min(1.0, max(0.0, share)), document_id),
        )

    def set_coverage(self, document_id: int, share: float | None) -> None:
        self._database.execute(
            "UPDATE documents SET coverage = ? WHERE id = ?",
            (None if share is None else min(1.0, max(0.0, share)), document_id),
        )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path
