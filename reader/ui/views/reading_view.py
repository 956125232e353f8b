"""The reading view: a Document's page (reader.ui.views.reading_view_page) shown as a newspaper
page, in a column of fixed width centred in the window; it reports the offset at the top.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Sequence

from reader.document import Document
from reader.ui.fonts import reading_font as font_of_size
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.caret_keys import key_move
from reader.ui.views.context_menu import standard_menu
from reader.ui.views.line_breaks import LONGEST_RUN, wrap_mode
from reader.ui.views.offsets import OffsetMap
from reader.ui.views.page_palette import paint_paper
from reader.ui.views.page_style import (
    MAX_ZOOM,
    MIN_MEASURE_EMS,
    MIN_ZOOM,
    TOP_GAP_EMS,
    page,
    point_size,
    theme,
)
from reader.ui.views.reading_view_lines import (
    character_at,
    first_line_from_y,
    line_start_at_y,
    line_top,
    scroll_end,
)
from reader.ui.views.reading_view_marks import PageMarks
from reader.ui.views.reading_view_page import (
    add_held_back,
    build_page,
    held_back,
    recolour_page,
    restyle_page,
    show_text,
)
from reader.ui.views.reading_view_status import StatusUnderlines
from reader.ui.views.status_marks import WordMarkSource
from reader.ui.views.wheel_zoom import WheelZoom

CARET_WIDTH = 2
"""Pixels: Qt's one-pixel caret is lost beside a character's strokes."""


def reading_font(zoom: int) -> QtGui.QFont:
    return font_of_size(point_size(zoom))


class ReadingView(QtWidgets.QTextBrowser):
    """Shows one Document; reports which offset is at the top as the reader scrolls."""

    top_offset_changed = QtCore.Signal(int)
    zoom_changed = QtCore.Signal(int)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._offsets = OffsetMap("")
        self._shown = ""  # the document's text, or as many characters in another script
        self._zoom = 0
        self._wheel_zoom = WheelZoom()
        self._measure_kept = False
        self._kept_top: int | None = None
        """The offset at the top when the column last changed width, until the reader
        scrolls: put back at the top after each change, so the line does not drift."""
        self._top_block = QtGui.QTextBlock()
        self._put_at: tuple[int, int, int] | None = None
        """The offset last scrolled to, the scroll value and column width it gave."""
        self.setReadOnly(True)
        # A caret the keyboard moves and selects with, in a page that stays read-only.
        self.setTextInteractionFlags(
            QtCore.Qt.TextSelectableByMouse | QtCore.Qt.TextSelectableByKeyboard
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QtWidgets.QFrame.NoFrame)
        self.setLineWrapMode(QtWidgets.QTextEdit.FixedPixelWidth)
        # The column always fits (see _fit_measure); a scroll bar shown for a moment while
        # the margins catch up with a resize would force a new layout of the whole page.
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOff)
        self.setAutoFillBackground(True)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setFont(reading_font(0))
        # Laid out at the full measure from the start: a page set before the first resize
        # would otherwise be laid out at width 0, a character a line.
        self.setLineWrapColumnOrWidth(self._measure())
        paint_paper(self, theme())
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._marks = PageMarks(self)
        self._status = StatusUnderlines(self)

    @property
    def reader_document(self) -> Document | None:
        return self._document

    @property
    def offsets(self) -> OffsetMap:
        return self._offsets

    def em(self) -> float:
        """The size of one character of running text, in pixels."""
        return float(QtGui.QFontInfo(self.font()).pixelSize())

    def set_reader_document(self, document: Document, shown: str | None = None) -> None:
        """Show `document`, its characters as in `shown` if given (another script, as long)."""
        self._shown = document.text if shown is None else shown
        page = build_page(document, self.em(), hold_back=True, shown=self._shown)
        page.setDefaultFont(self.font())
        self._document = document
        self._offsets = OffsetMap(document.text)
        self._top_block = QtGui.QTextBlock()
        self._put_at = None
        self._set_wrap_mode(
            wrap_mode(
                document.text[block.start : block.end]
                for block in document.blocks
                if block.end - block.start >= LONGEST_RUN // 2
            )
        )
        page.setParent(self)  # so the view deletes it when the next page replaces it
        self._fit_measure()  # before the first show, so that the page is laid out once
        self.setDocument(page)
        self.setCursorWidth(CARET_WIDTH)  # kept by the page's layout: set for each page
        if held_back(document):
            self._add_held_back(page, document)
        self.verticalScrollBar().setValue(0)
        self._scrolled()

    def set_shown_text(self, text: str) -> None:
        """Show `text` for the document's: another script, as long; offsets stay the same."""
        if self._document is not None and text != self._shown:
            keep = self.top_offset()
            show_text(self, self._document.blocks, self._offsets, self._shown, text)
            self._shown = text
            self._status.forget()
            self._put_at = None  # the lines are laid out anew
            self.scroll_to_offset(keep)

    def _add_held_back(self, page: QtGui.QTextDocument, document: Document) -> None:
        """The text build_page held back, laid out once.

        QTextEdit lays its whole page out again whenever its viewport's width changes: when
        the scroll bar appears (such a page is hundreds of lines long) and, in a view not
        shown yet, when its viewport first takes its place. Both happen first here, so the
        text goes into a viewport of the width it keeps. The caret keeps its place too: it
        stands where the text goes in, and pushed to its end it would take the view there.
        """
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOn)
        self.setViewportMargins(self.viewportMargins())  # lays the viewport out, even hidden
        caret = QtGui.QTextCursor(page)
        caret.setKeepPositionOnInsert(True)
        self.setTextCursor(caret)
        add_held_back(page, document, self._shown)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarAsNeeded)

    def _set_wrap_mode(self, mode: QtGui.QTextOption.WrapMode) -> None:
        """Wrap the next page this way: QTextEdit gives its own mode to every page it is given.

        Changing the mode lays the shown page out again, so a blank page stands in first:
        the old page in its new mode could be the very layout the mode is there to avoid.
        """
        if self.wordWrapMode() != mode:
            self.setDocument(QtGui.QTextDocument(self))
            self.setWordWrapMode(mode)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, zoom: int) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if zoom != self._zoom:
            self._zoom = zoom
            self.restyle()
            self.zoom_changed.emit(zoom)

    def restyle(self) -> None:
        """Set the page again as page_style says (after a zoom, or the reader's choice of
        face, size, spacing or measure), the line at the top kept."""
        keep = self.top_offset() if self._document else 0
        self.setFont(reading_font(self._zoom))
        if self._document is not None:
            self.document().setDefaultFont(self.font())
            restyle_page(self.document(), self._document, self.em())
        self._fit_measure()
        if self._document is not None:
            self.scroll_to_offset(keep)

    def recolour(self) -> None:
        """Paint the page in the current theme."""
        paint_paper(self, theme())
        if self._document is not None:
            recolour_page(self.document(), self._document)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def reset_zoom(self) -> None:
        self.set_zoom(0)

    def top_gap(self) -> int:
        return round(TOP_GAP_EMS * self.em())

    def line_top(self, offset: int) -> float:
        """Where the line holding `offset` starts, in page coordinates (pixels from the top)."""
        return line_top(self.document(), self._offsets.to_qt(offset))

    def scroll_to_offset(self, offset: int) -> None:
        """Put the line holding `offset` at the top, a small gap above it.

        In the last screenful the page cannot scroll that far: its end is put at the bottom,
        and the line then at the top is the place (what the reader sees, and what a restart
        shows again), not a line the scroll bar would pull down once it learns the range.
        """
        if self._document is None or (self._at_put() and self._put_at[0] == offset):
            return
        target = self._value_for(offset)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        end = scroll_end(self.document(), self._offsets.to_qt(offset), target, height)
        if end is not None:
            bar.setRange(0, end)  # as the view will set it once it learns the page's height
            if target > end:
                # The first line wholly below the gap: put at the top, it is clamped again
                # to the same end, so the place gives the same page at every start.
                below_gap = end + self.top_gap()
                position, _ = first_line_from_y(self.document(), below_gap, self._top_block)
                offset = self._offsets.from_qt(position)
                target = end
        elif target > bar.maximum():
            # Layout runs lazily and the view learns the page's height on a timer: finish
            # the layout and set the range as the view will.
            page_height = self.document().documentLayout().documentSize().toSize().height()
            bar.setRange(0, max(0, page_height - height))
        self._put_at = (offset, target, self.lineWrapColumnOrWidth())
        bar.setValue(target)
        if not self.isVisible():
            # Shown for the first time, QTextEdit scrolls its caret into view: the caret
            # goes to the place, so the first paint is there, not back at the caret.
            caret = QtGui.QTextCursor(self.document())
            caret.setPosition(self._offsets.to_qt(offset))
            self.setTextCursor(caret)

    def _value_for(self, offset: int) -> int:
        """The scroll value that puts the line holding `offset` at the top, below the gap."""
        return 0 if offset <= 0 else max(0, round(self.line_top(offset)) - self.top_gap())

    def top_offset(self) -> int:
        """The document offset at the top of the viewport, below the gap: the offset it was
        last scrolled to while the reader has not scrolled since (so a place survives a
        round through the other view or a restart exactly, and a page made shorter for a
        moment, the scroll bar pulling it down, does not move it), else the first line's
        start."""
        if self._put_at is not None and self._at_put():
            return self._put_at[0]
        return self._first_line_offset()

    def _first_line_offset(self) -> int:
        """The start of the first line below the gap at the top, wherever the view was put."""
        return self._offsets.from_qt(
            self.position_at_y(self.verticalScrollBar().value() + self.top_gap())
        )

    def _at_put(self) -> bool:
        """The view is where it was last scrolled to, as near as the page's end lets it."""
        if self._put_at is None:
            return False
        _, target, width = self._put_at
        bar = self.verticalScrollBar()
        return width == self.lineWrapColumnOrWidth() and bar.value() == min(target, bar.maximum())

    def position_at_y(self, y: float) -> int:
        """The Qt position starting the first line that reaches below page height `y`."""
        position, self._top_block = line_start_at_y(self.document(), y, self._top_block)
        return position

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        # The page is laid out at the column's fixed width, so a change of width alone needs
        # no new layout; QTextEdit would lay the whole page out again on seeing one.
        size = event.size()
        height_only = QtGui.QResizeEvent(size, QtCore.QSize(size.width(), event.oldSize().height()))
        super().resizeEvent(height_only)
        self._fit_measure(keep_top=True)

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        steps = self._wheel_zoom.steps(event)
        if steps is None:
            super().wheelEvent(event)
        elif steps:
            self.set_zoom(self._zoom + steps)

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Wheel:
            # Over the side margins the wheel reaches the view itself, not its viewport.
            self.wheelEvent(event)
            return True
        return super().event(event)

    @contextlib.contextmanager
    def measure_kept(self) -> Iterator[None]:
        """The column keeps its width while widgets come and go around the view (the window
        attaching its features), and is fitted once they have settled: a page of one long
        line takes a fifth of a second to lay out at each width it passes through."""
        self._measure_kept = True
        try:
            yield
        finally:
            self._measure_kept = False
            self._fit_measure(keep_top=True)

    def _fit_measure(self, keep_top: bool = False) -> None:
        """Centre a column no wider than the measure; narrow windows narrow the column, by
        whole characters, so that a justified line of Chinese has no room to spread into.

        The text is laid out at a fixed width and the viewport is kept to that width by
        margins, so widening a window re-centres the page without laying it out again.
        With `keep_top`, the line at the top stays there when the column changes width (a
        panel shown or hidden beside it).
        """
        if self._measure_kept:
            return
        margins = self.viewportMargins()
        if self.isVisible():
            available = self.viewport().width() + margins.left() + margins.right()
        else:
            # A hidden view's viewport gets its size only once shown, and a view waiting in
            # a stack (while the pinyin view is shown) keeps whatever size it had: until then
            # the window's central widget's width (the stack's, or the find area's around
            # it: a hidden window sizes only that one), or the view's own, less the scroll
            # bar a long page will have.
            holder, window = self.parentWidget(), self.window()
            if isinstance(window, QtWidgets.QMainWindow) and window.centralWidget() is not None:
                holder = window.centralWidget()
            stacked = isinstance(self.parentWidget(), QtWidgets.QStackedWidget)
            width = holder.width() if stacked else self.width()
            available = width - self.verticalScrollBar().sizeHint().width()
        column = max(1, min(self._measure(), self._whole_characters(available)))
        if self.lineWrapColumnOrWidth() != column:
            keep = self._top_to_keep() if keep_top and self._document is not None else None
            self.setLineWrapColumnOrWidth(column)
            if keep is not None:
                self.scroll_to_offset(keep)
                self._kept_top = keep
        left = (available - column) // 2
        if (margins.left(), margins.right()) != (left, available - column - left):
            self.setViewportMargins(left, 0, available - column - left, 0)

    def _padding(self) -> int:
        """The room either side of the text together, as Qt lays it out (in whole pixels)."""
        return 2 * math.ceil(page().margins * self.em())

    def _column_for(self, characters: int) -> int:
        """The column's width for lines of `characters` characters of running text."""
        return self._padding() + characters * round(self.em())

    def _measure(self) -> int:
        """The column's width where the window leaves room for it, in pixels."""
        return self._column_for(page().measure)

    def _whole_characters(self, width: int) -> int:
        """`width` less what would be left over after the last whole character of a line."""
        characters = (width - self._padding()) // round(self.em())
        return self._column_for(characters) if characters > 0 else width

    def comfortable_width(self) -> int:
        """The view's width for MIN_MEASURE_EMS characters a line: panels give way to it."""
        return self._column_for(MIN_MEASURE_EMS) + self.verticalScrollBar().sizeHint().width()

    def _top_to_keep(self) -> int:
        """The offset at the top, or the one kept at the last change of width if the reader
        has not scrolled since: the same line comes back when the width does."""
        return self._kept_top if self._kept_top is not None else self.top_offset()

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        """The page's height or the viewport's changed, not the reader's place: the view
        goes back to the place it was last scrolled to, as near as the page's end lets it
        (a viewport made taller for a moment must not pull the place down for good)."""
        if self._put_at is not None and self._put_at[2] == self.lineWrapColumnOrWidth():
            self.verticalScrollBar().setValue(min(self._put_at[1], maximum))

    def _scrolled(self) -> None:
        self._kept_top = None
        if not self._at_put():
            self._put_at = None  # the reader scrolled
        if self._document is not None:
            self.top_offset_changed.emit(self.top_offset())

    # The view as a TextSurface: what highlights, notes and lookup need, in document offsets

    def offset_at(self, point: QtCore.QPoint) -> int | None:
        """The document offset of the character under `point` (viewport coordinates), or
        None where there is no character: margins, between lines, past a line's end."""
        if self._document is None:
            return None
        at = QtCore.QPointF(
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )
        position = character_at(self.document(), at)
        return None if position is None else self._offsets.from_qt(position)

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self._offsets.from_qt(cursor.selectionStart()),
            self._offsets.from_qt(cursor.selectionEnd()),
        )

    def caret_offset(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def place_caret(self, offset: int) -> None:
        """The caret at `offset`, the selection dropped, scrolled into view if need be."""
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(offset))
        self.setTextCursor(cursor)

    def range_rect(self, start: int, end: int) -> QtCore.QRect:
        """Around `[start, end)` from its first line to its last, in viewport coordinates."""
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        first = self.cursorRect(cursor)
        cursor.setPosition(self._offsets.to_qt(end))
        last = self.cursorRect(cursor)
        if last.top() == first.top():
            return first.united(last)
        return QtCore.QRect(
            QtCore.QPoint(min(first.left(), last.left()), first.top()),
            QtCore.QPoint(max(first.right(), last.right()), last.bottom()),
        )

    def set_marked(self, span: tuple[int, int] | None) -> None:
        """The hovered word's background over `span`, above the highlights; None clears it."""
        self._marks.set_hovered(span)

    def set_found(self, spans: Sequence[tuple[int, int]], current: int | None) -> None:
        """A find's matches, over the highlights; only those in view are drawn."""
        self._marks.set_found(spans, current)

    def set_status_marks(self, source: WordMarkSource | None) -> None:
        """Underline the new and learning words `source` gives, those in view (None: none);
        given again when their statuses changed."""
        self._status.set_source(source)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        self._status.paint(event.rect())

    def visible_range(self) -> tuple[int, int]:
        """From the character at the top left of the viewport to the one at its bottom right."""
        top = self._first_line_offset()  # the page's end may hold the place lower down
        viewport = self.viewport()
        corner = QtCore.QPoint(viewport.width() - 1, viewport.height() - 1)
        bottom = self._offsets.from_qt(self.cursorForPosition(corner).position())
        return top, max(top, bottom)

    def select_all(self) -> None:
        self.selectAll()

    def standard_context_menu(self, point: QtCore.QPoint) -> QtWidgets.QMenu:
        """Copy and Select All, for a point of the viewport."""
        return standard_menu(self, self.textCursor().hasSelection(), self.copy, self.select_all)

    def contextMenuEvent(self, event: QtGui.QContextMenuEvent) -> None:
        menu = self.standard_context_menu(self.viewport().mapFromGlobal(event.globalPos()))
        menu.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        # A caret the reader scrolled away from starts again from the line at the top, not
        # from where it was left, pages back.
        moving = key_move(event) is not None and self._document is not None
        if moving and not self.viewport().rect().intersects(self.cursorRect()):
            self.place_caret(self.top_offset())
        super().keyPressEvent(event)
