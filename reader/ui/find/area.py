"""The window's central area while find is in it: the views' stack, the list of matches
under it (the reader drags the line between them), and the find bar at the bottom.

Only the page's height changes when the bar or the list comes and goes, never its width, so
the column is never laid out again for them. Esc anywhere in the area closes the bar while it
is open; else it goes on to the window (which leaves full screen with it).
"""

from __future__ import annotations

from reader.ui.qt import QtCore, QtGui, QtWidgets


class FindArea(QtWidgets.QWidget):
    escape_pressed = QtCore.Signal()

    def __init__(
        self,
        page: QtWidgets.QWidget,
        results: QtWidgets.QWidget,
        bar: QtWidgets.QWidget,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._bar = bar
        self.setObjectName("find-area")
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(page)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(bar)
        results.hide()
        bar.hide()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key_Escape and not self._bar.isHidden():
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)
