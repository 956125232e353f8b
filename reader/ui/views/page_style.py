"""The page both views of a document show: its theme (paper, inks, the colours of a selection,
of the word looked up and of found text), the reader's choices for the page (the text's
face, size, line and paragraph spacing, measure, margins, justification), the zoom, and how
each kind of block is set.

The reading view (a QTextDocument) and the pinyin view (painted by us, a band of readings
over every line) set the same page, so a kind of block has one ink, weight, face and
alignment in both. Their sizes and spacing differ: the pinyin view's lines already carry
their readings, so its headlines are a little smaller and its gaps a little tighter. A
BlockStyle holds both views' spacing side by side, so one is changed in sight of the other.

The reading view reads this module before its first paint, so it is plain data: no Qt, and
NamedTuples rather than dataclasses, which cost start-up a millisecond or more each to make.
The current theme and page are module state, set before the first view is made (from the
settings, reader.ui.preferences.startup) and when the reader changes them; the views read
them through `theme()`, `page()` and `block_styles()`.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from reader.document import Block, BlockKind

BASE_POINT_SIZE = 13.0
"""The running text's size at zoom 0, in points, unless the reader chose another."""
ZOOM_STEP = 1.1
"""One step of zoom scales the text by this much."""
MIN_ZOOM = -6
MAX_ZOOM = 12
MEASURE_EMS = 34
"""Characters per line at most: a comfortable measure for Chinese running text."""
MIN_MEASURE_EMS = 24
"""Characters per line at least while panels stand beside the text: they give way first.
No measure the reader may choose is narrower."""
MAX_MEASURE_EMS = 60
PADDING_EMS = 1.5
"""Room on either side of the text inside the column."""
TOP_GAP_EMS = 1.0
"""Room left above a heading scrolled to the top, so it does not touch the edge."""
PARAGRAPH_LINE_HEIGHT = 125
"""A paragraph's line height in percent of the font's, unless the reader chose another."""
PARAGRAPH_GAP_EMS = 0.75
"""Room below a paragraph in the reading view, unless the reader chose another."""
PINYIN_GAP_SHARE = 0.8
"""The pinyin view's room below a paragraph against the reading view's: its lines already
carry their readings."""


class Theme(NamedTuple):
    """The colours of the page (#rrggbb). `dark`: light ink on dark paper, which the window
    around the page, highlight colours and tone colours follow."""

    name: str
    paper: str
    ink: str
    headline_ink: str
    deck_ink: str
    muted_ink: str
    accent_ink: str
    selection: str
    """The selection's background (its text keeps the ink)."""
    mark: str
    """The hovered word's background: a cool tint, apart from the highlight colours."""
    found: str
    """Every match of a find, apart from highlights and the hovered word."""
    found_current: str
    """The match a find stands on: stronger than the other matches."""
    dark: bool = False


LIGHT = Theme(
    "light",
    paper="#fdfcf9",
    ink="#222222",
    headline_ink="#111111",
    deck_ink="#4a4a4a",
    muted_ink="#737373",
    accent_ink="#8f1d1d",
    selection="#b7d3f0",
    mark="#dfe8f3",
    found="#ffd0a0",
    found_current="#ff9633",
)
SEPIA = Theme(
    "sepia",
    paper="#f4ecd8",
    ink="#3b2e20",
    headline_ink="#2a2016",
    deck_ink="#5b4a36",
    muted_ink="#7a6650",
    accent_ink="#8a2a12",
    selection="#d9c59c",
    mark="#e6dcc2",
    found="#f1cf8f",
    found_current="#e4a64a",
)
DARK = Theme(
    "dark",
    paper="#1e1f22",
    ink="#d6d3cc",
    headline_ink="#ecebe6",
    deck_ink="#b3afa6",
    muted_ink="#97938a",
    accent_ink="#e6907f",
    selection="#2f4a6b",
    mark="#323b47",
    found="#40361f",
    found_current="#864c00",
    dark=True,
)
THEMES = {theme.name: theme for theme in (LIGHT, SEPIA, DARK)}
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


class Page(NamedTuple):
    """What the reader chose for the page, the same in both views."""

    family: str = ""
    """The running text's font family; "" for Reader's list of CJK families (reader.ui.fonts)."""
    size: float = BASE_POINT_SIZE
    """The running text's size at zoom 0, in points."""
    line_height: int = PARAGRAPH_LINE_HEIGHT
    """The running text's line height, in percent of the font's."""
    paragraph_gap: float = PARAGRAPH_GAP_EMS
    """Room below a paragraph, in ems (the pinyin view's a little less)."""
    measure: int = MEASURE_EMS
    """Characters per line at most; never below MIN_MEASURE_EMS."""
    margins: float = PADDING_EMS
    """Room either side of the text inside the column, in ems."""
    justified: bool = True
    """Paragraphs justified, or set ragged right."""


_current: list[object] = [LIGHT, Page(), None]
"""The theme, the page, and the block styles made for the page (None until asked for)."""


def theme() -> Theme:
    """The theme the views paint in."""
    return _current[0]  # type: ignore[return-value]


def set_theme(chosen: Theme) -> None:
    _current[0] = chosen


def page() -> Page:
    """The reader's choices for the page."""
    return _current[1]  # type: ignore[return-value]


def set_page(chosen: Page) -> None:
    """Fit the page to `chosen`: a measure below MIN_MEASURE_EMS is raised to it."""
    measure = max(MIN_MEASURE_EMS, min(chosen.measure, MAX_MEASURE_EMS))
    _current[1] = chosen._replace(measure=measure)
    _current[2] = None


def point_size(zoom: int) -> float:
    """The running text's size after `zoom` steps, in points: the same in both views."""
    return round(page().size * ZOOM_STEP**zoom, 1)


def ink(style: BlockStyle) -> str:
    """The colour of a block style's text in the current theme."""
    return getattr(theme(), style.ink)


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
    line_height: float = 1.25
    """The characters' band, in ems; the readings' band comes on top of it."""
    above: float = 0.0
    below: float = 0.0
    indent: float = 0.0
    name_column: float | None = None
    """A list item's name column: wider than the reading view's, for the names' readings."""


class BlockStyle(NamedTuple):
    """How one kind of block looks in either view."""

    ink: str = "ink"
    """Which of the theme's inks (a field of Theme): `ink(style)` is its colour."""
    weight: int = NORMAL
    """The pinyin view has bold or regular only: a lighter weight than bold is regular there."""
    serif: bool = False
    align: Align = Align.LEFT
    reading: ReadingSpacing = ReadingSpacing()
    pinyin: PinyinSpacing = PinyinSpacing()


StyleKey = tuple[BlockKind, int]
"""A kind of block and, for a heading, its level (1, or 2 for any deeper one)."""

BLOCK_STYLES: dict[StyleKey, BlockStyle] = {
    # The paragraph's spacing and alignment here are the defaults: block_styles() gives them
    # as the reader chose.
    (BlockKind.TITLE, 0): BlockStyle(
        ink="headline_ink",
        weight=BOLD,
        serif=True,
        reading=ReadingSpacing(size_step=3, line_height=112, below=0.6),
        pinyin=PinyinSpacing(scale=1.9, below=0.5),
    ),
    (BlockKind.SUBTITLE, 0): BlockStyle(
        ink="deck_ink",
        weight=MEDIUM,
        reading=ReadingSpacing(size_step=1, line_height=115, below=1.6),
        pinyin=PinyinSpacing(scale=1.2, below=1.4),
    ),
    (BlockKind.HEADING, 1): BlockStyle(
        ink="accent_ink",
        weight=BOLD,
        serif=True,
        reading=ReadingSpacing(size_step=2, line_height=108, above=1.4, below=0.6),
        pinyin=PinyinSpacing(scale=1.45, above=1.2, below=0.4),
    ),
    (BlockKind.HEADING, 2): BlockStyle(
        ink="headline_ink",
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
        ink="muted_ink",
        reading=ReadingSpacing(size_step=-1, line_height=115, above=0.2, below=1.3),
        pinyin=PinyinSpacing(scale=0.85, above=0.2, below=1.0),
    ),
    (BlockKind.LIST_ITEM, 0): BlockStyle(
        reading=ReadingSpacing(line_height=115, below=0.2, indent=2.0, name_column=5.0),
        pinyin=PinyinSpacing(below=0.2, indent=2.0, name_column=6.0),
    ),
    (BlockKind.SOURCE, 0): BlockStyle(
        ink="muted_ink",
        align=Align.RIGHT,
        reading=ReadingSpacing(size_step=-1, line_height=115, above=0.3, below=1.0),
        pinyin=PinyinSpacing(scale=0.85, above=0.3),
    ),
}


RUNNING_TEXT = ((BlockKind.PARAGRAPH, 0), (BlockKind.LIST_ITEM, 0))
"""The kinds of block the reader's line height scales (the paragraph's is the one chosen):
headlines keep their own."""


def block_styles() -> dict[StyleKey, BlockStyle]:
    """BLOCK_STYLES with the reader's line height, paragraph gap and alignment."""
    made = _current[2]
    if made is None:
        made = _current[2] = _fitted(page())
    return made  # type: ignore[return-value]


def _fitted(chosen: Page) -> dict[StyleKey, BlockStyle]:
    styles = dict(BLOCK_STYLES)
    scale = chosen.line_height / PARAGRAPH_LINE_HEIGHT
    for key in RUNNING_TEXT:
        style = styles[key]
        styles[key] = style._replace(
            reading=style.reading._replace(line_height=round(style.reading.line_height * scale)),
            pinyin=style.pinyin._replace(line_height=style.pinyin.line_height * scale),
        )
    paragraph = styles[(BlockKind.PARAGRAPH, 0)]
    styles[(BlockKind.PARAGRAPH, 0)] = paragraph._replace(
        align=Align.JUSTIFY if chosen.justified else Align.LEFT,
        reading=paragraph.reading._replace(below=chosen.paragraph_gap),
        pinyin=paragraph.pinyin._replace(below=round(chosen.paragraph_gap * PINYIN_GAP_SHARE, 3)),
    )
    return styles


def style_key(block: Block) -> StyleKey:
    """Which of BLOCK_STYLES sets `block`: views make fonts and formats once per key."""
    if block.kind is BlockKind.HEADING:
        return (BlockKind.HEADING, 1 if block.level <= 1 else 2)
    return (block.kind, 0)


def block_style(block: Block) -> BlockStyle:
    return block_styles()[style_key(block)]
