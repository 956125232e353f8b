"""Setting a word's status: the keys while the pop-up shows it, Words ▸ Word Status, and the
context menu's Word Status on the word under the mouse.

The keys are single characters (status_names.STATUS_KEYS), so their actions are enabled only
while the pop-up is shown: otherwise a K typed anywhere in the window would be taken. From
the menu bar they act on the pop-up's word, or with no pop-up on the word at the caret.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.pinyin import is_han
from reader.store import Status
from reader.ui.lookup.popup import WordPopup
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.views.text_surface import TextSurface
from reader.ui.words.status_holder import StatusHolder
from reader.ui.words.status_names import STATUS_KEYS, STATUS_TEXT

MENU_TITLE = "Word &Status"


def step_name(word: str, status: Status) -> str:
    """The undo stack's name for giving `word` its status: "学习: Learning 2"."""
    return f"Status of {word}: {STATUS_TEXT[status]}"


class StatusKeys(QtCore.QObject):
    """The actions that set the status of one word, in the menus and on the keys."""

    def __init__(
        self,
        holder: StatusHolder,
        popup: WordPopup,
        current: CurrentSession,
        shown_view: Callable[[], TextSurface],
        window: QtWidgets.QWidget,
    ) -> None:
        super().__init__(window)
        self._holder = holder
        self._popup = popup
        self._current = current
        self._shown_view = shown_view
        self._menu_word: str | None = None
        """The word at the caret while the menu bar's menu is open (no pop-up)."""
        self.menu = QtWidgets.QMenu(MENU_TITLE.replace("&", ""), window)
        self.menu.setTitle(MENU_TITLE)
        self.actions: dict[Status, QtGui.QAction] = {}
        group = QtGui.QActionGroup(self)
        for status in STATUS_TEXT:
            action = QtGui.QAction(_menu_text(status), window)
            action.setShortcut(QtGui.QKeySequence(STATUS_KEYS[status]))
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))
            group.addAction(action)
            window.addAction(action)  # its key works with the menu closed
            self.menu.addAction(action)
            self.actions[status] = action
            if status is Status.LEARNING_4:
                self.menu.addSeparator()
        self.menu.aboutToShow.connect(self._menu_opens)
        self.menu.aboutToHide.connect(
            lambda: QtCore.QTimer.singleShot(0, self, self._menu_closed)
        )  # after the action it closes on has run: a disabled one would not
        popup.installEventFilter(self)
        holder.changed.connect(self._check)
        self._enable()

    def shutdown(self) -> None:
        """Stop watching the pop-up, before it goes away."""
        self._popup.removeEventFilter(self)

    # The word

    def word(self) -> str | None:
        """The word whose status the keys set: the pop-up's, else (menu open) the caret's."""
        if self._popup.isVisible():
            lookup = self._popup.lookup
            return _studied(lookup.word) if lookup is not None else None
        return self._menu_word

    def word_at(self, offset: int) -> str | None:
        """The word at `offset` of the document shown, as the pop-up would show it."""
        session = self._current.session
        if session is None or not 0 <= offset < len(session.text):
            return None
        lookup = session.look_up(offset)
        return _studied(lookup.word) if lookup is not None else None

    def set_status(self, status: Status, word: str | None = None) -> bool:
        """Give `word` (else the pop-up's or the caret's) `status`, as one undoable step."""
        word = word or self.word()
        if word is None:
            return False
        self._holder.set({word: status}, step_name(word, status))
        return True

    # The context menu

    def add_entries(self, menu: QtWidgets.QMenu, point: QtCore.QPoint | None = None) -> bool:
        """Word Status ▸ for the word at `point` of the shown view (else at its caret);
        False if no word is there."""
        view = self._shown_view()
        offset = view.offset_at(point) if point is not None else None
        word = self.word_at(offset if offset is not None else view.caret_offset())
        if word is None:
            return False
        submenu = menu.addMenu(MENU_TITLE)
        current = self._holder.status(word)
        group = QtGui.QActionGroup(submenu)
        for status in STATUS_TEXT:
            action = submenu.addAction(_menu_text(status))
            action.setCheckable(True)
            action.setChecked(status is current)
            group.addAction(action)
            action.triggered.connect(lambda _=False, s=status: self.set_status(s, word))
            if status is Status.LEARNING_4:
                submenu.addSeparator()
        return True

    # Enabled and checked

    def _enable(self) -> None:
        word = self.word()
        for action in self.actions.values():
            action.setEnabled(word is not None)
        self._check()

    def _check(self, _changed: object = None) -> None:
        word = self.word()
        status = self._holder.status(word) if word is not None else None
        for shown, action in self.actions.items():
            action.setChecked(shown is status)

    def _menu_opens(self) -> None:
        view = self._shown_view()
        self._menu_word = None if self._popup.isVisible() else self.word_at(view.caret_offset())
        self._enable()

    def _menu_closed(self) -> None:
        self._menu_word = None
        self._enable()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self._popup and event.type() in (QtCore.QEvent.Show, QtCore.QEvent.Hide):
            self._enable()
        return False


def _menu_text(status: Status) -> str:
    text = STATUS_TEXT[status]
    return f"&{text}" if not status.learning else f"Learning &{int(status)}"


def _studied(word: str) -> str | None:
    """`word`, if a status can be kept for it: it holds a Chinese character."""
    return word if any(is_han(char) for char in word) else None
