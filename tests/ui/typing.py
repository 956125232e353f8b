"""Typing into a widget as a reader does. QTest's keyClicks handles ASCII only (it aborts
on other characters), so Chinese comes as an input method brings it: committed strings."""

from __future__ import annotations

from reader.ui.qt import QtCore, QtGui, QtWidgets


def commit(widget: QtWidgets.QWidget, text: str) -> None:
    """`text` committed at once, as an input method commits a word."""
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtCore.QCoreApplication.sendEvent(widget, event)


def type_text(qtbot, widget: QtWidgets.QWidget, text: str) -> None:
    """Key by key for ASCII, one commit per character for the rest."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            commit(widget, char)
