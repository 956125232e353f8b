"""The reading view's marks of the words a learner does not know yet (reader.ui.views.
status_marks), painted over its page after Qt has painted the text.

Not ExtraSelections or formats: an underline format would run on from one new word into
the next, and splits every line's text into as many runs as it has words; ExtraSelections
are made again at every scroll. Here each block in view is asked for its marks once, their
underlines kept in the block's own coordinates (its layout moves as a whole when the page
above it is laid out), and a paint draws those of the blocks it reaches: scrolling and the
hovered word's repaint cost a few rectangles. A block whose words are not known yet (its
paragraph not segmented) is asked again a moment later.
"""

from __future__ import annotations

from typing import Protocol

from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.offsets import OffsetMap
from reader.ui.views.page_style import theme
from reader.ui.views.status_marks import GAP_EMS, THICKNESS_EMS, WordMarkSource, mark_colour

RETRY_MS = 250
"""How soon the blocks in view whose words were not known are asked again."""
Underline = tuple[QtCore.QRectF, str]
"""An underline in its block's coordinates, and its colour."""


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
        self._blocks: dict[int, list[Underline]] = {}
        """Block number: its underlines, in the colours of the theme they were made in."""
        self._made_for: tuple[object, ...] = ()
        """The page, column width, em and theme the underlines kept were made for."""
        self._retry = QtCore.QTimer()
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(lambda: self._view.viewport().update())

    @property
    def source(self) -> WordMarkSource | None:
        return self._source

    def set_source(self, source: WordMarkSource | None) -> None:
        """Mark the words `source` gives (None: no marks); given again when they changed."""
        self._source = source
        self.forget()
        self._view.viewport().update()

    def forget(self) -> None:
        """Every block is asked again when seen (the statuses or the characters changed;
        a new page, width, size or theme is seen by the paint itself)."""
        self._blocks.clear()

    def paint(self, clip: QtCore.QRect) -> None:
        """Draw the underlines of the blocks reaching into `clip` (viewport coordinates)."""
        if self._source is None:
            return
        view = self._view
        page = view.document()
        made_for = (page, view.lineWrapColumnOrWidth(), view.em(), theme())
        if made_for != self._made_for:  # laid out anew, or another theme
            self._made_for = made_for
            self._blocks.clear()
        layout = page.documentLayout()
        dx, dy = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
        top, bottom = clip.top() + dy, clip.bottom() + dy
        block = page.findBlock(view.position_at_y(top))
        painter = QtGui.QPainter(view.viewport())
        painter.setClipRect(clip)
        waiting = False
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            underlines = self._underlines(block)
            if underlines is None:
                waiting = True
            else:
                origin = block.layout().position()
                for area, colour in underlines:
                    painter.fillRect(area.translated(origin.x() - dx, origin.y() - dy), colour)
            block = block.next()
        painter.end()
        if waiting:
            self._retry.start()

    def _underlines(self, block: QtGui.QTextBlock) -> list[Underline] | None:
        number = block.blockNumber()
        found = self._blocks.get(number)
        if found is not None:
            return found
        assert self._source is not None
        offsets = self._view.offsets
        first = block.position()
        marks = self._source.between(
            offsets.from_qt(first), offsets.from_qt(first + block.length() - 1)
        )
        if marks is None:
            return None
        text_layout = block.layout()
        em = self._view.em()
        thickness = max(1.0, round(THICKNESS_EMS * em))
        gap = GAP_EMS * em
        made: list[Underline] = []
        for start, end, status in marks:
            colour = mark_colour(status, theme())
            if colour is None:
                continue
            word_start = offsets.to_qt(start) - first
            begin = max(0, word_start)
            finish = min(block.length() - 1, offsets.to_qt(end) - first)
            line = text_layout.lineForTextPosition(begin)
            while begin < finish and line.isValid():
                stop = min(finish, line.textStart() + line.textLength())
                left = line.cursorToX(begin)[0] + (gap if begin == word_start else 0.0)
                right = line.cursorToX(stop)[0] - (gap if stop == finish else 0.0)
                below = line.y() + line.ascent() + line.descent() * 0.55
                made.append((QtCore.QRectF(left, below, max(1.0, right - left), thickness), colour))
                begin = stop
                line = text_layout.lineAt(line.lineNumber() + 1)
        self._blocks[number] = made
        return made
