"""What the window's features ask of the view that shows the document, in document offsets.

The reading view (a QTextBrowser) and the pinyin view (painted by us) are both a
TextSurface, so highlighting, notes, word corrections and keyboard lookup work in whichever
of them the reader has chosen, through the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from reader.document import Document
from reader.ui.qt import QtCore, QtWidgets


class TextSurface(Protocol):
    @property
    def reader_document(self) -> Document | None:
        """The document shown, if any."""
        ...

    def viewport(self) -> QtWidgets.QWidget: ...

    def verticalScrollBar(self) -> QtWidgets.QScrollBar: ...

    def setFocus(self) -> None: ...

    def isHidden(self) -> bool: ...

    def comfortable_width(self) -> int:
        """The view's width for MIN_MEASURE_EMS characters a line, at its own character step:
        the side panels give way to it."""
        ...

    def offset_at(self, point: QtCore.QPoint) -> int | None:
        """The character under a point of the viewport; None where there is none."""
        ...

    def selected_range(self) -> tuple[int, int] | None:
        """The selection, as it is (white space included); None when nothing is selected."""
        ...

    def caret_offset(self) -> int:
        """Where the keyboard's word walk and the caret lookup start."""
        ...

    def place_caret(self, offset: int) -> None:
        """The caret at `offset`, the selection dropped, scrolled into view if need be."""
        ...

    def range_rect(self, start: int, end: int) -> QtCore.QRect:
        """Around `[start, end)` from its first line to its last, in viewport coordinates."""
        ...

    def scroll_to_offset(self, offset: int) -> None:
        """The line holding `offset` at the top."""
        ...

    def copy(self) -> None:
        """The selection to the clipboard, as the document has it."""
        ...

    def select_all(self) -> None: ...

    def top_offset(self) -> int:
        """The offset at the top: the one last scrolled to while the page has not moved."""
        ...

    def standard_context_menu(self, point: QtCore.QPoint) -> QtWidgets.QMenu:
        """The view's own entries (Copy, Select All) for a point of the viewport."""
        ...

    def visible_range(self) -> tuple[int, int]:
        """About the offsets shown in the viewport, first to last."""
        ...

    def set_marked(self, span: tuple[int, int] | None) -> None:
        """The hovered word's mark over `span` (document offsets); None takes it off."""
        ...

    def set_found(self, spans: Sequence[tuple[int, int]], current: int | None) -> None:
        """A find's matches marked, in document order, `spans[current]` more strongly; an
        empty `spans` takes the marks off. Marks of their own, apart from the highlights,
        the selection and the hovered word's mark."""
        ...
