"""What the script tests share: the View ▸ Script actions and what each view shows."""

from __future__ import annotations

from reader.language.script import Script
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.script.menu import LABELS, MENU_TITLE
from reader.ui.window.main_window import MainWindow


def script_action(window: MainWindow, script: Script) -> QtGui.QAction:
    """View ▸ Script ▸ the entry for `script`, found as a reader finds it: by its text."""
    menu = next(
        action.menu()
        for action in window.view_menu.actions()
        if action.menu() is not None and action.text() == MENU_TITLE
    )
    return next(action for action in menu.actions() if action.text() == LABELS[script])


def choose(window: MainWindow, script: Script) -> None:
    script_action(window, script).trigger()
    QtWidgets.QApplication.processEvents()


def reading_view_text(window: MainWindow) -> str:
    """The characters the reading view shows, its blocks joined by newlines."""
    page = window.reading_view.document()
    lines = []
    block = page.firstBlock()
    while block.isValid():
        lines.append(block.text().replace("\u2028", "\n").replace("\t", "\n"))
        block = block.next()
    return "\n".join(lines)


def pinyin_view_text(window: MainWindow) -> str:
    """The characters the pinyin view paints, box by box."""
    view = window.pinyin.view
    return view.text_between(0, len(window.reader_document.text))
