"""The store as the app and the CLI use it: open it, open a document in it, read and write.

A damaged store file, or a file that is not a Reader store at all, never stops Reader: it is
moved aside under a timestamped name, a new store is started, and `Store.notice` says so for
the caller to show. A store opened read-only (for an export) writes nothing: documents are
read with `read_document`, which re-anchors in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.document.model import Document
from reader.store.anchoring import Placement, reanchor
from reader.store.annotations import Annotation, Annotations, placed
from reader.store.colours import ColourNames
from reader.store.damaged import file_identity, move_aside
from reader.store.database import BUSY_TIMEOUT_SECONDS, CorruptStoreError, Database, StoreError
from reader.store.documents import DocumentRecord, Documents
from reader.store.library import Library
from reader.store.location import STORE_FILE
from reader.store.saved_words import SavedWords
from reader.store.schema import SCHEMA_VERSION
from reader.store.word_status import WordStatuses


@dataclass(frozen=True)
class AnchorReport:
    """What re-anchoring did when a document's text had changed."""

    unchanged: int = 0
    moved: int = 0
    orphans: list[Annotation] = field(default_factory=list)
    """Annotations not found in the new text (kept, marked, listed here)."""

    @property
    def message(self) -> str:
        parts = [f"{self.moved} moved", f"{len(self.orphans)} not found in the text"]
        return f"The text has changed since it was annotated: {', '.join(parts)}."


@dataclass(frozen=True)
class OpenedDocument:
    record: DocumentRecord
    annotations: list[Annotation]
    """All of the document's annotations in reading order, orphans included."""
    report: AnchorReport | None = None
    """Set when the text had changed and the annotations were re-anchored."""


class Store:
    def __init__(self, database: Database, notice: str | None = None) -> None:
        self.database = database
        self.notice = notice
        """Something the user should be told about opening the store (a damaged file moved)."""
        self.documents = Documents(database)
        self.annotations = Annotations(database)
        self.colours = ColourNames(database)
        self.word_statuses = WordStatuses(database)
        self.saved_words = SavedWords(database)
        self.library = Library(database)

    @property
    def path(self) -> Path:
        return self.database.path

    def open_document(self, document: Document) -> OpenedDocument:
        """Register the document and load its annotations, re-anchoring them if its text
        changed since they were made. One transaction: a crash leaves the old anchors."""
        with self.database.transaction():
            registration = self.documents.register(document)
            record = registration.record
            annotations = self.annotations.for_document(record.id)
            if not registration.text_changed or not annotations:
                return OpenedDocument(record, annotations)
            moves = _placements(document.text, annotations)
            now_placed = self.annotations.place(document.text, moves)
        return OpenedDocument(record, *_reported(moves, now_placed))

    def read_document(self, document: Document) -> OpenedDocument | None:
        """The document's record and annotations, re-anchored in memory if its text changed,
        writing nothing (a read-only store, an export); None for a document never opened."""
        record = self.documents.find(document)
        if record is None:
            return None
        annotations = self.annotations.for_document(record.id)
        if record.fingerprint == document.fingerprint or not annotations:
            return OpenedDocument(record, annotations)
        moves = _placements(document.text, annotations)
        now_placed = [placed(document.text, a, placement) for a, placement in moves]
        return OpenedDocument(record, *_reported(moves, now_placed))

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Moves = list[tuple[Annotation, Placement | None]]


def _placements(text: str, annotations: list[Annotation]) -> Moves:
    """Where re-anchoring finds each annotation in the changed text (None: not found)."""
    placements = reanchor(
        text, [(a.anchor, None if a.orphan else (a.start, a.end)) for a in annotations]
    )
    return list(zip(annotations, placements, strict=True))


def _reported(moves: Moves, now_placed: list[Annotation]) -> tuple[list[Annotation], AnchorReport]:
    """The annotations as placed, in reading order, and what re-anchoring did."""
    unchanged = sum(
        1
        for a, p in moves
        if p is not None and not a.orphan and (p.start, p.end) == (a.start, a.end)
    )
    moved = sum(1 for _, p in moves if p is not None) - unchanged
    ordered = sorted(now_placed, key=lambda a: (a.start, a.end, a.created, a.id))
    return ordered, AnchorReport(unchanged, moved, [a for a in ordered if a.orphan])


def open_store(
    data_dir: Path, *, read_only: bool = False, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> Store:
    """Open (or create) the store in `data_dir`; read-only, open it for reading alone.
    `busy_timeout`: how many seconds a write waits for another process's (see Database).

    Raises StoreError when it cannot be opened (a read-only or full disk, a newer store);
    a damaged file, or another program's, is moved aside and a fresh store opened instead.
    Read-only, a store not made yet reads as an empty one, and one from an older Reader is
    upgraded first (the one write a read makes, without which it could not be read).
    """
    path = Path(data_dir) / STORE_FILE
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                path.parent, f"cannot create the data folder ({error.strerror})"
            ) from None
    seen = file_identity(path)
    try:
        return Store(_open_database(path, read_only, busy_timeout))
    except CorruptStoreError as error:
        aside = move_aside(path, seen)
        if aside is None:  # another Reader moved it first, and may have started a new store
            return Store(_open_database(path, read_only, busy_timeout))
        notice = (
            f"The annotation store {path} could not be used: {error.reason}. It was moved "
            f"to {aside.name} in the same folder, and a new, empty store was started."
        )
        return Store(_open_database(path, read_only, busy_timeout), notice)


def _open_database(path: Path, read_only: bool, busy_timeout: float) -> Database:
    if not read_only:
        return Database(path, busy_timeout=busy_timeout)
    database = Database(path, read_only=True, busy_timeout=busy_timeout)
    if not database.read_only or database.user_version() >= SCHEMA_VERSION:
        return database
    database.close()
    Database(path, busy_timeout=busy_timeout).close()
    return Database(path, read_only=True, busy_timeout=busy_timeout)
