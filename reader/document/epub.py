"""EPUB 2 and 3 books: the spine's documents in reading order, the book's own table of contents
as the section tree, text only.

The container names the package (OPF); the package gives the title, the manifest and the
spine. Each spine document goes through the HTML importer. Each table-of-contents entry
(EPUB 3 navigation document, else EPUB 2 NCX) becomes a heading at the place it points to:
the heading already there when there is one, else a heading made from the entry's label.

Untrusted archives are read with limits: a cap on entries and on bytes unpacked, on the text
they unpack to (limits.MAX_TEXT_CHARS, checked after each document), XML that declares
entities is refused, and nothing outside the archive is ever fetched. The contents may nest
any depth: the section tree keeps structure.MAX_SECTION_DEPTH levels.
"""

from __future__ import annotations

import bisect
import io
import posixpath
import xml.etree.ElementTree as ElementTree
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.document.errors import DocumentError
from reader.document.html import (
    DocumentParser,
    collapse_whitespace,
    declared_charset,
    extract,
    settle_headings,
)
from reader.document.limits import check_text_length
from reader.document.model import BlockKind, Document
from reader.document.structure import BlockDraft, assemble_document

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""The most an EPUB may unpack to: a bigger one is refused, however small the archive."""
MAX_ENTRIES = 10_000
"""The most files an EPUB may hold."""

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
"""Encryption algorithms that only scramble embedded fonts: not DRM, the text is readable."""
_DOCUMENT_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_DOCUMENT_SUFFIXES = (".xhtml", ".html", ".htm")
_NCX_TYPE = "application/x-dtbncx+xml"
_SEARCH_BLOCKS = 50
"""How far past the place a contents entry points to its heading is looked for."""
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
_ENTITY_DECLARATIONS = tuple(
    "<!ENTITY".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


@dataclass
class _Package:
    title: str
    spine: list[str]
    """Archive names of the documents to read, in reading order."""
    nav: str | None
    ncx: str | None


@dataclass
class _Entry:
    """One table-of-contents entry: its label, where it points and its depth (1 at the top)."""

    label: str
    target: str | None
    fragment: str
    depth: int


@dataclass
class _Spread:
    """The book's blocks before the contents are placed, and where each document's lie."""

    drafts: list[BlockDraft] = field(default_factory=list)
    starts: dict[str, int] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)
    anchors: dict[tuple[str, str], int] = field(default_factory=dict)


def read_epub(data: bytes, path: Path | None = None) -> Document:
    """The Document for an EPUB's bytes; DocumentError for anything that is not a readable one."""
    archive = _Archive(data, path or Path("<epub>"))
    package = archive.package()
    spread = _Spread()
    text_chars = 0
    for name in package.spine:
        if name in spread.starts:
            continue
        content = extract(_decode(archive.read(name, "a document of the book")))
        # Checked as it grows: a small archive can unpack to far more text than a book has.
        text_chars += sum(len(line) + 1 for draft in content.drafts for line in draft.lines)
        check_text_length(archive.where, text_chars)
        offset = len(spread.drafts)
        spread.starts[name] = offset
        spread.drafts.extend(content.drafts)
        spread.ends[name] = len(spread.drafts)
        for anchor, index in content.anchors.items():
            spread.anchors[(name, anchor)] = offset + index
    if not spread.drafts:
        raise DocumentError(archive.where, "the book holds no text")
    entries = archive.contents(package)
    if any(entry.target in spread.starts for entry in entries):
        drafts = _place_contents(spread, entries, package.title)
    else:
        drafts = settle_headings(spread.drafts, package.title)
    return assemble_document(drafts, path=path)


class _Archive:
    """The EPUB's ZIP archive, read within the limits, every failure a DocumentError."""

    def __init__(self, data: bytes, where: Path) -> None:
        self.where = where
        self._budget = MAX_UNPACKED_BYTES
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except zipfile.BadZipFile:
            raise DocumentError(where, "is not an EPUB (not a ZIP archive)") from None
        except _ZIP_ERRORS as error:
            raise DocumentError(where, f"is a damaged ZIP archive ({error})") from None
        if len(infos) > MAX_ENTRIES:
            raise DocumentError(where, f"holds more than {MAX_ENTRIES} files, too many for a book")
        self._names = {info.filename for info in infos}
        if _CONTAINER not in self._names:
            raise DocumentError(where, f"is a ZIP archive but not an EPUB (no {_CONTAINER})")
        if any(info.flag_bits & 0x1 for info in infos):
            raise DocumentError(where, "is protected by a password (encrypted ZIP entries)")
        if _ENCRYPTION in self._names:
            self._refuse_drm()

    def read(self, name: str, what: str) -> bytes:
        if name not in self._names:
            raise DocumentError(self.where, f"is a broken EPUB: {what} ({name}) is missing")
        try:
            with self._zip.open(name) as stream:
                data = stream.read(self._budget + 1)
        except _ZIP_ERRORS as error:
            raise DocumentError(
                self.where, f"is a damaged EPUB: cannot unpack {name} ({error})"
            ) from None
        if len(data) > self._budget:
            limit = MAX_UNPACKED_BYTES // (1024 * 1024)
            raise DocumentError(self.where, f"unpacks to more than {limit} MB, too much for a book")
        self._budget -= len(data)
        return data

    def xml(self, name: str, what: str) -> ElementTree.Element:
        data = self.read(name, what)
        if any(declaration in data for declaration in _ENTITY_DECLARATIONS):
            raise DocumentError(self.where, f"its {what} ({name}) declares XML entities")
        try:
            return ElementTree.fromstring(data)
        except ElementTree.ParseError as error:
            raise DocumentError(
                self.where, f"its {what} ({name}) is not valid XML ({error})"
            ) from None
        except (LookupError, ValueError):
            # The XML declaration names an encoding expat cannot use (idna, rot13, utf-7 ...),
            # which Python's codecs report in their own ways.
            raise DocumentError(
                self.where, f"its {what} ({name}) declares an encoding that is not one of text"
            ) from None

    def package(self) -> _Package:
        container = self.xml(_CONTAINER, "container")
        rootfile = next(
            (
                e.get("full-path")
                for e in container.iterfind(".//{*}rootfile")
                if e.get("full-path")
            ),
            None,
        )
        if rootfile is None:
            raise DocumentError(self.where, "is a broken EPUB: its container names no package")
        opf = self.xml(rootfile, "package file")
        title_element = opf.find("{*}metadata//{*}title")
        title = (
            "" if title_element is None else collapse_whitespace("".join(title_element.itertext()))
        )
        manifest: dict[str, tuple[str, str, str]] = {}
        for item in opf.iterfind("{*}manifest/{*}item"):
            identifier, href = item.get("id"), item.get("href")
            if identifier and href:
                name, _ = self._resolve(rootfile, href)
                manifest[identifier] = (
                    name,
                    item.get("media-type", ""),
                    item.get("properties", ""),
                )
        spine = [
            manifest[ref.get("idref", "")]
            for ref in opf.iterfind("{*}spine/{*}itemref")
            if ref.get("idref", "") in manifest
        ]
        documents = [
            name
            for name, media_type, _ in spine
            if media_type in _DOCUMENT_TYPES or name.lower().endswith(_DOCUMENT_SUFFIXES)
        ]
        if not documents:
            raise DocumentError(self.where, "is a broken EPUB: its spine lists no documents")
        nav = next((name for name, _, props in manifest.values() if "nav" in props.split()), None)
        spine_element = opf.find("{*}spine")
        toc_id = spine_element.get("toc", "") if spine_element is not None else ""
        ncx = manifest[toc_id][0] if toc_id in manifest else None
        if ncx is None:
            ncx = next((name for name, kind, _ in manifest.values() if kind == _NCX_TYPE), None)
        return _Package(title, documents, nav, ncx)

    def contents(self, package: _Package) -> list[_Entry]:
        """The table of contents: the navigation document's, else the NCX's, else none."""
        entries: list[_Entry] = []
        if package.nav in self._names:
            entries = self._nav_entries(package.nav)
        if not entries and package.ncx in self._names:
            entries = self._ncx_entries(package.ncx)
        return entries

    def _nav_entries(self, name: str) -> list[_Entry]:
        parser = _NavParser()
        parser.feed(_decode(self.read(name, "navigation document")))
        parser.close()
        entries = []
        for label, href, depth in parser.entries:
            target, fragment = self._resolve(name, href) if href else (None, "")
            entries.append(_Entry(collapse_whitespace(label), target, fragment, depth))
        return entries

    def _ncx_entries(self, name: str) -> list[_Entry]:
        root = self.xml(name, "table of contents (NCX)")
        entries = []
        pending = [(point, 1) for point in reversed(root.findall("{*}navMap/{*}navPoint"))]
        while pending:
            point, depth = pending.pop()
            text = point.find("{*}navLabel/{*}text")
            label = collapse_whitespace("".join(text.itertext())) if text is not None else ""
            content = point.find("{*}content")
            src = content.get("src") if content is not None else None
            target, fragment = self._resolve(name, src) if src else (None, "")
            entries.append(_Entry(label, target, fragment, depth))
            pending.extend((child, depth + 1) for child in reversed(point.findall("{*}navPoint")))
        return entries

    def _resolve(self, document: str, href: str) -> tuple[str, str]:
        """The archive name and fragment that a URL in `document` points to."""
        parts = urlsplit(href)
        name = document
        if parts.path:
            name = posixpath.normpath(posixpath.join(posixpath.dirname(document), parts.path))
        if name not in self._names and unquote(name) in self._names:
            name = unquote(name)
        return name, unquote(parts.fragment)

    def _refuse_drm(self) -> None:
        encryption = self.xml(_ENCRYPTION, "encryption list")
        for data in encryption.iterfind(".//{*}EncryptedData"):
            method = data.find("{*}EncryptionMethod")
            algorithm = method.get("Algorithm", "") if method is not None else ""
            if algorithm not in _FONT_OBFUSCATION:
                raise DocumentError(self.where, "is protected by DRM (encrypted content)")


class _NavParser(DocumentParser):
    """The entries of an EPUB 3 navigation document's toc nav: (label, href, depth)."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[str, str | None, int]] = []
        self._navs = 0
        self._done = False
        self._lists = 0
        self._label: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav" and not self._done:
            kinds = (attributes.get("epub:type") or "").split()
            if self._navs or "toc" in kinds or attributes.get("role") == "doc-toc":
                self._navs += 1
        elif not self._navs:
            return
        elif tag in ("ol", "ul"):
            self._end_label()
            self._lists += 1
        elif tag == "li":
            self._end_label()
            self.entries.append(("", None, max(self._lists, 1)))
            self._label = []
        elif tag == "a" and self._label is not None and self.entries:
            label, _, depth = self.entries[-1]
            self.entries[-1] = (label, attributes.get("href"), depth)

    def handle_endtag(self, tag: str) -> None:
        if not self._navs:
            return
        if tag == "nav":
            self._navs -= 1
            self._done = self._navs == 0
        elif tag in ("ol", "ul"):
            self._lists -= 1
        if tag in ("li", "nav", "ol", "ul"):
            self._end_label()

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label.append(data)

    def _end_label(self) -> None:
        if self._label is not None and self.entries:
            _, href, depth = self.entries[-1]
            self.entries[-1] = ("".join(self._label), href, depth)
        self._label = None


def _decode(data: bytes) -> str:
    try:
        return data.decode(declared_charset(data) or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _place_contents(spread: _Spread, entries: list[_Entry], title: str) -> list[BlockDraft]:
    """The book's drafts with each contents entry as a heading at its depth, named by its label.

    An entry takes the heading at its place whose text matches its label, else the first
    heading there if nothing but headings comes before it; failing both, its label is put in
    as a new heading. When several entries point to one place, only the last (the deepest)
    takes a heading without a matching label. Headings are looked for up to the next place an
    entry points to, and no further than _SEARCH_BLOCKS blocks. A heading taken by an entry
    also takes the headings right after it that spell out the rest of the label (第一章 / 风起
    under the entry 第一章 风起) as its further lines. Headings the contents do not list nest
    below the entry before them; before the first entry they are the front matter's (a title
    page's author line, say) and become subtitles, not sections.
    """
    drafts = spread.drafts
    placed: list[tuple[_Entry, int, int]] = []
    for entry in entries:
        if entry.target in spread.starts:
            end = spread.ends[entry.target]
            position = spread.anchors.get(
                (entry.target, entry.fragment), spread.starts[entry.target]
            )
            placed.append((entry, min(position, end), end))

    positions = sorted({position for _, position, _ in placed})
    still_to_come = Counter(position for _, position, _ in placed)
    claimed: dict[int, _Entry] = {}
    inserted: dict[int, list[_Entry]] = {}
    for entry, position, end in placed:
        following = bisect.bisect_right(positions, position)
        stop = min(positions[following] if following < len(positions) else end, end)
        stop = min(stop, position + _SEARCH_BLOCKS)
        still_to_come[position] -= 1
        positional = still_to_come[position] == 0
        heading = _heading_for(entry, drafts, position, stop, claimed, positional)
        if heading is not None:
            claimed[heading] = entry
        elif entry.label:
            inserted.setdefault(position, []).append(entry)

    result: list[BlockDraft] = []
    listed: set[int] = set()
    depth = 0
    index = 0
    while True:
        for entry in inserted.get(index, []):
            listed.add(len(result))
            result.append(BlockDraft(BlockKind.HEADING, [entry.label], entry.depth))
            depth = entry.depth
        if index == len(drafts):
            break
        draft = drafts[index]
        index += 1
        if index - 1 in claimed:
            entry = claimed[index - 1]
            lines = list(draft.lines)
            while (
                index < len(drafts)
                and drafts[index].kind is BlockKind.HEADING
                and index not in claimed
                and index not in inserted
                and _spells_out(entry.label, [*lines, *drafts[index].lines])
            ):
                lines.extend(drafts[index].lines)
                index += 1
            listed.add(len(result))
            result.append(BlockDraft(BlockKind.HEADING, lines, entry.depth, entry.label or None))
            depth = entry.depth
        elif draft.kind is BlockKind.HEADING and depth:
            result.append(BlockDraft(BlockKind.HEADING, draft.lines, depth + 1))
        elif draft.kind is BlockKind.HEADING:
            result.append(BlockDraft(BlockKind.SUBTITLE, draft.lines))
        else:
            result.append(draft)
    return _with_title(result, title)


def _heading_for(
    entry: _Entry,
    drafts: list[BlockDraft],
    position: int,
    stop: int,
    claimed: dict[int, _Entry],
    positional: bool,
) -> int | None:
    """The index of the heading an entry takes between `position` and `stop`, if any."""
    free = [
        index
        for index in range(position, stop)
        if drafts[index].kind is BlockKind.HEADING and index not in claimed
    ]
    for index in free:
        if _same(" ".join(drafts[index].lines), entry.label):
            return index
    if positional and free:
        first = free[0]
        if all(drafts[index].kind is BlockKind.HEADING for index in range(position, first)):
            return first
    return None


def _with_title(drafts: list[BlockDraft], title: str) -> list[BlockDraft]:
    """The book's title first: its title page's heading when that reads the same, else added."""
    if not title:
        return drafts
    for index, draft in enumerate(drafts):
        if draft.kind is BlockKind.HEADING:
            break
        if draft.kind is BlockKind.SUBTITLE and _normal(" ".join(draft.lines)) == _normal(title):
            return [*drafts[:index], BlockDraft(BlockKind.TITLE, draft.lines), *drafts[index + 1 :]]
    return [BlockDraft(BlockKind.TITLE, [title]), *drafts]


def _normal(text: str) -> str:
    return "".join(text.split()).casefold()


def _same(heading: str, label: str) -> bool:
    """A heading and a contents label that name the same place: one reads as the other's start.

    A number never continues a number: "Chapter 1" is not the start of "Chapter 10".
    """
    heading, label = _normal(heading), _normal(label)
    if not heading or not label:
        return False
    short, long = sorted((heading, label), key=len)
    if not long.startswith(short):
        return False
    return len(long) == len(short) or not (short[-1].isdigit() and long[len(short)].isdigit())


def _spells_out(label: str, lines: list[str]) -> bool:
    """Lines that together still read as the start of `label`."""
    joined = _normal("".join(lines))
    return _normal(label).startswith(joined)
