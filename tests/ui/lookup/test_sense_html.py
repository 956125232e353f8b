"""Senses as the pop-up shows them: CC-CEDICT's markup read, references as links that look
the word up in the pinned pop-up, the reading capitalised as the entry writes it."""

from __future__ import annotations

import re

from reader.language.pinyin import PinyinStyle
from reader.language.sense_markup import Reference, parse_sense
from reader.ui.lookup.sense_html import entry_html, reference_href, reference_of, sense_html
from reader.ui.qt import QtCore, QtGui, QtWidgets
from tests.ui.lookup_helpers import char_point, open_ready_window

RAW_MARKUP = re.compile(r"\[[^\]]*[A-Za-z:][1-5]|\||CL:")


def shown(rich: str) -> str:
    """What a rich-text label shows."""
    page = QtGui.QTextDocument()
    page.setHtml(rich)
    return page.toPlainText()


def link_point(label: QtWidgets.QLabel, word: str) -> QtCore.QPoint:
    """Where on `label` the link to `word` is, found as a reader finds it: moving the mouse
    over the text until the link under it is that word's. (The moves are sent to the label:
    the offscreen platform gives QTest's moves to the main window under the pop-up.)"""
    hovered: list[str] = []
    label.linkHovered.connect(hovered.append)
    line = QtGui.QFontMetrics(label.font()).height()
    for y in range(line // 2, label.height(), max(line // 2, 1)):
        for x in range(2, label.width(), 4):
            point = QtCore.QPoint(x, y)
            move = QtGui.QMouseEvent(
                QtCore.QEvent.MouseMove,
                QtCore.QPointF(point),
                QtCore.QPointF(label.mapToGlobal(point)),
                QtCore.Qt.NoButton,
                QtCore.Qt.NoButton,
                QtCore.Qt.NoModifier,
            )
            QtWidgets.QApplication.sendEvent(label, move)
            reference = reference_of(hovered[-1]) if hovered else None
            if reference is not None and reference.simplified == word:
                return point
    raise AssertionError(f"no link to {word} in {shown(label.text())!r}")


def hover(qtbot, window, word: str) -> None:
    view = window.reading_view
    offset = window.reader_document.text.index(word)
    view.place_caret(offset)  # scrolled into view
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), char_point(view, offset))
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    assert window.word_lookup.current.word == word


def pin(qtbot, window, word: str) -> None:
    """Ctrl+click on the word pins its pop-up."""
    view = window.reading_view
    point = char_point(view, window.reader_document.text.index(word))
    qtbot.keyPress(view, QtCore.Qt.Key_Control)
    qtbot.mouseClick(view.viewport(), QtCore.Qt.LeftButton, QtCore.Qt.ControlModifier, point)
    qtbot.keyRelease(view, QtCore.Qt.Key_Control)
    assert window.word_lookup.popup.pinned
    assert QtWidgets.QApplication.keyboardModifiers() == QtCore.Qt.NoModifier


def test_references_are_links_and_everything_else_is_escaped():
    pieces = parse_sense('<img src="x"> & see 個|个[ge4]')
    rich = sense_html(pieces, PinyinStyle.MARKS)
    assert "<img" not in rich and "&lt;img src=&quot;x&quot;&gt; &amp; see " in rich
    assert shown(rich) == '<img src="x"> & see 个（個）gè'
    assert rich.count("<a ") == 1


def test_a_link_gives_back_its_reference_whatever_its_forms_hold():
    for reference in (
        Reference("个", "個", ("ge4",)),
        Reference("日电电子", "日電電子"),
        Reference('就"/<…', "就…", ("jiu4", "xx5")),
    ):
        href = reference_href(reference)
        assert reference_of(href) == reference
        assert not set('"<>/ ') & set(href.partition(":")[2].replace("/", "", 2))
    assert reference_of("https://example.com/") is None


def test_measure_words_follow_the_numbered_senses():
    rich = entry_html("bīnggùn", ("popsicle", "CL:根[gen1]", "ice lolly"), PinyinStyle.MARKS)
    assert shown(rich) == "bīnggùn\n1. popsicle\n2. ice lolly\nmeasure word: 根 gēn"
    folded = entry_html("", ("a", "b", "c", "CL:根[gen1]"), PinyinStyle.MARKS, limit=1)
    assert shown(folded) == "1. a\n… 2 more\nmeasure word: 根 gēn"


def test_a_hovered_word_shows_its_measure_words_and_a_reference_is_followed(
    qtbot, make_window, seed_path
):
    window = open_ready_window(qtbot, make_window, seed_path, delay_ms=0)
    popup = window.word_lookup.popup
    hover(qtbot, window, "技术")
    senses = shown(popup.senses_label.text())
    assert "measure words: 门 mén, 种 zhǒng, 项 xiàng" in senses
    assert not RAW_MARKUP.search(senses) and not RAW_MARKUP.search(popup.plain_text())
    assert popup.back_button.isHidden()

    pin(qtbot, window, "技术")
    qtbot.mouseClick(
        popup.senses_label, QtCore.Qt.LeftButton, pos=link_point(popup.senses_label, "项")
    )
    assert popup.isVisible() and popup.pinned
    assert popup.lookup.word == "项" and popup.lookup.pinyin() == "xiàng"
    assert popup.word_label.text() == "项"
    assert popup.lookup.entries[0].pinyin == "xiang4"
    assert window.word_lookup.current.word == "技术"  # the text's word stays marked

    qtbot.mouseClick(popup.back_button, QtCore.Qt.LeftButton)
    assert popup.lookup.word == "技术" and popup.pinned
    assert popup.back_button.isHidden()


def test_a_reference_is_read_as_the_sense_writes_it_and_the_header_as_the_entry(
    qtbot, make_window, seed_path
):
    window = open_ready_window(qtbot, make_window, seed_path, delay_ms=0)
    popup = window.word_lookup.popup
    hover(qtbot, window, "习近平")
    assert shown(popup.pinyin_label.text()) == "Xí Jìnpíng"
    hover(qtbot, window, "中共中央")
    assert shown(popup.pinyin_label.text()) == "Zhōng Gòng Zhōngyāng"
    senses = shown(popup.senses_label.text())
    assert (
        "abbr. for 中国共产党中央委员会（中國共產黨中央委員會）"
        "Zhōngguó Gòngchǎndǎng Zhōngyāng Wěiyuánhuì"
    ) in senses

    pin(qtbot, window, "中共中央")
    point = link_point(popup.senses_label, "中国共产党中央委员会")
    qtbot.mouseClick(popup.senses_label, QtCore.Qt.LeftButton, pos=point)
    assert popup.lookup.word == "中国共产党中央委员会"
    assert shown(popup.pinyin_label.text()) == "Zhōngguó Gòngchǎndǎng Zhōngyāng Wěiyuánhuì"
    assert popup.forms_label.text() == "Traditional 中國共產黨中央委員會"
    assert not popup.back_button.isHidden()
