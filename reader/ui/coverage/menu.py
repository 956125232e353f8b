"""Words ▸ Text Difficulty… and Words to Learn…: the coverage's dialogs, made on first use
and kept (shown again, up to date, the next time)."""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Section
from reader.ui.coverage.controller import CoverageController
from reader.ui.coverage.difficulty_dialog import TextDifficultyDialog
from reader.ui.coverage.learn_dialog import WordsToLearnDialog
from reader.ui.qt import QtCore, QtWidgets

DIFFICULTY_TEXT = "Text &Difficulty…"
LEARN_TEXT = "&Words to Learn…"


class CoverageMenu(QtCore.QObject):
    def __init__(
        self,
        menu: QtWidgets.QMenu,
        coverage: CoverageController,
        current_section: Callable[[], Section | None],
        window: QtWidgets.QWidget,
    ) -> None:
        """`current_section`: the section the tree shows as current, whose words to learn
        are shown first."""
        super().__init__(window)
        self.coverage = coverage
        self._current_section = current_section
        self._window = window
        self.difficulty: TextDifficultyDialog | None = None
        self.learn: WordsToLearnDialog | None = None
        menu.addSeparator()
        self.difficulty_action = menu.addAction(DIFFICULTY_TEXT)
        self.difficulty_action.triggered.connect(self.show_difficulty)
        self.learn_action = menu.addAction(LEARN_TEXT)
        self.learn_action.triggered.connect(lambda: self.show_words_to_learn())

    def show_difficulty(self) -> TextDifficultyDialog:
        if self.difficulty is None:
            self.difficulty = TextDifficultyDialog(self.coverage, self._window)
        _show(self.difficulty)
        return self.difficulty

    def show_words_to_learn(self, section: Section | None = None) -> WordsToLearnDialog:
        """The words to learn of `section`, else of the section the tree shows as current."""
        if self.learn is None:
            self.learn = WordsToLearnDialog(self.coverage, self._window)
        self.learn.choose(section or self._current_section())
        _show(self.learn)
        return self.learn


def _show(dialog: QtWidgets.QDialog) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
