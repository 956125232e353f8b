"""The reader's word corrections in the window: "Split Word Here", "Join with Next Word" and
"Undo Word Correction" in the context menu of the view shown, kept in the data folder.

The corrections themselves live in reader.language.corrections; this module asks which
word the menu was opened on, changes the corrections, saves them, and has the document's
session segment the paragraphs they touch again (every view follows the session).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.language.corrections import CORRECTIONS_FILE, Corrections, CorrectionsError
from reader.language.pinyin import is_han
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.views.text_surface import TextSurface


class WordCorrectionsController(QtCore.QObject):
    """Splits and joins the document's words at the reader's word, for good."""

    corrected = QtCore.Signal(list)
    """Words whose correction changed; the paragraphs holding them have been redone."""

    def __init__(
        self,
        current: CurrentSession,
        shown_view: Callable[[], TextSurface],
        warn: Callable[[str, str], object],
        data_dir: Path,
        parent: QtCore.QObject | None = None,
    ) -> None:
        """`warn(text, details)` tells the reader of a file that cannot be read or saved."""
        super().__init__(parent)
        self._current = current
        self._shown_view = shown_view
        self._warn = warn
        self.path = Path(data_dir) / CORRECTIONS_FILE
        self._unreadable: CorrectionsError | None = None
        try:
            self.corrections = Corrections.load(self.path)
        except CorrectionsError as error:
            self.corrections = Corrections()
            self._unreadable = error
            kept = (
                "Corrections made now are saved in a new file."
                if error.moved_to is not None  # a damaged file, moved aside by load
                else "Corrections made now apply until Reader closes; the file is left as it is."
            )
            details = f"{error}\n\nWords are cut as Reader cuts them. {kept}"
            QtCore.QTimer.singleShot(
                0, self, lambda: self._warn("Reader cannot read your word corrections.", details)
            )
        current.set_corrections(self.corrections)
        self._offset: int | None = None
        self._split: tuple[str, int] | None = None
        self._join: tuple[str, str] | None = None
        self._undo: str | None = None

        self.split_action = QtGui.QAction("&Split Word Here", self)
        self.split_action.triggered.connect(self.split_here)
        self.join_action = QtGui.QAction("&Join with Next Word", self)
        self.join_action.triggered.connect(self.join_with_next)
        self.undo_action = QtGui.QAction("&Undo Word Correction", self)
        self.undo_action.triggered.connect(self.undo_here)

    # The menu

    def add_entries(self, menu: QtWidgets.QMenu, point: QtCore.QPoint | None = None) -> bool:
        """Adds the entries for the word at `point` of the shown view, or at its caret;
        False if no word is there."""
        view = self._shown_view()
        offset = view.offset_at(point) if point is not None else None
        if offset is None:
            offset = view.caret_offset()
        if not self.prepare(offset):
            return False
        menu.addSeparator()  # only what applies to this word (no greyed Split at its start)
        for action, applies in (
            (self.split_action, self._split),
            (self.join_action, self._join),
            (self.undo_action, self._undo),
        ):
            if applies is not None:
                menu.addAction(action)
        return True

    def prepare(self, offset: int) -> bool:
        """Sets the entries up for the character at `offset`; False off a word."""
        self._offset = self._split = self._join = self._undo = None
        session = self._current.session
        if (
            session is None
            or not session.ready
            or not 0 <= offset < len(session.text)
            or not is_han(session.text[offset])
        ):
            return False
        text, segmentation = session.text, session.segmentation
        segmentation.tokens(offset, offset + 1)  # segments the paragraph now if not yet
        tokens = session.word_tokens(offset)
        if not tokens:
            return False
        self._offset = offset
        start, end = tokens[0].start, tokens[-1].end
        word = text[start:end]
        if start < offset:
            self._split = (word, offset - start)
            self.split_action.setText(
                f"&Split Word Here: {word[: offset - start]} | {word[offset - start :]}"
            )
        else:
            self.split_action.setText("&Split Word Here")
        self.split_action.setEnabled(self._split is not None)
        following = segmentation.token_at(end)
        if following is not None and is_han(text[following.start]):
            self._join = (word, text[following.start : following.end])
            self.join_action.setText(f"&Join with Next Word: {''.join(self._join)}")
        else:
            self.join_action.setText("&Join with Next Word")
        self.join_action.setEnabled(self._join is not None)
        undone = segmentation.corrections_at(offset)
        if undone:
            self._undo = undone[0]
            self.undo_action.setText(f"&Undo Word Correction: {self._undo}")
        return True

    # Correcting

    def split_here(self) -> None:
        if self._split is not None:
            self._apply(self.corrections.split(*self._split))

    def join_with_next(self) -> None:
        if self._join is not None:
            self._apply(self.corrections.join(*self._join))

    def undo_here(self) -> None:
        if self._undo is not None:
            self._apply(self.corrections.remove(self._undo))

    def _apply(self, words: list[str]) -> None:
        """Saves the corrections and redoes the words; a failed save keeps them for now."""
        offset = self._offset
        self._offset = self._split = self._join = self._undo = None
        self._save()
        self._current.words_corrected(words, offset)
        self.corrected.emit(words)

    def _save(self) -> None:
        if self._unreadable is not None and self.path.exists():
            self._warn(
                "Reader did not save your word correction.",
                f"{self._unreadable}\n\nReader does not overwrite a file it cannot read. The "
                "correction applies until Reader closes; move the file away to keep new ones.",
            )
            return
        self._unreadable = None
        try:
            self.corrections.save(self.path)
        except CorrectionsError as error:
            self._warn(
                "Reader could not save your word correction.",
                f"{error}\n\nThe correction applies until Reader closes; Reader tries to "
                "save all of them again with the next one.",
            )
