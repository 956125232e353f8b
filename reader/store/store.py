"""The store as the app and the CLI use it: open it, open a document in it, read and write.

A damaged store file never stops Reader: it is moved aside under a timestamped name, a new
store is started, and `Store.notice` says so for the caller to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from reader.document.model import Document
from reader.store.anchoring import reanchor
from reader.store.annotations import Annotation, Annotations
from reader.store.colours import ColourNames
from reader.store.database import CorruptStoreError, Database, StoreError
from reader.store.documents import DocumentRecord, Documents
from reader.store.location import STORE_FILE


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
            placements = reanchor(
                document.text,
                [(a.anchor, None if a.orphan else (a.start, a.end)) for a in annotations],
            )
            placed = self.annotations.place(
                document.text, list(zip(annotations, placements, strict=True))
            )
        unchanged = sum(
            1
            for a, p in zip(annotations, placements, strict=True)
            if p is not None and not a.orphan and (p.start, p.end) == (a.start, a.end)
        )
        moved = sum(1 for p in placements if p is not None) - unchanged
        placed.sort(key=lambda a: (a.start, a.end, a.created, a.id))
        orphans = [a for a in placed if a.orphan]
        return OpenedDocument(record, placed, AnchorReport(unchanged, moved, orphans))

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(data_dir: Path) -> Store:
    """Open (or create) the store in `data_dir`.

    Raises StoreError when it cannot be opened (a read-only or full disk, a newer store);
    a damaged file is moved aside and a fresh store opened instead.
    """
    path = Path(data_dir) / STORE_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(path.parent, f"cannot create the data folder ({error.strerror})") from None
    try:
        return Store(Database(path))
    except CorruptStoreError as error:
        aside = _move_aside(path)
        notice = (
            f"The annotation store {path} was damaged ({error.reason}). It was moved to "
            f"{aside.name} in the same folder, and a new, empty store was started."
        )
        return Store(Database(path), notice)


def _move_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
    try:
        path.replace(aside)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
    except OSError as error:
        raise StoreError(
            path, f"is damaged and could not be moved aside ({error.strerror})"
        ) from None
    return aside
