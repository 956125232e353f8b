"""View ▸ Full Screen: the text alone on the screen, its column centred at its measure (the
views centre a column no wider than the measure), the panels and toolbars out of the way;
Esc or the same key again leaves, and brings back exactly the panels and toolbars that were
shown.

Esc leaves only when nothing else takes it: it is heard as it comes up to the window from
the focused widget unused (the pop-up's filter, a find bar's own Esc and a dialog's take
it first), not as a shortcut that would fight theirs.
"""

from __future__ import annotations

from reader.ui.navigation.keys import LEAVE_FULL_SCREEN, full_screen_keys
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.window.panel_room import PanelRoom


class FullScreen(QtCore.QObject):
    def __init__(self, window: QtWidgets.QMainWindow, panels: PanelRoom) -> None:
        super().__init__(window)
        self._window = window
        self._panels = panels
        self._put_away: list[QtWidgets.QWidget] = []
        self._was_maximized = False
        self.action = QtGui.QAction("&Full Screen", window)
        self.action.setCheckable(True)
        self.action.setShortcuts(full_screen_keys())
        self.action.toggled.connect(self._set)
        window.installEventFilter(self)

    @property
    def on(self) -> bool:
        return self.action.isChecked()

    def _set(self, on: bool) -> None:
        if on:
            self._enter()
        else:
            self._leave()

    def _enter(self) -> None:
        window = self._window
        self._was_maximized = window.isMaximized()
        # The room's panels are held closed (one that asks to be shown meanwhile, as the
        # annotations panel at the first highlight, waits); other docks and the toolbars
        # are hidden, and shown again on leaving.
        self._put_away = [
            widget
            for kind in (QtWidgets.QDockWidget, QtWidgets.QToolBar)
            for widget in window.findChildren(kind)
            if widget.isVisible() and widget.parent() is window and not self._managed(widget)
        ]
        self._panels.hold(True)
        for widget in self._put_away:
            widget.hide()
        window.showFullScreen()

    def _leave(self) -> None:
        window = self._window
        if self._was_maximized:
            window.showMaximized()
        else:
            window.showNormal()
        for widget in self._put_away:
            widget.show()
        self._put_away = []
        self._panels.hold(False)

    def _managed(self, widget: QtWidgets.QWidget) -> bool:
        return isinstance(widget, QtWidgets.QDockWidget) and self._panels.manages(widget)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self._window and self.on:
            kind = event.type()
            if kind == QtCore.QEvent.KeyPress and event.key() == LEAVE_FULL_SCREEN:
                self.action.setChecked(False)
                return True
            if kind == QtCore.QEvent.Close:
                # The window's state is saved as it closes: with its panels, as the reader had it.
                self.action.setChecked(False)
        return False
