"""The window's Edit menu: Copy and Select All in the view shown, there from the start, with
the annotations' undo and highlights around them once they are attached."""

from __future__ import annotations

import pytest

from reader.ui.qt import QtCore, QtWidgets
from tests.ui.lookup_helpers import wait_ready

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


def _texts(menu: QtWidgets.QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_the_edit_menu_has_copy_and_select_all_before_the_features_attach(make_window):
    window = make_window(show=False)

    working = [
        action.text()
        for action in window.edit_menu.actions()
        if action.isEnabled() and not action.isSeparator() and action.menu() is None
    ]
    assert working == ["&Copy", "Select &All"]
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&View"]


def test_edit_copy_and_select_all_work_in_both_views(qtbot, make_window, seed_path):
    window = make_window(seed_path, active=True)
    wait_ready(qtbot, window, segmented=False)
    texts = _texts(window.edit_menu)
    assert texts.index("&Undo") < texts.index("&Copy") < texts.index("&Highlight")
    text = window.reader_document.text
    clipboard = QtWidgets.QApplication.clipboard()
    view = window.reading_view

    view.place_caret(0)
    window.edit_menu.aboutToShow.emit()
    assert not window.copy_action.isEnabled()
    window.edit_menu.aboutToHide.emit()
    window.select_all_action.trigger()
    assert view.selected_range() == (0, len(text))
    view.place_caret(2)
    for _ in range(5):
        qtbot.keyClick(view, QtCore.Qt.Key_Right, QtCore.Qt.ShiftModifier)
    window.copy_action.trigger()
    assert clipboard.text() == text[2:7]

    window.pinyin.all_action.trigger()
    pinyin = window.pinyin.view
    pinyin.select(3, 7)
    window.edit_menu.aboutToShow.emit()
    assert window.copy_action.isEnabled()
    window.edit_menu.aboutToHide.emit()
    window.copy_action.trigger()
    assert clipboard.text() == text[3:7]
    window.select_all_action.trigger()
    assert pinyin.selected_range() == (0, len(text))
