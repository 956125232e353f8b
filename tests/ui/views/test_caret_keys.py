"""The keyboard reads in the plain view: a caret the arrows, Home/End and PgUp/PgDn move,
Shift+arrows select, Ctrl+1 highlights what they selected, Ctrl+L looks up the caret's word,
and a caret the reader scrolled away from starts again on the page shown."""

from __future__ import annotations

import pytest

from reader.store import resolve_data_dir
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.caret_keys import Move, key_move
from reader.ui.views.reading_view import ReadingView
from tests.ui.annotations.window_helpers import stored
from tests.ui.views.pinyin_helpers import find

# Qt raises a tool-tip window as it shows it; the offscreen platform cannot and says so.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")

SHIFT = QtCore.Qt.ShiftModifier


def _line_of(view: ReadingView) -> tuple[int, int]:
    """The Qt positions where the caret's line starts and ends."""
    cursor = view.textCursor()
    block = cursor.block()
    line = block.layout().lineForTextPosition(cursor.position() - block.position())
    start = block.position() + line.textStart()
    return start, start + line.textLength()


def test_the_plain_view_shows_a_caret_the_keyboard_moves(qtbot, window):
    view = window.reading_view
    assert view.textInteractionFlags() & QtCore.Qt.TextSelectableByKeyboard
    assert view.cursorWidth() >= 2
    start = find(window, "鲁炜发现")
    view.scroll_to_offset(start)
    view.place_caret(start)
    view.setFocus()

    qtbot.keyClick(view, QtCore.Qt.Key_Right)
    assert view.caret_offset() == start + 1
    qtbot.keyClick(view, QtCore.Qt.Key_Left)
    assert view.caret_offset() == start

    top = view.cursorRect().top()
    qtbot.keyClick(view, QtCore.Qt.Key_Down)
    assert view.cursorRect().top() > top
    qtbot.keyClick(view, QtCore.Qt.Key_Up)
    assert view.cursorRect().top() == top

    qtbot.keyClick(view, QtCore.Qt.Key_Right)
    line_start, line_end = _line_of(view)
    qtbot.keyClick(view, QtCore.Qt.Key_Home)
    assert view.textCursor().position() == line_start
    qtbot.keyClick(view, QtCore.Qt.Key_End)
    assert view.textCursor().position() in (line_end, line_end - 1)

    view.scroll_to_offset(0)
    view.place_caret(0)
    bar = view.verticalScrollBar()
    before, caret = bar.value(), view.caret_offset()
    qtbot.keyClick(view, QtCore.Qt.Key_PageDown)
    assert bar.value() > before
    assert view.caret_offset() > caret
    assert view.viewport().rect().intersects(view.cursorRect())
    qtbot.keyClick(view, QtCore.Qt.Key_PageUp)
    assert view.caret_offset() < caret + 5


def test_shift_and_the_arrows_select_and_ctrl_1_highlights_the_selection(
    qtbot, make_window, seed_path
):
    data_dir = resolve_data_dir()
    window = make_window(seed_path, active=True)
    view = window.reading_view
    start = find(window, "鲁炜发现")
    view.place_caret(start)
    view.setFocus()

    for _ in range(3):
        qtbot.keyClick(view, QtCore.Qt.Key_Right, SHIFT)
    assert view.selected_range() == (start, start + 3)
    qtbot.keyClick(view, QtCore.Qt.Key_Left, SHIFT)
    assert view.selected_range() == (start, start + 2)

    qtbot.keyClick(view, QtCore.Qt.Key_1, QtCore.Qt.ControlModifier)
    qtbot.waitUntil(lambda: len(stored(data_dir)) == 1)
    [highlight] = stored(data_dir)
    assert (highlight.start, highlight.end, highlight.quote) == (start, start + 2, "鲁炜")
    assert highlight.colour == "yellow"


def test_a_caret_scrolled_away_from_starts_again_at_the_top_of_the_page(qtbot, window):
    view = window.reading_view
    view.place_caret(0)
    view.setFocus()
    far = find(window, "座谈会发言人员")
    view.scroll_to_offset(far)
    top = view.top_offset()

    qtbot.keyClick(view, QtCore.Qt.Key_Right)

    assert view.caret_offset() == top + 1
    assert view.top_offset() == top


def test_ctrl_l_pins_the_pop_up_of_the_word_at_the_caret(qtbot, window):
    view = window.reading_view
    start = find(window, "鲁炜发现")
    view.place_caret(start)
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_Right)
    qtbot.keyClick(view, QtCore.Qt.Key_Right)

    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier)

    popup = window.word_lookup.popup
    assert popup.isVisible() and popup.pinned
    assert popup.word_label.text() == "发现"
    rect = view.range_rect(start + 2, start + 4)
    assert popup.geometry().intersects(
        QtCore.QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size()).adjusted(
            -200, -200, 200, 200
        )
    )


@pytest.mark.parametrize(
    ("key", "modifiers", "expected"),
    [
        (QtCore.Qt.Key_Right, QtCore.Qt.NoModifier, (Move.NEXT_CHAR, False)),
        (QtCore.Qt.Key_Left, SHIFT, (Move.PREVIOUS_CHAR, True)),
        (QtCore.Qt.Key_Down, SHIFT, (Move.NEXT_LINE, True)),
        (QtCore.Qt.Key_PageDown, QtCore.Qt.NoModifier, (Move.NEXT_PAGE, False)),
        (QtCore.Qt.Key_A, QtCore.Qt.NoModifier, None),
    ],
)
def test_the_platforms_caret_keys_are_the_moves(key, modifiers, expected):
    event = QtGui.QKeyEvent(QtCore.QEvent.KeyPress, key, modifiers)
    assert key_move(event) == expected


def test_down_on_the_last_line_shown_scrolls_the_page_with_the_caret(qtbot, window):
    view = window.reading_view
    view.scroll_to_offset(0)
    bottom = view.cursorForPosition(
        QtCore.QPoint(view.viewport().width() // 2, view.viewport().height() - 3 * view.em())
    )
    view.setTextCursor(bottom)
    view.setFocus()
    bar = view.verticalScrollBar()
    before = bar.value()

    for _ in range(4):
        qtbot.keyClick(view, QtCore.Qt.Key_Down)

    assert bar.value() > before
    assert view.viewport().rect().contains(view.cursorRect())
