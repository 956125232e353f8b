"""View ▸ Mark New and Learning Words, and the words both views mark and the pinyin view's
"only words I do not know" shows pinyin above.

Each document's session gets a TextMarks over its words; the views ask it for the part in
view. Where the statuses come from is given once (`set_status`: the window's status holder,
reader.ui.words, a word as written to its Status), and `statuses_changed` hears the
holder's `changed`: the marks in view and their pinyin follow at once, nothing else is laid
out again. Until a holder is given, every word counts as new.
"""

from __future__ import annotations

from reader.store import Status
from reader.ui.marks.settings import MARK_WORDS, MarkSettings
from reader.ui.marks.text_marks import StatusOf, TextMarks
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.pinyin_view import PinyinView
from reader.ui.views.reading_view import ReadingView


def _all_new(word: str) -> Status:
    return Status.NEW


class StatusMarksController(QtCore.QObject):
    """The setting, its action, and the current document's marks given to both views."""

    def __init__(
        self,
        view_menu: QtWidgets.QMenu,
        before: QtGui.QAction | None,
        current: CurrentSession,
        reading_view: ReadingView,
        pinyin_view: PinyinView,
    ) -> None:
        """The action goes into `view_menu` before `before` (else at its end)."""
        super().__init__(view_menu)
        self._settings = MarkSettings()
        self._reading_view = reading_view
        self._pinyin_view = pinyin_view
        self._status: StatusOf = _all_new
        self._marks: TextMarks | None = None
        self.action = QtGui.QAction(MARK_WORDS, view_menu)
        self.action.setCheckable(True)
        self.action.setChecked(self._settings.shown)
        self.action.setToolTip("Underline the words you have not marked known or ignored")
        view_menu.insertAction(before, self.action)
        self.action.toggled.connect(self._toggled)
        current.changed.connect(self._show_session)
        # Corrected words are other words, with statuses of their own.
        current.words_changed.connect(lambda _spans, _at: self.statuses_changed(None))

    @property
    def shown(self) -> bool:
        return self.action.isChecked()

    @property
    def marks(self) -> TextMarks | None:
        """The current document's marks, once one is shown."""
        return self._marks

    def set_status(self, status: StatusOf) -> None:
        """Where a word's status comes from (a word as written to its Status)."""
        self._status = status
        session_marks = self._marks
        if session_marks is not None:
            self._marks = TextMarks(session_marks.segmentation, status)
        self._give()

    def statuses_changed(self, words: set[str] | None = None) -> None:
        """These words' statuses changed (simplified forms; None: any word's): the marks and
        the pinyin in view follow."""
        if self._marks is not None:
            self._marks.forget()
        self._give()

    def _toggled(self, shown: bool) -> None:
        self._settings.shown = shown
        self._give()

    def _show_session(self, session: DocumentSession) -> None:
        self._marks = TextMarks(session.segmentation, self._status)
        self._give()

    def _give(self) -> None:
        shown = self.action.isChecked()
        self._reading_view.set_status_marks(self._marks if shown else None)
        self._pinyin_view.set_word_marks(self._marks, shown)
