"""The reading view's passing marks, drawn over its page as ExtraSelections: the hovered
word's, and a find's matches, the current one stronger.

Highlights are merged into the page's formats (reading_view_highlights), as they stay; a
find's marks come and go at every keystroke, and a query may match 20,000 times, where
ExtraSelections cost up to a second and lay out every paragraph they touch (DESIGN.md §8).
So only the matches in view are made into selections, and they are made again when the
page scrolls or the viewport changes size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from reader.document import Document
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.views.found_spans import FoundSpans, Span
from reader.ui.views.offsets import OffsetMap
from reader.ui.views.page_style import theme

BELOW = 8
"""Matches this fraction (1/8) of the viewport's height below it are marked too: the last
line, whose start is the bottom edge's line, is marked to its end."""


SCREEN_MOST = 10_000
"""Characters a screen shows at most (at the smallest zoom, in a tall window)."""


class MarkedPage(Protocol):
    """What the marks ask of the reading view."""

    @property
    def reader_document(self) -> Document | None: ...

    @property
    def offsets(self) -> OffsetMap: ...

    def document(self) -> QtGui.QTextDocument: ...

    def viewport(self) -> QtWidgets.QWidget: ...

    def position_at_y(self, y: float) -> int:
        """The Qt position starting the first line that reaches below page height `y`."""

    def verticalScrollBar(self) -> QtWidgets.QScrollBar: ...

    def setExtraSelections(self, selections: Sequence[QtWidgets.QTextEdit.ExtraSelection]) -> None:
        """Qt's own."""


def _format(colour: str) -> QtGui.QTextCharFormat:
    made = QtGui.QTextCharFormat()
    made.setBackground(QtGui.QColor(colour))
    return made


class PageMarks:
    """The hovered word's mark and a find's marks in view, one set of ExtraSelections."""

    def __init__(self, view: MarkedPage) -> None:
        self._view = view
        self._hovered: Span | None = None
        self._found = FoundSpans()
        self._found_shown: list[QtWidgets.QTextEdit.ExtraSelection] = []
        self._current_shown: list[QtWidgets.QTextEdit.ExtraSelection] = []
        self._formats: dict[str, QtGui.QTextCharFormat] = {}
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self._page_moved)
        bar.rangeChanged.connect(self._page_moved)

    def set_hovered(self, span: Span | None) -> None:
        self._hovered = span
        self._apply()

    def set_found(self, spans: Sequence[Span], current: int | None) -> None:
        if not spans and not self._found:
            return
        self._found.set(spans, current, self._view.reader_document)
        self._mark_found()
        self._apply()

    def _page_moved(self) -> None:
        if self._found:
            self._mark_found()
            self._apply()

    def _mark_found(self) -> None:
        self._found_shown, self._current_shown = [], []
        document = self._view.reader_document
        if document is None or not self._found:
            return
        top, bottom = self._shown_range()
        spans = self._found.between(top, bottom + 1, document)
        current = self._found.current(document)
        self._found_shown = [self._selection(s, theme().found) for s in spans if s != current]
        if current is not None and current in spans:
            self._current_shown = [self._selection(current, theme().found_current)]

    def _shown_range(self) -> tuple[int, int]:
        """From the line at the viewport's top edge (partly shown, which the view's
        visible_range leaves out) to the one a little below its bottom edge."""
        y = self._view.verticalScrollBar().value()
        height = self._view.viewport().height()
        offsets = self._view.offsets
        top = offsets.from_qt(self._view.position_at_y(y))
        bottom = offsets.from_qt(self._view.position_at_y(y + height + height // BELOW))
        if bottom <= top:  # below the last line: the page's end is in view
            bottom = top + SCREEN_MOST
        return top, bottom

    def _selection(self, span: Span, colour: str) -> QtWidgets.QTextEdit.ExtraSelection:
        offsets = self._view.offsets
        made = QtWidgets.QTextEdit.ExtraSelection()
        made.cursor = QtGui.QTextCursor(self._view.document())
        made.cursor.setPosition(offsets.to_qt(span[0]))
        made.cursor.setPosition(offsets.to_qt(span[1]), QtGui.QTextCursor.KeepAnchor)
        if colour not in self._formats:  # one per colour of the themes shown so far
            self._formats[colour] = _format(colour)
        made.format = self._formats[colour]
        return made

    def _apply(self) -> None:
        """The hovered word's mark over a match, the current match over both."""
        hovered = []
        if self._hovered is not None and self._view.reader_document is not None:
            hovered = [self._selection(self._hovered, theme().mark)]
        self._view.setExtraSelections([*self._found_shown, *hovered, *self._current_shown])
