"""The document shown goes into the library's index, on a worker, once its session has
segmented all of it: the session's words (with the reader's corrections) are reused, so
nothing is segmented twice, and the page is never kept waiting.

A document the index already holds with this text (its fingerprint) is left alone; one whose
file changed since is indexed again. Another document shown meanwhile closes the session,
which cancels the worker.
"""

from __future__ import annotations

from pathlib import Path

from reader.language.segmentation import UserActivity
from reader.library.index_file import LibraryIndex, index_path
from reader.library.indexing import index_document
from reader.store import StoreError, open_store
from reader.ui.library.jobs import LibraryJobs
from reader.ui.qt import QtCore
from reader.ui.session.current import CurrentSession
from reader.ui.session.document_session import DocumentSession

CHECK_INTERVAL_MS = 500
"""How often the session is asked whether it has segmented the whole document."""


def index_if_stale(
    data_dir: Path, session: DocumentSession, activity: UserActivity | None = None
) -> bool:
    """On a worker: index the session's document unless the index holds it as it is;
    True if it was indexed. A document the library does not list is left out. With the
    window's `activity`, the work waits while the reader acts (as segmenting does)."""
    document = session.document
    if document.path is None or session.cancelled():
        return False
    with open_store(data_dir) as store:
        entry = store.library.find_path(document.path)
        if entry is None:
            return False
        with LibraryIndex.open(index_path(store.path)) as index:
            if index.is_current(entry.id, document.fingerprint):
                return False
            index_document(
                index,
                entry.id,
                document,
                session.segmentation,
                cancelled=session.cancelled,
                give_way=activity.give_way if activity is not None else None,
            )
    return not session.cancelled()


class OpenDocumentIndexing(QtCore.QObject):
    """Watches each session until it is segmented, then indexes its document."""

    indexed = QtCore.Signal(object)
    """The Document just indexed."""

    def __init__(
        self,
        sessions: CurrentSession,
        jobs: LibraryJobs,
        data_dir: Path,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._jobs = jobs
        self._activity = sessions.activity
        self._session: DocumentSession | None = None
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self._check)
        sessions.changed.connect(self._watch)

    def _watch(self, session: DocumentSession) -> None:
        self._session = session
        self._check()
        if self._session is not None:
            self._timer.start()

    def _check(self) -> None:
        session = self._session
        if session is None or session.closed:
            self._stop()
            return
        if not session.fully_segmented:
            return
        self._stop()
        self._jobs.run(
            lambda: index_if_stale(self._data_dir, session, self._activity),
            lambda done: self.indexed.emit(session.document) if done else None,
            lambda error: None if isinstance(error, StoreError | OSError) else _raise(error),
        )

    def _stop(self) -> None:
        self._session = None
        self._timer.stop()

    def shutdown(self) -> None:
        self._stop()


def _raise(error: BaseException) -> None:
    """A failure that is not the store's or the disk's is a bug: let it be seen."""
    raise error
