"""Structure detection: logical lines become typed blocks, and headings become a section tree.

A text is read either as a book or as an article, never by both rule sets at once: it is a
book when chapters.book_headings finds chapter headings in it (第X回, 第X章 ... Chapter N),
or when the user gives a heading pattern.

The article rules read an article the way its readers do: the first line is the title and a
short line under it the deck; short lines without sentence punctuation are headings (two of
them in a row make one two-line heading); labels such as 延伸阅读 open a side part whose own
headings nest one level below; name/role pairs form a list; photo credits set apart by blank
lines are captions; (据……) notes are sources; numbered headings (一、 (一) 1. (1)), where an
article has two or more of one kind, nest in that order.

The book rules: the first line is the title (《红楼梦》曹雪芹 names the book 红楼梦), the
chapter headings are the sections, and every other line is a paragraph; a book's lines are
joined only where a hard-wrapped paragraph continues on an unindented line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.document.chapters import (
    CHAPTER_MAX_CHARS,
    CLAUSE_ENDINGS,
    NUMBERED_RANKS,
    ChapterHeading,
    HeadingMark,
    book_headings,
    compile_heading_pattern,
    parse_heading,
    pattern_headings,
    split_title_line,
)
from reader.document.limits import check_text_length
from reader.document.lines import Line, glue, is_prose, join_broken_lines, split_lines
from reader.document.model import Block, BlockKind, Document, Section
from reader.document.user_pattern import PATTERN_TIME_LIMIT_S

HEADING_MAX_CHARS = 25
SIDE_PART_LABELS = frozenset(
    {
        "延伸阅读",
        "相关链接",
        "相关阅读",
        "背景链接",
        "新闻链接",
        "链接",
        "背景资料",
        "相关新闻",
        "知识链接",
    }
)
_CAPTION_CREDIT = re.compile(r"(摄|摄影|新华社发|供图|资料图片?)$")
_SOURCE_NOTE = re.compile(r"^[(\uff08](据|来源|稿源|来自|转自|编辑|责任编辑).*[)\uff09]$")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_INDENT = frozenset(" \t\u3000")
# A hard-wrapped line ending in none of these goes on in the next line.
_PARAGRAPH_ENDINGS = frozenset(
    "\u3002\uff0e\uff01\uff1f\uff1a\uff1b\u2026\u201d\u2019\u300d\u300f\uff09\u300b"
    "\u2014\uff5e.!?:;)\"'~"
)
# 作者：曹雪芹, 曹雪芹 著, [清]曹雪芹 撰: the line under a book's title that names its author.
_BYLINE = re.compile(r"(作者|著者|原著|编著|译者)[\s:\uff1a].{1,30}|.{1,20}[\s\u3000]*[著撰编译]")
PREVIEW_LIMIT = 200
MAX_SECTION_DEPTH = 32
"""The deepest a section may nest: deeper ones cost every tree walk and view, and no book
needs more (HTML and Markdown have six heading levels)."""


@dataclass
class BlockDraft:
    """A block before it has offsets: its kind, level and the lines it holds.

    Every importer ends in drafts, so every format becomes the same kind of Document.
    """

    kind: BlockKind
    lines: list[str]
    level: int = 0
    heading: str | None = None
    """For a heading or title: its section's name, where that differs from its text."""


@dataclass(frozen=True)
class _SourceLine:
    """A non-blank line of a book, with what the article's `Line` drops: its indentation."""

    raw: str
    text: str
    blanks_before: int

    @property
    def indented(self) -> bool:
        return self.raw[0] in _INDENT


def build_document(
    text: str,
    path: Path | None = None,
    encoding: str = "utf-8",
    heading_pattern: str | None = None,
) -> Document:
    """The Document for decoded plain text: canonical text, blocks and sections.

    `heading_pattern`, a regular expression searched in each line as the file has it, marks
    the heading lines instead of the built-in rules; a bad pattern, or one that runs past
    user_pattern.PATTERN_TIME_LIMIT_S, raises UserPatternError (a ValueError).
    """
    lines = _source_lines(text)
    if heading_pattern is not None:
        pattern = compile_heading_pattern(heading_pattern)
        marks = pattern_headings([line.raw for line in lines], pattern)
        return assemble_document(_book_drafts(lines, marks), path=path, encoding=encoding)
    marks = book_headings([line.text for line in lines])
    if marks:
        drafts = _book_drafts(lines, marks)
    else:
        drafts = _classify(join_broken_lines(split_lines(text)))
    return assemble_document(drafts, path=path, encoding=encoding)


def preview_headings(
    text: str,
    heading_pattern: str,
    limit: int = PREVIEW_LIMIT,
    time_limit: float = PATTERN_TIME_LIMIT_S,
    cancelled: Callable[[], bool] | None = None,
) -> list[str]:
    """The first `limit` section names `heading_pattern` would give `text` in build_document.

    A bad pattern raises UserPatternError (a ValueError), as build_document does, and so
    does one that runs past `time_limit` (PatternTimeout); `cancelled`, asked between lines,
    stops the search with PatternCancelled. Safe to call from a worker thread.
    """
    pattern = compile_heading_pattern(heading_pattern)
    lines = _source_lines(text)
    marks = pattern_headings([line.raw for line in lines], pattern, time_limit, cancelled)
    return [mark.heading for mark in marks.values()][:limit]


def assemble_document(
    drafts: list[BlockDraft], path: Path | None = None, encoding: str = "utf-8"
) -> Document:
    """Lay drafts out as one canonical text and build the section tree over their headings.

    Every importer ends here, so here every Document's text is held to MAX_TEXT_CHARS
    (DocumentError), and its sections to MAX_SECTION_DEPTH levels: deeper headings (an
    EPUB's contents can nest a thousand deep) become siblings at the deepest level.
    """
    canonical, blocks, headings = _lay_out(drafts)
    check_text_length(path or "<text>", len(canonical))
    root = _section_tree(canonical, blocks, headings, fallback_title=path.stem if path else "")
    return Document(canonical, blocks, root, path=path, encoding=encoding)


def _source_lines(text: str) -> list[_SourceLine]:
    """Non-blank lines as split_lines finds them, each with its indentation kept in `raw`."""
    lines: list[_SourceLine] = []
    blanks = 0
    for raw in _NEWLINES.split(text.replace("\x00", "")):
        stripped = raw.strip()
        if stripped:
            lines.append(_SourceLine(raw.rstrip(), stripped, blanks))
            blanks = 0
        else:
            blanks += 1
    return lines


def _book_drafts(lines: list[_SourceLine], marks: dict[int, HeadingMark]) -> list[BlockDraft]:
    """A book: its title (and byline), its heading lines, and a paragraph for each other line."""
    drafts: list[BlockDraft] = []
    first = 0
    if lines and 0 not in marks and _is_book_title(lines[0].text):
        title = split_title_line(lines[0].text)
        drafts.append(BlockDraft(BlockKind.TITLE, [lines[0].text], heading=title and title[0]))
        first = 1
        if len(lines) > 1 and 1 not in marks and _is_byline(lines[1].text):
            drafts.append(BlockDraft(BlockKind.SUBTITLE, [lines[1].text]))
            first = 2
    wrapped = _indents_paragraphs(
        [line for i, line in enumerate(lines) if i >= first and i not in marks]
    )
    for index in range(first, len(lines)):
        line = lines[index]
        mark = marks.get(index)
        if mark is not None:
            drafts.append(BlockDraft(BlockKind.HEADING, [line.text], mark.level, mark.heading))
            continue
        previous = drafts[-1] if drafts else None
        if (
            wrapped
            and previous is not None
            and previous.kind is BlockKind.PARAGRAPH
            and line.blanks_before == 0
            and not line.indented
            and previous.lines[-1][-1] not in _PARAGRAPH_ENDINGS
        ):
            previous.lines[-1] = glue([previous.lines[-1], line.text])
        else:
            drafts.append(BlockDraft(BlockKind.PARAGRAPH, [line.text]))
    return drafts


def _is_book_title(text: str) -> bool:
    """A book's first line is its title unless it reads as a sentence of the text itself."""
    return (
        len(text) <= CHAPTER_MAX_CHARS
        and text[-1] not in CLAUSE_ENDINGS
        and parse_heading(text) is None
        and "\u3002" not in text
    )


def _is_byline(text: str) -> bool:
    return bool(_BYLINE.fullmatch(text)) and not any(c in "\u3002\uff0c," for c in text)


def _indents_paragraphs(lines: list[_SourceLine]) -> bool:
    """Most body lines indented: a paragraph starts indented, an unindented line goes on one."""
    indented = sum(line.indented for line in lines)
    return indented >= 3 and indented * 2 > len(lines)


def _is_short(text: str) -> bool:
    return len(text) <= HEADING_MAX_CHARS and not is_prose(text)


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.blanks_before == 0:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _classify(lines: list[Line]) -> list[BlockDraft]:
    groups = _groups(lines)
    drafts: list[BlockDraft] = []
    if not groups:
        return drafts
    first = groups[0]
    title = split_title_line(first[0].text)
    drafts.append(BlockDraft(BlockKind.TITLE, [first[0].text], heading=title and title[0]))
    rest = [[line] for line in first[1:]] + groups[1:]
    numbering = _numbering(lines)
    if (
        rest
        and len(rest[0]) == 1
        and _is_short(rest[0][0].text)
        and _numbered(rest[0][0].text, numbering) is None
    ):
        drafts.append(BlockDraft(BlockKind.SUBTITLE, [rest[0][0].text]))
        rest = rest[1:]

    heading_level = 1
    index = 0
    while index < len(rest):
        group = rest[index]
        following = rest[index + 1][0].blanks_before if index + 1 < len(rest) else 2
        if any(_numbered(line.text, numbering) for line in group):
            for line in group:
                numbered = _numbered(line.text, numbering)
                if numbered is None:
                    drafts.append(BlockDraft(_prose_kind(line, following), [line.text]))
                else:
                    drafts.append(
                        BlockDraft(
                            BlockKind.HEADING,
                            [line.text],
                            level=heading_level + numbering[numbered.family],
                            heading=numbered.heading,
                        )
                    )
            index += 1
            continue
        if _is_pair(group) and (_is_pair_at(rest, index - 1) or _is_pair_at(rest, index + 1)):
            drafts.append(BlockDraft(BlockKind.LIST_ITEM, [line.text for line in group]))
            index += 1
            continue
        if len(group) == 1 and _is_heading_line(group[0].text):
            text = group[0].text
            if text in SIDE_PART_LABELS:
                drafts.append(BlockDraft(BlockKind.HEADING, [text], level=1))
                heading_level = 2
                index += 1
                continue
            run = [text]
            while (
                len(run) < 2
                and _is_single_short_at(rest, index + len(run))
                and rest[index + len(run)][0].text not in SIDE_PART_LABELS
                and _numbered(rest[index + len(run)][0].text, numbering) is None
            ):
                run.append(rest[index + len(run)][0].text)
            drafts.append(BlockDraft(BlockKind.HEADING, run, level=heading_level))
            index += len(run)
            continue
        for line in group:
            drafts.append(BlockDraft(_prose_kind(line, following), [line.text]))
        index += 1
    return drafts


def _numbering(lines: list[Line]) -> dict[str, int]:
    """The article's numbered heading kinds (一、 (一) 1. (1)) used twice or more, outermost first.

    Each maps to how far below the current heading level its headings go.
    """
    counts = Counter(
        heading.family
        for line in lines
        if (heading := parse_heading(line.text)) is not None
        and heading.family in NUMBERED_RANKS
        and not _SOURCE_NOTE.match(line.text)
    )
    used = sorted((f for f, n in counts.items() if n >= 2), key=NUMBERED_RANKS.__getitem__)
    return {family: depth for depth, family in enumerate(used)}


def _numbered(text: str, numbering: dict[str, int]) -> ChapterHeading | None:
    """The numbered heading on this line, if the article numbers its headings that way."""
    if not numbering:
        return None
    heading = parse_heading(text)
    if heading is None or heading.family not in numbering or _SOURCE_NOTE.match(text):
        return None
    return heading


def _is_pair(group: list[Line]) -> bool:
    return len(group) == 2 and all(_is_short(line.text) for line in group)


def _is_pair_at(groups: list[list[Line]], index: int) -> bool:
    return 0 <= index < len(groups) and _is_pair(groups[index])


def _is_single_short_at(groups: list[list[Line]], index: int) -> bool:
    return (
        0 <= index < len(groups)
        and len(groups[index]) == 1
        and _is_heading_line(groups[index][0].text)
    )


def _is_heading_line(text: str) -> bool:
    return _is_short(text) and not _SOURCE_NOTE.match(text)


def _prose_kind(line: Line, blanks_after: int) -> BlockKind:
    if _SOURCE_NOTE.match(line.text):
        return BlockKind.SOURCE
    set_apart = line.blanks_before >= 2 or blanks_after >= 2
    if set_apart and _CAPTION_CREDIT.search(line.text):
        return BlockKind.CAPTION
    return BlockKind.PARAGRAPH


def _lay_out(drafts: list[BlockDraft]) -> tuple[str, list[Block], list[str | None]]:
    """The canonical text: blocks one per line of text, a block's own line breaks kept."""
    parts: list[str] = []
    blocks: list[Block] = []
    headings: list[str | None] = []
    offset = 0
    for draft in drafts:
        body = "\n".join(draft.lines)
        level = min(draft.level, MAX_SECTION_DEPTH)
        blocks.append(Block(draft.kind, offset, offset + len(body), level))
        headings.append(draft.heading)
        parts.append(body)
        offset += len(body) + 1
    return "\n".join(parts), blocks, headings


def _section_tree(
    text: str, blocks: list[Block], headings: list[str | None], fallback_title: str
) -> Section:
    """Sections named by their headings' text, unless a draft gave a name of its own."""

    def name(index: int) -> str:
        block = blocks[index]
        return headings[index] or text[block.start : block.end].replace("\n", " ")

    title = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.TITLE), None)
    root = Section(name(title) if title is not None else fallback_title, 0, 0, len(text))
    open_sections = [root]
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        while open_sections[-1].level >= block.level:
            open_sections.pop().end = block.start
        parent = open_sections[-1]
        section = Section(name(index), block.level, block.start, len(text), parent=parent)
        parent.children.append(section)
        open_sections.append(section)
    return root
