"""The keyboard reads in the pinyin view too: a caret painted between the characters, moved
by the arrows, Home/End and PgUp/PgDn; Shift selects, Ctrl+1 highlights what it selected,
Ctrl+L looks up the caret's word."""

from __future__ import annotations

import pytest

from reader.store import resolve_data_dir
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.page_style import LIGHT
from reader.ui.views.pinyin_view import PinyinView
from tests.ui.annotations.window_helpers import stored
from tests.ui.lookup_helpers import wait_ready
from tests.ui.views.pinyin_helpers import find, pinyin_on, scroll_and_read

# Qt raises a tool-tip window as it shows it; the offscreen platform cannot and says so.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")

SHIFT = QtCore.Qt.ShiftModifier


def _at_word(qtbot, window, word: str) -> tuple[PinyinView, int]:
    """The pinyin view, `word`'s line at the top, the caret before it, the focus in it."""
    view = pinyin_on(qtbot, window)
    start = find(window, word)
    scroll_and_read(qtbot, view, start)
    view.setFocus()
    view.place_caret(start)
    return view, start


def test_the_arrows_move_the_pinyin_views_caret_by_character_and_line(qtbot, window):
    view, start = _at_word(qtbot, window, "鲁炜发现")
    line_height = view.caret_rect().height()

    qtbot.keyClick(view, QtCore.Qt.Key_Right)
    assert view.caret_offset() == start + 1
    rect = view.caret_rect()
    assert rect.x() == pytest.approx(view.character_rect(start + 1).left())

    qtbot.keyClick(view, QtCore.Qt.Key_Down)
    below = view.caret_rect()
    assert below.top() > rect.top() + line_height / 2
    assert below.x() == pytest.approx(rect.x(), abs=view.em())
    assert view.caret_offset() > start + 1
    qtbot.keyClick(view, QtCore.Qt.Key_Up)
    assert view.caret_offset() == start + 1
    assert view.selected_range() is None

    qtbot.keyClick(view, QtCore.Qt.Key_End)
    end = view.caret_rect()
    assert end.top() == pytest.approx(rect.top())
    assert end.x() > rect.x()
    assert view.character_rect(view.caret_offset() - 1).top() == pytest.approx(rect.top())
    qtbot.keyClick(view, QtCore.Qt.Key_Home)
    assert view.caret_rect().top() == pytest.approx(rect.top())
    assert view.character_rect(view.caret_offset()).left() == pytest.approx(view.caret_rect().x())
    assert view.caret_rect().x() < rect.x()

    qtbot.keyClick(view, QtCore.Qt.Key_End, QtCore.Qt.ControlModifier)
    assert view.caret_offset() == len(window.reader_document.text)
    qtbot.keyClick(view, QtCore.Qt.Key_Home, QtCore.Qt.ControlModifier)
    assert view.caret_offset() == 0
    assert view.verticalScrollBar().value() == 0


def test_page_down_and_up_move_the_caret_a_screen(qtbot, window):
    view, start = _at_word(qtbot, window, "各级领导干部")
    bar = view.verticalScrollBar()
    before = bar.value()

    qtbot.keyClick(view, QtCore.Qt.Key_PageDown)

    assert bar.value() > before
    assert view.caret_offset() > start
    assert 0 <= view.caret_rect().top() <= view.viewport().height()
    qtbot.keyClick(view, QtCore.Qt.Key_PageUp)
    assert bar.value() == before
    assert abs(view.caret_offset() - start) <= 2


def test_shift_selects_and_ctrl_1_highlights_in_the_pinyin_view(qtbot, make_window, seed_path):
    window = make_window(seed_path, active=True)
    wait_ready(qtbot, window, segmented=False)
    view, start = _at_word(qtbot, window, "鲁炜发现")

    for _ in range(4):
        qtbot.keyClick(view, QtCore.Qt.Key_Right, SHIFT)
    qtbot.keyClick(view, QtCore.Qt.Key_Left, SHIFT)
    assert view.selected_range() == (start, start + 3)
    assert view.caret_offset() == start + 3

    qtbot.keyClick(view, QtCore.Qt.Key_2, QtCore.Qt.ControlModifier)

    qtbot.waitUntil(lambda: len(stored(resolve_data_dir())) == 1)
    [highlight] = stored(resolve_data_dir())
    assert (highlight.start, highlight.end, highlight.quote) == (start, start + 3, "鲁炜发")
    assert highlight.colour == "red"


def test_ctrl_l_in_the_pinyin_view_pins_the_pop_up_of_the_caret_word(qtbot, window):
    view, _ = _at_word(qtbot, window, "鲁炜发现")
    qtbot.keyClick(view, QtCore.Qt.Key_Right)
    qtbot.keyClick(view, QtCore.Qt.Key_Right)

    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier)

    popup = window.word_lookup.popup
    assert popup.isVisible() and popup.pinned
    assert popup.word_label.text() == "发现"


def test_a_caret_scrolled_away_from_starts_again_at_the_top(qtbot, window):
    view, _ = _at_word(qtbot, window, "习近平")
    far = find(window, "座谈会发言人员")
    scroll_and_read(qtbot, view, far)
    top = view.top_offset()

    qtbot.keyClick(view, QtCore.Qt.Key_Right)

    assert view.caret_offset() == top + 1
    assert view.top_offset() == top


def test_the_caret_is_painted_while_the_view_has_the_focus(qtbot, window):
    view, _ = _at_word(qtbot, window, "鲁炜发现")
    qtbot.keyClick(view, QtCore.Qt.Key_Right)  # the blink starts over: shown
    caret = view.caret_rect()
    point = QtCore.QPoint(round(caret.x()), round(caret.center().y()))

    def colour_at_caret() -> QtGui.QColor:
        return view.viewport().grab().toImage().pixelColor(point)

    assert colour_at_caret() == QtGui.QColor(LIGHT.ink)
    view.clearFocus()
    assert colour_at_caret() != QtGui.QColor(LIGHT.ink)


def test_down_past_the_last_line_shown_scrolls_the_pinyin_view(qtbot, window):
    view = pinyin_on(qtbot, window)
    view.setFocus()
    bottom = view.viewport().height() - 2 * view.caret_rect().height()
    view.place_caret(view.position_at(QtCore.QPoint(200, round(bottom))))
    bar = view.verticalScrollBar()
    before = bar.value()

    for _ in range(4):
        qtbot.keyClick(view, QtCore.Qt.Key_Down)

    assert bar.value() > before
    caret = view.caret_rect()
    assert caret.top() >= 0 and caret.bottom() <= view.viewport().height()
