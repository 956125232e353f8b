"""The session of the document shown: made anew for each document, the old one closed.

Features hold this, not a session: `changed` tells them a new document's session has taken
the old one's place, and `words_changed` forwards the current session's corrections, so
nobody has to reconnect per document. Segmenting starts once the language tools are warm,
the paragraphs in view first, and the paragraphs scrolled into view go before the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document
from reader.language.corrections import Corrections
from reader.language.segmentation import UserActivity
from reader.language.tools import LanguageTools
from reader.store.annotation_set import AnnotationSet
from reader.ui.qt import QtCore
from reader.ui.session.document_session import DocumentSession
from reader.ui.session.language import LanguageWarmUp
from reader.ui.tasks import TaskRunner

VISIBLE_FIRST_DELAY_MS = 120
"""After scrolling stops, how long before the newly visible paragraphs are segmented."""


class CurrentSession(QtCore.QObject):
    """Owns the session of the document shown, and what outlives it: the language tools'
    warm-up, the reader's word corrections, the worker runner, the user's activity, and the
    one set of annotations (refilled for each document)."""

    changed = QtCore.Signal(object)
    """A DocumentSession for a newly shown document."""
    words_changed = QtCore.Signal(list, object)
    """The current session's paragraphs whose words the reader corrected, and the offset
    where the correction was made (or None)."""

    def __init__(
        self, tools: LanguageTools, runner: TaskRunner, parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.warm_up = LanguageWarmUp(tools, runner)
        self.activity = UserActivity()
        self.corrections = Corrections()
        self.annotations = AnnotationSet()
        """The open document's annotations, held once: filled and changed by the annotations
        controller, followed by the views and the panel."""
        self._session: DocumentSession | None = None
        self._visible: Callable[[], tuple[int, int]] = lambda: (0, 0)
        self._visible_timer = QtCore.QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(VISIBLE_FIRST_DELAY_MS)
        self._visible_timer.timeout.connect(self._segment_visible)
        self.warm_up.ready.connect(self._start_segmenting)

    @property
    def session(self) -> DocumentSession | None:
        return self._session

    def set_visible_range(self, visible: Callable[[], tuple[int, int]]) -> None:
        """Where to ask which offsets the reader sees (the view shown)."""
        self._visible = visible

    def visible_spans(self) -> range:
        session = self._session
        return session.spans_between(*self._visible()) if session is not None else range(0)

    def open(self, document: Document) -> DocumentSession:
        """A session for `document`, in place of the last one, whose workers stop."""
        if self._session is not None:
            self._session.close()
        session = DocumentSession(
            document, self.warm_up, self.corrections, self.runner, self.activity
        )
        session.words_changed.connect(self.words_changed)
        self._session = session
        self.changed.emit(session)  # the views show it, so what they show is segmented first
        self._start_segmenting()
        return session

    def set_corrections(self, corrections: Corrections) -> None:
        """The reader's word corrections, applied to every document from now on."""
        self.corrections = corrections
        if self._session is not None:
            self.open(self._session.document)

    def words_corrected(self, words: list[str], at: int | None = None) -> list[int]:
        """Segment again the paragraphs holding `words` (corrected at offset `at`), those in
        view now."""
        session = self._session
        if session is None:
            return []
        return session.words_corrected(words, self.visible_spans(), at)

    def user_acted(self) -> None:
        """The reader hovered or scrolled: background segmentation steps aside a moment."""
        self.activity.touch()

    def scrolled(self) -> None:
        self.activity.touch()
        session = self._session
        if session is not None and not session.fully_segmented:
            self._visible_timer.start()

    def shutdown(self) -> None:
        """Stop the workers and wait for them, before the window and its views go away."""
        self._visible_timer.stop()
        if self._session is not None:
            self._session.close()
        self.runner.wait()

    def _start_segmenting(self) -> None:
        session = self._session
        if session is not None and session.ready:
            session.segment_all(list(self.visible_spans()))

    def _segment_visible(self) -> None:
        session = self._session
        if session is not None:
            session.segment(list(self.visible_spans()))
