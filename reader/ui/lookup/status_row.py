"""The pop-up's row for the word's status: "Learning 2", and the keys that change it.

The pop-up asks nothing about statuses itself: the row is given a `status(word)` callable
(the window's StatusHolder's), is told each word the pop-up shows, and is refreshed when
statuses change. A word without a Chinese character has no status: the row hides.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.lookup import WordLookup
from reader.language.pinyin import is_han
from reader.store import Status
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.words.status_names import KEYS_HINT, STATUS_TEXT


class StatusRow(QtWidgets.QWidget):
    """A line of the pop-up: the word's status, then the keys, muted."""

    def __init__(
        self, status: Callable[[str], Status], parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._status = status
        self._word: str | None = None
        self.setObjectName("word-status")
        self.status_label = QtWidgets.QLabel()
        self.status_label.setTextFormat(QtCore.Qt.PlainText)
        bold = QtGui.QFont(self.status_label.font())
        bold.setBold(True)
        self.status_label.setFont(bold)
        # As wide as the widest status: the keys beside it do not move as it changes.
        widest = max(QtGui.QFontMetrics(bold).horizontalAdvance(t) for t in STATUS_TEXT.values())
        self.status_label.setMinimumWidth(widest)
        self.keys_label = QtWidgets.QLabel(KEYS_HINT)
        self.keys_label.setTextFormat(QtCore.Qt.PlainText)
        self.keys_label.setObjectName("muted")
        for label in (self.status_label, self.keys_label):
            label.setFocusPolicy(QtCore.Qt.NoFocus)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 3, 0, 0)  # apart from the characters above
        layout.setSpacing(10)
        layout.addWidget(self.status_label)
        layout.addWidget(self.keys_label, 1)
        self.hide()

    @property
    def word(self) -> str | None:
        """The word whose status is shown; None while the row is hidden."""
        return self._word

    def show_lookup(self, lookup: WordLookup | None) -> None:
        """The pop-up now shows `lookup`: its word's status, if it can have one."""
        word = lookup.word if lookup is not None else None
        self._word = word if word and any(is_han(char) for char in word) else None
        self.refresh()

    def refresh(self, _changed: object = None) -> None:
        """Read the word's status again (statuses changed)."""
        if self._word is None:
            if not self.isHidden():
                self.hide()
            return
        text = STATUS_TEXT[self._status(self._word)]
        if self.status_label.text() != text:
            self.status_label.setText(text)
        if self.isHidden():
            self.show()
