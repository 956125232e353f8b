"""Mouse gestures as a reader makes them, out of the single events QTest sends."""

from __future__ import annotations

from reader.ui.qt import QtCore, QtWidgets


def double_click(qtbot, widget: QtWidgets.QWidget, point: QtCore.QPoint) -> None:
    """Press, release, press again (the double click), release.

    QTest's mouseDClick sends only the double-click event, and leaves the button held in
    Qt's state for the rest of the process: every later mouse move, in any later test, is
    then a drag (a hover shows no pop-up)."""
    qtbot.mouseClick(widget, QtCore.Qt.LeftButton, pos=point)
    qtbot.mouseDClick(widget, QtCore.Qt.LeftButton, pos=point)
    qtbot.mouseRelease(widget, QtCore.Qt.LeftButton, pos=point)
