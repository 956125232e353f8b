"""Documents the store knows, by the fingerprint of their text and by path.

The path finds a file whose text changed (its annotations are then re-anchored); the
fingerprint finds a text whose file moved. The reading place is kept in the window's
settings, read before the first paint; the schema's `position` column is no longer used.
Every document registered is listed in the library (reader.store.library) again, with its
file's format, size and modification time as they are now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reader.document.model import Document
from reader.store.database import Database

_COLUMNS = "id, fingerprint, path, title, length"


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    fingerprint: str
    path: Path | None
    title: str
    length: int


@dataclass(frozen=True)
class Registration:
    """The record of a document just opened, and the fingerprint its text had before."""

    record: DocumentRecord
    previous_fingerprint: str | None
    """None for a new document or an unchanged text."""

    @property
    def text_changed(self) -> bool:
        return self.previous_fingerprint is not None


def _record(row: tuple) -> DocumentRecord:
    id_, fingerprint, path, title, length = row
    return DocumentRecord(id_, fingerprint, Path(path) if path else None, title, length)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Documents:
    def __init__(self, database: Database) -> None:
        self._database = database

    def get(self, document_id: int) -> DocumentRecord | None:
        rows = self._database.query(
            f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        )
        return _record(rows[0]) if rows else None

    def find(self, document: Document) -> DocumentRecord | None:
        """The record for this file, else for this text wherever it was read before."""
        if document.path is not None:
            rows = self._database.query(
                f"SELECT {_COLUMNS} FROM documents WHERE path = ?", (str(document.path),)
            )
            if rows:
                return _record(rows[0])
        rows = self._database.query(
            f"SELECT {_COLUMNS} FROM documents WHERE fingerprint = ? ORDER BY opened DESC",
            (document.fingerprint,),
        )
        return _record(rows[0]) if rows else None

    def register(self, document: Document, opened: bool = True) -> Registration:
        """Find or add the document, bringing its path, fingerprint, title and file facts up
        to date and listing it in the library; `opened` False for a document added to the
        library without being read (its opening times are left as they were)."""
        now = _now()
        facts = file_facts(document.path)
        with self._database.transaction():
            record = self.find(document)
            if record is None:
                cursor = self._database.execute(
                    "INSERT INTO documents (fingerprint, path, title, length, opened, format, "
                    "size, modified, added, first_opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        document.fingerprint,
                        str(document.path) if document.path else None,
                        document.title,
                        len(document.text),
                        now if opened else "",
                        *facts,
                        now,
                        now if opened else "",
                    ),
                )
                new = self.get(int(cursor.lastrowid or 0))
                assert new is not None
                return Registration(new, None)
            path = record.path
            if document.path is not None and path != document.path and not _exists(path):
                path = document.path  # the file moved (or was renamed): follow it
            if path != document.path:
                facts = file_facts(path)
            changed = record.fingerprint != document.fingerprint
            self._database.execute(
                "UPDATE documents SET fingerprint = ?, path = ?, title = ?, length = ?, "
                "format = ?, size = ?, modified = ?, listed = 1, "
                "added = CASE added WHEN '' THEN ? ELSE added END"
                + (
                    ", opened = ?, first_opened = CASE first_opened WHEN '' THEN ? "
                    "ELSE first_opened END"
                    if opened
                    else ""
                )
                + " WHERE id = ?",
                (
                    document.fingerprint,
                    str(path) if path else None,
                    document.title,
                    len(document.text),
                    *facts,
                    now,
                    *((now, now) if opened else ()),
                    record.id,
                ),
            )
            updated = self.get(record.id)
            assert updated is not None
            return Registration(updated, record.fingerprint if changed else None)

    def all(self) -> list[DocumentRecord]:
        """Most recently opened first."""
        return [
            _record(row)
            for row in self._database.query(
                f"SELECT {_COLUMNS} FROM documents ORDER BY opened DESC"
            )
        ]


def file_facts(path: Path | None) -> tuple[str, int, float]:
    """The file's format (its suffix, lower case, without the dot), size and modification
    time; a document without a file, or a file gone, has "" and zeros."""
    if path is None:
        return "", 0, 0.0
    suffix = path.suffix.lower().lstrip(".")
    try:
        found = path.stat()
    except OSError:
        return suffix, 0, 0.0
    return suffix, found.st_size, found.st_mtime


def _exists(path: Path | None) -> bool:
    try:
        return path is not None and path.exists()
    except OSError:
        return False
