"""The views' context menu offers what applies to a reader's page: no "Copy Link Location"
(a page has no links), Copy only with a selection."""

from __future__ import annotations

import pytest

from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.reading_view import ReadingView
from tests.ui.views.pinyin_helpers import centre, find, pinyin_on

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)


def _right_click(view, point: QtCore.QPoint) -> QtWidgets.QMenu:
    event = QtGui.QContextMenuEvent(
        QtGui.QContextMenuEvent.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QtCore.QCoreApplication.sendEvent(view.viewport(), event)
    menu = QtWidgets.QApplication.activePopupWidget()
    assert isinstance(menu, QtWidgets.QMenu)
    return menu


def _entries(menu: QtWidgets.QMenu) -> dict[str, bool]:
    """Each entry's text and whether it can be chosen."""
    return {a.text(): a.isEnabled() for a in menu.actions() if not a.isSeparator()}


def test_the_plain_views_menu_has_no_link_entries_on_plain_text(qtbot, window):
    view = window.reading_view
    start = find(window, "鲁炜发现")
    view.scroll_to_offset(start)
    rect = view.range_rect(start, start + 1)

    menu = _right_click(view, rect.center())

    entries = _entries(menu)
    assert not any("Link" in text for text in entries)
    assert entries["&Copy"] is False
    assert entries["Select &All"] is True
    menu.close()


def test_the_pinyin_views_menu_offers_copy_with_a_selection(qtbot, window):
    view = pinyin_on(qtbot, window)
    start = find(window, "鲁炜发现")
    view.scroll_to_offset(start)
    view.select(start, start + 2)

    menu = _right_click(view, centre(view, start))

    entries = _entries(menu)
    assert entries["&Copy"] is True
    assert not any("Link" in text for text in entries)
    menu.close()


def test_a_plain_view_alone_offers_copy_and_select_all_only(qtbot, seed_path):
    from reader.document import open_document

    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_reader_document(open_document(seed_path))
    view.show()
    qtbot.waitExposed(view)

    menu = _right_click(view, QtCore.QPoint(200, 100))

    assert list(_entries(menu)) == ["&Copy", "Select &All"]
    menu.close()
