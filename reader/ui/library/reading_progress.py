"""The library's Progress and Known columns, written as the reader reads.

Progress is how far through the text the reader has gone: the furthest the top of the page
has been (as the status bar shows it), written a moment after scrolling stops, when another
document takes its place and when the window closes. Known is the document's share of known
words, written whenever the coverage is weighed again (only for a reader who gives words
statuses: for others it says nothing).
A store that is busy or cannot be written loses nothing precious here: the next move writes
it again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from reader.document import Document
from reader.document.progress import percent_through
from reader.store import Store, StoreError
from reader.store.library import LibraryEntry
from reader.ui.coverage.controller import CoverageController
from reader.ui.qt import QtCore
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.text_surface import TextSurface

SAVE_DELAY_MS = 1000


class ReadingProgress(QtCore.QObject):
    def __init__(
        self,
        store: Callable[[], Store],
        shown_view: Callable[[], TextSurface],
        parent: QtCore.QObject | None = None,
    ) -> None:
        """`store`: the window's store (raises StoreError when there is none)."""
        super().__init__(parent)
        self._store = store
        self._shown_view = shown_view
        self._document: Document | None = None
        self._share: float | None = None
        """The furthest the reader has been in the document shown, not written yet."""
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)

    def show_session(self, session: DocumentSession) -> None:
        """A new document is shown: the last one's progress written first."""
        self.save()
        self._document = session.document
        self.moved()

    def moved(self) -> None:
        """The view shown scrolled: how far it is noted now (the view may show another
        document by the time it is written), and written once it has been still a while."""
        share = self.share()
        if share is not None and share > (self._share or 0.0):
            self._share = share
            self._timer.start()

    def share(self) -> float | None:
        """How far through the document shown the page is; None if it is not shown."""
        view = self._shown_view()
        document = self._document
        if document is None or view.reader_document is not document or not document.text:
            return None
        bar = view.verticalScrollBar()
        at_end = bar.maximum() > 0 and bar.value() >= bar.maximum()
        return percent_through(view.top_offset(), len(document.text), at_end) / 100

    def save(self) -> None:
        self._timer.stop()
        share, self._share = self._share, None
        if share is not None:
            self._write(
                lambda store, entry: store.library.set_progress(
                    entry.id, max(share, entry.progress or 0.0)
                )
            )

    def coverage_weighed(self, coverage: CoverageController) -> None:
        """The coverage was weighed again: the document's share known goes to the library."""
        counts = coverage.counts
        found = coverage.coverage_of(counts.document) if counts is not None else None
        if found is None:
            return
        share = found.known_share if coverage.statuses and found.words else None
        self._write(lambda store, entry: store.library.set_coverage(entry.id, share))

    def _write(self, change: Callable[[Store, LibraryEntry], object]) -> None:
        document = self._document
        if document is None or document.path is None:
            return
        with contextlib.suppress(StoreError):
            store = self._store()
            entry = store.library.find_path(document.path)
            if entry is not None:
                change(store, entry)
