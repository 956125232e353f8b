"""What a frequency list (and the concordance it asks for) covers: the open document, one
of its sections, or the whole library."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class ScopeKind(str, Enum):
    DOCUMENT = "document"
    SECTION = "section"
    LIBRARY = "library"


@dataclass(frozen=True)
class FrequencyScope:
    kind: ScopeKind
    path: Path | None = None
    """The document's file (None for the library, or a document not read from a file)."""
    span: tuple[int, int] | None = None
    """The section's start and end in the document's text (SECTION only)."""
    label: str = ""
    """How the scope reads in the dialog: "Whole document", a section's heading, "Library"."""
