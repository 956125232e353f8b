"""The message boxes a window test waits for and reads."""

from __future__ import annotations

from reader.ui.qt import QtWidgets


def message_boxes() -> list[QtWidgets.QMessageBox]:
    """The message boxes on the screen now."""
    return [
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, QtWidgets.QMessageBox) and w.isVisible()
    ]


def wait_for_message(qtbot) -> QtWidgets.QMessageBox:
    """The one message box shown, once it is."""
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    return message_boxes()[0]
