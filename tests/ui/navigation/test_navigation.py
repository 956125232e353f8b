"""The Go menu in the window: Back and Forward after a jump from the tree, the section keys
in both views, Go To, and the percentage and chapter in the status bar."""

from __future__ import annotations

import pytest

from reader.ui.pinyin.settings import PinyinChoice, PinyinMode, PinyinSettings
from reader.ui.qt import QtCore, QtWidgets
from tests.ui.annotations.window_helpers import middle, press, select_with_mouse, span
from tests.ui.find.conftest import type_query
from tests.ui.lookup_helpers import wait_ready
from tests.ui.mouse import double_click
from tests.ui.navigation.conftest import CHAPTERS
from tests.ui.typing import commit as type_in

CTRL = QtCore.Qt.ControlModifier


def settle(qtbot) -> None:
    """A turn of the event loop: the reader's place settles after a scroll."""
    qtbot.wait(10)


def chapter(window, number: int):
    return window.reader_document.root.children[number - 1]


def click_in_tree(qtbot, window, section) -> None:
    tree = window.section_tree
    index = tree.section_model().index_of(section)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), QtCore.Qt.LeftButton, pos=tree.visualRect(index).center())


def test_back_after_a_tree_jump_returns_to_the_old_top_line_and_forward_undoes_it(
    qtbot, make_window, book
):
    window = make_window(book, active=True)
    view = window.reading_view
    navigation = window.navigation
    assert not navigation.back_action.isEnabled()
    start = chapter(window, 3).start + 40
    view.scroll_to_offset(start)
    settle(qtbot)
    old_top = view.top_offset()

    click_in_tree(qtbot, window, chapter(window, 12))
    assert view.top_offset() == chapter(window, 12).start
    assert navigation.back_action.isEnabled()

    qtbot.keyClick(view, QtCore.Qt.Key_BracketLeft, CTRL)
    assert view.top_offset() == old_top
    assert navigation.forward_action.isEnabled()
    qtbot.keyClick(view, QtCore.Qt.Key_BracketRight, CTRL)
    assert view.top_offset() == chapter(window, 12).start
    assert not navigation.forward_action.isEnabled()


def test_a_walk_through_the_tree_with_the_arrow_keys_is_one_jump(qtbot, make_window, book):
    window = make_window(book, active=True)
    view = window.reading_view
    view.scroll_to_offset(chapter(window, 3).start + 40)
    settle(qtbot)
    old_top = view.top_offset()
    click_in_tree(qtbot, window, chapter(window, 5))
    for _ in range(3):
        qtbot.keyClick(window.section_tree, QtCore.Qt.Key_Down)
        settle(qtbot)
    assert view.top_offset() == chapter(window, 8).start
    window.navigation.back_action.trigger()
    assert view.top_offset() == old_top
    assert not window.navigation.back_action.isEnabled()
    window.navigation.forward_action.trigger()
    assert view.top_offset() == chapter(window, 8).start


@pytest.mark.parametrize("pinyin", [False, True], ids=["plain view", "pinyin view"])
def test_the_mouse_s_back_and_forward_buttons_go_back_and_forward(qtbot, make_window, book, pinyin):
    if pinyin:
        PinyinSettings().save(PinyinChoice(PinyinMode.ALL))
    window = make_window(book)
    view = window.shown_view()
    settle(qtbot)
    window.navigation.jumps.go_to(chapter(window, 5).start)
    qtbot.mouseClick(view.viewport(), QtCore.Qt.BackButton, pos=QtCore.QPoint(50, 50))
    assert view.top_offset() == 0
    qtbot.mouseClick(view.viewport(), QtCore.Qt.ForwardButton, pos=QtCore.QPoint(50, 50))
    assert view.top_offset() == chapter(window, 5).start


def test_a_double_click_in_the_annotations_panel_is_a_jump_back_can_undo(qtbot, make_window, book):
    window = make_window(book, active=True)
    view = window.reading_view
    view.scroll_to_offset(chapter(window, 20).start)
    start, end = span(window, "这是第20回的第3段")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_2)
    [highlight] = window.annotations.annotations()
    view.scroll_to_offset(chapter(window, 2).start + 20)
    settle(qtbot)
    old_top = view.top_offset()
    panel = window.annotations.panel
    rect = panel.view.visualRect(panel.model.index_of(highlight.id))
    double_click(qtbot, panel.view.viewport(), rect.center())
    assert view.viewport().rect().contains(middle(window, start))
    window.navigation.back_action.trigger()
    assert view.top_offset() == old_top


@pytest.mark.parametrize("pinyin", [False, True], ids=["plain view", "pinyin view"])
def test_the_section_keys_put_the_next_heading_at_the_top(qtbot, make_window, book, pinyin):
    if pinyin:
        PinyinSettings().save(PinyinChoice(PinyinMode.ALL))
    window = make_window(book, active=True)
    view = window.shown_view()
    assert (view is window.pinyin.view) == pinyin
    view.setFocus()
    for number in (1, 2, 3):
        qtbot.keyClick(view, QtCore.Qt.Key_PageDown, CTRL)
        assert view.top_offset() == chapter(window, number).start
    view.scroll_to_offset(chapter(window, 3).start + 50)  # inside the third
    qtbot.keyClick(view, QtCore.Qt.Key_PageUp, CTRL)
    assert view.top_offset() == chapter(window, 3).start
    qtbot.keyClick(view, QtCore.Qt.Key_PageUp, CTRL)
    assert view.top_offset() == chapter(window, 2).start
    assert window.section_label.text() == f"{chapter(window, 2).heading} · 2 / {CHAPTERS}"
    # Each was a jump: Back goes to the place before the last.
    qtbot.keyClick(view, QtCore.Qt.Key_BracketLeft, CTRL)
    assert view.top_offset() == chapter(window, 3).start


def go_to(qtbot, window, text: str):
    box = window.navigation.open_go_to()
    qtbot.waitExposed(box)
    type_in(box.field, text)
    qtbot.keyClick(box.field, QtCore.Qt.Key_Return)
    return box


@pytest.mark.parametrize(
    ("typed", "number"), [("12", 12), ("第二十一回", 21), ("宝玉", 7), ("50%", None)]
)
def test_go_to_a_number_a_title_or_a_percentage(qtbot, make_window, book, typed, number):
    window = make_window(book)
    view = window.reading_view
    box = go_to(qtbot, window, typed)
    assert not box.isVisible()
    if number is None:
        text = window.reader_document.text
        assert view.top_offset() == len(text) // 2
        assert window.navigation.progress.label.text() == "50%"
    else:
        assert view.top_offset() == chapter(window, number).start
    window.navigation.back_action.trigger()
    assert view.top_offset() == 0


@pytest.mark.parametrize(
    ("typed", "says"), [("99", "no chapter 99"), ("200%", "past the end"), ("林冲", "林冲")]
)
def test_go_to_with_bad_words_says_why_in_the_box(qtbot, make_window, book, typed, says):
    window = make_window(book)
    box = go_to(qtbot, window, typed)
    assert box.isVisible()
    assert box.message.isVisible() and says in box.message.text()
    assert box.message.textFormat() == QtCore.Qt.PlainText
    assert window.reading_view.top_offset() == 0
    box.reject()


def test_go_to_offers_the_headings_as_the_reader_types(qtbot, make_window, book):
    window = make_window(book)
    box = window.navigation.open_go_to()
    type_in(box.field, "宝玉")
    completer = box.field.completer()
    found = [
        completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())
    ]
    assert found == ["第七回 宝玉读书第7", "第二十一回 宝玉读书第21"]
    box.reject()


def test_the_status_bar_shows_the_chapter_and_the_percentage_on_hongloumeng(
    qtbot, make_window, shared_data
):
    window = make_window(shared_data / "novels" / "hongloumeng.txt")
    document = window.reader_document
    tenth = document.root.children[9]
    assert (
        window.section_tree.section_model().data(
            window.section_tree.section_model().index_of(tenth)
        )
        == "第十回 金寡妇贪利权受辱 张太医论病细穷源"
    )
    window.reading_view.scroll_to_offset(tenth.start + 500)
    label = window.section_label.text()
    assert label == "第十回 金寡妇贪利权受辱 张太医论病细穷源 · 10 / 120"
    expected = round(window.reading_view.top_offset() * 100 / len(document.text))
    assert window.navigation.progress.label.text() == f"{expected}%"
    # Side by side, both shown, on one line of the status bar.
    progress = window.navigation.progress.label
    assert progress.isVisible() and window.section_label.isVisible()
    assert progress.geometry().left() >= window.section_label.geometry().right()
    assert window.encoding_label.geometry().left() > progress.geometry().right()
    window.reading_view.verticalScrollBar().setValue(
        window.reading_view.verticalScrollBar().maximum()
    )
    assert window.navigation.progress.label.text() == "100%"


def test_the_status_bar_on_the_seed(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    seed = window.reader_document
    assert window.section_label.text() == seed.title
    assert window.navigation.progress.label.text() == "0%"
    nested = next(s for s in seed.sections() if s.parent is not None and s.parent.parent)
    part = nested.parent
    window.section_tree.section_chosen.emit(nested)
    number = seed.root.children.index(part) + 1
    assert window.section_label.text() == (
        f"{nested.heading} · {number} / {len(seed.root.children)}"
    )
    assert window.count_label.isVisible() and window.encoding_label.isVisible()


def test_full_screen_hides_the_panels_and_esc_brings_back_those_shown(qtbot, make_window, book):
    window = make_window(book, active=True)
    sections = window.sections_dock
    annotations = window.annotations.dock
    toolbars = [t for t in window.findChildren(QtWidgets.QToolBar) if t.isVisible()]
    assert sections.isVisible() and not annotations.isVisible() and toolbars
    view = window.reading_view
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_F11)
    assert window.navigation.full_screen.on
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert not sections.isVisible() and not any(t.isVisible() for t in toolbars)
    # The column keeps its measure, centred.
    margins = view.viewportMargins()
    assert abs(margins.left() - margins.right()) <= 2
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert not window.navigation.full_screen.on
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert sections.isVisible() and not annotations.isVisible()
    assert all(t.isVisible() for t in toolbars)


def test_esc_goes_first_to_the_pop_up_and_a_dialog(qtbot, make_window, book):
    window = make_window(book, active=True)
    window.navigation.full_screen.action.trigger()
    box = window.navigation.open_go_to()
    qtbot.waitExposed(box)
    qtbot.keyClick(box.field, QtCore.Qt.Key_Escape)
    assert not box.isVisible() and window.navigation.full_screen.on
    window.navigation.full_screen.action.trigger()
    assert not window.navigation.full_screen.on


def test_esc_hides_the_pop_up_before_it_leaves_full_screen(qtbot, make_window, seed_path):
    window = make_window(seed_path, active=True)
    wait_ready(qtbot, window, segmented=False)
    full_screen = window.navigation.full_screen
    full_screen.action.trigger()
    view = window.reading_view
    view.place_caret(window.reader_document.text.index("鲁炜发现") + 2)
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_L, CTRL)
    popup = window.word_lookup.popup
    assert popup.isVisible()
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert not popup.isVisible() and full_screen.on
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert not full_screen.on


def test_a_window_closed_in_full_screen_starts_again_with_its_panels(qtbot, make_window, book):
    window = make_window(book)
    window.navigation.full_screen.action.trigger()
    assert not window.sections_dock.isVisible()
    window.close()
    again = make_window(book)
    assert again.sections_dock.isVisible() and not again.isFullScreen()
    assert not again.navigation.full_screen.on


def test_a_heading_chosen_from_the_completions_is_gone_to(qtbot, make_window, book):
    window = make_window(book)
    box = window.navigation.open_go_to()
    qtbot.waitExposed(box)
    type_in(box.field, "宝玉")
    popup = box.field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, QtCore.Qt.Key_Down)
    qtbot.keyClick(popup, QtCore.Qt.Key_Down)
    qtbot.keyClick(popup, QtCore.Qt.Key_Return)
    assert window.reading_view.top_offset() == chapter(window, 21).start
    assert not box.isVisible()


def test_a_first_highlight_in_full_screen_shows_its_panel_only_after(qtbot, make_window, book):
    window = make_window(book, active=True)
    annotations = window.annotations.dock
    assert not annotations.isVisible()
    window.navigation.full_screen.action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    select_with_mouse(qtbot, window, *span(window, "这是第1回的第3段"))
    press(qtbot, window, QtCore.Qt.Key_2)
    assert len(window.annotations.annotations()) == 1
    assert not annotations.isVisible() and not window.sections_dock.isVisible()
    window.navigation.full_screen.action.trigger()
    assert annotations.isVisible() and window.sections_dock.isVisible()


def test_a_find_that_moves_the_page_is_a_jump_back_returns(qtbot, make_window, book):
    window = make_window(book, active=True)
    view = window.reading_view
    view.scroll_to_offset(chapter(window, 3).start)
    settle(qtbot)
    old_top = view.top_offset()
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_F, CTRL)
    type_query(qtbot, window, "第二十回")
    assert window.find.current_span is not None
    far = chapter(window, 20).start
    assert view.visible_range()[0] <= far <= view.visible_range()[1]
    assert window.navigation.back_action.isEnabled()

    qtbot.keyClick(window.find.bar.edit, QtCore.Qt.Key_Escape)
    assert not window.find.is_open
    qtbot.keyClick(view, QtCore.Qt.Key_BracketLeft, CTRL)
    assert view.top_offset() == old_top


def test_esc_closes_the_find_bar_before_it_leaves_full_screen(qtbot, make_window, book):
    window = make_window(book, active=True)
    full_screen = window.navigation.full_screen
    full_screen.action.trigger()
    view = window.reading_view
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_F, CTRL)
    assert window.find.is_open
    qtbot.keyClick(window.find.bar.edit, QtCore.Qt.Key_Escape)
    assert not window.find.is_open and full_screen.on
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert not full_screen.on


def test_go_to_a_percentage_says_that_percentage_on_hongloumeng(qtbot, make_window, shared_data):
    window = make_window(shared_data / "novels" / "hongloumeng.txt")
    go_to(qtbot, window, "45%")
    # 45% of 841,552 characters is 378,698.4: the offset gone to is a hair short of 45%.
    assert window.reading_view.top_offset() == len(window.reader_document.text) * 45 // 100
    assert window.navigation.progress.label.text() == "45%"
