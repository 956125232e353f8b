"""The page both views of a document show: paper and inks, the text's size and its zoom, the
measure, the colours of a selection and of the word looked up, and how each kind of block
is set.

The reading view (a QTextDocument) and the pinyin view (painted by us, a band of readings
over every line) set the same page, so a kind of block has one ink, weight, face and
alignment in both. Their sizes and spacing differ: the pinyin view's lines already carry
their readings, so its headlines are a little smaller and its gaps a little tighter. A
BlockStyle holds both views' spacing side by side, so one is changed in sight of the other.

The reading view reads this module before its first paint, so it is plain data: no Qt, and
NamedTuples rather than dataclasses, which cost start-up a millisecond or more each to make.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from reader.document import Block, BlockKind

BASE_POINT_SIZE = 13.0
"""The running text's size at zoom 0, in points."""
ZOOM_STEP = 1.1
"""One step of zoom scales the text by this much."""
MIN_ZOOM = -6
MAX_ZOOM = 12
MEASURE_EMS = 34
"""Characters per line at most: a comfortable measure for Chinese running text."""
MIN_MEASURE_EMS = 24
"""Characters per line at least while panels stand beside the text: they give way first."""
PADDING_EMS = 1.5
"""Room on either side of the text inside the column."""
TOP_GAP_EMS = 1.0
"""Room left above a heading scrolled to the top, so it does not touch the edge."""

PAPER = "#fdfcf9"
INK = "#222222"
HEADLINE_INK = "#111111"
DECK_INK = "#4a4a4a"
MUTED_INK = "#737373"
ACCENT_INK = "#8f1d1d"
SELECTION_COLOUR = "#b7d3f0"
"""The selection's background where the view paints it itself (the pinyin view)."""
MARK_COLOUR = "#dfe8f3"
"""The hovered word's background: a cool tint, apart from the highlight colours."""
FOUND_COLOUR = "#ffd0a0"
"""Every match of a find: a light orange, a hue none of the highlights or the marks use."""
FOUND_CURRENT_COLOUR = "#ff9633"
"""The current match of a find: the same hue, strong enough to be found at a glance."""


NORMAL = 400
MEDIUM = 500
DEMI_BOLD = 600
BOLD = 700
"""Font weights, as CSS and Qt (QFont.Weight) number them."""


class Align(str, Enum):
    """How a block's lines stand in the column."""

    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"
    JUSTIFY = "justify"


def point_size(zoom: int) -> float:
    """The running text's size after `zoom` steps, in points: the same in both views."""
    return round(BASE_POINT_SIZE * ZOOM_STEP**zoom, 1)


class ReadingSpacing(NamedTuple):
    """A kind of block in the reading view; lengths in ems of the running text."""

    size_step: int = 0
    """QTextFormat.FontSizeAdjustment: -1 is 0.8×, 1 is 1.2×, 2 is 1.5×, 3 is 2×."""
    line_height: int = 100
    """Percent of the font's own line height."""
    above: float = 0.0
    below: float = 0.0
    indent: float = 0.0
    name_column: float | None = None
    """A list item's name column ("name\\trole"): the roles line up after it."""


class PinyinSpacing(NamedTuple):
    """A kind of block in the pinyin view; lengths in ems of the running text."""

    scale: float = 1.0
    """The characters' size against the running text's."""
    above: float = 0.0
    below: float = 0.0
    indent: float = 0.0
    name_column: float | None = None
    """A list item's name column: wider than the reading view's, for the names' readings."""


class BlockStyle(NamedTuple):
    """How one kind of block looks in either view."""

    ink: str = INK
    weight: int = NORMAL
    """The pinyin view has bold or regular only: a lighter weight than bold is regular there."""
    serif: bool = False
    align: Align = Align.LEFT
    reading: ReadingSpacing = ReadingSpacing()
    pinyin: PinyinSpacing = PinyinSpacing()


StyleKey = tuple[BlockKind, int]
"""A kind of block and, for a heading, its level (1, or 2 for any deeper one)."""

BLOCK_STYLES: dict[StyleKey, BlockStyle] = {
    (BlockKind.TITLE, 0): BlockStyle(
        ink=HEADLINE_INK,
        weight=BOLD,
        serif=True,
        reading=ReadingSpacing(size_step=3, line_height=112, below=0.6),
        pinyin=PinyinSpacing(scale=1.9, below=0.5),
    ),
    (BlockKind.SUBTITLE, 0): BlockStyle(
        ink=DECK_INK,
        weight=MEDIUM,
        reading=ReadingSpacing(size_step=1, line_height=115, below=1.6),
        pinyin=PinyinSpacing(scale=1.2, below=1.4),
    ),
    (BlockKind.HEADING, 1): BlockStyle(
        ink=ACCENT_INK,
        weight=BOLD,
        serif=True,
        reading=ReadingSpacing(size_step=2, line_height=108, above=1.4, below=0.6),
        pinyin=PinyinSpacing(scale=1.45, above=1.2, below=0.4),
    ),
    (BlockKind.HEADING, 2): BlockStyle(
        ink=HEADLINE_INK,
        weight=BOLD,
        reading=ReadingSpacing(size_step=1, line_height=112, above=1.1, below=0.5),
        pinyin=PinyinSpacing(scale=1.2, above=0.9, below=0.3),
    ),
    (BlockKind.PARAGRAPH, 0): BlockStyle(
        align=Align.JUSTIFY,
        reading=ReadingSpacing(line_height=125, below=0.75, indent=2.0),
        pinyin=PinyinSpacing(below=0.6, indent=2.0),
    ),
    (BlockKind.CAPTION, 0): BlockStyle(
        ink=MUTED_INK,
        reading=ReadingSpacing(size_step=-1, line_height=115, above=0.2, below=1.3),
        pinyin=PinyinSpacing(scale=0.85, above=0.2, below=1.0),
    ),
    (BlockKind.LIST_ITEM, 0): BlockStyle(
        reading=ReadingSpacing(line_height=115, below=0.2, indent=2.0, name_column=5.0),
        pinyin=PinyinSpacing(below=0.2, indent=2.0, name_column=6.0),
    ),
    (BlockKind.SOURCE, 0): BlockStyle(
        ink=MUTED_INK,
        align=Align.RIGHT,
        reading=ReadingSpacing(size_step=-1, line_height=115, above=0.3, below=1.0),
        pinyin=PinyinSpacing(scale=0.85, above=0.3),
    ),
}


def style_key(block: Block) -> StyleKey:
    """Which of BLOCK_STYLES sets `block`: views make fonts and formats once per key."""
    if block.kind is BlockKind.HEADING:
        return (BlockKind.HEADING, 1 if block.level <= 1 else 2)
    return (block.kind, 0)


def block_style(block: Block) -> BlockStyle:
    return BLOCK_STYLES[style_key(block)]
