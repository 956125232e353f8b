"""Structure detection: logical lines become typed blocks, and headings become a section tree.

The rules read an article the way its readers do: the first line is the title and a short
line under it the deck; short lines without sentence punctuation are headings (two of them
in a row make one two-line heading); labels such as 延伸阅读 open a side part whose own
headings nest one level below; name/role pairs form a list; photo credits set apart by
blank lines are captions; (据……) notes are sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.document.lines import Line, is_prose, join_broken_lines, split_lines
from reader.document.model import Block, BlockKind, Document, Section

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
_SOURCE_NOTE = re.compile(r"^[((](据|来源|稿源|来自|转自|编辑|责任编辑).*[))]$")


@dataclass
class BlockDraft:
    """A block before it has offsets: its kind, level and the lines it holds.

    Every importer ends in drafts, so every format becomes the same kind of Document.
    """

    kind: BlockKind
    lines: list[str]
    level: int = 0


def build_document(text: str, path: Path | None = None, encoding: str = "utf-8") -> Document:
    """The Document for decoded plain text: canonical text, blocks and sections."""
    lines = join_broken_lines(split_lines(text))
    return assemble_document(_classify(lines), path=path, encoding=encoding)


def assemble_document(
    drafts: list[BlockDraft], path: Path | None = None, encoding: str = "utf-8"
) -> Document:
    """Lay drafts out as one canonical text and build the section tree over their headings."""
    canonical, blocks = _lay_out(drafts)
    root = _section_tree(canonical, blocks, fallback_title=path.stem if path else "")
    return Document(canonical, blocks, root, path=path, encoding=encoding)


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
    drafts.append(BlockDraft(BlockKind.TITLE, [first[0].text]))
    rest = [[line] for line in first[1:]] + groups[1:]
    if rest and len(rest[0]) == 1 and _is_short(rest[0][0].text):
        drafts.append(BlockDraft(BlockKind.SUBTITLE, [rest[0][0].text]))
        rest = rest[1:]

    heading_level = 1
    index = 0
    while index < len(rest):
        group = rest[index]
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
            ):
                run.append(rest[index + len(run)][0].text)
            drafts.append(BlockDraft(BlockKind.HEADING, run, level=heading_level))
            index += len(run)
            continue
        following = rest[index + 1][0].blanks_before if index + 1 < len(rest) else 2
        for line in group:
            drafts.append(BlockDraft(_prose_kind(line, following), [line.text]))
        index += 1
    return drafts


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


def _lay_out(drafts: list[BlockDraft]) -> tuple[str, list[Block]]:
    """The canonical text: blocks one per line of text, a block's own line breaks kept."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for draft in drafts:
        body = "\n".join(draft.lines)
        blocks.append(Block(draft.kind, offset, offset + len(body), draft.level))
        parts.append(body)
        offset += len(body) + 1
    return "\n".join(parts), blocks


def _section_tree(text: str, blocks: list[Block], fallback_title: str) -> Section:
    title = next((b for b in blocks if b.kind is BlockKind.TITLE), None)
    heading = text[title.start : title.end] if title else fallback_title
    root = Section(heading, 0, 0, len(text))
    open_sections = [root]
    for block in blocks:
        if block.kind is not BlockKind.HEADING:
            continue
        while open_sections[-1].level >= block.level:
            open_sections.pop().end = block.start
        parent = open_sections[-1]
        section = Section(
            text[block.start : block.end].replace("\n", " "),
            block.level,
            block.start,
            len(text),
            parent=parent,
        )
        parent.children.append(section)
        open_sections.append(section)
    return root
