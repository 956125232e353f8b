"""Markdown files: CommonMark (with GFM tables) read into the same blocks as HTML.

markdown-it-py finds the structure; emphasis, links and code marks are dropped to their
text, images are skipped, and raw HTML blocks go through the HTML importer. Chinese writers
put ** right against full-width punctuation (这是**“重点”**文字), which CommonMark's
flanking rules leave as literal asterisks; here a delimiter next to a Chinese character
counts as next to punctuation, as the CommonMark CJK-friendly proposal has it.

markdown-it-py is pure Python and spends 20-30 µs on each line and each mark of markup:
a real book takes a fraction of a second (红楼梦 with a heading per chapter, 0.2 s), but
a megabyte of setext headings (a / = / a / = ...), of [ or of emphasis took 6-30 s and up
to 500 MB. A Markdown file may therefore hold at most MARKDOWN_MAX_MARKS lines and marks
and MARKDOWN_MAX_CHARS characters; past that it is refused with the way to read it as
plain text, which has no such cost; so is a file that nests blocks more than
MAX_BLOCK_NESTING deep, whose text markdown-it would drop.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_inline.state_inline import Delimiter, StateInline
from markdown_it.token import Token

from reader.document.errors import DocumentError
from reader.document.html import (
    collapse_whitespace,
    extract,
    is_wide,
    preformatted_lines,
    settle_headings,
)
from reader.document.model import BlockKind, Document
from reader.document.structure import BlockDraft, assemble_document

MARKDOWN_MAX_MARKS = 80_000
"""The most marks a Markdown file may have: a line is one, so is each character of inline
markup (* _ [ ] ` < > ! & \\ | ~), and a line opening a list item, quote or heading two more.
The worst measured cost per mark (list items, links, [) gives about 3 s and 150 MB at the
limit; a real book has a few thousand (红楼梦 with a heading per chapter, 6,800)."""
MARKDOWN_MAX_CHARS = 8_000_000
"""The longest Markdown text: markdown-it reads even markup-free text a character at a time
(about 0.2 s a million characters); eight times 红楼梦."""
_MARKUP = "*_[]`<>!&\\|~\n"
_BLOCK_MARKER = re.compile(r"^[ \t]*(?:[-+*>#]|\d{1,9}[.)])", re.MULTILINE)
"""A line that opens a list item, a quote or a heading: blocks cost most (85 µs a list item)."""
MAX_BLOCK_NESTING = 16
"""Markdown whose blocks nest deeper (quotes in quotes, lists in lists; a list item counts
two levels) is refused: markdown-it drops the text of blocks nested 20 deep, and nesting
near that depth took 10 s for 2,000 lines. Raising markdown-it's maxNesting is no way out:
it also bounds nested links, and at 100 a file of [ took five times as long."""

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n[\w-]+[ \t]*:.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
"""YAML front matter (Jekyll, Hugo, Obsidian): metadata, not text."""
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ASCII_SPACE = " \t\n\r\f\v"


def read_markdown(text: str, path: Path | None = None) -> Document:
    """The Document for decoded Markdown text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _FRONT_MATTER.sub("", text, count=1)
    where = path or Path("<markdown>")
    _check_size(text, where)
    try:
        tokens = _parser().parse(text)
    except _TooDeep:
        raise DocumentError(
            where,
            f"nests Markdown blocks more than {MAX_BLOCK_NESTING} levels deep, more than "
            "Reader reads; rename it to .txt to read it as plain text",
        ) from None
    drafts = settle_headings(_drafts(tokens))
    if not drafts:
        raise DocumentError(where, "the file holds no text")
    return assemble_document(drafts, path=path)


def _check_size(text: str, path: Path) -> None:
    """DocumentError for Markdown that would take markdown-it too long to read."""
    plain = "; rename it to .txt to read it as plain text"
    if len(text) > MARKDOWN_MAX_CHARS:
        raise DocumentError(
            path,
            f"is a Markdown file of {len(text):,} characters, more than the "
            f"{MARKDOWN_MAX_CHARS:,} Reader reads as Markdown{plain}",
        )
    marks = sum(map(text.count, _MARKUP)) + 2 * len(_BLOCK_MARKER.findall(text))
    if marks > MARKDOWN_MAX_MARKS:
        raise DocumentError(
            path,
            f"has {marks:,} lines and marks of Markdown, more than the "
            f"{MARKDOWN_MAX_MARKS:,} Reader reads in reasonable time{plain}",
        )


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    parser.inline.ruler.at("emphasis", _emphasis)
    parser.block.ruler.before("table", "too_deep", _too_deep)
    return parser


class _TooDeep(Exception):
    """Raised inside markdown-it by `_too_deep`: the file nests blocks too deep to read."""


def _too_deep(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Stops reading at a block nested MAX_BLOCK_NESTING deep, where markdown-it would soon
    drop the text (at its maxNesting, 20) and, reading on, takes time quadratic in the lines."""
    if state.level >= MAX_BLOCK_NESTING:
        raise _TooDeep
    return False


def _drafts(tokens: list[Token]) -> list[BlockDraft]:
    """Blocks from markdown-it's token stream; headings keep their # count as level."""
    drafts: list[BlockDraft] = []
    items: list[bool] = []  # open list items, innermost last: emitted a block yet?
    heading = 0
    row: list[str] | None = None

    def emit(lines: list[str]) -> None:
        if not lines:
            return
        if heading:
            drafts.append(BlockDraft(BlockKind.HEADING, lines, heading))
            return
        first_in_item = bool(items) and not items[-1]
        drafts.append(
            BlockDraft(BlockKind.LIST_ITEM if first_in_item else BlockKind.PARAGRAPH, lines)
        )
        if items:
            items[-1] = True

    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = int(token.tag[1:])
        elif kind == "heading_close":
            heading = 0
        elif kind == "list_item_open":
            items.append(False)
        elif kind == "list_item_close":
            items.pop()
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            cells = " ".join(cell for cell in row if cell)
            emit([cells] if cells else [])
            row = None
        elif kind == "inline":
            lines = _inline_lines(token.children or [])
            if row is not None:
                row.append(" ".join(lines))
            else:
                emit(lines)
        elif kind in ("fence", "code_block"):
            emit(preformatted_lines(token.content))
        elif kind == "html_block":
            drafts.extend(extract(token.content).drafts)
    return drafts


def _inline_lines(children: list[Token]) -> list[str]:
    """The text of a paragraph or heading, one entry per hard line break."""
    lines: list[list[str]] = [[]]
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            lines[-1].append(child.content)
        elif child.type == "softbreak":
            lines[-1].append("\n")
        elif child.type == "hardbreak" or (
            child.type == "html_inline" and _LINE_BREAK_TAG.fullmatch(child.content)
        ):
            lines.append([])
    collapsed = (collapse_whitespace("".join(pieces)) for pieces in lines)
    return [line for line in collapsed if line]


def _emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis rule, scanning delimiters with `_flanking`."""
    marker = state.src[state.pos]
    if silent or marker not in ("*", "_"):
        return False
    can_open, can_close, length = _flanking(state.src, state.pos, state.posMax, marker)
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(
                marker=ord(marker),
                length=length,
                token=len(state.tokens) - 1,
                end=-1,
                open=can_open,
                close=can_close,
            )
        )
    state.pos += length
    return True


def _flanking(src: str, start: int, maximum: int, marker: str) -> tuple[bool, bool, int]:
    """Whether a delimiter run can open and close emphasis, and its length.

    CommonMark's left- and right-flanking rules, except that a Chinese (East Asian wide)
    character outside the run counts like punctuation: ** between 是 and “ can open.
    """
    end = start
    while end < maximum and src[end] == marker:
        end += 1
    before = src[start - 1] if start > 0 else " "
    after = src[end] if end < maximum else " "
    space_before, space_after = _is_space(before), _is_space(after)
    punct_before, punct_after = _is_punctuation(before), _is_punctuation(after)
    open_before = space_before or punct_before or is_wide(before)
    open_after = space_after or punct_after or is_wide(after)
    left = not space_after and (not punct_after or open_before)
    right = not space_before and (not punct_before or open_after)
    if marker == "*":
        return left, right, end - start
    can_open = left and (not right or punct_before or is_wide(before))
    can_close = right and (not left or punct_after or is_wide(after))
    return can_open, can_close, end - start


def _is_space(char: str) -> bool:
    return char in _ASCII_SPACE or unicodedata.category(char) == "Zs"


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"
