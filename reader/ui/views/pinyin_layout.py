"""The pinyin view's page: where every block is, laid out only where the reader looks.

What is laid out at once is a piece (reader.ui.views.pinyin_pieces): a block, or a part of a
block too long to lay out whole. Only pieces that reach the viewport are laid out
(reader.ui.views.ruby_layout): every other one has a height estimated from its length, so a
whole novel opens at once and the scroll bar is about right. The scroll position is kept as a
piece and a distance into it (the anchor), so a piece above that gets its exact height does
not move the text being read. Heights and tops are in pixels from the top of the page;
offsets are the document's; readings and the caller's indexes are blocks'.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import OrderedDict
from collections.abc import Callable

from reader.document import Block, BlockKind, Document
from reader.language.pinyin import PinyinStyle, format_syllable, is_han, tone
from reader.language.readings import Readings
from reader.ui.qt import QtCore
from reader.ui.views.page_style import StyleKey, block_style, block_styles, point_size, style_key
from reader.ui.views.pinyin_fonts import RubyFonts, RubySize
from reader.ui.views.pinyin_pieces import Piece, cut_pieces
from reader.ui.views.ruby_layout import BlockLayout, BlockShape, layout_block
from reader.ui.views.status_marks import WordMarkSource

RUBY_PADDING_EMS = 0.1
"""Room on either side of a reading, in ems of the character."""
LEAST_SQUEEZE = 0.7
"""Readings that would touch are condensed to this share of their width at most (the
letters still read easily); only past it do the characters move apart."""
MAX_STRETCH_EMS = 0.1
"""A justified line widens each gap by this much at most: its characters never stand apart."""
ESTIMATED_SHIFT = 1.05
"""How much wider than the step a character with its reading is on average (the readings
that would touch move theirs along), for blocks not laid out yet."""
KEPT_LAYOUTS = 300
"""Laid-out pieces kept for scrolling back; heights are kept for all that were measured."""
_ROOM = ("", 0)
"""The room of a reading, with none painted in it."""
_RUNNING_TEXT = (BlockKind.PARAGRAPH, 0)


class PinyinLayout:
    """Piece heights (exact where laid out), the laid-out pieces kept, and the anchor; the
    zoom and the readings shown, which they depend on (`relayout` after changing them)."""

    def __init__(self) -> None:
        self._document: Document | None = None
        self._text = ""
        """The characters shown: the document's, or as many in another script."""
        self._pieces: list[Piece] = []
        self._piece_starts: list[int] = []
        self._first_pieces: list[int] = [0]
        """Block i's pieces are pieces first_pieces[i] to first_pieces[i + 1] - 1."""
        self._readings: Callable[[int], Readings | None] = lambda index: None
        self._zoom = 0
        self._hsk_level = 0
        """Words of HSK 1..this level show no pinyin; 0 shows all."""
        self._unknown_only = False
        """Only the new and learning words (the word marks') show pinyin."""
        self._word_marks: WordMarkSource | None = None
        self._style = PinyinStyle.MARKS
        self._ruby_size = RubySize.MEDIUM
        self._fonts: dict[StyleKey, RubyFonts] = {}
        self._width = -1.0
        self._heights: list[float] = []
        self._tops: list[float] = [0.0]
        self._layouts: OrderedDict[int, BlockLayout] = OrderedDict()
        self._anchor = (0, 0.0)
        """The piece at the top of the viewport and how far into it (pixels) the top is."""
        self.set_zoom(0)

    # What is laid out, and how

    @property
    def document(self) -> Document | None:
        return self._document

    def set_document(self, document: Document) -> None:
        """The page of `document`, scrolled to its top; `relayout` measures it."""
        self._document = document
        self._text = document.text
        self._pieces = cut_pieces(document)
        self._piece_starts = [piece.start for piece in self._pieces]
        self._first_pieces = [i for i, piece in enumerate(self._pieces) if piece.first]
        self._first_pieces.append(len(self._pieces))
        self._anchor = (0, 0.0)

    @property
    def text(self) -> str:
        return self._text

    def set_shown_text(self, text: str) -> None:
        """Show `text` for the document's (another script, as long, character for
        character: every offset stays the same); `relayout` after it."""
        if self._document is None or len(text) != len(self._document.text):
            raise ValueError("the text shown must be as long as the document's")
        self._text = text

    def set_readings(self, readings: Callable[[int], Readings | None]) -> None:
        """Where block `index`'s readings are found, None while they are not known."""
        self._readings = readings

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, zoom: int) -> None:
        self._zoom = zoom
        self._make_fonts()

    @property
    def ruby_size(self) -> RubySize:
        return self._ruby_size

    def set_ruby_size(self, size: RubySize) -> None:
        self._ruby_size = size
        self._make_fonts()

    def _make_fonts(self) -> None:
        size, ruby = point_size(self._zoom), self._ruby_size
        self._fonts = {key: RubyFonts(style, size, ruby) for key, style in block_styles().items()}

    def restyle(self) -> None:
        """The reader changed the page (face, size, spacing): fonts made again."""
        self._make_fonts()

    @property
    def hsk_level(self) -> int:
        return self._hsk_level

    def set_hsk_level(self, level: int) -> None:
        self._hsk_level = level

    @property
    def unknown_only(self) -> bool:
        return self._unknown_only

    def set_unknown_only(self, unknown_only: bool) -> None:
        """Pinyin above the new and learning words alone (and the level's filter too)."""
        self._unknown_only = unknown_only

    def set_word_marks(self, source: WordMarkSource | None) -> None:
        """Where the new and learning words are found (None: every word is new); given again
        when their statuses changed, the pieces laid out are laid out anew if it matters."""
        self._word_marks = source
        if self._unknown_only:
            self._layouts.clear()

    @property
    def pinyin_style(self) -> PinyinStyle:
        return self._style

    def set_pinyin_style(self, style: PinyinStyle) -> None:
        self._style = style

    def fonts(self, block: Block) -> RubyFonts:
        return self._fonts[style_key(block)]

    def em(self) -> float:
        """The running text's em, in pixels."""
        return self._fonts[_RUNNING_TEXT].em

    def step(self) -> float:
        """The running text's step from character to character, in pixels."""
        return self._fonts[_RUNNING_TEXT].step

    def line_step(self) -> int:
        """The running text's line, readings and all: one step of the scroll bar."""
        return self._fonts[_RUNNING_TEXT].line_height

    def relayout(self, width: float) -> None:
        """Forget every layout (a new width, zoom or filter) and estimate the heights again;
        the anchor's piece stays, and the caller puts the top where it wants it."""
        self._layouts.clear()
        self._width = width
        self._estimate_heights()

    @property
    def width(self) -> float:
        return self._width

    def forget(self, index: int) -> None:
        """Block `index` is laid out again when next seen (its readings changed)."""
        for piece in range(self._first_pieces[index], self._first_pieces[index + 1]):
            self._layouts.pop(piece, None)

    def forget_layouts(self) -> None:
        """Every block is laid out again when next seen (the readings are others)."""
        self._layouts.clear()

    # Heights

    def __len__(self) -> int:
        """The pieces measured: none before the first `relayout` of a document."""
        return len(self._heights)

    def piece(self, index: int) -> Piece:
        return self._pieces[index]

    def _estimate_heights(self) -> None:
        document = self._document
        pieces = self._pieces if document is not None else []
        width = self._width
        heights = []
        for piece in pieces:
            assert document is not None
            block = document.blocks[piece.block]
            spacing = block_style(block).pinyin
            fonts = self.fonts(block)
            per_line = max(1, int(width / (fonts.step * ESTIMATED_SHIFT)))
            length = piece.end - piece.start + (spacing.indent if piece.first else 0.0)
            lines = math.ceil(length / per_line) if length else 1
            breaks = 0  # a list item's break is a tab; any other starts a line
            if spacing.name_column is None:
                breaks = document.text.count("\n", piece.start, piece.end)
            space = (spacing.above if piece.first else 0.0) + (spacing.below if piece.last else 0.0)
            heights.append(space * fonts.em + (lines + breaks) * fonts.line_height)
        self._heights = heights
        self._recount()

    def _recount(self) -> None:
        self._tops = list(itertools.accumulate(self._heights, initial=self.page_top()))

    def page_top(self) -> float:
        """Where the first block starts."""
        return 2.0 * self.em()

    def top(self, index: int) -> float:
        return self._tops[index]

    def content_height(self) -> float:
        return self._tops[-1] + 3.0 * self.em()

    @property
    def laid_out_count(self) -> int:
        """Pieces laid out and kept: a few screens' worth, never the whole book."""
        return len(self._layouts)

    def layout_of(self, index: int) -> BlockLayout:
        """Piece `index` laid out (now, if it was not), its height made exact."""
        layout = self._layouts.get(index)
        if layout is not None:
            self._layouts.move_to_end(index)
            return layout
        assert self._document is not None
        piece = self._pieces[index]
        block = self._document.blocks[piece.block]
        style, fonts = block_style(block), self.fonts(block)
        spacing = style.pinyin
        rubies = self._rubies(piece, self._readings(piece.block))
        tab = None
        if spacing.name_column is not None:
            tab = (spacing.indent + spacing.name_column) * fonts.em
        # A piece after the first goes on with its block's lines: no space above, and no
        # indent but a list item's column.
        shape = BlockShape(
            width=self._width,
            line_height=fonts.line_height,
            above=spacing.above * fonts.em if piece.first else 0.0,
            below=spacing.below * fonts.em if piece.last else 0.0,
            indent=spacing.indent * fonts.em if piece.first else tab or 0.0,
            align=style.align,
            ruby_padding=RUBY_PADDING_EMS * fonts.em,
            ruby_box=fonts.step,
            stretch=MAX_STRETCH_EMS * fonts.em,
            least_squeeze=LEAST_SQUEEZE,
            tab=tab,
        )
        layout = layout_block(
            self._text[piece.start : piece.end],
            piece.start,
            rubies,
            shape,
            fonts.measure,
            fonts.measure_ruby,
        )
        self._layouts[index] = layout
        while len(self._layouts) > KEPT_LAYOUTS:
            self._layouts.popitem(last=False)
        if self._heights[index] != layout.height:
            self._heights[index] = layout.height
            self._recount()
        return layout

    def _rubies(self, piece: Piece, readings: Readings | None) -> list[tuple[str, int] | None]:
        """A reading per character; a Chinese character without one shown keeps its room."""
        assert self._document is not None
        text = self._document.text[piece.start : piece.end]
        rubies: list[tuple[str, int] | None] = [_ROOM if is_han(char) else None for char in text]
        if readings is None:
            return rubies
        # A block's readings, a syllable and a level for each of its characters.
        into = piece.start - self._document.blocks[piece.block].start
        syllables = readings.syllables[into : into + len(text)]
        levels = readings.levels[into : into + len(text)]
        unknown = self._unknown_in(piece)
        for index, (syllable, level) in enumerate(zip(syllables, levels, strict=True)):
            if syllable is None or level <= self._hsk_level:
                continue
            if unknown is None or piece.start + index in unknown:
                rubies[index] = (format_syllable(syllable, self._style), tone(syllable))
        return rubies

    def _unknown_in(self, piece: Piece) -> set[int] | None:
        """The offsets of the piece's new and learning words when only they show pinyin
        (none while its words are not known yet), else None: every word."""
        if not self._unknown_only or self._word_marks is None:
            return None
        marks = self._word_marks.between(piece.start, piece.end) or []
        return {offset for mark in marks for offset in range(mark.start, mark.end)}

    # Scrolling

    def piece_index(self, offset: int) -> int:
        """The piece holding `offset` (the one before, for the break between two blocks)."""
        return max(0, bisect.bisect_right(self._piece_starts, offset) - 1)

    def piece_at(self, y: float) -> int | None:
        """The piece reaching page height `y`, or None above the first or below the last."""
        if not self._heights:
            return None
        index = bisect.bisect_right(self._tops, y) - 1
        return index if 0 <= index < len(self._heights) else None

    def value(self) -> float:
        """The page height at the top of the viewport: the scroll bar's value."""
        index, into = self._anchor
        return self._tops[index] + into if self._heights else 0.0

    @property
    def anchor(self) -> tuple[int, float]:
        """The piece at the top of the viewport and the distance into it."""
        return self._anchor

    def set_value(self, value: float) -> None:
        """Anchor the top of the viewport at page height `value`."""
        if not self._heights:
            self._anchor = (0, 0.0)
            return
        index = max(0, min(len(self._heights) - 1, bisect.bisect_right(self._tops, value) - 1))
        self._anchor = (index, value - self._tops[index])

    def settle(self, height: float) -> None:
        """Lay out the pieces in a viewport `height` high, the anchor's first; a piece laid
        out changes the heights, and so the range, but not what is at the top."""
        for _ in range(4):
            index, _into = self._anchor
            self.layout_of(index)
            bottom = self.value() + height
            while index < len(self._heights) and self._tops[index] < bottom:
                self.layout_of(index)
                index += 1
            highest = max(0.0, self.content_height() - height)
            if self.value() <= highest + 0.5:
                break
            self.set_value(highest)

    def anchor_at(self, offset: int, gap: float) -> None:
        """The line holding `offset` at the top of the viewport, `gap` pixels below it."""
        if offset <= 0:
            self._anchor = (0, 0.0)
            return
        index = self.piece_index(offset)
        layout = self.layout_of(index)
        line = layout.lines[layout.line_index_at(offset)]
        self._anchor = (index, line.y)
        self.set_value(max(0.0, self.value() - gap))

    def top_offset(self, gap: float) -> int:
        """The offset starting the first line below the top of the viewport and `gap`."""
        if self._document is None or not self._heights:
            return 0
        y = self.value() + gap
        index = max(0, bisect.bisect_right(self._tops, y) - 1)
        while index < len(self._heights):
            layout = self.layout_of(index)
            top = self._tops[index]
            for line in layout.lines:
                if top + line.y + layout.line_height > y:
                    return line.start
            index += 1
        return len(self._document.text)

    def visible_pieces(self, height: float) -> range:
        """The pieces that reach into a viewport `height` high."""
        if not self._heights:
            return range(0)
        first = self._anchor[0]
        bottom = self.value() + height
        last = bisect.bisect_left(self._tops, bottom, lo=first) - 1
        return range(first, min(len(self._heights), max(first, last) + 1))

    def visible_blocks(self, height: float) -> range:
        """The blocks that reach into a viewport `height` high."""
        pieces = self.visible_pieces(height)
        if not pieces:
            return range(0)
        return range(self._pieces[pieces[0]].block, self._pieces[pieces[-1]].block + 1)

    # Hit testing: x from the text column's left edge, y from the top of the viewport

    def _origin_y(self, index: int) -> float:
        return self._tops[index] - self.value()

    def offset_at(self, x: float, y: float) -> int | None:
        """The offset of the character at (x, y), or None: margins, white space, between
        lines, past a line's end."""
        index = self.piece_at(y + self.value())
        if index is None or self._document is None:
            return None
        box = self.layout_of(index).box_at(x, y - self._origin_y(index))
        if box is None:
            return None
        return box.start if not self._document.text[box.start].isspace() else None

    def position_at(self, x: float, y: float) -> int:
        """The offset between characters nearest to (x, y): for selecting."""
        if self._document is None:
            return 0
        if y + self.value() < self.page_top():
            return 0
        index = self.piece_at(y + self.value())
        if index is None:
            return len(self._document.text)
        return self.layout_of(index).position_at(x, y - self._origin_y(index))

    def character_rect(self, offset: int) -> QtCore.QRectF:
        """The character at `offset`: its band, without the ruby; empty for none."""
        if self._document is None or not self._heights:
            return QtCore.QRectF()
        index = self.piece_index(offset)
        found = self.layout_of(index).box_for(offset)
        if found is None:
            return QtCore.QRectF()
        line, box = found
        fonts = self.fonts(self._document.blocks[self._pieces[index].block])
        top = self._origin_y(index) + line.y + fonts.ruby_band
        return QtCore.QRectF(box.x, top, box.width, fonts.text_band)

    def ruby_at(self, offset: int) -> str | None:
        """The reading painted above the character at `offset`, or None for none."""
        if self._document is None or not self._heights:
            return None
        found = self.layout_of(self.piece_index(offset)).box_for(offset)
        return found[1].ruby if found is not None else None

    # The text as laid out

    def text_between(self, start: int, end: int) -> str:
        """What the page shows of `[start, end)`, box by box in reading order."""
        if self._document is None:
            return ""
        parts: list[str] = []
        text = self._text
        position = start
        for index in range(self.piece_index(start), len(self._heights)):
            piece = self._pieces[index]
            if piece.start >= end:
                break
            if position < piece.start:
                parts.append(text[position : piece.start])  # the break between blocks
                position = piece.start
            layout = self.layout_of(index)
            for line in layout.lines:
                if position < line.start < end:
                    parts.append(text[position : line.start])  # a line break in the block
                    position = line.start
                for box in line.boxes:
                    if box.end <= position or box.start >= end:
                        continue
                    if position < box.start:
                        parts.append(text[position : box.start])  # a list item's tab
                    parts.append(text[max(box.start, position) : min(box.end, end)])
                    position = min(box.end, end)
            if position < min(piece.end, end):
                parts.append(text[position : min(piece.end, end)])  # spaces a wrap swallowed
                position = min(piece.end, end)
        if position < end:
            parts.append(text[position:end])
        return "".join(parts)
