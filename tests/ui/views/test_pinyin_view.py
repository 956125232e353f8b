"""Pinyin above the characters: switched from the View menu, painted by its own view, with
lookup, selection and copying, the HSK filter, and a whole novel laid out only where seen."""

from __future__ import annotations

import pytest

from reader.document import build_document, open_document
from reader.language.pinyin import PinyinStyle
from reader.ui.lookup import controller as lookup_controller
from reader.ui.lookup.controller import shared_language_tools
from reader.ui.pinyin.settings import PinyinChoice, PinyinMode, PinyinSettings
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.pinyin_view import PinyinView
from reader.ui.views.reading_view import PAPER
from reader.ui.views.reading_view_highlights import highlight_colour
from reader.ui.views.tone_colours import ToneColours
from reader.ui.window.main_window import MainWindow
from tests.ui.lookup_helpers import READY_MS, open_ready_window

# Qt raises a tool-tip window as it shows it; the offscreen platform cannot and says so.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


def wait_readings(qtbot, view: PinyinView) -> None:
    qtbot.waitUntil(
        lambda: all(view.has_readings(i) for i in view.visible_blocks()), timeout=READY_MS
    )


@pytest.fixture
def window(qtbot, make_window, seed_path):
    return open_ready_window(qtbot, make_window, seed_path, segmented=False)


def scroll_and_read(qtbot, view: PinyinView, offset: int) -> None:
    """`offset`'s line at the top, the readings of what is in view arrived."""
    view.scroll_to_offset(offset)
    wait_readings(qtbot, view)


def pinyin_on(qtbot, window: MainWindow) -> PinyinView:
    window.pinyin.all_action.trigger()
    view = window.pinyin.view
    wait_readings(qtbot, view)
    return view


def find(window: MainWindow, word: str, start: int = 0) -> int:
    offset = window.reader_document.text.find(word, start)
    assert offset >= 0, word
    return offset


def centre(view: PinyinView, offset: int) -> QtCore.QPoint:
    return view.character_rect(offset).center().toPoint()


def test_the_view_menu_switches_pinyin_on_and_off_keeping_the_top_line(qtbot, window):
    stack = window.pinyin.stack
    assert stack.currentWidget() is window.reading_view
    assert window.pinyin.menu.title() == "&Pinyin Above Characters"
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
    window.pinyin.colours_action.trigger()
    window.close()
    again = make_window(show=False)
    choice = again.pinyin.choice
    assert (choice.mode, choice.level, choice.tone_colours) == (PinyinMode.ABOVE_LEVEL, 3, False)
    assert again.pinyin.level_actions[3].isChecked()
    assert not again.pinyin.colours_action.isChecked()
    assert again.pinyin.stack.currentWidget() is again.pinyin.view


def test_the_section_tree_drives_the_pinyin_view_and_follows_it(qtbot, window):
    view = pinyin_on(qtbot, window)
    section = list(window.reader_document.sections())[6]
    window.go_to_section(section)
    assert view.top_offset() == section.start
    view.scroll_to_offset(0)
    assert window.section_label.text() == window.reader_document.title


def test_the_painted_text_is_the_documents_text(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    assert view.text_between(0, len(text)) == text
    start = find(window, "发展理念")
    assert view.text_between(start, start + 40) == text[start : start + 40]


def test_every_han_character_in_view_has_its_reading_above_it(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    offset = find(window, "\u4e2d\u5171\u4e2d\u592e")  # 中共中央
    scroll_and_read(qtbot, view, offset)
    assert [view.ruby_at(offset + i) for i in range(4)] == [
        "zh\u014dng",
        "g\u00f2ng",
        "zh\u014dng",
        "y\u0101ng",
    ]
    comma = text.find("\uff0c", offset)
    assert view.ruby_at(comma) is None


def test_hovering_a_character_shows_the_pop_up_for_its_word(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u53d1\u5c55\u7406\u5ff5") + 3  # 发展理念, on 念
    scroll_and_read(qtbot, view, offset)
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), centre(view, offset))
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    current = window.pinyin.view_lookup.current
    assert current is not None and current.start <= offset < current.end
    word = window.reader_document.text[current.start : current.end]
    assert popup.word_label.text() == word
    rect = view.range_rect(current.start, current.end)
    on_screen = QtCore.QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())
    assert not popup.geometry().intersects(on_screen)

    qtbot.mouseMove(view.viewport(), QtCore.QPoint(2, 2))  # the margin: no word
    qtbot.waitUntil(lambda: not popup.isVisible())


def select_with_mouse(qtbot, view: PinyinView, start: int, end: int) -> None:
    """Press on the first character's left edge, drag onto the last one, release."""
    view.scroll_to_offset(start)
    begin = view.character_rect(start)
    last = view.character_rect(end - 1)
    qtbot.mousePress(
        view.viewport(), QtCore.Qt.LeftButton, pos=begin.topLeft().toPoint() + QtCore.QPoint(1, 2)
    )
    move = QtGui.QMouseEvent(
        QtCore.QEvent.MouseMove,
        QtCore.QPointF(last.right() - 1, last.center().y()),
        view.viewport().mapToGlobal(QtCore.QPointF(last.right() - 1, last.center().y())),
        QtCore.Qt.NoButton,
        QtCore.Qt.LeftButton,
        QtCore.Qt.NoModifier,
    )
    QtWidgets.QApplication.sendEvent(view.viewport(), move)
    qtbot.mouseRelease(view.viewport(), QtCore.Qt.LeftButton, pos=last.center().toPoint())
    assert view.selected_range() == (start, end)


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


def test_the_hsk_filter_hides_pinyin_of_easy_words_only(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    easy = find(window, "\u6211\u4eec")  # 我们, HSK 1
    hard = find(window, "\u5ea7\u8c08\u4f1a")  # 座谈会, in no list below 7
    for offset in (easy, hard):
        view.scroll_to_offset(offset)
        wait_readings(qtbot, view)
        assert view.ruby_at(offset) is not None, text[offset]

    window.pinyin.level_actions[2].trigger()
    assert window.pinyin.level_actions[2].isChecked()
    assert window.pinyin.stack.currentWidget() is view
    view.scroll_to_offset(easy)
    assert view.ruby_at(easy) is None
    assert view.ruby_at(easy + 1) is None
    view.scroll_to_offset(hard)
    assert view.ruby_at(hard) == "zu\u00f2"

    window.pinyin.all_action.trigger()
    view.scroll_to_offset(easy)
    assert view.ruby_at(easy) == "w\u01d2"


def test_tone_colours_can_be_switched_off(qtbot, window):
    view = pinyin_on(qtbot, window)
    assert window.pinyin.colours_action.isChecked()
    before = view.viewport().grab().toImage()
    window.pinyin.colours_action.trigger()
    assert not window.pinyin.choice.tone_colours
    after = view.viewport().grab().toImage()
    assert before != after


def test_a_novel_is_laid_out_only_where_it_is_seen(qtbot, shared_data):
    novel = open_document(shared_data / "novels" / "hongloumeng.txt")
    view = PinyinView(shared_language_tools())
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.set_reader_document(novel)
    view.show()
    qtbot.waitExposed(view)
    assert 0 < view.laid_out_count < 40
    bar = view.verticalScrollBar()
    for fraction in (0.25, 0.5, 0.75):
        bar.setValue(round(bar.maximum() * fraction))
        assert view.laid_out_count < 120
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    bar.setValue(bar.maximum())
    assert view.top_offset() > len(novel.text) * 0.99
    last = novel.blocks[-1]
    assert view.visible_blocks()[-1] == len(novel.blocks) - 1
    assert view.text_between(last.start, last.end) == novel.text[last.start : last.end]
    assert view.laid_out_count < 160
    wait_readings(qtbot, view)  # the page scrolled to last, not every page passed on the way
    dream = novel.text.index("\u68a6", last.start)  # 梦, in the last line
    assert view.ruby_at(dream) == "m\u00e8ng"
    view.shutdown()


def test_a_click_pins_the_pop_up_and_escape_lets_it_go(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u53d1\u5c55\u7406\u5ff5")
    scroll_and_read(qtbot, view, offset)
    qtbot.mouseMove(view.viewport(), centre(view, offset))
    qtbot.mouseClick(view.viewport(), QtCore.Qt.LeftButton, pos=centre(view, offset))
    popup = window.word_lookup.popup
    assert popup.isVisible() and popup.pinned
    assert view.selected_range() is None
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(2, 2))
    assert popup.isVisible()
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert not popup.isVisible()
    assert window.pinyin.view_lookup.current is None


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
    assert window.pinyin.view_lookup.current.start == start
    assert window.word_lookup.current is None  # the hidden reading view was left alone


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
    found = window.pinyin.view_lookup.word_walk.step(forward=True)
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
    window.word_lookup.words_changed.emit([index])
    assert not view.has_readings(index)
    wait_readings(qtbot, view)
    assert view.has_readings(index)


def test_the_lookups_colour_scheme_colours_the_pinyin(qtbot, window):
    view = pinyin_on(qtbot, window)
    pleco = view.viewport().grab().toImage()
    window.word_lookup.colour_actions[ToneColours.MDBG].trigger()
    assert view.viewport().grab().toImage() != pleco
    window.word_lookup.colour_actions[ToneColours.PLECO].trigger()
    assert view.viewport().grab().toImage() == pleco


def test_offsets_are_code_points_past_the_basic_plane(qtbot):
    text = "\u6807\u9898\n\n\U00020000\u5b57\u4e2d\u6587\u3002"  # 标题 / 𠀀字中文。
    document = build_document(text)
    view = PinyinView(shared_language_tools())
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_reader_document(document)
    view.show()
    qtbot.waitExposed(view)
    assert view.text_between(0, len(document.text)) == document.text
    astral = document.text.index("\U00020000")
    for offset in (astral, astral + 1):
        assert view.offset_at(view.character_rect(offset).center().toPoint()) == offset
    view.select(astral, astral + 2)
    view.copy()
    assert QtWidgets.QApplication.clipboard().text() == "\U00020000\u5b57"
    view.shutdown()


def test_the_lookups_pinyin_style_is_the_one_painted(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u4e2d\u5171\u4e2d\u592e")
    window.word_lookup.style_actions[PinyinStyle.NUMBERS].trigger()
    view.scroll_to_offset(offset)
    assert view.ruby_at(offset) == "zhong1"
    window.word_lookup.style_actions[PinyinStyle.MARKS].trigger()
    assert view.ruby_at(offset) == "zh\u014dng"


def test_highlights_made_in_the_reading_view_show_in_the_pinyin_view(qtbot, window):
    reading = window.reading_view
    offset = find(window, "\u53d1\u5c55\u7406\u5ff5")
    cursor = QtGui.QTextCursor(reading.document())
    cursor.setPosition(reading.offsets.to_qt(offset))
    cursor.setPosition(reading.offsets.to_qt(offset + 2), QtGui.QTextCursor.KeepAnchor)
    reading.setTextCursor(cursor)
    window.annotations.highlight("green")
    qtbot.waitUntil(lambda: len(window.annotations.annotations()) == 1)
    view = pinyin_on(qtbot, window)
    view.scroll_to_offset(offset)
    image = view.viewport().grab().toImage()

    def corner(at: int) -> str:
        rect = view.character_rect(at)
        return image.pixelColor(int(rect.left()) + 1, int(rect.top()) + 1).name()

    assert corner(offset) == corner(offset + 1) == "#a5d6a7"
    assert corner(offset + 2) == PAPER


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


class PaintCounter(QtCore.QObject):
    def __init__(self, widget: QtWidgets.QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Paint:
            self.count += 1
        return False


def test_a_highlight_changed_while_pinyin_is_shown_is_painted_at_once(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = view.top_offset()
    view.select(offset, offset + 2)
    window.annotations.highlight("green")
    qtbot.waitUntil(lambda: len(window.annotations.annotations()) == 1)
    qtbot.wait(50)
    paints = PaintCounter(view.viewport())
    window.annotations.set_colour(window.annotations.annotations()[0].id, "blue")
    qtbot.waitUntil(lambda: paints.count > 0)


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
