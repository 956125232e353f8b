"""Marking a word while reading: hover it, press a key, see its status in the pop-up; undo
it with Ctrl+Z; find it again in a new window; or choose it from the context menu."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.store import HIGHLIGHT_RGB, Status
from reader.ui.qt import QtCore, QtWidgets
from tests.ui.annotations.window_helpers import background, select_with_mouse
from tests.ui.lookup_helpers import char_point
from tests.ui.words.conftest import stored, words_of

POPUP_WARNINGS = "This plugin does not support (raise|grabbing)"
"""The offscreen platform says so for tool-tip windows and popup menus; not our fault."""
pytestmark = pytest.mark.qt_log_ignore(POPUP_WARNINGS)
REDO = QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier


def offset_of(window, word: str) -> int:
    offset = window.reader_document.text.find(word)
    assert offset >= 0, word
    return offset


def hover(qtbot, window, word: str, into: int = 0):
    """Rest the mouse on `word` (its character `into`); the pop-up, once it shows it."""
    view = window.reading_view
    offset = offset_of(window, word) + into
    view.scroll_to_offset(offset)
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), char_point(view, offset))
    popup = window.word_lookup.popup
    qtbot.waitUntil(lambda: popup.isVisible() and popup.lookup.word == word)
    return popup


def row_text(window) -> str:
    row = words_of(window).status_row
    assert row.isVisible()
    return row.status_label.text()


def key(qtbot, window, pressed, modifiers=QtCore.Qt.NoModifier) -> None:
    qtbot.keyClick(window.reading_view, pressed, modifiers)


def test_a_key_marks_the_word_undo_takes_it_back_and_a_new_window_keeps_it(
    qtbot, window, open_window, data_dir
):
    hover(qtbot, window, "发展")
    assert row_text(window) == "New"
    assert "K known" in words_of(window).status_row.keys_label.text()

    key(qtbot, window, QtCore.Qt.Key_2)
    assert row_text(window) == "Learning 2"
    assert stored(data_dir) == {"发展": Status.LEARNING_2}
    key(qtbot, window, QtCore.Qt.Key_K)
    assert row_text(window) == "Known"
    assert window.annotations.undo_action.text() == "&Undo Status of 发展: Known"

    key(qtbot, window, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier)
    assert row_text(window) == "Learning 2"
    key(qtbot, window, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier)
    assert row_text(window) == "New"
    assert stored(data_dir) == {}
    key(qtbot, window, QtCore.Qt.Key_Z, REDO)
    assert row_text(window) == "Learning 2"
    assert stored(data_dir) == {"发展": Status.LEARNING_2}

    window.close()
    again = open_window()
    assert words_of(again).holder.status("发展") is Status.LEARNING_2
    hover(qtbot, again, "发展")
    assert row_text(again) == "Learning 2"


def test_each_key_gives_its_status_and_n_takes_the_word_back_to_new(qtbot, window, data_dir):
    hover(qtbot, window, "发展")
    for pressed, shown in [
        (QtCore.Qt.Key_1, "Learning 1"),
        (QtCore.Qt.Key_3, "Learning 3"),
        (QtCore.Qt.Key_4, "Learning 4"),
        (QtCore.Qt.Key_I, "Ignored"),
        (QtCore.Qt.Key_K, "Known"),
        (QtCore.Qt.Key_N, "New"),
    ]:
        key(qtbot, window, pressed)
        assert row_text(window) == shown
    assert stored(data_dir) == {}
    assert words_of(window).holder.status("发展") is Status.NEW


def test_without_a_pop_up_the_keys_are_left_alone(qtbot, window, data_dir):
    keys = words_of(window).keys
    assert not window.word_lookup.popup.isVisible()
    assert not keys.actions[Status.KNOWN].isEnabled()
    key(qtbot, window, QtCore.Qt.Key_K)
    assert stored(data_dir) == {}
    hover(qtbot, window, "发展")
    assert keys.actions[Status.KNOWN].isEnabled()
    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_Escape)
    assert not keys.actions[Status.KNOWN].isEnabled()


def test_a_word_without_chinese_has_no_status_row_and_no_status(qtbot, window, data_dir):
    popup = hover(qtbot, window, "发展")
    row = words_of(window).status_row
    assert row.isVisible()
    popup.set_lookup(replace(popup.lookup, word="Facebook"))
    assert not row.isVisible()
    key(qtbot, window, QtCore.Qt.Key_K)
    assert stored(data_dir) == {}
    assert words_of(window).keys.set_status(Status.KNOWN) is False


def test_undo_takes_back_the_last_thing_done_a_status_or_a_highlight(qtbot, window, data_dir):
    start = offset_of(window, "座谈会")
    select_with_mouse(qtbot, window, start, start + 3)
    key(qtbot, window, QtCore.Qt.Key_1, QtCore.Qt.ControlModifier)
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]
    window.reading_view.place_caret(0)
    hover(qtbot, window, "发展")
    key(qtbot, window, QtCore.Qt.Key_K)

    key(qtbot, window, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier)  # the status first
    assert words_of(window).holder.status("发展") is Status.NEW
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]
    key(qtbot, window, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier)  # then the highlight
    assert background(window, start) is None
    key(qtbot, window, QtCore.Qt.Key_Z, REDO)
    key(qtbot, window, QtCore.Qt.Key_Z, REDO)
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]
    assert stored(data_dir) == {"发展": Status.KNOWN}


def test_the_context_menu_sets_the_status_of_the_word_under_the_mouse(qtbot, window, data_dir):
    view = window.reading_view
    offset = offset_of(window, "座谈会") + 1
    view.scroll_to_offset(offset)
    words_of(window).holder.set({"座谈会": Status.LEARNING_3}, "test")
    view.customContextMenuRequested.emit(char_point(view, offset))
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is not None)
    menu = QtWidgets.QApplication.activePopupWidget()
    submenu = next(a.menu() for a in menu.actions() if a.text() == "Word &Status")
    entries = {a.text(): a for a in submenu.actions() if not a.isSeparator()}
    assert list(entries) == [
        "&New",
        "Learning &1",
        "Learning &2",
        "Learning &3",
        "Learning &4",
        "&Known",
        "&Ignored",
    ]
    assert [a.text() for a in entries.values() if a.isChecked()] == ["Learning &3"]
    entries["&Known"].trigger()
    menu.close()
    assert stored(data_dir) == {"座谈会": Status.KNOWN}


def test_the_menu_bar_sets_the_status_of_the_word_at_the_caret(qtbot, window, data_dir):
    offset = offset_of(window, "座谈会")
    window.reading_view.place_caret(offset)
    keys = words_of(window).keys
    keys.menu.aboutToShow.emit()
    assert keys.word() == "座谈会"
    assert keys.actions[Status.IGNORED].isEnabled()
    keys.actions[Status.IGNORED].trigger()
    keys.menu.aboutToHide.emit()
    qtbot.waitUntil(lambda: not keys.actions[Status.IGNORED].isEnabled())
    assert stored(data_dir) == {"座谈会": Status.IGNORED}


def test_the_keys_are_in_the_shortcut_list(qtbot, window):
    from reader.ui.navigation.shortcut_list import shortcuts

    listed = {(s.group, s.name): s.keys for s in shortcuts(window)}
    assert listed[("Words", "Word Status ▸ Known")] == "K"
    assert listed[("Words", "Word Status ▸ Learning 2")] == "2"
    assert listed[("Words", "Word Status ▸ Ignored")] == "I"
    assert listed[("Words", "Word Status ▸ New")] == "N"
    assert listed[("Words", "Mark the Rest of This Section Known")] == "Ctrl+Shift+K"


def test_the_keys_work_in_the_pinyin_view_too(qtbot, window, data_dir):
    window.pinyin.all_action.trigger()
    pinyin = window.pinyin.view
    offset = offset_of(window, "发展")
    pinyin.scroll_to_offset(offset)
    point = pinyin.character_rect(offset).center().toPoint()
    qtbot.mouseMove(pinyin.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(pinyin.viewport(), point)
    popup = window.word_lookup.popup
    qtbot.waitUntil(lambda: popup.isVisible() and popup.lookup.word == "发展")
    qtbot.keyClick(pinyin, QtCore.Qt.Key_3)
    assert row_text(window) == "Learning 3"
    assert stored(data_dir) == {"发展": Status.LEARNING_3}


def test_a_key_typed_into_the_find_bar_is_text_not_a_status(qtbot, window, data_dir):
    hover(qtbot, window, "发展")
    bar = window.find.bar
    window.find.find_action.trigger()
    assert bar.edit.hasFocus()
    window.word_lookup.show_word_at(offset_of(window, "发展"), move_caret=False)
    assert window.word_lookup.popup.isVisible()
    qtbot.keyClick(bar.edit, QtCore.Qt.Key_K)
    qtbot.keyClick(bar.edit, QtCore.Qt.Key_2)
    assert bar.edit.text() == "k2"
    assert stored(data_dir) == {}


def test_the_context_menu_offers_no_status_off_a_chinese_word(qtbot, window):
    view = window.reading_view
    offset = offset_of(window, "2014") + 1
    view.scroll_to_offset(offset)
    view.customContextMenuRequested.emit(char_point(view, offset))
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is not None)
    menu = QtWidgets.QApplication.activePopupWidget()
    assert "Word &Status" not in [a.text() for a in menu.actions()]
    menu.close()
