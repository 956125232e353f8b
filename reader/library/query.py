"""What a library search is asked, and what it finds (reader.library.search)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class QueryError(ValueError):
    """The query cannot be searched (not pinyin, say); the message is for the user."""


@dataclass(frozen=True)
class LibraryQuery:
    text: str
    pinyin: bool = False
    notes: bool = False
    """Search the annotations (quote, note, tags) instead of the documents' text."""
    documents: frozenset[int] | None = None
    """Only these documents; None for all."""
    tags: frozenset[str] = frozenset()
    """Annotations carrying any of these tags (case ignored); empty for any."""
    colours: frozenset[str] = frozenset()
    """Annotations of any of these colours; empty for any."""


@dataclass(frozen=True)
class Hit:
    document_id: int
    path: Path | None
    title: str
    start: int
    end: int
    """Offsets into the document's text (for a note, the annotation's)."""
    section: str
    left: str
    match: str
    right: str
    """Context on one line: line breaks shown as spaces."""
    annotation_id: str | None = None
