"""One hover controller serves both views: the word is marked in the view the mouse is on,
and only there; lookups run with the synchronous task runner (nothing here tests threads)."""

from __future__ import annotations

from reader.ui.lookup.settings import LookupSettings
from reader.ui.qt import QtCore
from reader.ui.tasks import TaskRunner
from reader.ui.window.main_window import MainWindow
from tests.ui.lookup_helpers import char_point


def synchronous_window(qtbot, make_window, path) -> MainWindow:
    LookupSettings().delay_ms = 0
    window = make_window(path, runner=TaskRunner(synchronous=True))
    qtbot.waitUntil(lambda: window.word_lookup.is_ready)
    return window


def test_one_controller_marks_the_word_in_the_view_under_the_mouse(qtbot, make_window, seed_path):
    window = synchronous_window(qtbot, make_window, seed_path)
    assert window.session.fully_segmented  # the synchronous runner did it all at once
    lookup, reading = window.word_lookup, window.reading_view
    offset = window.reader_document.text.index("网络安全")
    qtbot.mouseMove(reading.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(reading.viewport(), char_point(reading, offset))
    assert lookup.current is not None and lookup.current.word == "网络安全"
    assert len(reading.extraSelections()) == 1 and lookup.popup.isVisible()

    window.pinyin.all_action.trigger()
    pinyin = window.pinyin.view
    assert not lookup.popup.isVisible() and lookup.current is None
    assert reading.extraSelections() == []
    point = pinyin.character_rect(offset + 2).center().toPoint()
    qtbot.mouseMove(pinyin.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(pinyin.viewport(), point)
    assert lookup.current is not None and lookup.current.word == "网络安全"
    assert lookup.popup.isVisible() and reading.extraSelections() == []
    qtbot.mouseClick(pinyin.viewport(), QtCore.Qt.LeftButton, QtCore.Qt.ControlModifier, point)
    assert lookup.popup.pinned


def test_a_new_document_gets_a_new_session_and_the_old_one_stops(
    qtbot, make_window, seed_path, tmp_path
):
    window = synchronous_window(qtbot, make_window, seed_path)
    first = window.session
    other = tmp_path / "短文.txt"
    other.write_text("银行行长说。\n", encoding="utf-8")
    assert window.open_path(other)
    assert first.closed and window.session is not first and not window.session.closed
    assert window.word_lookup.look_up(0).word == "银行行长"  # jieba's word: segmented at once
