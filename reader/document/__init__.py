"""Documents: files read into one canonical text with typed blocks and a section tree."""

from reader.document.errors import DocumentError
from reader.document.importers import open_document, source_text
from reader.document.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS
from reader.document.model import Block, BlockKind, Document, Section
from reader.document.structure import build_document

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "Block",
    "BlockKind",
    "Document",
    "DocumentError",
    "Section",
    "build_document",
    "open_document",
    "source_text",
]
