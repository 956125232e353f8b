"""HTML files: the text a browser would show, as typed blocks; nothing is loaded or run.

Block elements end blocks; headings, list items and captions give a block its kind, and
everything else a browser shows becomes a paragraph. Whitespace collapses as CSS collapses
it, so a line break in the source between two Chinese characters vanishes rather than
turning into a space. Scripts, styles, the head, navigation and hidden elements are dropped;
images and other remote resources are never fetched.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from reader.document.encoding import EncodingError, codec_for
from reader.document.errors import DocumentError
from reader.document.model import BlockKind, Document
from reader.document.structure import BlockDraft, assemble_document


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_VOID = _tags(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta param "
    "source track wbr"
)
_BLOCK = _tags(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "listing main menu nav ol p plaintext pre section summary table tbody tfoot thead tr ul xmp"
)
_SKIPPED = _tags(
    "applet audio canvas datalist head iframe math nav noembed noframes noscript object rp rt "
    "script select style svg template textarea title video"
)
"""Elements whose content a reader does not see as the page's text (rt is pinyin or other
ruby annotation over the text: Reader shows its own)."""
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_PREFORMATTED = frozenset({"pre", "listing", "plaintext", "xmp"})
_CELLS = frozenset({"td", "th"})
_P_SCOPE = _tags("applet button caption html marquee object table td template th")
"""Elements a start tag's implied </p> does not reach across."""
_LIST_SCOPE = _tags("menu ol ul")
_KIND_GIVERS = frozenset(_HEADINGS) | {"caption", "figcaption", "li"}
_MAX_DEPTH = 512
"""Elements nested deeper are not tracked: their text still counts, their kind or hiding not."""
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_COLLAPSIBLE = re.compile(r"[ \t\n\f]+")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufeff]")
_SEPARATORS = str.maketrans({"\r": "\n"} | dict.fromkeys("\x0b\x1c\x1d\x1e\x85\u2028\u2029", " "))
"""Old Mac line ends become newlines; other characters str.splitlines breaks at, spaces."""

_XML_DECLARATION = re.compile(rb"""\A<\?xml[^>]*?encoding\s*=\s*["']\s*([\w.:-]+)""")
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_SCAN_BYTES = 4096
_CHARSET_FAMILIES = {
    "gb18030": "chinese csgb2312 csiso58gb231280 gb18030 gb2312 gb_2312 gb_2312-80 gbk "
    "iso-ir-58 x-gbk",
    "big5": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "cp1252": "ansi_x3.4-1968 ascii cp1252 iso-8859-1 iso8859-1 latin1 us-ascii windows-1252",
    "utf-8": "unicode-1-1-utf-8 utf-16 utf-16be utf-16le utf-8 utf8",
}
_CHARSET_NAMES = {
    label: name for name, labels in _CHARSET_FAMILIES.items() for label in labels.split()
}


@dataclass
class HtmlContent:
    """One HTML document's blocks, before the title is chosen and heading levels settled."""

    drafts: list[BlockDraft]
    """Headings carry their tag's level: h1 is 1, h6 is 6."""
    anchors: dict[str, int]
    """Element id → index of the first draft at or after the element (len(drafts) if none)."""
    title: str
    """The <title>, whitespace collapsed; "" when there is none."""


def read_html(text: str, path: Path | None = None) -> Document:
    """The Document for decoded HTML (or XHTML) text."""
    content = extract(text)
    drafts = settle_headings(content.drafts, content.title)
    if not any(draft.kind is not BlockKind.TITLE for draft in drafts):
        raise DocumentError(path or Path("<html>"), "the page holds no text")
    return assemble_document(drafts, path=path)


def declared_charset(data: bytes) -> str | None:
    """The encoding raw HTML declares: its byte-order mark, XML declaration or <meta> charset.

    Labels are read as browsers read them (the WHATWG Encoding Standard): gb2312 and gbk mean
    gb18030, its superset; ascii and latin-1 mean cp1252; utf-16 in a <meta> means utf-8,
    since the tag could be read as ASCII. The Big5 family is returned as "big5" for the
    caller to choose a variant. None when nothing is declared, or the label is unknown or
    names no encoding of text (encoding.codec_for).
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:_CHARSET_SCAN_BYTES]
    match = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _CHARSET_NAMES:
        return _CHARSET_NAMES[label]
    try:
        return codec_for(label)  # only encodings of text: not idna, punycode, rot13, base64 ...
    except EncodingError:
        return None


def extract(text: str) -> HtmlContent:
    """Blocks, anchors and title of an HTML document; never raises on malformed markup."""
    parser = _BlockParser()
    parser.feed(text)
    parser.close()
    parser.finish()
    title = collapse_whitespace(" ".join(parser.title_parts))
    return HtmlContent(parser.drafts, parser.anchors, title)


def settle_headings(drafts: list[BlockDraft], title: str = "") -> list[BlockDraft]:
    """Choose the title block and turn heading tag levels into section levels.

    The first heading is the title when it outranks every other heading (one h1 over h2s);
    otherwise `title` (the page's <title> or a book's metadata) is put first as the title,
    if there is one. The remaining headings are numbered from 1 for the highest rank used,
    so h2 and h3 under an h1 title become levels 1 and 2, and a page that starts at h2
    gets level-1 sections too.
    """
    headings = [index for index, draft in enumerate(drafts) if draft.kind is BlockKind.HEADING]
    result = list(drafts)
    if headings and all(drafts[i].level > drafts[headings[0]].level for i in headings[1:]):
        result[headings[0]] = BlockDraft(BlockKind.TITLE, drafts[headings[0]].lines)
        headings = headings[1:]
    elif title:
        result.insert(0, BlockDraft(BlockKind.TITLE, [title]))
        headings = [index + 1 for index in headings]
    if headings:
        top = min(result[index].level for index in headings)
        for index in headings:
            draft = result[index]
            result[index] = BlockDraft(BlockKind.HEADING, draft.lines, draft.level - top + 1)
    return result


def collapse_whitespace(text: str) -> str:
    """One line of flowing text as a browser shows it: whitespace runs become one space.

    A run that holds a line break between two East Asian wide characters (Chinese, Japanese)
    vanishes, as CSS Text 3 removes such segment breaks; so does one between a wide character
    and punctuation that Chinese shares with English (“ ” … —). The ends are trimmed as plain
    text lines are (U+3000 indentation included). Invisible control characters are dropped.
    """
    text = _INVISIBLE.sub("", text.translate(_SEPARATORS))

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if (
            "\n" in match.group()
            and start > 0
            and end < len(text)
            and _joins_without_space(text[start - 1], text[end])
        ):
            return ""
        return " "

    return _COLLAPSIBLE.sub(replace, text).strip()


def preformatted_lines(text: str) -> list[str]:
    """The non-blank lines of preformatted text (<pre>, a code block), trailing space trimmed."""
    text = _INVISIBLE.sub("", text.translate(_SEPARATORS))
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def _joins_without_space(before: str, after: str) -> bool:
    if is_wide(before):
        return is_wide(after) or _is_shared_punctuation(after)
    return is_wide(after) and _is_shared_punctuation(before)


def _is_shared_punctuation(char: str) -> bool:
    return unicodedata.east_asian_width(char) == "A" and unicodedata.category(char)[0] == "P"


def is_wide(char: str) -> bool:
    """An East Asian wide character other than Hangul: written without spaces between words."""
    return unicodedata.east_asian_width(char) in "WFH" and not _is_hangul(char)


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7FF


class DocumentParser(HTMLParser):
    """An HTMLParser for a whole document fed in one call: it never raises, and stays linear.

    A construct left open at the end of the input (a comment, a tag) runs to its end, as in
    a browser. The whole document is fed at once, so "incomplete" can only mean that;
    Python 3.11's own parser would instead scan to the end again at every "<" after such a
    construct, which makes a page of unclosed comments take minutes.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def parse_starttag(self, i: int) -> int:
        return self._to_end(super().parse_starttag(i))

    def parse_endtag(self, i: int) -> int:
        return self._to_end(super().parse_endtag(i))

    def parse_comment(self, i: int, report: int = 1) -> int:
        return self._to_end(super().parse_comment(i, report))

    def parse_pi(self, i: int) -> int:
        return self._to_end(super().parse_pi(i))

    def parse_html_declaration(self, i: int) -> int:
        return self._to_end(super().parse_html_declaration(i))

    def parse_bogus_comment(self, i: int, report: int = 1) -> int:
        return self._to_end(super().parse_bogus_comment(i, report))

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """<![CDATA[...]]> is text, as in XHTML; other <![...]> (Word's <![if ...]>) is dropped.

        Replaces the parser's own, which raises AssertionError on an unknown keyword.
        """
        if self.rawdata.startswith("<![CDATA[", i):
            end = self.rawdata.find("]]>", i)
            if end < 0:
                return -1
            self.handle_data(self.rawdata[i + len("<![CDATA[") : end])
            return end + len("]]>")
        end = self.rawdata.find(">", i)
        return -1 if end < 0 else end + 1

    def _to_end(self, position: int) -> int:
        return len(self.rawdata) if position < 0 else position


@dataclass
class _Open:
    """An element that is open while the parser reads on."""

    tag: str
    skipped: bool
    emitted: bool = False
    """For list items: a block inside it was already emitted (so later ones are paragraphs)."""


class _BlockParser(DocumentParser):
    """Blocks from HTML fed whole, in one call.

    Only elements that shape blocks (block elements, cells, skipped and hidden elements) are
    tracked, each tag with a stack of where it is open, so that no step looks through all
    open elements: badly nested or unclosed markup costs no more than tidy markup.
    """

    def __init__(self) -> None:
        super().__init__()
        self.drafts: list[BlockDraft] = []
        self.anchors: dict[str, int] = {}
        self.title_parts: list[str] = []
        self._open: list[_Open] = []
        self._where: dict[str, list[int]] = {}
        """Tag → indices in _open where that tag is open, innermost last."""
        self._skipping = 0
        self._title_read = False
        self._lines: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._lines.append([])
            return
        if tag in _BLOCK and not self._skipping:
            self._flush()
        self._close_implied(tag)
        attributes = dict(attrs)
        if tag in _CELLS and self._lines[-1]:
            self._lines[-1].append(" ")
        hidden = "hidden" in attributes or _HIDDEN_STYLE.search(attributes.get("style") or "")
        tracked = tag in _BLOCK or tag in _SKIPPED or tag in _CELLS or hidden
        if tracked and tag not in _VOID and len(self._open) < _MAX_DEPTH:
            skipped = tag in _SKIPPED or bool(hidden)
            self._where.setdefault(tag, []).append(len(self._open))
            self._open.append(_Open(tag, skipped))
            self._skipping += skipped
        for name in ("id", "name") if tag == "a" else ("id",):
            value = attributes.get(name)
            if value:
                self.anchors.setdefault(value, len(self.drafts))

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self._lines.append([])
            return
        position = self._innermost({tag})
        if position < 0:
            return
        if tag in _BLOCK and not self._skipping:
            self._flush()
        if tag == "title":
            self._title_read = True
        self._pop_to(position)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._lines[-1].append(data)
        elif self._open[-1].tag == "title" and not self._title_read and not self._where.get("svg"):
            self.title_parts.append(data)

    def finish(self) -> None:
        """Emit the block still being read when the input ends."""
        self._flush()

    def _innermost(self, tags: frozenset[str] | set[str]) -> int:
        """The index in _open of the innermost open element among `tags`, or -1."""
        return max((self._where[tag][-1] for tag in tags if self._where.get(tag)), default=-1)

    def _pop_to(self, position: int) -> None:
        """Close the element at `position` in _open and every element inside it."""
        while len(self._open) > position:
            element = self._open.pop()
            self._where[element.tag].pop()
            self._skipping -= element.skipped

    def _close_implied(self, tag: str) -> None:
        """Close what a start tag closes in HTML without an end tag (<p>, <li>, <td> ...)."""
        if tag == "body":
            self._close_within({"head"}, stop=frozenset())
        if tag in _BLOCK:
            self._close_within({"p"}, stop=_P_SCOPE)
        if tag in _HEADINGS and self._open and self._open[-1].tag in _HEADINGS:
            self._pop_to(len(self._open) - 1)
        if tag == "li":
            self._close_within({"li"}, stop=_LIST_SCOPE)
        elif tag in ("dt", "dd"):
            self._close_within({"dt", "dd"}, stop=frozenset({"dl"}))
        elif tag in _CELLS:
            self._close_within(set(_CELLS), stop=frozenset({"tr", "table"}))
        elif tag == "tr":
            self._close_within({"tr"}, stop=frozenset({"table"}))

    def _close_within(self, tags: set[str], stop: frozenset[str]) -> None:
        """Close the innermost of `tags` unless one of `stop` is open inside it."""
        position = self._innermost(tags)
        if position >= 0 and position > self._innermost(stop):
            self._pop_to(position)

    def _flush(self) -> None:
        if self._innermost(_PREFORMATTED) >= 0:
            lines = preformatted_lines("\n".join("".join(pieces) for pieces in self._lines))
        else:
            lines = [collapse_whitespace("".join(pieces)) for pieces in self._lines]
            lines = [line for line in lines if line]
        self._lines = [[]]
        if lines:
            kind, level = self._kind()
            self.drafts.append(BlockDraft(kind, lines, level))

    def _kind(self) -> tuple[BlockKind, int]:
        """The kind of the block just read, from the innermost element that gives one.

        A list item's first block is the item; blocks after it in the same item are
        paragraphs that continue it.
        """
        item = self._innermost({"li"})
        emitted = item >= 0 and self._open[item].emitted
        if item >= 0:
            self._open[item].emitted = True
        giver = self._innermost(_KIND_GIVERS)
        if giver < 0:
            return BlockKind.PARAGRAPH, 0
        tag = self._open[giver].tag
        if tag in _HEADINGS:
            return BlockKind.HEADING, _HEADINGS[tag]
        if tag == "li":
            return (BlockKind.PARAGRAPH if emitted else BlockKind.LIST_ITEM), 0
        return BlockKind.CAPTION, 0
