"""The navigation feature: the Go menu (Back, Forward, the next and previous section, Go
To), View ▸ Full Screen, Help ▸ Keyboard Shortcuts, the status bar's percentage and the
mouse's back and forward buttons over either view.

Jumps made elsewhere are remembered for Back through `jumps`: `jumps.follow(signal)` for a
signal emitted after its jump (the section tree's, the annotations panel's, a find
result's), or `jumps.go_to(offset)` to make the jump and remember it at once.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document
from reader.document.places import next_section, previous_section, section_starts
from reader.ui.navigation import keys
from reader.ui.navigation.full_screen import FullScreen
from reader.ui.navigation.go_to_box import GoToBox
from reader.ui.navigation.jumps import Jumps
from reader.ui.navigation.progress_status import ProgressStatus
from reader.ui.navigation.shortcuts_dialog import ShortcutsDialog
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.text_surface import TextSurface
from reader.ui.window.panel_room import PanelRoom


class NavigationController(QtCore.QObject):
    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        menus: tuple[QtWidgets.QMenu, QtWidgets.QMenu, QtWidgets.QMenu],
        shown_view: Callable[[], TextSurface],
        moved: QtCore.SignalInstance,
        panels: PanelRoom,
    ) -> None:
        """`menus`: Go, View and Help (Keyboard Shortcuts goes first in it); `moved`: the
        top offset of the view shown, as it scrolls."""
        super().__init__(window)
        self._window = window
        self._shown_view = shown_view
        self._document: Document | None = None
        self._starts: list[int] = []
        go_menu, view_menu, help_menu = menus
        self.jumps = Jumps(
            lambda: shown_view().top_offset(),
            lambda at: shown_view().scroll_to_offset(at),
            moved,
            self,
        )
        self.progress = ProgressStatus(window.statusBar(), shown_view)
        moved.connect(self.progress.moved)

        self.back_action = self._action(go_menu, "&Back", keys.back_keys(), self.jumps.back)
        self.forward_action = self._action(
            go_menu, "&Forward", keys.forward_keys(), self.jumps.forward
        )
        go_menu.addSeparator()
        self.next_section_action = self._action(
            go_menu, "&Next Section", [QtGui.QKeySequence(keys.NEXT_SECTION)], self.next_section
        )
        self.previous_section_action = self._action(
            go_menu,
            "&Previous Section",
            [QtGui.QKeySequence(keys.PREVIOUS_SECTION)],
            self.previous_section,
        )
        go_menu.addSeparator()
        self.go_to_action = self._action(
            go_menu, "&Go To…", [QtGui.QKeySequence(keys.GO_TO)], self.open_go_to
        )
        self.jumps.changed.connect(self._enable)
        self._enable()

        self.full_screen = FullScreen(window, panels)
        view_menu.addSeparator()
        view_menu.addAction(self.full_screen.action)

        self.shortcuts_action = QtGui.QAction("&Keyboard Shortcuts", window)
        self.shortcuts_action.setShortcuts(keys.help_keys())
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.shortcuts_action)
        help_menu.insertSeparator(first)

    def _action(
        self,
        menu: QtWidgets.QMenu,
        text: str,
        shortcuts: list[QtGui.QKeySequence],
        slot: Callable[[], None],
    ) -> QtGui.QAction:
        action = menu.addAction(text)
        action.setShortcuts(shortcuts)
        action.triggered.connect(lambda: slot())
        return action

    def watch(self, view: TextSurface) -> None:
        """The mouse's back and forward buttons over `view` go back and forward."""
        view.viewport().installEventFilter(self)

    def show_session(self, session: DocumentSession) -> None:
        self._document = session.document
        self._starts = section_starts(session.document)
        self.jumps.new_document()
        self.progress.show_document(session.document)

    def _enable(self) -> None:
        self.back_action.setEnabled(self.jumps.history.can_go_back)
        self.forward_action.setEnabled(self.jumps.history.can_go_forward)

    def next_section(self) -> None:
        self._to_section(next_section)

    def previous_section(self) -> None:
        self._to_section(previous_section)

    def _to_section(self, find: Callable[[list[int], int], int | None]) -> None:
        if self._document is None:
            return
        target = find(self._starts, self._shown_view().top_offset())
        if target is not None:
            self.jumps.go_to(target)

    def open_go_to(self) -> GoToBox | None:
        """The Go To box, without blocking; None without a document."""
        if self._document is None:
            return None
        box = GoToBox(self._document, lambda: self._shown_view().top_offset(), self._window)
        box.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        box.chosen.connect(self.jumps.go_to)
        box.finished.connect(lambda _: self._shown_view().setFocus())
        box.open()
        return box

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self._window)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.MouseButtonPress:
            way = keys.MOUSE_BUTTONS.get(event.button())
            if way is not None:
                self.jumps.back() if way == "back" else self.jumps.forward()
                return True
        return False
