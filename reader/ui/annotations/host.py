"""What the annotations need of the window that shows them, named here so that they never
import the window: the main window is one such host, and a test may make another."""

from __future__ import annotations

from typing import Protocol

from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.text_surface import TextSurface


class MessageHost(Protocol):
    """Where dialogs and messages go."""

    def window(self) -> QtWidgets.QWidget:
        """The top-level widget: the parent of dialogs (a main window is its own)."""
        ...

    def show_message(
        self, icon: QtWidgets.QMessageBox.Icon, text: str, details: str = ""
    ) -> QtWidgets.QMessageBox:
        """Tell the reader something, window-modal, without blocking the caller."""
        ...


class AnnotationsHost(MessageHost, Protocol):
    """The window the annotations live in: its views, the document it shows, and the places
        their dock, toolbar and menus go (Export and Import above Quit in the File menu, the
        panel's toggle after Sections in the View menu, undo above Copy in the Edit menu and the
    highlights below)."""

    reading_view: ReadingView
    quit_action: QtGui.QAction
    copy_action: QtGui.QAction
    sections_action: QtGui.QAction
    document_shown: QtCore.SignalInstance
    """Emitted with each Document the window shows."""

    def shown_view(self) -> TextSurface:
        """The view the reader is looking at: the reading view or the pinyin view."""
        ...

    def statusBar(self) -> QtWidgets.QStatusBar: ...

    def menuBar(self) -> QtWidgets.QMenuBar: ...

    def addDockWidget(
        self, area: QtCore.Qt.DockWidgetArea, dock: QtWidgets.QDockWidget
    ) -> None: ...

    def resizeDocks(
        self,
        docks: list[QtWidgets.QDockWidget],
        sizes: list[int],
        orientation: QtCore.Qt.Orientation,
    ) -> None: ...

    def addToolBar(self, area: QtCore.Qt.ToolBarArea, toolbar: QtWidgets.QToolBar) -> None: ...

    def installEventFilter(self, watcher: QtCore.QObject) -> None:
        """The annotations hear the window close, to save a note being written."""
        ...
