"""The pinyin view: the document painted with each character's reading above it.

Qt's rich text has no ruby (DESIGN.md §8), so this is a QAbstractScrollArea that lays its
blocks out itself (reader.ui.views.ruby_layout) and paints them. Only blocks that reach the
viewport are laid out: every other block has a height estimated from its length, so a
whole novel opens at once and the scroll bar is about right. The scroll position is kept
as a block and a distance into it, so a block above that gets its exact height does not
move the text being read.

Readings come from a worker (reader.ui.tasks), visible blocks only; until they arrive the
characters are painted without them. Offsets here are the document's code points: no Qt
text positions are involved, so there is nothing to convert.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from reader.document import Block, BlockKind, Document
from reader.language.corrections import Corrections
from reader.language.pinyin import PinyinStyle, format_syllable, is_han, tone
from reader.language.readings import Readings, read_spans
from reader.language.segmentation import Segmentation
from reader.language.tools import LanguageTools
from reader.ui.fonts import SANS_FAMILIES, SERIF_FAMILIES
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.tasks import TaskRunner
from reader.ui.views.page_style import (
    BLOCK_STYLES,
    DECK_INK,
    MARK_COLOUR,
    MEASURE_EMS,
    PADDING_EMS,
    PAPER,
    SELECTION_COLOUR,
    TOP_GAP_EMS,
    BlockStyle,
    StyleKey,
    block_style,
    point_size,
    style_key,
)
from reader.ui.views.ruby_layout import BlockLayout, BlockShape, layout_block
from reader.ui.views.tone_colours import ToneColours

RUBY_SCALE = 0.5
"""A reading's size against its character's."""
LINE_SPACING = 1.25
"""The characters' band, in ems; the ruby band comes on top of it."""
RUBY_PADDING_EMS = 0.08
"""Room on either side of a reading, in ems of the character."""
RUBY_BOX_EMS = 1.2
"""The least width of a character with a reading above it, in ems."""
ESTIMATED_BOX_EMS = 1.25
"""How wide a character with its reading is on average, for blocks not laid out yet."""
KEPT_LAYOUTS = 300
"""Laid-out blocks kept for scrolling back; heights are kept for all that were measured."""
_ROOM = ("", 0)
"""The room of a reading, with none painted in it."""


class _Fonts:
    """One block style's fonts and metrics at one zoom; widths measured once per character."""

    def __init__(self, style: BlockStyle, point_size: float) -> None:
        size = point_size * style.pinyin.scale
        self.font = QtGui.QFont()
        self.font.setFamilies(SERIF_FAMILIES if style.serif else SANS_FAMILIES)
        self.font.setPointSizeF(size)
        self.font.setBold(style.weight is QtGui.QFont.Bold)
        self.ruby_font = QtGui.QFont()
        self.ruby_font.setFamilies(SANS_FAMILIES)
        self.ruby_font.setPointSizeF(size * RUBY_SCALE)
        self.metrics = QtGui.QFontMetricsF(self.font)
        self.ruby_metrics = QtGui.QFontMetricsF(self.ruby_font)
        self.em = self.metrics.horizontalAdvance("\u4e2d")
        self.ruby_band = self.ruby_metrics.ascent() + self.ruby_metrics.descent()
        self.text_band = self.em * LINE_SPACING
        self.line_height = math.ceil(self.ruby_band + self.text_band)
        self._widths: dict[str, float] = {}

    def measure(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def measure_ruby(self, text: str) -> float:
        return self.ruby_metrics.horizontalAdvance(text)


@dataclass(frozen=True)
class Highlight:
    """A highlight to paint: its range, its colour, and an underline colour for a note."""

    start: int
    end: int
    colour: QtGui.QColor
    underline: QtGui.QColor | None = None


class PinyinView(QtWidgets.QAbstractScrollArea):
    """Shows one Document with pinyin above its characters; reports its top offset."""

    top_offset_changed = QtCore.Signal(int)
    zoom_requested = QtCore.Signal(int)
    """Ctrl and the wheel: zoom by this many steps (the window's zoom, shared by both views)."""

    def __init__(
        self,
        tools: LanguageTools,
        parent: QtWidgets.QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._tools = tools
        self._runner = runner or TaskRunner(self, max_threads=1)
        self._document: Document | None = None
        self._segmentation_source: Callable[[], Segmentation | None] = lambda: None
        self._highlight_source: Callable[[int, int], list[Highlight]] = lambda start, end: []
        self._generation = 0
        self._zoom = 0
        self._hsk_level = 0
        """Words of HSK 1..this level show no pinyin; 0 shows all."""
        self._colours = ToneColours.PLECO
        self._style = PinyinStyle.MARKS
        self._fonts: dict[StyleKey, _Fonts] = {}
        self._heights: list[float] = []
        self._tops: list[float] = [0.0]
        self._layouts: OrderedDict[int, BlockLayout] = OrderedDict()
        self._readings: dict[int, Readings] = {}
        self._reading = False
        """A worker is reading blocks. One task at a time, for what is in view when it
        starts, so a fast scroll through a book queues no work for pages left behind."""
        self._failure: str | None = None
        self._block_starts: list[int] = []
        self._anchor = (0, 0.0)
        """The block at the top of the viewport and how far into it (pixels) the top is."""
        self._syncing = False
        self._layout_width = -1.0
        self._selection: tuple[int, int] | None = None
        self._caret = 0
        """Where the last click or word walk was: the keyboard lookup starts there."""
        self._drag_from: int | None = None
        self._mark: tuple[int, int] | None = None
        self._closing = False
        self._wheel_zoom = 0
        self.setFrameShape(QtWidgets.QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOn)
        self.setFocusPolicy(QtCore.Qt.StrongFocus)
        self.viewport().setCursor(QtCore.Qt.IBeamCursor)
        self.viewport().setMouseTracking(True)
        palette = self.viewport().palette()
        palette.setColor(QtGui.QPalette.Window, QtGui.QColor(PAPER))
        palette.setColor(QtGui.QPalette.Base, QtGui.QColor(PAPER))
        self.viewport().setPalette(palette)
        self.viewport().setAutoFillBackground(True)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._update_fonts()

    # Settings

    @property
    def reader_document(self) -> Document | None:
        return self._document

    def set_segmentation_source(self, source: Callable[[], Segmentation | None]) -> None:
        """Where the document's words come from: the lookup's segmentation, shared."""
        self._segmentation_source = source

    def set_highlight_source(self, source: Callable[[int, int], list[Highlight]]) -> None:
        """The highlights reaching into `[start, end)`, the one on top last: asked at every
        paint for the part in view."""
        self._highlight_source = source
        self.viewport().update()

    def set_zoom(self, zoom: int) -> None:
        if zoom != self._zoom:
            keep = self.top_offset()
            self._zoom = zoom
            self._update_fonts()
            self._relayout(keep)

    def set_hsk_level(self, level: int) -> None:
        """Hide the pinyin of words of HSK 1 to `level`; 0 shows it for every word."""
        if level != self._hsk_level:
            self._hsk_level = level
            self._relayout(self.top_offset())

    def set_pinyin_style(self, style: PinyinStyle) -> None:
        if style is not self._style:
            self._style = style
            self._relayout(self.top_offset())

    def set_tone_colours(self, colours: ToneColours) -> None:
        if colours is not self._colours:
            self._colours = colours
            self.viewport().update()

    def em(self) -> float:
        return self._fonts[(BlockKind.PARAGRAPH, 0)].em

    def _update_fonts(self) -> None:
        size = point_size(self._zoom)
        self._fonts = {key: _Fonts(style, size) for key, style in BLOCK_STYLES.items()}
        self.verticalScrollBar().setSingleStep(self._fonts[(BlockKind.PARAGRAPH, 0)].line_height)

    # The document

    def set_reader_document(self, document: Document) -> None:
        self._generation += 1
        self._document = document
        self._block_starts = [block.start for block in document.blocks]
        self._readings.clear()
        self._reading = False
        self._selection = None
        self._caret = 0
        self._mark = None
        self._anchor = (0, 0.0)
        self._relayout(0)

    def _relayout(self, keep: int) -> None:
        """Forget every layout (a new width, zoom or filter) and put `keep` at the top again."""
        self._layouts.clear()
        self._layout_width = self._text_width()
        self._estimate_heights()
        self.scroll_to_offset(keep)
        self.viewport().update()

    def _column(self) -> tuple[float, float]:
        """The text column's left edge and width in the viewport."""
        em = self.em()
        available = self.viewport().width()
        column = max(1.0, min((MEASURE_EMS + 2 * PADDING_EMS) * em, float(available)))
        left = (available - column) / 2
        return left + PADDING_EMS * em, max(em, column - 2 * PADDING_EMS * em)

    def _text_width(self) -> float:
        return self._column()[1]

    def _page_top(self) -> float:
        return 2.0 * self.em()

    def _estimate_heights(self) -> None:
        document = self._document
        blocks = document.blocks if document is not None else []
        width = self._layout_width
        heights = []
        for block in blocks:
            spacing = block_style(block).pinyin
            fonts = self._fonts[style_key(block)]
            per_line = max(1, int(width / (fonts.em * ESTIMATED_BOX_EMS)))
            length = block.end - block.start + spacing.indent
            lines = math.ceil(length / per_line) if length else 1
            breaks = 0  # a list item's break is a tab; any other starts a line
            if spacing.name_column is None and document is not None:
                breaks = document.text.count("\n", block.start, block.end)
            heights.append(
                (spacing.above + spacing.below) * fonts.em + (lines + breaks) * fonts.line_height
            )
        self._heights = heights
        self._recount()

    def _recount(self) -> None:
        self._tops = list(itertools.accumulate(self._heights, initial=self._page_top()))

    def content_height(self) -> float:
        return self._tops[-1] + 3.0 * self.em()

    @property
    def laid_out_count(self) -> int:
        """Blocks laid out and kept: a few screens' worth, never the whole book."""
        return len(self._layouts)

    def layout_of(self, index: int) -> BlockLayout:
        """Block `index` laid out (now, if it was not), its height made exact."""
        layout = self._layouts.get(index)
        if layout is not None:
            self._layouts.move_to_end(index)
            return layout
        assert self._document is not None
        block = self._document.blocks[index]
        style, fonts = block_style(block), self._fonts[style_key(block)]
        spacing = style.pinyin
        readings = self._readings.get(index)
        rubies = self._rubies(block, readings)
        tab = None
        if spacing.name_column is not None:
            tab = (spacing.indent + spacing.name_column) * fonts.em
        shape = BlockShape(
            width=self._layout_width,
            line_height=fonts.line_height,
            above=spacing.above * fonts.em,
            below=spacing.below * fonts.em,
            indent=spacing.indent * fonts.em,
            align=style.align,
            ruby_padding=RUBY_PADDING_EMS * fonts.em,
            ruby_box=RUBY_BOX_EMS * fonts.em,
            tab=tab,
        )
        layout = layout_block(
            self._document.text[block.start : block.end],
            block.start,
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

    def _rubies(self, block: Block, readings: Readings | None) -> list[tuple[str, int] | None]:
        """A reading per character; a Chinese character without one shown keeps its room."""
        assert self._document is not None
        text = self._document.text[block.start : block.end]
        rubies: list[tuple[str, int] | None] = [_ROOM if is_han(char) else None for char in text]
        if readings is None:
            return rubies
        for index, (syllable, level) in enumerate(
            zip(readings.syllables, readings.levels, strict=True)
        ):
            if syllable is not None and level > self._hsk_level:
                rubies[index] = (format_syllable(syllable, self._style), tone(syllable))
        return rubies

    # Scrolling

    def _block_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._block_starts, offset) - 1)

    def _set_anchor_from_value(self, value: float) -> None:
        if not self._heights:
            self._anchor = (0, 0.0)
            return
        index = max(0, min(len(self._heights) - 1, bisect.bisect_right(self._tops, value) - 1))
        self._anchor = (index, value - self._tops[index])

    def _value(self) -> float:
        index, into = self._anchor
        return self._tops[index] + into if self._heights else 0.0

    def _settle(self) -> None:
        """Lay out the blocks in view, then set the scroll bar from the anchor; a block laid
        out changes the heights, and so the range, but not what is at the top."""
        if self._document is None or not self._heights:
            self._sync_bar(0.0)
            return
        for _ in range(4):
            index, _into = self._anchor
            self.layout_of(index)
            bottom = self._value() + self.viewport().height()
            while index < len(self._heights) and self._tops[index] < bottom:
                self.layout_of(index)
                index += 1
            highest = max(0.0, self.content_height() - self.viewport().height())
            if self._value() <= highest + 0.5:
                break
            self._set_anchor_from_value(highest)
        self._sync_bar(self._value())
        self._request_readings()

    def _sync_bar(self, value: float) -> None:
        bar = self.verticalScrollBar()
        self._syncing = True
        try:
            bar.setPageStep(max(1, self.viewport().height()))
            bar.setRange(0, max(0, round(self.content_height() - self.viewport().height())))
            bar.setValue(round(value))
        finally:
            self._syncing = False

    def _scrolled(self, value: int) -> None:
        if self._syncing:
            return
        if abs(value - self._value()) >= 1:
            self._set_anchor_from_value(float(value))
        self._settle()
        self.viewport().update()
        if self._document is not None:
            self.top_offset_changed.emit(self.top_offset())

    def top_gap(self) -> float:
        return TOP_GAP_EMS * self.em()

    def scroll_to_offset(self, offset: int) -> None:
        """Put the line holding `offset` at the top, a small gap above it."""
        if self._document is None or not self._heights:
            self._settle()
            return
        if offset <= 0:
            self._anchor = (0, 0.0)
        else:
            index = self._block_index(offset)
            layout = self.layout_of(index)
            line = layout.lines[layout.line_index_at(offset)]
            self._anchor = (index, line.y)
            self._set_anchor_from_value(max(0.0, self._value() - self.top_gap()))
        self._settle()
        self.viewport().update()
        self.top_offset_changed.emit(self.top_offset())

    def top_offset(self) -> int:
        """The offset starting the first line below the top of the viewport and its gap."""
        if self._document is None or not self._heights:
            return 0
        y = self._value() + self.top_gap()
        index = max(0, bisect.bisect_right(self._tops, y) - 1)
        while index < len(self._heights):
            layout = self.layout_of(index)
            top = self._tops[index]
            for line in layout.lines:
                if top + line.y + layout.line_height > y:
                    return line.start
            index += 1
        return len(self._document.text)

    def visible_blocks(self) -> range:
        """The blocks that reach into the viewport."""
        if not self._heights:
            return range(0)
        first = self._anchor[0]
        bottom = self._value() + self.viewport().height()
        last = bisect.bisect_left(self._tops, bottom, lo=first) - 1
        return range(first, min(len(self._heights), max(first, last) + 1))

    # Readings

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self._request_readings()

    def _request_readings(self) -> None:
        document = self._document
        if document is None or self._closing or not self.isVisible():
            # Hidden (pinyin off), readings would only take the interpreter from start-up.
            return
        if self._reading or self._failure is not None:
            return
        wanted = [i for i in self.visible_blocks() if i not in self._readings]
        if not wanted:
            return
        self._reading = True
        segmentation = self._segmentation_source()
        if segmentation is not None and segmentation.text is not document.text:
            segmentation = None  # another document's, or one not made yet: segment here
        tools = self._tools
        generation = self._generation
        text = document.text
        spans = {i: (document.blocks[i].start, document.blocks[i].end) for i in wanted}

        def work() -> dict[int, Readings]:
            return read_spans(
                text,
                spans,
                tools,
                segmentation,
                Corrections() if segmentation is None else segmentation.corrections,
                lambda: self._closing or generation != self._generation,
            )

        self._runner.run(
            work,
            lambda found: self._readings_done(generation, found),
            lambda error: self._readings_failed(generation, error),
        )

    def _readings_done(self, generation: int, found: dict[int, Readings]) -> None:
        if generation != self._generation or self._closing:
            return
        self._reading = False
        for index, readings in found.items():
            self._readings[index] = readings
            self._layouts.pop(index, None)
        self._settle()  # and the blocks come into view meanwhile are asked for
        self.viewport().update()

    def _readings_failed(self, generation: int, error: BaseException) -> None:
        """The characters stay without pinyin; the view does not ask again and again."""
        if generation == self._generation:
            self._reading = False
            self._failure = str(error) or type(error).__name__

    @property
    def failure(self) -> str | None:
        """Why no readings could be made, if they could not."""
        return self._failure

    def forget_readings(self, indexes: list[int]) -> None:
        """The words of these blocks changed (a correction): read them again when seen."""
        for index in indexes:
            self._readings.pop(index, None)
            self._layouts.pop(index, None)
        self._settle()
        self.viewport().update()

    def has_readings(self, index: int) -> bool:
        return index in self._readings

    def shutdown(self) -> None:
        """Wait for the reading worker, before the window goes away."""
        self._closing = True
        self._runner.wait()

    # Geometry for hit testing and the pop-up

    def _block_origin(self, index: int) -> QtCore.QPointF:
        left, _ = self._column()
        return QtCore.QPointF(left, self._tops[index] - self._value())

    def _block_at_y(self, y: float) -> int | None:
        if not self._heights:
            return None
        page_y = y + self._value()
        index = bisect.bisect_right(self._tops, page_y) - 1
        return index if 0 <= index < len(self._heights) else None

    def offset_at(self, point: QtCore.QPoint) -> int | None:
        """The offset of the character under `point` (viewport coordinates), or None."""
        index = self._block_at_y(point.y())
        if index is None:
            return None
        origin = self._block_origin(index)
        box = self.layout_of(index).box_at(point.x() - origin.x(), point.y() - origin.y())
        if box is None or self._document is None:
            return None
        return box.start if not self._document.text[box.start].isspace() else None

    def position_at(self, point: QtCore.QPoint) -> int:
        """The offset between characters nearest to `point`: for selecting."""
        if self._document is None:
            return 0
        if point.y() + self._value() < self._page_top():
            return 0
        index = self._block_at_y(point.y())
        if index is None:
            return len(self._document.text)
        origin = self._block_origin(index)
        return self.layout_of(index).position_at(point.x() - origin.x(), point.y() - origin.y())

    def character_rect(self, offset: int) -> QtCore.QRectF:
        """The character at `offset` (its band, without the ruby), in viewport coordinates."""
        if self._document is None or not self._heights:
            return QtCore.QRectF()
        index = self._block_index(offset)
        layout = self.layout_of(index)
        found = layout.box_for(offset)
        if found is None:
            return QtCore.QRectF()
        line, box = found
        fonts = self._fonts[style_key(self._document.blocks[index])]
        origin = self._block_origin(index)
        return QtCore.QRectF(
            origin.x() + box.x,
            origin.y() + line.y + fonts.ruby_band,
            box.width,
            fonts.text_band,
        )

    def range_rect(self, start: int, end: int) -> QtCore.QRect:
        """Around `[start, end)` from its first line to its last, in viewport coordinates."""
        rect = self.character_rect(start)
        last = self.character_rect(max(start, end - 1))
        if not last.isEmpty():
            rect = rect.united(last)
        return rect.toAlignedRect()

    def ensure_visible(self, offset: int) -> None:
        """Scroll as little as needed for the character at `offset` to be in view."""
        rect = self.character_rect(offset)
        if rect.isEmpty():
            return
        bar = self.verticalScrollBar()
        margin = self.top_gap()
        if rect.top() < margin:
            bar.setValue(bar.value() + math.floor(rect.top() - margin))
        elif rect.bottom() > self.viewport().height() - margin:
            bar.setValue(bar.value() + math.ceil(rect.bottom() - self.viewport().height() + margin))

    def ruby_at(self, offset: int) -> str | None:
        """The reading painted above the character at `offset`, or None for none."""
        if self._document is None or not self._heights:
            return None
        found = self.layout_of(self._block_index(offset)).box_for(offset)
        return found[1].ruby if found is not None else None

    def set_marked(self, span: tuple[int, int] | None) -> None:
        """The word the pop-up shows, tinted; None takes the tint away."""
        if span != self._mark:
            self._mark = span
            self.viewport().update()

    # Selection and copying

    def selected_range(self) -> tuple[int, int] | None:
        return self._selection

    def caret_offset(self) -> int:
        return self._caret

    def place_caret(self, offset: int) -> None:
        """The caret at `offset`, the selection dropped, scrolled into view if need be."""
        self._caret = offset
        self._selection = None
        self.ensure_visible(offset)
        self.viewport().update()

    def selected_text(self) -> str:
        if self._document is None or self._selection is None:
            return ""
        return self._document.text[slice(*self._selection)]

    def select(self, start: int, end: int) -> None:
        start, end = sorted((start, end))
        self._selection = (start, end) if end > start else None
        self.viewport().update()

    def select_all(self) -> None:
        if self._document is not None:
            self.select(0, len(self._document.text))

    def copy(self) -> None:
        """Plain characters, as in the document, without the pinyin painted above them."""
        text = self.selected_text()
        if text:
            QtWidgets.QApplication.clipboard().setText(text)

    def text_between(self, start: int, end: int) -> str:
        """What the view shows of `[start, end)`, box by box in reading order."""
        if self._document is None:
            return ""
        parts: list[str] = []
        text = self._document.text
        position = start
        for index in range(self._block_index(start), len(self._heights)):
            block = self._document.blocks[index]
            if block.start >= end:
                break
            if position < block.start:
                parts.append(text[position : block.start])  # the break between blocks
                position = block.start
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
            if position < min(block.end, end):
                parts.append(text[position : min(block.end, end)])  # spaces a wrap swallowed
                position = min(block.end, end)
        if position < end:
            parts.append(text[position:end])
        return "".join(parts)

    # Events

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.matches(QtGui.QKeySequence.Copy):
            self.copy()
        elif event.matches(QtGui.QKeySequence.SelectAll):
            self.select_all()
        elif event.matches(QtGui.QKeySequence.MoveToStartOfDocument):
            self.verticalScrollBar().triggerAction(QtWidgets.QAbstractSlider.SliderToMinimum)
        elif event.matches(QtGui.QKeySequence.MoveToEndOfDocument):
            self.verticalScrollBar().triggerAction(QtWidgets.QAbstractSlider.SliderToMaximum)
        else:
            super().keyPressEvent(event)

    def standard_context_menu(self, point: QtCore.QPoint) -> QtWidgets.QMenu:
        """Copy and Select All, for a point of the viewport."""
        menu = QtWidgets.QMenu(self)
        copy = menu.addAction("&Copy")
        copy.setShortcut(QtGui.QKeySequence.Copy)
        copy.setEnabled(self._selection is not None)
        copy.triggered.connect(self.copy)
        select_all = menu.addAction("Select &All")
        select_all.setShortcut(QtGui.QKeySequence.SelectAll)
        select_all.triggered.connect(self.select_all)
        return menu

    def contextMenuEvent(self, event: QtGui.QContextMenuEvent) -> None:
        menu = self.standard_context_menu(self.viewport().mapFromGlobal(event.globalPos()))
        menu.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        if not event.modifiers() & QtCore.Qt.ControlModifier:
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel_zoom += event.angleDelta().y()
        steps = int(self._wheel_zoom / 120)
        if steps:
            self._wheel_zoom -= steps * 120
            self.zoom_requested.emit(steps)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == QtCore.Qt.LeftButton:
            self._drag_from = self._caret = self.position_at(event.position().toPoint())
            self._selection = None
            self.viewport().update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._drag_from is not None and event.buttons() & QtCore.Qt.LeftButton:
            self.select(self._drag_from, self.position_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == QtCore.Qt.LeftButton:
            self._drag_from = None
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._document is None:
            return
        if abs(self._text_width() - self._layout_width) >= 0.5:
            self._relayout(self.top_offset())
        else:
            self._settle()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        document = self._document
        if document is None:
            return
        self._settle()
        painter = QtGui.QPainter(self.viewport())
        painter.setRenderHint(QtGui.QPainter.TextAntialiasing)
        height = self.viewport().height()
        visible = self.visible_blocks()
        highlights = self._visible_highlights(visible)
        for index in visible:
            origin = self._block_origin(index)
            if origin.y() > height:
                break
            self._paint_block(painter, index, origin, event.rect(), highlights)
        painter.end()

    def _visible_highlights(self, visible: range) -> list[Highlight]:
        if not visible or self._document is None:
            return []
        start = self._document.blocks[visible[0]].start
        end = self._document.blocks[visible[-1]].end
        return self._highlight_source(start, end)

    def _paint_block(
        self,
        painter: QtGui.QPainter,
        index: int,
        origin: QtCore.QPointF,
        clip: QtCore.QRect,
        highlights: list[Highlight],
    ) -> None:
        assert self._document is not None
        block = self._document.blocks[index]
        fonts, style = self._fonts[style_key(block)], block_style(block)
        layout = self.layout_of(index)
        text = self._document.text
        ink = QtGui.QColor(style.ink)
        selection = QtGui.QColor(SELECTION_COLOUR)
        mark = QtGui.QColor(MARK_COLOUR)
        baseline = fonts.ruby_band + (fonts.text_band - fonts.metrics.height()) / 2
        baseline += fonts.metrics.ascent()
        ruby_baseline = fonts.ruby_metrics.ascent()
        for line in layout.lines:
            top = origin.y() + line.y
            if top > clip.bottom() or top + layout.line_height < clip.top():
                continue
            for box in line.boxes:
                left = origin.x() + box.x
                band = QtCore.QRectF(left, top + fonts.ruby_band, box.width, fonts.text_band)
                if self._covers(self._selection, box.start):
                    painter.fillRect(band, selection)
                    continue
                if self._covers(self._mark, box.start):
                    painter.fillRect(band, mark)
                for highlight in highlights:
                    if highlight.start <= box.start < highlight.end:
                        painter.fillRect(band, highlight.colour)
                        if highlight.underline is not None:
                            painter.fillRect(
                                QtCore.QRectF(left, band.bottom() - 2, box.width, 1.5),
                                highlight.underline,
                            )
            painter.setFont(fonts.font)
            painter.setPen(ink)
            for box in line.boxes:
                chars = text[box.start : box.end]
                x = origin.x() + box.x + (box.width - box.text_width) / 2
                painter.drawText(QtCore.QPointF(x, top + baseline), chars)
            painter.setFont(fonts.ruby_font)
            for box in line.boxes:
                if box.ruby is None:
                    continue
                colour = self._colours.colour(box.tone)
                painter.setPen(QtGui.QColor(colour) if colour else QtGui.QColor(DECK_INK))
                width = fonts.measure_ruby(box.ruby)
                x = origin.x() + box.x + (box.width - width) / 2
                painter.drawText(QtCore.QPointF(x, top + ruby_baseline), box.ruby)

    @staticmethod
    def _covers(span: tuple[int, int] | None, offset: int) -> bool:
        return span is not None and span[0] <= offset < span[1]
