"""The word pop-up on its own: what it says, in which colours, escaped, and copied."""

from __future__ import annotations

import pytest

from reader.language.dictionary import Entry
from reader.language.hsk import HskLevel
from reader.language.lookup import CharacterLookup, WordLookup
from reader.language.pinyin import PinyinStyle
from reader.ui.lookup.popup import FOLDED_SENSES, WordPopup
from reader.ui.lookup.popup_colours import POPUP_COLOURS
from reader.ui.lookup.reading_html import pinyin_html
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.tone_colours import ToneColours
from tests.ui.lookup_helpers import char_point, open_ready_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


def shown(rich: str) -> str:
    """What a rich-text label shows."""
    page = QtGui.QTextDocument()
    page.setHtml(rich)
    return page.toPlainText()


def lookup_of(senses: tuple[str, ...]) -> WordLookup:
    entry = Entry("西安", "西安", "Xi1 an1", senses)
    characters = (
        CharacterLookup("西", "xi1", (Entry("西", "西", "xi1", ("west",)),)),
        CharacterLookup("安", "an1", (Entry("安", "安", "an1", ("<i>calm</i>",)),)),
    )
    return WordLookup(
        word="西安",
        start=0,
        end=2,
        simplified="西安",
        traditional="西安",
        syllables=("xi1", "an1"),
        spoken=("xi1", "an1"),
        hsk=HskLevel("5", None),
        entries=(entry,),
        characters=characters,
    )


@pytest.fixture
def popup(qtbot):
    popup = WordPopup()
    qtbot.addWidget(popup)
    return popup


def test_pinyin_is_coloured_by_tone_in_the_chosen_scheme():
    pleco = pinyin_html(("ni3", "hao3", "ma5"), PinyinStyle.MARKS, ToneColours.PLECO)
    assert shown(pleco) == "nǐhǎoma"
    assert pleco.count(ToneColours.PLECO.colour(3)) == 2
    assert ToneColours.PLECO.colour(5) in pleco
    mdbg = pinyin_html(("xue2",), PinyinStyle.MARKS, ToneColours.MDBG)
    assert ToneColours.MDBG.colour(2, POPUP_COLOURS["light"].paper) in mdbg
    assert ToneColours.MDBG.colour(2) != ToneColours.PLECO.colour(2)
    plain = pinyin_html(("xi1", "an1"), PinyinStyle.MARKS, ToneColours.NONE)
    assert plain == "xī&#x27;ān"
    assert shown(plain) == "xī'ān"
    assert shown(pinyin_html(("xi1", "an1"), PinyinStyle.NUMBERS, ToneColours.NONE)) == "xi1 an1"


def test_dictionary_text_is_escaped_never_interpreted(popup):
    popup.set_lookup(lookup_of(("<b>capital</b> & seat", "x")), colours=ToneColours.NONE)
    assert "&lt;b&gt;capital&lt;/b&gt; &amp; seat" in popup.senses_label.text()
    assert "1. <b>capital</b> & seat" in shown(popup.senses_label.text())
    assert "<i>calm</i>" in shown(popup.characters_label.text())
    assert popup.word_label.textFormat() == QtCore.Qt.PlainText


def test_more_senses_unfold_and_fold(popup):
    senses = tuple(f"sense {n}" for n in range(1, FOLDED_SENSES + 3))
    popup.set_lookup(lookup_of(senses))
    assert f"sense {FOLDED_SENSES + 1}" not in popup.senses_label.text()
    assert "2 more" in shown(popup.senses_label.text())
    assert not popup.more_button.isHidden()
    popup.toggle_more()
    assert f"sense {FOLDED_SENSES + 2}" in popup.senses_label.text()
    popup.toggle_more()
    assert f"sense {FOLDED_SENSES + 2}" not in popup.senses_label.text()


def test_the_whole_pop_up_copies_as_plain_text(popup):
    popup.set_lookup(lookup_of(("Xi'an, capital of Shaanxi",)))
    popup.set_pinned(True)
    QtWidgets.QApplication.clipboard().clear()
    popup.copy()
    assert QtWidgets.QApplication.clipboard().text() == (
        "西安  Xī'ān\nHSK 5\nXī'ān\n  1. Xi'an, capital of Shaanxi\n西 xī  west\n安 ān  <i>calm</i>"
    )


def test_the_pop_up_fits_each_word_it_shows_in_turn(popup):
    """The sense label's height is worked out once per text: a new text is measured anew."""
    word_rect = QtCore.QRect(100, 100, 20, 20)
    popup.set_lookup(lookup_of(("west",)))
    popup.show_beside(word_rect)
    short = popup.height()
    long_senses = tuple(f"a rather long sense number {n}, which wraps" for n in range(3))
    popup.set_lookup(lookup_of(long_senses))
    popup.show_beside(word_rect)
    assert popup.height() > short
    label = popup.senses_label
    plain = QtWidgets.QLabel()
    plain.setTextFormat(QtCore.Qt.RichText)
    plain.setWordWrap(True)
    plain.setFont(label.font())
    plain.setText(label.text())
    assert label.height() == plain.heightForWidth(label.width())
    popup.set_lookup(lookup_of(("west",)))
    popup.show_beside(word_rect)
    assert popup.height() == short


def test_hovering_a_word_the_dictionary_lacks_shows_the_words_it_is_made_of(
    qtbot, make_window, seed_path
):
    """网络安全 in the seed's title: 网络 and 安全, each with its reading and senses, not
    "Not in the dictionary" and four characters."""
    window = open_ready_window(qtbot, make_window, seed_path, delay_ms=0)
    view = window.reading_view
    offset = window.reader_document.text.index("网络安全")
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), char_point(view, offset + 3))
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.word_label.text() == "网络安全"
    senses = shown(popup.senses_label.text())
    assert senses.startswith("Not in the dictionary as a word; made of:\n网络 wǎngluò")
    assert "\n1. network (computing, telecommunications, transport etc)\n" in senses
    assert "安全 ānquán" in senses and "1. safe; secure" in senses
    assert popup.characters_label.isHidden()  # no character-by-character fallback
    lines = popup.plain_text().splitlines()
    assert lines[0] == "网络安全  wǎngluò'ānquán  Traditional 網絡安全"
    assert "网络 wǎngluò  HSK 4 (HSK 2.0: 6)" in lines
    assert "安全 ānquán  HSK 2 (HSK 2.0: 4)" in lines
    assert not any(line.startswith(("网 ", "络 ")) for line in lines)
    popup.toggle_more()
    assert "Internet" in shown(popup.senses_label.text())  # 网络's second reading, unfolded


def test_a_lone_entry_read_as_the_header_says_is_not_read_out_twice(qtbot, make_window, seed_path):
    """应用 has one entry, read yìngyòng as the header says: its senses follow at once."""
    window = open_ready_window(qtbot, make_window, seed_path, delay_ms=0)
    view = window.reading_view
    offset = window.reader_document.text.index("应用")
    view.scroll_to_offset(offset)
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), char_point(view, offset))
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.word_label.text() == "应用"
    assert shown(popup.senses_label.text()).startswith("1. to put to use")
