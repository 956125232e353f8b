"""The pinyin view as a widget: switched from the View menu, hovered, clicked, selected and
copied, walked with the keyboard, highlighted and annotated, zoomed and scrolled."""

from __future__ import annotations

import pytest

from reader.document import build_document
from reader.language.corrections import Corrections
from reader.language.tools import LanguageTools
from reader.ui.lookup import controller as lookup_controller
from reader.ui.pinyin.settings import PinyinChoice, PinyinMode, PinyinSettings
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.readings_worker import ReadingsWorker
from reader.ui.tasks import TaskRunner
from reader.ui.views.highlight_colours import highlight_colour
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.pinyin_view import PinyinView
from reader.ui.views.reading_view import ReadingView
from tests.ui.lookup_helpers import READY_MS
from tests.ui.views.pinyin_helpers import (
    PaintCounter,
    centre,
    find,
    pinyin_on,
    scroll_and_read,
    select_with_mouse,
    shown_alone,
    wait_readings,
)

# Qt raises a tool-tip window as it shows it; the offscreen platform cannot and says so.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


def test_the_view_menu_switches_pinyin_on_and_off_keeping_the_top_line(qtbot, window):
    stack = window.pinyin.stack
    assert stack.currentWidget() is window.reading_view
    assert window.pinyin.menu.title() == "&Pinyin"
    assert window.pinyin.menu.menuAction() in window.view_menu.actions()
    section = list(window.reader_document.sections())[4]
    window.go_to_section(section)
    assert window.reading_view.top_offset() == section.start

    window.pinyin.all_action.trigger()
    assert stack.currentWidget() is window.pinyin.view
    assert window.pinyin.view.isVisible() and not window.reading_view.isVisible()
    assert window.pinyin.view.top_offset() == section.start
    assert PinyinSettings().load().mode is PinyinMode.ALL

    window.pinyin.off_action.trigger()
    assert stack.currentWidget() is window.reading_view
    assert window.reading_view.isVisible() and not window.pinyin.view.isVisible()
    assert window.reading_view.top_offset() == section.start
    assert PinyinSettings().load().mode is PinyinMode.OFF


def test_a_reader_of_pinyin_starts_in_the_pinyin_view(qtbot, make_window, seed_path, monkeypatch):
    """The first page painted is the pinyin view's, and lookups start from its paint (not
    from the fallback timer for a window that is never painted)."""
    monkeypatch.setattr(lookup_controller, "START_ANYWAY_MS", 600_000)
    PinyinSettings().save(PinyinChoice(PinyinMode.ALL))
    window = make_window(show=False)
    reading_paints = PaintCounter(window.reading_view.viewport())
    pinyin_paints = PaintCounter(window.pinyin.view.viewport())
    assert window.shown_view() is window.pinyin.view
    assert window.open_path(seed_path)
    window.show()
    qtbot.waitUntil(lambda: pinyin_paints.count > 0)
    qtbot.waitUntil(lambda: window.word_lookup.is_ready, timeout=READY_MS)
    wait_readings(qtbot, window.pinyin.view)
    assert reading_paints.count == 0


def test_the_choice_is_remembered_by_the_next_window(qtbot, make_window, window):
    window.pinyin.level_actions[3].trigger()
    window.pinyin.size_actions[RubySize.LARGE].trigger()
    assert window.pinyin.view.ruby_size is RubySize.LARGE
    window.close()
    again = make_window(show=False)
    choice = again.pinyin.choice
    assert (choice.mode, choice.level, choice.size) == (PinyinMode.ABOVE_LEVEL, 3, RubySize.LARGE)
    assert again.pinyin.level_actions[3].isChecked()
    assert again.pinyin.size_actions[RubySize.LARGE].isChecked()
    assert again.pinyin.view.ruby_size is RubySize.LARGE
    assert again.pinyin.stack.currentWidget() is again.pinyin.view


def test_the_section_tree_drives_the_pinyin_view_and_follows_it(qtbot, window):
    view = pinyin_on(qtbot, window)
    section = list(window.reader_document.sections())[6]
    window.go_to_section(section)
    assert view.top_offset() == section.start
    view.scroll_to_offset(0)
    assert window.section_label.text() == window.reader_document.title


def test_hovering_a_character_shows_the_pop_up_for_its_word(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u53d1\u5c55\u7406\u5ff5") + 3  # 发展理念, on 念
    scroll_and_read(qtbot, view, offset)
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), centre(view, offset))
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    current = window.word_lookup.current
    assert current is not None and current.start <= offset < current.end
    word = window.reader_document.text[current.start : current.end]
    assert popup.word_label.text() == word
    rect = view.range_rect(current.start, current.end)
    on_screen = QtCore.QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())
    assert not popup.geometry().intersects(on_screen)

    qtbot.mouseMove(view.viewport(), QtCore.QPoint(2, 2))  # the margin: no word
    qtbot.waitUntil(lambda: not popup.isVisible())


def test_selecting_with_the_mouse_copies_plain_characters(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    start = find(window, "\u53d1\u5c55\u7406\u5ff5")
    select_with_mouse(qtbot, view, start, start + 4)
    QtWidgets.QApplication.clipboard().clear()
    qtbot.keyClick(view, QtCore.Qt.Key_C, QtCore.Qt.ControlModifier)
    assert QtWidgets.QApplication.clipboard().text() == text[start : start + 4]

    qtbot.keyClick(view, QtCore.Qt.Key_A, QtCore.Qt.ControlModifier)
    qtbot.keyClick(view, QtCore.Qt.Key_C, QtCore.Qt.ControlModifier)
    assert QtWidgets.QApplication.clipboard().text() == text


def test_ctrl_click_pins_the_pop_up_and_escape_lets_it_go(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u53d1\u5c55\u7406\u5ff5")
    scroll_and_read(qtbot, view, offset)
    qtbot.mouseMove(view.viewport(), centre(view, offset))
    qtbot.mouseClick(
        view.viewport(), QtCore.Qt.LeftButton, QtCore.Qt.ControlModifier, centre(view, offset)
    )
    popup = window.word_lookup.popup
    assert popup.isVisible() and popup.pinned
    assert view.selected_range() is None
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(2, 2))
    assert popup.isVisible()
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert not popup.isVisible()
    assert window.word_lookup.current is None


def test_the_keyboard_looks_up_and_walks_the_words_in_the_pinyin_view(qtbot, window):
    view = pinyin_on(qtbot, window)
    popup = window.word_lookup.popup
    start = find(window, "\u9c81\u709c\u53d1\u73b0")  # 鲁炜发现
    scroll_and_read(qtbot, view, start)
    qtbot.mouseClick(
        view.viewport(),
        QtCore.Qt.LeftButton,
        pos=view.character_rect(start).topLeft().toPoint() + QtCore.QPoint(1, 2),
    )
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert view.caret_offset() == start and not popup.isVisible()

    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier)
    assert popup.isVisible() and popup.word_label.text() == "\u9c81\u709c"
    qtbot.keyClick(view, QtCore.Qt.Key_Right, QtCore.Qt.AltModifier)
    assert popup.word_label.text() == "\u53d1\u73b0"  # 发现
    assert view.caret_offset() == start + 2
    qtbot.keyClick(view, QtCore.Qt.Key_Left, QtCore.Qt.AltModifier)
    assert popup.word_label.text() == "\u9c81\u709c"
    assert window.word_lookup.current.start == start
    assert window.reading_view.extraSelections() == []  # the hidden reading view: no mark


def test_the_next_word_in_the_pinyin_view_scrolls_into_view(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    view.scroll_to_offset(0)
    below = next(
        offset
        for offset in range(len(text))
        if text[offset] == "\u7f51" and view.character_rect(offset).top() > view.height()
    )  # 网, below the window
    view.place_caret(below - 1)
    assert view.character_rect(below).bottom() <= view.viewport().height()
    found = window.word_lookup.next_word()
    assert found is not None and found.start >= below - 1
    assert window.word_lookup.popup.isVisible()
    assert view.viewport().rect().contains(view.range_rect(found.start, found.end))


def highlight_with_the_mouse_and_keys(qtbot, window, view: PinyinView, key) -> int:
    """Select 发展理念 with the mouse, press Ctrl+`key`; where the highlight starts."""
    start = find(window, "\u53d1\u5c55\u7406\u5ff5")
    select_with_mouse(qtbot, view, start, start + 4)
    qtbot.keyClick(view, key, QtCore.Qt.ControlModifier)
    qtbot.waitUntil(lambda: len(window.annotations.annotations()) == 1)
    return start


def test_a_selection_in_the_pinyin_view_is_highlighted_from_the_keyboard(qtbot, window):
    view = pinyin_on(qtbot, window)
    start = highlight_with_the_mouse_and_keys(qtbot, window, view, QtCore.Qt.Key_2)
    (annotation,) = window.annotations.annotations()
    assert (annotation.start, annotation.end, annotation.colour) == (start, start + 4, "red")
    assert view.selected_range() is None and view.caret_offset() == start
    assert window.pinyin.showing_pinyin
    image = view.viewport().grab().toImage()
    rect = view.character_rect(start + 1)
    painted = image.pixelColor(int(rect.left()) + 1, int(rect.top()) + 1).name()
    assert painted == highlight_colour("red").name()


def test_a_note_is_written_over_the_pinyin_view(qtbot, window):
    view = pinyin_on(qtbot, window)
    start = find(window, "\u53d1\u5c55\u7406\u5ff5")
    select_with_mouse(qtbot, view, start, start + 4)
    qtbot.keyClick(view, QtCore.Qt.Key_N, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier)
    editor = window.annotations.editor
    assert editor.isVisible() and editor.parentWidget() is view
    assert view.rect().contains(editor.geometry())
    anchor = view.range_rect(start, start + 4)
    assert editor.geometry().top() >= anchor.bottom() or editor.geometry().bottom() <= anchor.top()
    qtbot.keyClicks(editor.note_edit, "a key idea")
    qtbot.keyClick(editor.note_edit, QtCore.Qt.Key_Return, QtCore.Qt.ControlModifier)
    qtbot.waitUntil(lambda: len(window.annotations.annotations()) == 1)
    assert window.annotations.annotations()[0].note == "a key idea"
    assert not editor.isVisible()


def test_a_note_being_written_follows_a_switch_of_view(qtbot, window):
    view = pinyin_on(qtbot, window)
    start = find(window, "\u53d1\u5c55\u7406\u5ff5")
    select_with_mouse(qtbot, view, start, start + 4)
    window.annotations.note_action.trigger()
    editor = window.annotations.editor
    qtbot.keyClicks(editor.note_edit, "half written")
    window.pinyin.off_action.trigger()
    assert editor.isVisible() and editor.parentWidget() is window.reading_view
    qtbot.keyClicks(editor.note_edit, ", then finished")
    window.close()
    stored = window.annotations.annotations()
    assert [(a.quote, a.note) for a in stored] == [
        ("\u53d1\u5c55\u7406\u5ff5", "half written, then finished")
    ]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_pinyin_views_context_menu_highlights_and_corrects_words(qtbot, window):
    view = pinyin_on(qtbot, window)
    start = find(window, "\u53d1\u5c55\u7406\u5ff5")
    select_with_mouse(qtbot, view, start, start + 4)
    menu = right_click(view, centre(view, start + 1))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Copy", "Select &All"]
    assert "Add or Edit &Note\u2026" in texts
    next(a for a in menu.actions() if a.text().startswith("&3")).trigger()
    menu.close()
    assert [a.colour for a in window.annotations.annotations()] == ["green"]

    word = find(window, "\u9c81\u709c\u53d1\u73b0")
    view.scroll_to_offset(word)
    menu = right_click(view, centre(view, word + 1))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "&Split Word Here: \u9c81 | \u709c" in texts
    menu.close()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_a_click_on_a_highlight_in_the_pinyin_view_opens_its_menu(qtbot, window):
    view = pinyin_on(qtbot, window)
    start = highlight_with_the_mouse_and_keys(qtbot, window, view, QtCore.Qt.Key_1)
    qtbot.mouseMove(view.viewport(), centre(view, start + 1))
    qtbot.mouseClick(view.viewport(), QtCore.Qt.LeftButton, pos=centre(view, start + 1))
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is not None)
    menu = QtWidgets.QApplication.activePopupWidget()
    assert "&Delete Highlight" in [a.text() for a in menu.actions()]
    assert not window.word_lookup.popup.pinned
    menu.close()


def right_click(view: PinyinView, point: QtCore.QPoint) -> QtWidgets.QMenu:
    event = QtGui.QContextMenuEvent(
        QtGui.QContextMenuEvent.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QtCore.QCoreApplication.sendEvent(view.viewport(), event)
    menu = QtWidgets.QApplication.activePopupWidget()
    assert isinstance(menu, QtWidgets.QMenu)
    return menu


def test_zoom_reaches_the_pinyin_view_and_keeps_its_top_line(qtbot, window):
    view = pinyin_on(qtbot, window)
    section = list(window.reader_document.sections())[3]
    window.go_to_section(section)
    em = view.em()
    window.zoom_in_action.trigger()
    assert view.em() > em
    assert view.top_offset() == section.start
    event = QtGui.QWheelEvent(
        QtCore.QPointF(50, 50),
        view.viewport().mapToGlobal(QtCore.QPointF(50, 50)),
        QtCore.QPoint(),
        QtCore.QPoint(0, -120),
        QtCore.Qt.NoButton,
        QtCore.Qt.ControlModifier,
        QtCore.Qt.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(view.viewport(), event)
    assert window.reading_view.zoom() == 0
    assert view.em() == em


def test_corrected_words_are_read_again(qtbot, window):
    view = pinyin_on(qtbot, window)
    index = view.visible_blocks()[0]
    block = window.reader_document.blocks[index]
    stale = window.current_session.words_corrected(
        [window.reader_document.text[block.start : block.start + 2]]
    )
    assert index in stale and not view.has_readings(index)
    wait_readings(qtbot, view)
    assert view.has_readings(index)


def test_offsets_are_code_points_past_the_basic_plane(qtbot):
    text = "\u6807\u9898\n\n\U00020000\u5b57\u4e2d\u6587\u3002"  # 标题 / 𠀀字中文。
    document = build_document(text)
    view, runner = shown_alone(qtbot, document, 600, 400)
    assert view.text_between(0, len(document.text)) == document.text
    astral = document.text.index("\U00020000")
    for offset in (astral, astral + 1):
        assert view.offset_at(view.character_rect(offset).center().toPoint()) == offset
    view.select(astral, astral + 2)
    view.copy()
    assert QtWidgets.QApplication.clipboard().text() == "\U00020000\u5b57"
    runner.wait()


def test_the_place_read_in_the_pinyin_view_is_where_the_document_reopens(
    qtbot, make_window, window, seed_path
):
    view = pinyin_on(qtbot, window)
    section = list(window.reader_document.sections())[5]
    window.go_to_section(section)
    assert view.top_offset() == section.start
    window.close()
    again = make_window(seed_path)
    qtbot.waitUntil(lambda: again.pinyin.view.top_offset() == section.start)
    again.pinyin.off_action.trigger()
    assert again.reading_view.top_offset() == section.start


def test_the_offset_scrolled_to_is_the_top_offset_until_the_page_moves(qtbot, window):
    view = pinyin_on(qtbot, window)
    inside = find(window, "网络空间是亿万民众共同的精神家园")  # inside the first line
    view.scroll_to_offset(inside)
    assert view.top_offset() == inside
    window.pinyin.off_action.trigger()
    window.pinyin.all_action.trigger()
    assert view.top_offset() == inside
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 10)
    assert view.top_offset() < inside  # now the start of the line at the top


def test_the_keyboard_scrolls_the_pinyin_view(qtbot, window):
    view = pinyin_on(qtbot, window)
    bar = view.verticalScrollBar()
    qtbot.keyClick(view, QtCore.Qt.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(view, QtCore.Qt.Key_End, QtCore.Qt.ControlModifier)
    assert bar.value() == bar.maximum()
    assert view.visible_blocks()[-1] == len(window.reader_document.blocks) - 1
    qtbot.keyClick(view, QtCore.Qt.Key_Home, QtCore.Qt.ControlModifier)
    assert bar.value() == 0 and view.top_offset() == 0


def test_a_word_whose_pop_up_was_closed_shows_it_again_on_the_next_hover(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u53d1\u5c55\u7406\u5ff5")
    view.scroll_to_offset(offset)
    popup = window.word_lookup.popup
    qtbot.mouseMove(view.viewport(), centre(view, offset))
    qtbot.waitUntil(popup.isVisible)
    popup.close_button.click()
    assert not popup.isVisible()
    qtbot.mouseMove(view.viewport(), centre(view, offset + 1))
    qtbot.waitUntil(popup.isVisible)


def test_a_view_whose_readings_cannot_be_made_shows_the_characters_and_stops_asking(
    qtbot, tmp_path
):
    document = build_document("\u6807\u9898\n\n\u6211\u4eec\u5728\u53d1\u8a00\u3002")
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("", encoding="utf-8")
    tools = LanguageTools(not_a_folder)  # jieba cannot keep its dictionary there
    view = PinyinView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    worker = ReadingsWorker(
        document,
        TaskRunner(view, synchronous=True),
        tools,
        lambda: None,
        Corrections(),
        lambda: False,
    )
    failures = []
    worker.failed.connect(failures.append)
    worker.failed.connect(view.readings_failed)
    view.set_reader_document(document)
    view.set_readings_source(worker)
    view.show()
    qtbot.waitExposed(view)
    assert view.failure and failures == [view.failure]
    assert not view.has_readings(1) and view.ruby_at(document.blocks[1].start) is None
    view.scroll_to_offset(document.blocks[1].start)
    view.repaint()
    assert len(failures) == 1
    assert view.text_between(0, len(document.text)) == document.text
    tools.close()


@pytest.mark.parametrize("char", ["\u4e2d", "a", "["])
def test_a_one_line_file_of_a_million_characters_is_shown_where_it_is_read(qtbot, char):
    """Laid out a piece at a time: the screen, not the block; a hover and a scroll answer."""
    document = build_document(char * 1_000_000)
    view = PinyinView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.set_reader_document(document)
    view.show()
    qtbot.waitExposed(view)
    assert 0 < view.laid_out_count <= 2
    start, end = view.visible_range()
    assert start == 0 and 0 < end - start < 20_000
    offset = view.offset_at(view.viewport().rect().center())
    assert offset is not None and 0 < offset < 5_000
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    assert 300_000 < view.top_offset() < 700_000
    assert view.laid_out_count <= 6
    assert view.text_between(view.top_offset(), view.top_offset() + 50) == char * 50


def test_the_plain_page_behind_the_pinyin_view_is_laid_out_at_the_width_it_will_have(
    qtbot, make_window, tmp_path, monkeypatch
):
    """A reader of pinyin opens a one-line file: the hidden reading view lays the page out
    at the stack's width, not at the size it had before (86 pixels, minutes of layout)."""
    path = tmp_path / "line.txt"
    path.write_text("[" * 200_000, encoding="utf-8")
    PinyinSettings().save(PinyinChoice(PinyinMode.ALL))
    window = make_window(show=False)
    assert window.open_path(path)
    window.show()
    qtbot.waitExposed(window)
    reading = window.reading_view
    assert window.shown_view() is window.pinyin.view
    assert reading.lineWrapColumnOrWidth() > 300
    widths = []
    monkeypatch.setattr(ReadingView, "setLineWrapColumnOrWidth", widths.append)
    window.pinyin.off_action.trigger()
    assert window.shown_view() is reading
    assert widths == []
    assert reading.viewport().width() == reading.lineWrapColumnOrWidth()
