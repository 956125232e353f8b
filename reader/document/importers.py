"""Reading files into Documents, with a plain reason for every file that cannot be opened.

open_document reads the bytes (limits.read_file: a regular file of at most MAX_FILE_BYTES),
tells the file's format from its first bytes and hands the bytes to the importer for that
format in IMPORTERS. Formats Reader does not read (images, archives, programs) are refused
here by name, so no importer sees them. Every importer ends in structure.assemble_document,
which holds each Document's text to limits.MAX_TEXT_CHARS.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.document.encoding import DecodedText, EncodingError, decode_text
from reader.document.errors import DocumentError
from reader.document.limits import read_file
from reader.document.model import Document
from reader.document.structure import build_document

Importer = Callable[[Path, bytes, "ReadOptions"], Document]
"""Makes a Document of a file's bytes, or raises DocumentError."""


@dataclass(frozen=True)
class ReadOptions:
    """What the user chose instead of detection; formats that carry their own ignore them."""

    encoding: str | None = None
    heading_pattern: str | None = None
    """A regular expression marking chapter-heading lines of a plain-text book."""


_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
}
"""Formats told by the file's name: to a byte sniffer Markdown and HTML are just text."""

# (offset, first bytes, what the file is) for formats a reader may mistake for a book.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (8, b"WEBP", "a WebP image"),
    (4, b"ftyp", "a video or HEIC image"),
    (0, b"ID3\x03", "an MP3 audio file"),
    (0, b"ID3\x04", "an MP3 audio file"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document"),
    (60, b"BOOKMOBI", "a Kindle (MOBI) book"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\x7fELF", "a program (ELF)"),
    (0, b"\xcf\xfa\xed\xfe", "a program (Mach-O)"),
)
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_EPUB_MIMETYPE = b"application/epub+zip"


def open_document(
    path: Path | str, encoding: str | None = None, heading_pattern: str | None = None
) -> Document:
    """The Document for the file at `path`; `encoding` overrides detection for text files.

    Raises DocumentError with a reason for any file that cannot be opened, and
    UserPatternError (a ValueError) for a heading pattern that is not a usable regular
    expression or that runs past its time limit.
    """
    path = Path(path)
    options = ReadOptions(encoding, heading_pattern)
    data = read_file(path)
    return IMPORTERS[_format(path, data)](path, data, options)


def _format(path: Path, data: bytes) -> str:
    """The file's format, a key of IMPORTERS; DocumentError names the others it recognizes."""
    by_name = _SUFFIXES.get(path.suffix.lower())
    if by_name == "epub":
        return "epub"  # read_epub says what is wrong with a .epub that is not a readable one
    for offset, signature, what in _SIGNATURES:
        if data.startswith(signature, offset):
            raise DocumentError(path, f"is {what}, not text")
    if data.startswith(_ZIP_SIGNATURES):
        return _zip_format(path, data)
    return by_name or "text"


def _zip_format(path: Path, data: bytes) -> str:
    """The format of a ZIP file: "epub" for an EPUB book, DocumentError for any other ZIP."""
    import zipfile  # with what it loads, 5 ms of every start-up that opens a text file

    # The EPUB container puts its mimetype first and uncompressed, right after the header.
    if data.startswith(b"mimetype" + _EPUB_MIMETYPE, 30):
        return "epub"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _EPUB_MIMETYPE:
                return "epub"
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
        OSError,
    ):
        raise DocumentError(path, "is a ZIP archive that cannot be read, not text") from None
    if "word/document.xml" in names:
        raise DocumentError(path, "is a Word document, not text or an EPUB book")
    raise DocumentError(path, "is a ZIP archive, not an EPUB book")


def _import_text(path: Path, data: bytes, options: ReadOptions) -> Document:
    decoded = _decoded(path, data, options.encoding)
    document = build_document(
        decoded.text, path=path.resolve(), heading_pattern=options.heading_pattern
    )
    return _opened(document, path, decoded)


# Each format's reader is imported when a file of that format is opened: together they
# (markdown-it, the XML parser) cost every start-up about 0.06 s.


def _import_markdown(path: Path, data: bytes, options: ReadOptions) -> Document:
    from reader.document.markdown import read_markdown

    decoded = _decoded(path, data, options.encoding)
    return _opened(read_markdown(decoded.text, path), path, decoded)


def _import_html(path: Path, data: bytes, options: ReadOptions) -> Document:
    from reader.document.html import declared_charset, read_html

    declared = None if options.encoding else declared_charset(data)
    decoded = _decoded(path, data, options.encoding or declared)
    if declared and decoded.replacements:
        decoded = _decoded(path, data, None)  # the page's declaration was wrong: detect
    return _opened(read_html(decoded.text, path), path, decoded)


def _import_epub(path: Path, data: bytes, options: ReadOptions) -> Document:
    from reader.document.epub import read_epub

    document = read_epub(data, path)
    document.path = path.resolve()
    return document


def source_text(document: Document) -> str:
    """The text of a plain-text document's file as the file has it, before Reader joined or
    trimmed its lines: read again within the limits and decoded as the document was.

    The Chapter Pattern dialog searches these lines. DocumentError if the file is gone,
    has become something other than plain text, or no longer fits the limits.
    """
    path = document.path
    if path is None:
        raise DocumentError(document.title or "<document>", "was not read from a file")
    data = read_file(path)
    if _format(path, data) != "text":
        raise DocumentError(path, "is not a plain-text file: chapter patterns apply to those")
    return _decoded(path, data, document.encoding).text


def _decoded(path: Path, data: bytes, encoding: str | None) -> DecodedText:
    try:
        decoded = decode_text(data, encoding)
    except EncodingError as error:
        raise DocumentError(path, str(error)) from None
    if not decoded.text.replace("\x00", "").strip():
        raise DocumentError(path, "the file holds no text")
    return decoded


def _opened(document: Document, path: Path, decoded: DecodedText) -> Document:
    """The document as the file's: its full path, the encoding it was read in."""
    document.path = path.resolve()
    document.encoding = decoded.encoding
    document.replacements = decoded.replacements
    return document


IMPORTERS: dict[str, Importer] = {
    "text": _import_text,
    "markdown": _import_markdown,
    "html": _import_html,
    "epub": _import_epub,
}
"""Format name (as _format names it) to its importer."""
