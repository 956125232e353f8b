"""The reader's place in the document shown, kept per file between runs.

The place is the offset at the top of the view shown (the reading view or the pinyin view).
It is read from the settings before the document's first paint, so the page is painted
where the reader left it, not at the top and then moved. It is written only from a view the
reader has had on screen: after scrolling stops, before another document takes the view,
and when the window closes or the application quits. A document shown in a window never
shown, or a view still hidden, never writes a place.

The settings, not the annotation store, keep it: the store loads after the first paint,
and the place is needed before it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document import Document
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.settings import Settings, resolved_path
from reader.ui.views.text_surface import TextSurface

SAVE_DELAY_MS = 1000
"""The place is written this long after scrolling stops (and at once on close or quit)."""


class ReadingPlace(QtCore.QObject):
    """Where each document opens, and where the reader leaves it."""

    def __init__(
        self,
        settings: Settings,
        shown_view: Callable[[], TextSurface],
        window: QtWidgets.QWidget,
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self._shown_view = shown_view
        self._window = window
        self._document: Document | None = None
        self._path: Path | None = None
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)

    def enter(self, document: Document, at: int | None = None) -> int:
        """Leave the document shown (its place written) for `document`; returns the offset
        to show it at: `at` if given, else where it was left, within its text either way."""
        self.save()
        self._document = document
        self._path = resolved_path(document.path) if document.path is not None else None
        if at is None:
            at = self._settings.reading_place(self._path) if self._path is not None else 0
        return max(0, min(at, len(document.text)))

    def moved(self) -> None:
        """The view shown scrolled: its place is written once it has been still a while."""
        if self._path is not None:
            self._timer.start()

    def save(self) -> None:
        """Write the place of the document shown, if the reader can see it now."""
        self._timer.stop()
        view = self._shown_view()
        if (
            self._path is None
            or view.reader_document is not self._document
            or not self._window.isVisible()
            or not view.viewport().isVisible()
        ):
            return
        top = view.top_offset()
        if top != self._settings.reading_place(self._path):
            self._settings.set_reading_place(self._path, top)
