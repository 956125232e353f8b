"""The pinyin view: the document painted with each character's reading above it.

Qt's rich text has no ruby (DESIGN.md §8), so this is a QAbstractScrollArea over a page it
lays out itself, where the reader looks (reader.ui.views.pinyin_layout), and paints
(reader.ui.views.pinyin_painting). This module is the widget: its settings, the scroll bar,
the text column in the viewport, selection and input.

Readings come from a ReadingsSource given to the view (the document's session makes them on
a worker), asked for the visible blocks only; until they arrive the characters are painted
without them. Offsets here are the document's code points (whatever script the characters
are shown in): no Qt text positions are involved, so there is nothing to convert.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reader.document import Document
from reader.language.pinyin import PinyinStyle
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.caret_keys import Move, key_move
from reader.ui.views.context_menu import standard_menu
from reader.ui.views.page_palette import paint_paper
from reader.ui.views.page_style import TOP_GAP_EMS, theme
from reader.ui.views.pinyin_caret import SCROLL_TO_ENDS, Caret, CaretBlink, caret_rect, keyed
from reader.ui.views.pinyin_column import column, comfortable_viewport
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.pinyin_layout import PinyinLayout
from reader.ui.views.pinyin_marking import PinyinMarking
from reader.ui.views.pinyin_painting import PageMarks, paint_page
from reader.ui.views.readings_source import ReadingsSource
from reader.ui.views.tone_colours import ToneColours
from reader.ui.views.wheel_zoom import WheelZoom


class PinyinView(PinyinMarking, QtWidgets.QAbstractScrollArea):
    """Shows one Document with pinyin above its characters; reports its top offset."""

    top_offset_changed = QtCore.Signal(int)
    zoom_requested = QtCore.Signal(int)
    """Ctrl and the wheel: zoom by this many steps (the window's zoom, shared by both views)."""
    measure_changed = QtCore.Signal()
    """The character step changed (zoom, pinyin size), and `comfortable_width` with it."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._page = PinyinLayout()
        self._readings: ReadingsSource | None = None
        self._marks = PageMarks()
        self._colours = ToneColours.PLECO
        self._failure: str | None = None
        self._syncing = False
        self._selection: tuple[int, int] | None = None
        self._caret = Caret(0)
        """Where the last click, key or word walk left it: the keyboard lookup starts there."""
        self._goal_x: float | None = None
        """The column kept while the caret goes up and down line by line."""
        self._blink = CaretBlink(self, self._blink_caret)
        self._put_at: tuple[int, tuple[int, float], float] | None = None
        """The offset last scrolled to, the anchor and width it gave."""
        self._drag_from: int | None = None
        self._wheel_zoom = WheelZoom()
        self._kept_top: int | None = None
        """The offset at the top when the column last changed width, until the next scroll:
        put back at the top after each change, so the line does not drift."""
        self.setFrameShape(QtWidgets.QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOn)
        self.setFocusPolicy(QtCore.Qt.StrongFocus)
        self.viewport().setCursor(QtCore.Qt.IBeamCursor)
        self.viewport().setMouseTracking(True)
        paint_paper(self.viewport(), theme())
        self.viewport().setAutoFillBackground(True)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().setSingleStep(self._page.line_step())

    # Settings

    @property
    def reader_document(self) -> Document | None:
        return self._page.document

    def set_zoom(self, zoom: int) -> None:
        if zoom != self._page.zoom:
            self._restyle(lambda: self._page.set_zoom(zoom))

    def set_pinyin_words(self, level: int, unknown_only: bool = False) -> None:
        """Hide the pinyin of words of HSK 1 to `level` (0: of none), and with `unknown_only`
        that of every word but the new and learning ones."""
        if (level, unknown_only) != (self._page.hsk_level, self._page.unknown_only):
            self._page.set_hsk_level(level)
            self._page.set_unknown_only(unknown_only)
            self._relayout(self.top_offset())

    def set_ruby_size(self, size: RubySize) -> None:
        """How large the readings are: the lines are laid out again, the top line kept."""
        if size is not self._page.ruby_size:
            self._restyle(lambda: self._page.set_ruby_size(size))

    def _restyle(self, change: Callable[[], None]) -> None:
        """A change of the lines' height: laid out again, the top line kept."""
        keep = self.top_offset()
        change()
        self.verticalScrollBar().setSingleStep(self._page.line_step())
        self._relayout(keep)
        self.measure_changed.emit()

    def restyle(self) -> None:
        """The reader changed the page's face, size, spacing or measure: laid out anew."""
        self._restyle(self._page.restyle)

    @property
    def ruby_size(self) -> RubySize:
        return self._page.ruby_size

    def set_pinyin_style(self, style: PinyinStyle) -> None:
        if style is not self._page.pinyin_style:
            self._page.set_pinyin_style(style)
            self._relayout(self.top_offset())

    def set_tone_colours(self, colours: ToneColours) -> None:
        if colours is not self._colours:
            self._colours = colours
            self.viewport().update()

    def em(self) -> float:
        return self._page.em()

    # The document and its page

    def set_reader_document(self, document: Document) -> None:
        """Show `document`, without readings until `set_readings_source` gives its own."""
        self._readings = None
        self._page.set_readings(lambda index: None)
        self._page.set_document(document)
        self._selection = None
        self._caret = Caret(0)
        self._marks.hovered = None
        self._relayout(0)

    def set_shown_text(self, text: str) -> None:
        """Paint `text` for the document's: another script, as long; offsets stay the same."""
        self._restyle(lambda: self._page.set_shown_text(text))

    def _relayout(self, keep: int) -> None:
        """Forget every layout (a new width, zoom or filter) and put `keep` at the top again."""
        self._page.relayout(self._column()[1])
        self.scroll_to_offset(keep)
        self.viewport().update()

    def _column(self) -> tuple[float, float]:
        """The text column's left edge and width in the viewport: whole steps, centred."""
        return column(self.viewport().width(), self.em(), self._page.step())

    def comfortable_width(self) -> int:
        """The width for MIN_MEASURE_EMS characters a line: the side panels give way to it."""
        viewport = comfortable_viewport(self.em(), self._page.step())
        return viewport + self.verticalScrollBar().sizeHint().width()

    @property
    def laid_out_count(self) -> int:
        """Pieces laid out and kept: a few screens' worth, never the whole book."""
        return self._page.laid_out_count

    # Scrolling

    def _settle(self) -> None:
        """Lay out the blocks in view, then set the scroll bar from the anchor; a block laid
        out changes the heights, and so the range, but not what is at the top."""
        if self._page.document is None or not len(self._page):
            self._sync_bar(0.0)
            return
        self._page.settle(self.viewport().height())
        self._sync_bar(self._page.value())
        self._request_readings()

    def _sync_bar(self, value: float) -> None:
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        self._syncing = True
        try:
            bar.setPageStep(max(1, height))
            bar.setRange(0, max(0, round(self._page.content_height() - height)))
            bar.setValue(round(value))
        finally:
            self._syncing = False

    def _scrolled(self, value: int) -> None:
        if self._syncing:
            return
        self._kept_top = None
        if abs(value - self._page.value()) >= 1:
            self._page.set_value(float(value))
        self._settle()
        self.viewport().update()
        if self._page.document is not None:
            self.top_offset_changed.emit(self.top_offset())

    def top_gap(self) -> float:
        return TOP_GAP_EMS * self.em()

    def scroll_to_offset(self, offset: int) -> None:
        """Put the line holding `offset` at the top, a small gap above it."""
        self._kept_top = None
        if self._page.document is None or not len(self._page):
            self._settle()
            return
        self._page.anchor_at(offset, self.top_gap())
        # Near the end the page cannot scroll that far: settling moves the anchor, and the
        # line at the top is no longer the one asked for.
        self._put_at = (offset, self._page.anchor, self._page.width)
        self._settle()
        self.viewport().update()
        self.top_offset_changed.emit(self.top_offset())

    def top_offset(self) -> int:
        """The offset at the top of the viewport, below the gap: the offset it was last
        scrolled to while the page has not moved since, else the first line's start."""
        put_at = self._put_at
        if put_at is not None and put_at[1:] == (self._page.anchor, self._page.width):
            return put_at[0]
        return self._page.top_offset(self.top_gap())

    def visible_blocks(self) -> range:
        """The blocks that reach into the viewport."""
        return self._page.visible_blocks(self.viewport().height())

    def visible_range(self) -> tuple[int, int]:
        """From the first character of the first piece in view to the last of the last: of a
        block of a million characters, only the part on the screen."""
        pieces = self._page.visible_pieces(self.viewport().height())
        if self.reader_document is None or not pieces:
            return 0, 0
        return self._page.piece(pieces[0]).start, self._page.piece(pieces[-1]).end

    # Readings

    def set_readings_source(self, source: ReadingsSource) -> None:
        """Where the shown document's readings come from; given after each document, as
        readings belong to one."""
        self._readings = source
        self._failure = None
        self._page.set_readings(source.readings)
        self._page.forget_layouts()
        self._settle()
        self.viewport().update()

    def readings_changed(self, indexes: list[int]) -> None:
        """The readings of these blocks arrived, or were forgotten (their words changed):
        lay them out again; the blocks in view still without readings are asked for."""
        for index in indexes:
            self._page.forget(index)
        self._settle()
        self.viewport().update()

    def readings_failed(self, message: str) -> None:
        """The characters stay without pinyin; the view does not ask again and again."""
        self._failure = message

    @property
    def failure(self) -> str | None:
        """Why no readings could be made, if they could not."""
        return self._failure

    def has_readings(self, index: int) -> bool:
        return self._readings is not None and self._readings.readings(index) is not None

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self._request_readings()

    def _request_readings(self) -> None:
        source = self._readings
        if source is None or self._page.document is None or not self.isVisible():
            # Hidden (pinyin off), readings would only take the interpreter from start-up.
            return
        if self._failure is not None:
            return
        wanted = [i for i in self.visible_blocks() if source.readings(i) is None]
        if wanted:
            source.request(wanted)

    # Geometry for hit testing and the pop-up

    def offset_at(self, point: QtCore.QPoint) -> int | None:
        """The offset of the character under `point` (viewport coordinates), or None."""
        return self._page.offset_at(point.x() - self._column()[0], point.y())

    def position_at(self, point: QtCore.QPoint) -> int:
        """The offset between characters nearest to `point`: for selecting."""
        left, _ = self._column()
        return self._page.position_at(point.x() - left, point.y())

    def character_rect(self, offset: int) -> QtCore.QRectF:
        """The character at `offset` (its band, without the ruby), in viewport coordinates."""
        rect = self._page.character_rect(offset)
        return rect.translated(self._column()[0], 0.0) if not rect.isNull() else rect

    def range_rect(self, start: int, end: int) -> QtCore.QRect:
        """Around `[start, end)` from its first line to its last, in viewport coordinates."""
        rect = self.character_rect(start)
        last = self.character_rect(max(start, end - 1))
        if not last.isEmpty():
            rect = rect.united(last)
        return rect.toAlignedRect()

    def ensure_visible(self, offset: int) -> None:
        """Scroll as little as needed for the character at `offset` to be in view."""
        self._scroll_into_view(self.character_rect(offset))

    def _scroll_into_view(self, rect: QtCore.QRectF) -> None:
        if rect.height() <= 0:
            return
        bar = self.verticalScrollBar()
        margin = self.top_gap()
        if rect.top() < margin:
            bar.setValue(bar.value() + math.floor(rect.top() - margin))
        elif rect.bottom() > self.viewport().height() - margin:
            bar.setValue(bar.value() + math.ceil(rect.bottom() - self.viewport().height() + margin))

    def ruby_at(self, offset: int) -> str | None:
        """The reading painted above the character at `offset`, or None for none."""
        return self._page.ruby_at(offset)

    # Selection and copying

    def selected_range(self) -> tuple[int, int] | None:
        return self._selection

    def caret_offset(self) -> int:
        return self._caret.offset

    def place_caret(self, offset: int) -> None:
        """The caret at `offset`, the selection dropped, scrolled into view if need be."""
        self._set_caret(Caret(offset))
        self._selection = None
        self.ensure_visible(offset)
        self.viewport().update()

    def caret_rect(self) -> QtCore.QRectF:
        """The caret, zero wide, in viewport coordinates; empty without a document."""
        rect = caret_rect(self._page, self._caret)
        return rect.translated(self._column()[0], 0.0) if not rect.isNull() else rect

    def move_caret(self, move: Move, extend: bool = False) -> None:
        """Move the caret as a key asks, the selection with it when `extend`. A caret the
        reader scrolled away from starts again from the line at the top."""
        if self._page.document is None:
            return
        caret, anchor, goal = keyed(
            self._page,
            self.verticalScrollBar(),
            self._caret,
            self._selection,
            move,
            self._goal_x,
            (self.top_offset(), self.viewport().height()),
        )
        self._set_caret(caret)
        self._goal_x = goal
        self._selection = None
        if extend:
            self.select(anchor, caret.offset)
        if move in SCROLL_TO_ENDS:  # the whole first (last) page, its title (last lines) too
            self.verticalScrollBar().triggerAction(SCROLL_TO_ENDS[move])
        self._scroll_into_view(self.caret_rect())
        self.viewport().update()

    def _set_caret(self, caret: Caret) -> None:
        """The caret here, shown at once (its blink starting over)."""
        self._caret = caret
        self._goal_x = None
        self._blink.restart(self.hasFocus())

    def _blink_caret(self) -> None:
        self.viewport().update(self.caret_rect().toAlignedRect().adjusted(-2, -1, 2, 1))

    def selected_text(self) -> str:
        """The selection as shown: in the script the reader chose to see the text in."""
        return self._page.text[slice(*self._selection)] if self._selection is not None else ""

    def select(self, start: int, end: int) -> None:
        start, end = sorted((start, end))
        self._selection = (start, end) if end > start else None
        self.viewport().update()

    def select_all(self) -> None:
        self.select(0, len(self._page.text))

    def copy(self) -> None:
        """Plain characters, as shown, without the pinyin painted above them."""
        text = self.selected_text()
        if text:
            QtWidgets.QApplication.clipboard().setText(text)

    def text_between(self, start: int, end: int) -> str:
        """What the view shows of `[start, end)`, box by box in reading order."""
        return self._page.text_between(start, end)

    # Events

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        found = key_move(event)
        if found is not None:
            self.move_caret(*found)
        elif event.matches(QtGui.QKeySequence.Copy):
            self.copy()
        elif event.matches(QtGui.QKeySequence.SelectAll):
            self.select_all()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusInEvent(event)
        self._set_caret(self._caret)
        self.viewport().update()

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._blink.stop()
        self.viewport().update()

    def standard_context_menu(self, point: QtCore.QPoint) -> QtWidgets.QMenu:
        """Copy and Select All, for a point of the viewport."""
        return standard_menu(self, self._selection is not None, self.copy, self.select_all)

    def contextMenuEvent(self, event: QtGui.QContextMenuEvent) -> None:
        menu = self.standard_context_menu(self.viewport().mapFromGlobal(event.globalPos()))
        menu.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        steps = self._wheel_zoom.steps(event)
        if steps is None:
            super().wheelEvent(event)
        elif steps:
            self.zoom_requested.emit(steps)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == QtCore.Qt.LeftButton:
            self._drag_from = self.position_at(event.position().toPoint())
            self._set_caret(Caret(self._drag_from))
            self._selection = None
            self.viewport().update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        if self._drag_from is not None and event.buttons() & QtCore.Qt.LeftButton:
            self._set_caret(Caret(self.position_at(event.position().toPoint())))
            self.select(self._drag_from, self._caret.offset)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == QtCore.Qt.LeftButton:
            self._drag_from = None
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._page.document is None:
            return
        if abs(self._column()[1] - self._page.width) >= 0.5:
            # A panel shown or hidden beside the view: the line at the top stays there.
            keep = self._kept_top if self._kept_top is not None else self.top_offset()
            self._relayout(keep)
            self._kept_top = keep
        else:
            self._settle()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        if self._page.document is None:
            return
        self._settle()
        visible = self._page.visible_pieces(self.viewport().height())
        painter = QtGui.QPainter(self.viewport())
        painter.setRenderHint(QtGui.QPainter.TextAntialiasing)
        marked = self._marks.marked(self._selection, self._page, visible)
        left, _ = self._column()
        height = self.viewport().height()
        paint_page(painter, self._page, visible, left, height, event.rect(), marked, self._colours)
        if self._blink.shown and self.hasFocus():
            caret = self.caret_rect()
            painter.fillRect(caret.adjusted(-1, 0, 1, 0), QtGui.QColor(theme().ink))
        painter.end()
