"""The status bar's percentage: how far through the text the page's top line is (100% once
the page shows the end). Worked out from the top offset each scroll brings, in constant
time; the section and its chapter number stand beside it in the window's own label."""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document
from reader.document.progress import percent_through
from reader.ui.plain_text import plain_label
from reader.ui.qt import QtWidgets
from reader.ui.views.text_surface import TextSurface

TIP = "How far through the text the top of the page is"


class ProgressStatus:
    def __init__(
        self, status_bar: QtWidgets.QStatusBar, shown_view: Callable[[], TextSurface]
    ) -> None:
        self._shown_view = shown_view
        self._length = 0
        self.label = plain_label()
        self.label.setToolTip(TIP)
        # First of the permanent widgets: beside the section's name, before the encoding.
        status_bar.insertPermanentWidget(1, self.label)
        self.label.hide()

    def show_document(self, document: Document) -> None:
        self._length = len(document.text)
        self.label.show()
        self.moved(self._shown_view().top_offset())

    def moved(self, top: int) -> None:
        if not self._length:
            return
        bar = self._shown_view().verticalScrollBar()
        at_end = bar.maximum() > 0 and bar.value() >= bar.maximum()
        self.label.setText(f"{percent_through(top, self._length, at_end)}%")
