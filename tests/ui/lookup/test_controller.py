"""Word lookup in the window: hover a word of the seed and read the pop-up, pin it, walk the
words with the keyboard, switch lookup off and on."""

from __future__ import annotations

import sys

import pytest

from reader.language.pinyin import PinyinStyle, is_han
from reader.language.segmentation import UserActivity
from reader.ui.lookup.settings import LookupSettings
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.tone_colours import ToneColours
from reader.ui.window.main_window import MainWindow
from tests.ui.lookup_helpers import char_point, open_ready_window, wait_ready

# Qt raises a tool-tip window as it shows it; the offscreen platform cannot and says so.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


@pytest.fixture
def window(qtbot, make_window, seed_path):
    return open_ready_window(qtbot, make_window, seed_path)


def hover(qtbot, window: MainWindow, offset: int, scroll: bool = True) -> None:
    """Move the mouse onto the character at `offset`, from the page's corner, so that the
    move is one even where the mouse rested on this point before."""
    view = window.reading_view
    if scroll:
        view.scroll_to_offset(offset)
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), char_point(view, offset))


def hover_and_read(qtbot, window: MainWindow, offset: int):
    hover(qtbot, window, offset)
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    return popup


def find(window: MainWindow, word: str, start: int = 0) -> int:
    offset = window.reader_document.text.find(word, start)
    assert offset >= 0, word
    return offset


def test_hovering_a_word_shows_its_pop_up_after_the_delay_and_marks_the_word(qtbot, window):
    LookupSettings().delay_ms = 400
    offset = find(window, "发展理念")
    hover(qtbot, window, offset + 1)
    popup = window.word_lookup.popup
    assert popup.word_label.text() == "发展"  # filled at once ...
    assert not popup.isVisible()  # ... shown after the delay
    qtbot.waitUntil(popup.isVisible)
    assert "fā" in popup.pinyin_label.text() and "zhǎn" in popup.pinyin_label.text()
    assert "to develop" in popup.senses_label.text()
    assert popup.level_label.text().startswith("HSK")
    marks = window.reading_view.extraSelections()
    assert len(marks) == 1
    view = window.reading_view
    assert view.offsets.from_qt(marks[0].cursor.selectionStart()) == offset
    assert view.offsets.from_qt(marks[0].cursor.selectionEnd()) == offset + 2


def test_the_pop_up_does_not_take_the_focus_and_stays_on_screen(qtbot, window):
    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    assert window.reading_view.hasFocus() or not QtWidgets.QApplication.focusWidget()
    assert popup.windowFlags() & QtCore.Qt.ToolTip
    area = popup.screen().availableGeometry()
    assert area.contains(popup.frameGeometry())
    corner = QtCore.QRect(area.right() - 5, area.bottom() - 5, 30, 20)
    popup.show_beside(corner)
    assert area.contains(popup.frameGeometry())
    assert popup.frameGeometry().bottom() < corner.top()  # no room below: above the word


def test_a_polyphone_is_read_in_its_word(qtbot, window):
    popup = hover_and_read(qtbot, window, find(window, "组长习近平") + 1)
    assert popup.word_label.text() == "组长"
    assert "zhǎng" in popup.pinyin_label.text()
    popup = hover_and_read(qtbot, window, find(window, "重要讲话"))
    assert "zhòng" in popup.pinyin_label.text()
    popup = hover_and_read(qtbot, window, find(window, "践行"))
    assert "xíng" in popup.pinyin_label.text()


def test_a_name_is_looked_up_whole(qtbot, window):
    popup = hover_and_read(qtbot, window, find(window, "鲁炜") + 1)
    assert popup.word_label.text() == "鲁炜"
    assert "lǔ" in popup.pinyin_label.text() and "wěi" in popup.pinyin_label.text()
    # CC-CEDICT lacks this name: its characters speak for it.
    assert "Not in the dictionary" in popup.senses_label.text()
    assert "crass" in popup.characters_label.text() and "bright" in popup.characters_label.text()
    popup = hover_and_read(qtbot, window, find(window, "扎克伯格") + 3)
    assert popup.word_label.text() == "扎克伯格"
    assert "Zuckerberg" in popup.senses_label.text()


def test_a_word_of_several_characters_shows_each_character(qtbot, window):
    popup = hover_and_read(qtbot, window, find(window, "座谈会"))
    characters = popup.characters_label.text()
    assert popup.characters_label.isVisible()
    for char in "座谈会":
        assert char in characters
    assert "huì" in characters


@pytest.mark.parametrize("word", ["Facebook", "2014"])
def test_numbers_and_latin_words_get_no_pop_up(qtbot, window, word):
    hover(qtbot, window, find(window, word) + 1)
    qtbot.wait(200)
    assert not window.word_lookup.popup.isVisible()
    assert window.reading_view.extraSelections() == []


def test_leaving_the_word_scrolling_and_escape_hide_the_pop_up(qtbot, window):
    view = window.reading_view
    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(2, 2))  # the page's margin
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert view.extraSelections() == []

    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 40)
    assert not popup.isVisible()

    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    qtbot.keyClick(view, QtCore.Qt.Key_Escape)
    assert not popup.isVisible()


def test_the_pop_up_goes_when_the_window_is_left_or_resized(qtbot, window):
    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    QtWidgets.QApplication.sendEvent(window, QtCore.QEvent(QtCore.QEvent.WindowDeactivate))
    assert not popup.isVisible()
    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    window.resize(window.width() - 50, window.height() - 50)
    qtbot.waitUntil(lambda: not popup.isVisible())


def test_ctrl_click_pins_the_pop_up_for_selecting_and_copying(qtbot, window):
    view = window.reading_view
    offset = find(window, "鲁炜")
    popup = hover_and_read(qtbot, window, offset)
    assert not popup.copy_button.isVisible()
    qtbot.mouseClick(
        view.viewport(), QtCore.Qt.LeftButton, QtCore.Qt.ControlModifier, char_point(view, offset)
    )
    assert popup.pinned
    assert popup.copy_button.isVisible()
    assert popup.senses_label.textInteractionFlags() & QtCore.Qt.TextSelectableByMouse

    hover(qtbot, window, find(window, "鲁炜发现") + 2, scroll=False)
    qtbot.wait(150)
    assert popup.isVisible() and popup.word_label.text() == "鲁炜"  # pinned: it stays

    QtWidgets.QApplication.clipboard().clear()
    qtbot.mouseClick(popup.copy_button, QtCore.Qt.LeftButton)
    copied = QtWidgets.QApplication.clipboard().text()
    assert copied.startswith("鲁炜")
    assert "lǔwěi" in copied

    qtbot.mouseClick(popup.close_button, QtCore.Qt.LeftButton)
    assert not popup.isVisible() and not popup.pinned


def test_more_senses_on_request(qtbot, window):
    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    assert popup.more_button.isVisible()  # 发展 has five senses
    folded = popup.senses_label.text()
    assert "to expand" not in folded
    qtbot.mouseClick(popup.more_button, QtCore.Qt.LeftButton)
    assert "to expand" in popup.senses_label.text()
    assert popup.more_button.text() == "Fewer senses"


def test_the_keyboard_looks_up_the_word_at_the_caret_and_walks_the_words(qtbot, window):
    view = window.reading_view
    lookup = window.word_lookup
    popup = lookup.popup
    start = find(window, "鲁炜发现")
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start))
    view.setTextCursor(cursor)

    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier)
    assert popup.isVisible()
    assert popup.word_label.text() == "鲁炜"

    qtbot.keyClick(view, QtCore.Qt.Key_Right, QtCore.Qt.AltModifier)
    assert popup.word_label.text() == "发现"
    assert view.offsets.from_qt(view.textCursor().position()) == start + 2
    qtbot.keyClick(view, QtCore.Qt.Key_Right, QtCore.Qt.AltModifier)
    assert popup.word_label.text() == "一本"
    qtbot.keyClick(view, QtCore.Qt.Key_Left, QtCore.Qt.AltModifier)
    qtbot.keyClick(view, QtCore.Qt.Key_Left, QtCore.Qt.AltModifier)
    assert popup.word_label.text() == "鲁炜"
    marks = view.extraSelections()
    assert view.offsets.from_qt(marks[0].cursor.selectionStart()) == start

    # Punctuation and Latin letters are stepped over.
    comma = find(window, "鲁炜,") + 2
    lookup.show_word_at(start - 3)
    lookup.hide_popup()
    cursor.setPosition(view.offsets.to_qt(comma))
    view.setTextCursor(cursor)
    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier)
    assert popup.word_label.text() == "曾"


def test_the_next_word_scrolls_into_view_with_its_pop_up(qtbot, window):
    view = window.reading_view
    text = window.reader_document.text
    last = max(i for i, char in enumerate(text) if is_han(char))
    view.verticalScrollBar().setValue(0)
    window.word_lookup.show_word_at(last - 1)
    window.word_lookup.hide_popup()
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(last - 1))
    view.setTextCursor(cursor)
    assert view.verticalScrollBar().value() > 0
    assert window.word_lookup.popup.isHidden()


def test_lookup_switches_off_and_on_from_the_toolbar_and_the_shortcut(qtbot, window):
    view = window.reading_view
    lookup = window.word_lookup
    assert lookup.toggle_action in lookup.toolbar.actions()
    hover_and_read(qtbot, window, find(window, "发展理念"))
    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier)
    assert not lookup.enabled
    assert not lookup.popup.isVisible()
    hover(qtbot, window, find(window, "鲁炜"))
    qtbot.wait(150)
    assert not lookup.popup.isVisible()
    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier)
    assert not lookup.popup.isVisible()
    assert LookupSettings().enabled is False

    toolbar_button = lookup.toolbar.widgetForAction(lookup.toggle_action)
    qtbot.mouseClick(toolbar_button, QtCore.Qt.LeftButton)
    assert lookup.enabled and LookupSettings().enabled
    hover_and_read(qtbot, window, find(window, "鲁炜"))


def test_every_han_character_of_the_seed_gets_a_reading_and_a_meaning(qtbot, window):
    lookup = window.word_lookup
    popup = lookup.popup
    text = window.reader_document.text
    offsets = [i for i, char in enumerate(text) if is_han(char)]
    assert len(offsets) > 2000
    for offset in offsets:
        result = lookup.show_word_at(offset, move_caret=False)
        assert result is not None and result.start <= offset < result.end, offset
        assert result.syllables[offset - result.start] is not None, offset
        character = next(c for c in result.characters if c.char == text[offset])
        assert result.entries or character.entries, text[result.start : result.end]
        assert popup.pinyin_label.text(), offset
        assert popup.senses_label.text(), offset


def test_a_traditional_text_is_looked_up_in_its_own_script(qtbot, make_window, tmp_path):
    path = tmp_path / "繁體.txt"
    path.write_text("銀行\n\n銀行行長說\u3002我們還要發展經濟\u3002\n", encoding="utf-8")
    window = open_ready_window(qtbot, make_window, path, delay_ms=0)
    text = window.reader_document.text
    popup = hover_and_read(qtbot, window, text.find("還要"))
    assert popup.word_label.text() == "還要"
    assert "hái" in popup.pinyin_label.text()
    popup = hover_and_read(qtbot, window, text.find("發展"))
    assert popup.word_label.text() == "發展"
    assert "Simplified 发展" in popup.forms_label.text()
    assert "to develop" in popup.senses_label.text()
    popup = hover_and_read(qtbot, window, text.find("銀行行長"))
    assert popup.word_label.text() == "銀行"
    assert "bank" in popup.senses_label.text()
    assert "yínháng" in popup.plain_text().splitlines()[0]


def test_every_character_of_a_long_paragraph_is_found_under_the_mouse(qtbot, window):
    view = window.reading_view
    block = max(window.reader_document.blocks, key=lambda b: b.end - b.start)
    view.scroll_to_offset(block.start)
    qt_block = view.document().findBlock(view.offsets.to_qt(block.start))
    assert qt_block.layout().lineCount() > 2
    lines = set()
    for offset in range(block.start, block.end - 1):
        point = char_point(view, offset)
        next_point = char_point(view, offset + 1)
        if point.y() == next_point.y() and view.viewport().rect().contains(point):
            assert view.offset_at(point) == offset
            lines.add(point.y())
    assert len(lines) > 2


def test_offsets_after_a_character_outside_the_bmp_find_the_right_word(
    qtbot, make_window, tmp_path
):
    path = tmp_path / "astral.txt"
    path.write_text("标题\n\n\U00020000\U00020001银行行长说\u3002\n", encoding="utf-8")
    window = open_ready_window(qtbot, make_window, path, delay_ms=0)
    text = window.reader_document.text
    popup = hover_and_read(qtbot, window, text.index("行长"))
    assert popup.word_label.text() == "银行行长"
    page = QtGui.QTextDocument()
    page.setHtml(popup.pinyin_label.text())
    assert page.toPlainText() == "yínhánghángzhǎng"
    popup = hover_and_read(qtbot, window, text.index("说"))
    assert popup.word_label.text() == "说"
    marks = window.reading_view.extraSelections()
    assert window.reading_view.offsets.from_qt(marks[0].cursor.selectionStart()) == text.index("说")
    assert marks[0].cursor.selectedText() == "说"


def test_tone_colours_pinyin_style_and_delay_are_chosen_in_the_menu(qtbot, window):
    lookup = window.word_lookup
    popup = hover_and_read(qtbot, window, find(window, "发展理念"))
    lookup.colour_actions[ToneColours.MDBG].trigger()
    assert ToneColours.MDBG.colour(3) in popup.pinyin_label.text()  # zhǎn
    lookup.colour_actions[ToneColours.NONE].trigger()
    assert "color" not in popup.pinyin_label.text()
    lookup.style_actions[PinyinStyle.NUMBERS].trigger()
    assert popup.pinyin_label.text() == "fa1 zhan3"
    lookup.delay_actions[600].trigger()
    settings = LookupSettings()
    assert (settings.tone_colours, settings.pinyin_style, settings.delay_ms) == (
        ToneColours.NONE,
        PinyinStyle.NUMBERS,
        600,
    )


def test_a_traditional_polyphone_is_read_in_its_word(qtbot, make_window, tmp_path):
    path = tmp_path / "繁體.txt"
    path.write_text("銀行行長說\u3002\n", encoding="utf-8")
    window = make_window(path, show=False)
    lookup = wait_ready(qtbot, window)
    assert lookup.look_up(0).pinyin() == "yínháng"


def test_the_book_is_segmented_giving_way_to_hovers_and_scrolling(
    qtbot, make_window, seed_path, monkeypatch
):
    """The worker segmenting the book asks before each paragraph whether the user is
    acting (a word shown, a scroll), and puts the switch interval back when it is done."""
    default_interval = sys.getswitchinterval()
    touches: list[None] = []
    pauses: list[None] = []
    monkeypatch.setattr(UserActivity, "touch", lambda self: touches.append(None))
    monkeypatch.setattr(UserActivity, "give_way", lambda self: pauses.append(None))
    window = open_ready_window(qtbot, make_window, seed_path, delay_ms=0)
    assert len(pauses) >= len(window.session.segmentation)
    qtbot.waitUntil(lambda: sys.getswitchinterval() == default_interval)

    # The mouse rests where an earlier test left it, maybe over this page, where the word
    # under it was shown as the lookups became ready (a touch): count from here.
    before = len(touches)
    hover(qtbot, window, find(window, "发展理念"), scroll=False)
    assert window.word_lookup.current is not None and len(touches) == before + 1
    view = window.reading_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 40)
    assert len(touches) == before + 2
