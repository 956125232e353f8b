"""Painting the pinyin view: readings in tone colours (or none), highlights under the
characters, and a highlight changed painted at once."""

from __future__ import annotations

from reader.ui.qt import QtGui
from reader.ui.views.page_style import LIGHT
from reader.ui.views.tone_colours import ToneColours
from tests.ui.views.pinyin_helpers import PaintCounter, find, pinyin_on


def test_tone_colours_can_be_switched_off(qtbot, window):
    view = pinyin_on(qtbot, window)
    none = window.word_lookup.colour_actions[ToneColours.NONE]
    assert not none.isChecked()
    before = view.viewport().grab().toImage()
    none.trigger()
    after = view.viewport().grab().toImage()
    assert before != after


def test_the_lookups_colour_scheme_colours_the_pinyin(qtbot, window):
    view = pinyin_on(qtbot, window)
    pleco = view.viewport().grab().toImage()
    window.word_lookup.colour_actions[ToneColours.MDBG].trigger()
    assert view.viewport().grab().toImage() != pleco
    window.word_lookup.colour_actions[ToneColours.PLECO].trigger()
    assert view.viewport().grab().toImage() == pleco


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
    assert corner(offset + 2) == LIGHT.paper


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


def test_a_highlight_is_one_band_without_seams_between_its_characters(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u4ee5\u4eba\u6c11\u4e3a\u4e2d\u5fc3")  # 以人民为中心
    view.select(offset, offset + 6)
    window.annotations.highlight("green")
    qtbot.waitUntil(lambda: len(window.annotations.annotations()) == 1)
    view.scroll_to_offset(offset)
    image = view.viewport().grab().toImage()
    gaps = []
    for at in range(offset, offset + 5):
        left, right = view.character_rect(at), view.character_rect(at + 1)
        if left.top() != right.top():
            continue  # the line broke here
        gaps.append(right.left() - left.right())
        middle = (left.right() + right.left()) / 2
        assert image.pixelColor(int(middle), int(left.center().y())).name() == "#a5d6a7"
    assert max(gaps) > 0, gaps  # there are gaps between the characters to fill
