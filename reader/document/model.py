"""The Document: one canonical text, and everything else as code-point offsets into it."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class BlockKind(str, Enum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    LIST_ITEM = "list-item"
    SOURCE = "source"


@dataclass(frozen=True)
class Block:
    """A run of `Document.text` with one role; a line break inside it is a "\\n"."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    """For headings: 1 for a top-level section, 2 for one nested below it, and so on."""


@dataclass
class Section:
    """A node of the section tree: `start` is where its heading begins, `end` where it stops."""

    heading: str
    level: int
    start: int
    end: int
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False, compare=False)

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in reading order (without recursion: a tree may be
        deeper than Python's recursion limit)."""
        pending = [self]
        while pending:
            section = pending.pop()
            yield section
            pending.extend(reversed(section.children))


@dataclass
class Document:
    """An opened file. Built deterministically, so the same file gives the same offsets."""

    text: str
    blocks: list[Block]
    root: Section
    """The title's section: depth 0, spanning the whole text; the other sections are below it."""
    path: Path | None = None
    encoding: str = "utf-8"
    replacements: int = 0
    """Places in the file that could not be decoded; each shows as U+FFFD."""
    _block_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._block_starts = [block.start for block in self.blocks]

    @property
    def title(self) -> str:
        return self.root.heading

    @property
    def fingerprint(self) -> str:
        """Identifies the text itself, wherever the file lives or however it was encoded."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_at(self, offset: int) -> Block | None:
        """The block holding `offset`, or None between blocks and past the end."""
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index < 0:
            return None
        block = self.blocks[index]
        return block if offset < block.end else None

    def section_at(self, offset: int) -> Section:
        """The deepest section whose range holds `offset`."""
        section = self.root
        while True:
            inner = next((c for c in section.children if c.start <= offset < c.end), None)
            if inner is None:
                return section
            section = inner

    def sections(self) -> Iterator[Section]:
        """Every section, the title's first, in reading order."""
        return self.root.walk()
