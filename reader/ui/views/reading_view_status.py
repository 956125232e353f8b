"""The reading view's marks of the words a learner does not know yet (reader.ui.views.
status_marks), painted over its page after Qt has painted the text.

Not ExtraSelections or formats: an underline format would run on from one new word into
the next, and splits every line's text into as many runs as it has words; ExtraSelections
are made again at every scroll. Here each block in view is asked for its marks once, their
underlines kept in the block's own coordinates (its layout moves as a whole when the page
above it is laid out), and a paint draws those of the blocks it reaches, one call a colour
a block: the hovered word's repaint costs a few calls. Where each word's underline goes is
kept apart from its status, so that a status change (which asks every block again) costs a
look-up per word, not Qt's measures again. The next page's underlines are made
while the reader reads, so that paging down finds them made. A block whose words are not
known yet (its paragraph not segmented) is asked again a moment later.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.offsets import OffsetMap
from reader.ui.views.page_style import theme
from reader.ui.views.status_marks import (
    GAP_EMS,
    THICKNESS_EMS,
    WordMark,
    WordMarkSource,
    mark_colour,
)

if TYPE_CHECKING:
    from reader.store import Status

RETRY_MS = 250
"""How soon the blocks in view whose words were not known are asked again."""
AHEAD_AFTER_MS = 60
"""How long the page must have stood still (nothing painted, not even a hovered word's
mark) before the next page's underlines are made."""
AHEAD_S = 0.001
"""Seconds of work at a time on the next page's underlines, between two events."""
EVEN = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019]+")
"""Characters of one width in the page's CJK face: a line of them has its edges at even
steps (checked on a novel: 1.3 pixels out at most)."""
Underlines = dict["Status", list[QtCore.QRectF]]
"""A block's underlines in its own coordinates, by the status they show."""


class UnderlinedPage(Protocol):
    """What the marks ask of the reading view."""

    @property
    def offsets(self) -> OffsetMap: ...

    def document(self) -> QtGui.QTextDocument: ...

    def viewport(self) -> QtWidgets.QWidget: ...

    def verticalScrollBar(self) -> QtWidgets.QScrollBar: ...

    def horizontalScrollBar(self) -> QtWidgets.QScrollBar: ...

    def position_at_y(self, y: float) -> int: ...

    def em(self) -> float: ...

    def lineWrapColumnOrWidth(self) -> int: ...


class StatusUnderlines:
    """The underlines of the blocks seen so far, until the page or the statuses change."""

    def __init__(self, view: UnderlinedPage) -> None:
        self._view = view
        self._source: WordMarkSource | None = None
        self._blocks: dict[int, tuple[Sequence[WordMark], Underlines]] = {}
        """Block number: its marks and the underlines made of them."""
        self._current: set[int] = set()
        """The blocks of `_blocks` asked for their marks since the statuses last changed."""
        self._geometry: dict[int, _BlockGeometry] = {}
        """Block number: where its words' underlines go, whatever their statuses; kept while
        the marks are off, for the same source."""
        self._measured_for: WordMarkSource | None = None
        self._colours: dict[Status, QtGui.QColor] = {}
        self._made_for: tuple[object, ...] = ()
        """The page, column width, em and theme the underlines kept were made for."""
        self._retry = QtCore.QTimer(view.viewport())  # gone with the view
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(lambda: self._view.viewport().update())
        self._ahead = QtCore.QTimer(view.viewport())
        self._ahead.setSingleShot(True)
        self._ahead.timeout.connect(self._make_ahead)
        self._next_block = QtGui.QTextBlock()
        """The first block below the last paint: the next page's are made while idle."""
        self._top_block = QtGui.QTextBlock()
        """The first block of the last paint: the next paint's is found from it."""

    @property
    def source(self) -> WordMarkSource | None:
        return self._source

    def set_source(self, source: WordMarkSource | None) -> None:
        """Mark the words `source` gives (None: no marks); given again when their statuses
        changed: the underlines are made again from the places kept for the words."""
        if source is not None and source is not self._measured_for:  # another document's
            self._geometry.clear()
            self._measured_for = source
        self._source = source
        self._current.clear()
        self._view.viewport().update()

    def forget(self) -> None:
        """Every block is measured and asked again when seen (the characters changed; a new
        page, width, size or theme is seen by the paint itself)."""
        self._blocks.clear()
        self._current.clear()
        self._geometry.clear()
        self._top_block = QtGui.QTextBlock()

    def paint(self, clip: QtCore.QRect) -> None:
        """Draw the underlines of the blocks reaching into `clip` (viewport coordinates)."""
        if self._source is None:
            return
        view = self._view
        page = view.document()
        made_for = (page, view.lineWrapColumnOrWidth(), view.em(), theme())
        if made_for != self._made_for:  # laid out anew, or another theme
            self._made_for = made_for
            self.forget()
            self._colours.clear()
        layout = page.documentLayout()
        dx, dy = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
        bottom = clip.bottom() + dy
        block = self._first_block(layout, clip.top() + dy)
        painter = QtGui.QPainter(view.viewport())
        painter.setClipRect(clip)
        painter.setPen(QtCore.Qt.NoPen)
        waiting = False
        while block.isValid() and layout.blockBoundingRect(block).top() <= bottom:
            underlines = self._underlines(block)
            if underlines is None:
                waiting = True
            elif underlines:
                origin = block.layout().position()
                painter.resetTransform()
                painter.translate(origin.x() - dx, origin.y() - dy)
                for status, rects in underlines.items():
                    painter.setBrush(self._colour(status))
                    painter.drawRects(rects)
            block = block.next()
        painter.end()
        if waiting:
            self._retry.start()
        elif block.isValid() and clip.height() * 2 >= view.viewport().height():
            # After a page's paint, not a word's (the hovered word's mark).
            self._next_block = block
            self._ahead.start(AHEAD_AFTER_MS)
        elif self._ahead.isActive():  # the reader moves over the page: after they stop
            self._ahead.start(AHEAD_AFTER_MS)

    def _first_block(self, layout: QtGui.QAbstractTextDocumentLayout, y: float) -> QtGui.QTextBlock:
        """The first block reaching below page height `y`: a walk of a few blocks from the
        last paint's first one, as the view finds its top line."""
        block = self._top_block
        if not block.isValid():
            block = self._view.document().findBlock(self._view.position_at_y(y))
        rect = layout.blockBoundingRect(block)
        while y < rect.top() and block.previous().isValid():
            block = block.previous()
            rect = layout.blockBoundingRect(block)
        while y >= rect.bottom() and block.next().isValid():
            block = block.next()
            rect = layout.blockBoundingRect(block)
        self._top_block = block
        return block

    def _make_ahead(self) -> None:
        """The underlines of the page below the view, made while the reader reads, a block
        at a time (an event may come between two), so that the next page shows at once."""
        block = self._next_block
        if self._source is None or not block.isValid() or not self._made_for:
            return
        view = self._view
        limit = view.verticalScrollBar().value() + 2 * view.viewport().height()
        layout = view.document().documentLayout()
        started = time.perf_counter()
        while block.isValid() and layout.blockBoundingRect(block).top() <= limit:
            if self._underlines(block) is None:
                return
            block = block.next()
            if time.perf_counter() - started > AHEAD_S:
                self._next_block = block
                self._ahead.start(0)  # on after the events that came meanwhile
                return

    def _colour(self, status: Status) -> QtGui.QColor:
        found = self._colours.get(status)
        if found is None:
            found = self._colours[status] = QtGui.QColor(mark_colour(status, theme()))
        return found

    def _underlines(self, block: QtGui.QTextBlock) -> Underlines | None:
        """The block's underlines; after a change of the statuses, the block's marks asked
        for again the first time it is seen, and the underlines made again if they are not
        the same marks. None while its words are not known."""
        number = block.blockNumber()
        kept = self._blocks.get(number)
        if kept is not None and number in self._current:
            return kept[1]
        assert self._source is not None
        geometry = self._geometry.get(number)
        if geometry is None:
            geometry = self._geometry[number] = _BlockGeometry(block, self._view)
        marks = self._source.between(geometry.start, geometry.end)
        if marks is None:
            return None
        self._current.add(number)
        if kept is not None and kept[0] is marks:  # its words' statuses did not change
            return kept[1]
        made: Underlines = {}
        for word_start, word_end, status in marks:
            rects = geometry.rects(word_start, word_end)
            if rects:
                made.setdefault(status, []).extend(rects)
        self._blocks[number] = (marks, made)
        return made


class _BlockGeometry:
    """Where the underline of each word of one block goes, in the block's coordinates: the
    same whatever the word's status, so kept when the statuses change. Made word by word as
    they are asked for, line by line: each line's height and each word's edge asked of Qt
    once."""

    def __init__(self, block: QtGui.QTextBlock, view: UnderlinedPage) -> None:
        self._offsets = offsets = view.offsets
        self._first = first = block.position()
        self._length = length = block.length() - 1
        self.start, self.end = offsets.from_qt(first), offsets.from_qt(first + length)
        # A block without characters beyond the BMP (nearly all) needs no conversion per word.
        self._shift = self.start if self.end - self.start == length else None
        self._text = block.text() if self._shift is not None else ""  # its indexes are Qt's then
        layout = block.layout()
        self._lines = [layout.lineAt(i) for i in range(layout.lineCount())]
        self._ends = [line.textStart() + line.textLength() for line in self._lines]
        self._edges: dict[int, _Edges] = {}
        """Line index: its edges, once a word there was asked for."""
        em = view.em()
        self._thickness = max(1.0, round(THICKNESS_EMS * em))
        self._gap = GAP_EMS * em
        self._rects: dict[tuple[int, int], list[QtCore.QRectF]] = {}

    def rects(self, word_start: int, word_end: int) -> list[QtCore.QRectF]:
        """The underline of the word at `[word_start, word_end)` (document offsets), a rect
        for each line it is on."""
        found = self._rects.get((word_start, word_end))
        if found is None:
            found = self._rects[(word_start, word_end)] = self._make(word_start, word_end)
        return found

    def _make(self, word_start: int, word_end: int) -> list[QtCore.QRectF]:
        if self._shift is not None:
            word_start, word_end = word_start - self._shift, word_end - self._shift
        else:
            word_start = self._offsets.to_qt(word_start) - self._first
            word_end = self._offsets.to_qt(word_end) - self._first
        begin, finish = max(0, word_start), min(self._length, word_end)
        made = []
        while begin < finish:
            index = bisect.bisect_right(self._ends, begin)
            if index >= len(self._lines):
                break
            line = self._lines[index]
            edges = self._edges.get(index)
            if edges is None:
                edges = self._edges[index] = _Edges(line, self._text, self._ends[index])
            below = line.y() + line.ascent() + line.descent() * 0.55
            stop = min(finish, self._ends[index])
            left = edges[begin] + (self._gap if begin == word_start else 0.0)
            right = edges[stop] - (self._gap if stop == finish else 0.0)
            made.append(QtCore.QRectF(left, below, max(1.0, right - left), self._thickness))
            begin = stop
        return made


class _Edges(dict[int, float]):
    """A line's x at each position asked for, asked of Qt once each; on a line whose
    characters are all as wide (Chinese characters and full-width punctuation, however the
    line is justified) reckoned from its first and last characters' places instead: within
    a pixel and a half on a novel, for two calls a line rather than two a word."""

    def __init__(self, line: QtGui.QTextLine, text: str, end: int) -> None:
        super().__init__()
        self._line = line
        self._first = first = line.textStart()
        self._end = end
        self._step: float | None = None
        if end - first >= 2 and EVEN.fullmatch(text, first, end):
            self._x = self[first]
            self._step = (line.cursorToX(end - 1)[0] - self._x) / (end - 1 - first)

    def __missing__(self, position: int) -> float:
        if self._step is not None and self._first < position < self._end:
            x = self._x + (position - self._first) * self._step
        else:
            x = self._line.cursorToX(position)[0]
        self[position] = x
        return x
