"""The views' own context-menu entries: Copy and Select All, the same in both views.

Not QTextEdit's standard menu, which offers "Copy Link Location" though a reader's page has
no links: a menu offers only what applies.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.ui.qt import QtGui, QtWidgets


def standard_menu(
    parent: QtWidgets.QWidget,
    has_selection: bool,
    copy: Callable[[], object],
    select_all: Callable[[], object],
) -> QtWidgets.QMenu:
    """Copy (only with a selection) and Select All."""
    menu = QtWidgets.QMenu(parent)
    copy_action = menu.addAction("&Copy")
    copy_action.setShortcut(QtGui.QKeySequence.Copy)
    copy_action.setEnabled(has_selection)
    copy_action.triggered.connect(copy)
    select_all_action = menu.addAction("Select &All")
    select_all_action.setShortcut(QtGui.QKeySequence.SelectAll)
    select_all_action.triggered.connect(select_all)
    return menu
