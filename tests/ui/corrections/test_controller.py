"""Word corrections in the window: split a word and join two through the reading view's
context menu, see the pop-up follow, and find the corrections again in a new window."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.language.corrections import CORRECTIONS_FILE
from reader.ui.lookup.controller import WordLookupController
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.window.main_window import MainWindow
from tests.ui.lookup_helpers import char_point, open_ready_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing)")

TITLE = "习近平主持召开网络安全和信息化工作座谈会"


def data_dir() -> Path:
    return Path(os.environ["READER_DATA_DIR"])


def saved_words() -> dict[str, list[int]]:
    data = json.loads((data_dir() / CORRECTIONS_FILE).read_text(encoding="utf-8"))
    return data["words"]


@pytest.fixture
def open_window(qtbot, make_window, seed_path) -> Callable[[], MainWindow]:
    """Opens a new window on the seed, lookups ready, the pop-up shown at once."""
    return lambda: open_ready_window(qtbot, make_window, seed_path, delay_ms=0)


def hovered_word(qtbot, window: MainWindow, offset: int) -> str:
    """Moves the mouse onto the character at `offset` and reads the pop-up's word."""
    view = window.reading_view
    view.scroll_to_offset(offset)
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), char_point(view, offset))
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    return popup.word_label.text()


def choose(qtbot, window: MainWindow, offset: int, action: QtGui.QAction) -> None:
    """Opens the view's context menu on the character at `offset` as a right click does,
    and triggers `action` where the menu shows it."""
    view = window.reading_view
    view.scroll_to_offset(offset)
    view.customContextMenuRequested.emit(char_point(view, offset))
    menu = QtWidgets.QApplication.activePopupWidget()
    assert isinstance(menu, QtWidgets.QMenu)
    assert action in menu.actions() and action.isEnabled()
    action.trigger()
    menu.close()


def title_offset(window: MainWindow, word: str) -> int:
    return window.reader_document.text.index(TITLE) + TITLE.index(word)


def test_joining_two_words_lasts_and_can_be_undone(qtbot, open_window):
    window = open_window()
    corrections = window.word_corrections
    work = title_offset(window, "工作")
    assert hovered_word(qtbot, window, work + 1) == "工作"
    choose(qtbot, window, work + 1, corrections.join_action)
    assert corrections.join_action.text() == "&Join with Next Word: 工作座谈会"
    assert hovered_word(qtbot, window, work + 3) == "工作座谈会"
    assert saved_words() == {"工作座谈会": []}
    window.close()

    again = open_window()
    assert hovered_word(qtbot, again, title_offset(again, "工作")) == "工作座谈会"
    choose(qtbot, again, title_offset(again, "座谈会"), again.word_corrections.undo_action)
    assert hovered_word(qtbot, again, title_offset(again, "座谈会")) == "座谈会"
    assert saved_words() == {}


def test_splitting_a_word_lasts_and_the_pop_up_follows(qtbot, open_window):
    window = open_window()
    corrections = window.word_corrections
    safety = title_offset(window, "安全")
    assert hovered_word(qtbot, window, safety) == "网络安全"
    choose(qtbot, window, safety, corrections.split_action)
    assert corrections.split_action.text() == "&Split Word Here: 网络 | 安全"
    assert hovered_word(qtbot, window, safety + 1) == "安全"
    assert hovered_word(qtbot, window, safety - 2) == "网络"
    assert saved_words() == {"网络安全": [2]}
    window.close()

    again = open_window()
    text = again.reader_document.text
    later = text.index("网络安全", title_offset(again, "信息化"))
    assert hovered_word(qtbot, again, later) == "网络"  # every occurrence, every window


def test_the_first_character_of_a_word_cannot_split_it(qtbot, open_window):
    window = open_window()
    corrections = window.word_corrections
    assert corrections.prepare(title_offset(window, "网络"))
    assert not corrections.split_action.isEnabled()
    assert corrections.join_action.isEnabled()  # 网络安全 + 和
    assert not corrections.prepare(title_offset(window, TITLE) - 1)  # not Han: no entries
    view = window.reading_view
    view.scroll_to_offset(title_offset(window, "网络"))
    view.customContextMenuRequested.emit(char_point(view, title_offset(window, "网络")))
    menu = QtWidgets.QApplication.activePopupWidget()
    assert corrections.join_action in menu.actions()
    assert corrections.split_action not in menu.actions()  # the menu offers what applies
    menu.close()


def test_a_pinned_pop_up_shows_the_corrected_word_at_once(qtbot, open_window):
    window = open_window()
    lookup: WordLookupController = window.word_lookup
    safety = title_offset(window, "安全")
    lookup.show_word_at(safety, move_caret=False)
    lookup.popup.set_pinned(True)
    corrections = window.word_corrections
    assert corrections.prepare(safety)
    corrections.split_action.trigger()
    assert lookup.popup.isVisible() and lookup.popup.pinned
    assert lookup.popup.word_label.text() == "安全"


def test_a_damaged_corrections_file_is_told_moved_aside_and_replaced(qtbot, open_window):
    path = data_dir() / CORRECTIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe{broken")
    window = open_window()
    qtbot.waitUntil(lambda: window.findChild(QtWidgets.QMessageBox) is not None)
    box = window.findChild(QtWidgets.QMessageBox)
    assert "word corrections" in box.text()
    (aside,) = path.parent.glob("word-corrections.damaged-*.json")
    assert f"{path}: is not UTF-8 text" in box.informativeText()
    assert f"moved aside to {aside.name}" in box.informativeText()
    assert "saved in a new file" in box.informativeText()
    box.close()
    corrections = window.word_corrections
    safety = title_offset(window, "安全")
    choose(qtbot, window, safety, corrections.split_action)
    assert not [b for b in window.findChildren(QtWidgets.QMessageBox) if b.isVisible()]
    assert "网络安全" in path.read_text(encoding="utf-8")  # a new file
    assert aside.read_bytes() == b"\xff\xfe{broken"  # the old one kept


def test_a_newer_readers_corrections_file_is_told_and_left_alone(qtbot, open_window):
    path = data_dir() / CORRECTIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    newer = '{"format": "reader-word-corrections", "version": 9}'
    path.write_text(newer, encoding="utf-8")
    window = open_window()
    qtbot.waitUntil(lambda: window.findChild(QtWidgets.QMessageBox) is not None)
    box = window.findChild(QtWidgets.QMessageBox)
    assert "word corrections" in box.text()
    assert str(path) in box.informativeText()
    box.close()
    corrections = window.word_corrections
    safety = title_offset(window, "安全")
    choose(qtbot, window, safety, corrections.split_action)
    told = [b for b in window.findChildren(QtWidgets.QMessageBox) if "did not save" in b.text()]
    assert len(told) == 1 and told[0].isVisible()
    told[0].close()
    assert path.read_text(encoding="utf-8") == newer  # never overwritten
    assert hovered_word(qtbot, window, safety) == "安全"  # applies for now
