"""Find as a reader uses it: Ctrl+F, a query typed, the count in the bar, the marks on the
page, Enter and F3 through the matches, Esc back to the text at the match; by characters
in either script and by pinyin in every way it is written, in both views."""

from __future__ import annotations

import pytest

from reader.store import HIGHLIGHT_RGB
from reader.ui.find.bar import FindMode
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.page_style import LIGHT
from tests.ui.find.conftest import open_bar, pixel_under, status, type_query, wait_searched
from tests.ui.message_boxes import message_boxes

FOUND_COLOUR, FOUND_CURRENT_COLOUR = LIGHT.found, LIGHT.found_current
MARK_COLOUR, SELECTION_COLOUR, PAPER = LIGHT.mark, LIGHT.selection, LIGHT.paper

NETWORK = "网络"
NETWORK_COUNT = 28
"""网络 (wǎngluò) in the seed, never another word read so."""


def starts(window, word: str) -> list[int]:
    text = window.reader_document.text
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


def test_characters_typed_are_found_counted_and_marked(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)

    find = window.find
    assert [start for start, _ in find.matches] == starts(window, NETWORK)
    assert len(find.matches) == NETWORK_COUNT
    assert status(window) == f"{find.current_index + 1} of {NETWORK_COUNT}"
    assert find.bar.mode_box.currentText() == "Auto: Characters"
    view = window.reading_view
    current = find.current_span[0]
    assert pixel_under(view, current) == FOUND_CURRENT_COLOUR
    other = next(s for s, _ in find.matches if s != current and view.visible_range()[1] > s)
    assert pixel_under(view, other) == FOUND_COLOUR
    marks = {FOUND_COLOUR, FOUND_CURRENT_COLOUR}
    assert not marks & {*HIGHLIGHT_RGB.values(), MARK_COLOUR, SELECTION_COLOUR, PAPER}


def test_a_traditional_query_finds_the_simplified_text(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, "網絡")

    assert [start for start, _ in window.find.matches] == starts(window, NETWORK)


def test_enter_and_f3_go_forward_shift_back_and_the_ends_wrap(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)
    find, edit = window.find, window.find.bar.edit
    first = find.current_index

    qtbot.keyClick(edit, QtCore.Qt.Key_Return)
    assert find.current_index == first + 1
    qtbot.keyClick(edit, QtCore.Qt.Key_F3)
    assert find.current_index == first + 2
    qtbot.keyClick(edit, QtCore.Qt.Key_Return, QtCore.Qt.ShiftModifier)
    qtbot.keyClick(edit, QtCore.Qt.Key_F3, QtCore.Qt.ShiftModifier)
    assert find.current_index == first
    assert status(window) == f"{first + 1} of {NETWORK_COUNT}"

    while find.current_index != NETWORK_COUNT - 1:
        qtbot.keyClick(edit, QtCore.Qt.Key_Return)
    qtbot.keyClick(edit, QtCore.Qt.Key_Return)
    assert find.current_index == 0
    assert status(window) == f"1 of {NETWORK_COUNT} — continued from the top"
    qtbot.keyClick(edit, QtCore.Qt.Key_Return, QtCore.Qt.ShiftModifier)
    assert find.current_index == NETWORK_COUNT - 1
    assert status(window).endswith("continued from the end")


def test_the_current_match_is_scrolled_into_view_with_lines_above_it(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)
    find = window.find
    for _ in range(NETWORK_COUNT - 3):
        find.find_next()
    view = window.reading_view
    start, end = find.current_span
    top, bottom = view.visible_range()
    assert top < start and end <= bottom
    rect = view.range_rect(start, end)
    assert rect.top() > 2 * rect.height()
    assert pixel_under(view, start) == FOUND_CURRENT_COLOUR


def test_esc_closes_the_bar_takes_the_marks_off_and_leaves_the_caret_at_the_match(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)
    find = window.find
    find.find_next()
    start, _ = find.current_span

    qtbot.keyClick(find.bar.edit, QtCore.Qt.Key_Escape)

    assert not find.is_open
    view = window.reading_view
    assert view.caret_offset() == start
    assert view.hasFocus()
    assert view.extraSelections() == []
    assert pixel_under(view, start) != FOUND_CURRENT_COLOUR


def test_nothing_found_is_said_and_the_field_turns_red(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, "网络安全和平")

    assert window.find.matches == []
    assert status(window) == "No matches"
    assert window.find.bar.no_match_shown()
    qtbot.keyClick(window.find.bar.edit, QtCore.Qt.Key_Backspace)
    wait_searched(qtbot, window)
    assert not window.find.bar.no_match_shown()


@pytest.mark.parametrize(
    ("query", "word", "count"),
    [
        ("wangluo", NETWORK, NETWORK_COUNT),
        ("wang luo", NETWORK, NETWORK_COUNT),
        ("wang3luo4", NETWORK, NETWORK_COUNT),
        ("xijinping", "习近平", 28),
        ("lvse", "绿色", 1),
        ("lv4se4", "绿色", 1),
    ],
)
def test_pinyin_typed_finds_the_words_read_so(qtbot, window, query, word, count):
    open_bar(qtbot, window)
    type_query(qtbot, window, query)

    find = window.find
    assert find.bar.mode_box.currentText() == "Auto: Pinyin"
    assert [start for start, _ in find.matches] == starts(window, word)
    assert len(find.matches) == count
    assert pixel_under(window.reading_view, find.current_span[0]) == FOUND_CURRENT_COLOUR
    # The first pinyin query sets the whole document reading ahead, for the next ones.
    assert window.session.pinyin_preparation.done


@pytest.mark.parametrize(("query", "word"), [("wǎngluò", NETWORK), ("lüse", "绿色")])
def test_pinyin_with_tone_marks_and_u_umlaut_is_found(qtbot, window, query, word):
    open_bar(qtbot, window)
    type_query(qtbot, window, query)

    assert [start for start, _ in window.find.matches] == starts(window, word)


def test_pinyin_respects_syllable_boundaries(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, "xian")

    text = window.reader_document.text
    assert window.find.matches
    assert all(end - start == 1 for start, end in window.find.matches)
    assert all(text[start] != "息" for start, _ in window.find.matches)


def test_latin_words_that_are_not_pinyin_are_found_as_written_in_auto(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, "facebook")

    find = window.find
    assert find.bar.mode_box.currentText() == "Auto: Characters"
    assert [start for start, _ in find.matches] == starts(window, "Facebook")
    assert status(window) == "1 of 2"
    assert not window.session.pinyin_preparation.started


def test_a_syllable_still_being_typed_is_waited_for_not_called_wrong(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, "wangl")

    assert window.find.matches == []
    assert "Go on typing" in status(window)
    assert not window.find.bar.no_match_shown()
    type_query(qtbot, window, "uo")
    assert len(window.find.matches) == NETWORK_COUNT


def test_a_query_that_is_not_pinyin_says_why_in_the_bar(qtbot, window):
    open_bar(qtbot, window)
    window.find.bar.set_mode(FindMode.PINYIN)
    type_query(qtbot, window, "iPhone")
    assert not window.session.pinyin_preparation.started

    assert window.find.matches == []
    assert status(window) and status(window) != "No matches"
    assert window.find.bar.no_match_shown()
    assert message_boxes() == []


def test_characters_mode_finds_latin_letters_as_they_are(qtbot, window):
    open_bar(qtbot, window)
    window.find.bar.mode_box.setCurrentIndex(1)
    type_query(qtbot, window, "Facebook")

    assert window.find.bar.mode_box.currentText() == "Characters"
    assert [start for start, _ in window.find.matches] == starts(window, "Facebook")


def test_the_pinyin_view_marks_the_same_matches_and_switching_keeps_them(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, "wangluo")
    find = window.find
    find.find_next()
    find.find_next()
    current = find.current_index

    window.pinyin.all_action.trigger()
    view = window.pinyin.view
    qtbot.waitUntil(lambda: window.shown_view() is view)

    assert find.is_open and find.current_index == current
    start, _ = find.current_span
    qtbot.waitUntil(lambda: pixel_under(view, start) == FOUND_CURRENT_COLOUR)
    top, bottom = view.visible_range()
    other = next(s for s, _ in find.matches if s != start and top <= s < bottom)
    assert pixel_under(view, other) == FOUND_COLOUR
    assert window.reading_view.extraSelections() == []

    qtbot.keyClick(find.bar.edit, QtCore.Qt.Key_Return)
    assert find.current_index == current + 1
    next_start = find.current_span[0]
    qtbot.keyClick(find.bar.edit, QtCore.Qt.Key_Escape)
    assert view.caret_offset() == next_start
    assert pixel_under(view, next_start) != FOUND_CURRENT_COLOUR

    window.pinyin.off_action.trigger()
    open_bar(qtbot, window)
    wait_searched(qtbot, window)
    assert find.matches and pixel_under(window.reading_view, find.current_span[0]) == (
        FOUND_CURRENT_COLOUR
    )


def test_a_short_selection_is_the_query_when_the_bar_opens(qtbot, window):
    start = starts(window, "习近平")[3]
    window.reading_view.place_caret(start)
    cursor = window.reading_view.textCursor()
    cursor.setPosition(window.reading_view.offsets.to_qt(start + 3), QtGui.QTextCursor.KeepAnchor)
    window.reading_view.setTextCursor(cursor)

    open_bar(qtbot, window)
    wait_searched(qtbot, window)

    assert window.find.bar.query() == "习近平"
    assert window.find.current_span == (start, start + 3)


def test_find_is_a_jump_for_back_and_forward(qtbot, window):
    top = window.reading_view.top_offset()
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)
    jumps: list[tuple[int, int]] = []
    window.find.jumped.connect(lambda before, after: jumps.append((before, after)))

    for _ in range(NETWORK_COUNT - 3):
        window.find.find_next()

    assert jumps == [(top, jumps[0][1])]
    assert jumps[0][1] in starts(window, NETWORK)


def test_another_document_is_searched_for_the_same_query(qtbot, window, tmp_path):
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)
    other = tmp_path / "other.txt"
    other.write_text("标题\n\n网络很大。网络很快。\n", encoding="utf-8")

    assert window.open_path(other)
    wait_searched(qtbot, window)

    assert [start for start, _ in window.find.matches] == starts(window, NETWORK)
    assert len(window.find.matches) == 2
    assert status(window) == "1 of 2"


def test_f3_with_the_bar_closed_opens_it_on_the_next_match(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)
    find = window.find
    find.find_next()
    left = find.current_index
    qtbot.keyClick(find.bar.edit, QtCore.Qt.Key_Escape)
    assert not find.is_open

    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_F3)

    assert find.is_open
    assert find.current_index == left + 1
    qtbot.keyClick(find.bar.edit, QtCore.Qt.Key_Escape)
    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_F3, QtCore.Qt.ShiftModifier)
    assert find.current_index == left


def test_esc_in_the_page_closes_the_bar_too(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, NETWORK)
    window.reading_view.setFocus()

    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_Escape)

    assert not window.find.is_open
    assert window.reading_view.caret_offset() == window.find.current_span[0]
