"""View ▸ Pinyin as a reader finds it (issue 11, item 11): every choice one level deep, HSK
3.0's levels 1–9, tone colours in one place, and pinyin of a readable size at every zoom."""

from __future__ import annotations

from reader.document import BlockKind
from reader.ui.pinyin.settings import PinyinMode
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.views.page_style import BLOCK_STYLES, MAX_ZOOM, MIN_ZOOM, point_size
from reader.ui.views.pinyin_fonts import RubyFonts, RubySize
from reader.ui.views.tone_colours import ToneColours

READABLE_PIXELS = 11
"""Tone marks on letters smaller than this blur together."""


def menu_paths(menu: QtWidgets.QMenu, path: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every action under `menu`, as the menu titles leading to it and its own text."""
    found = []
    for action in menu.actions():
        if action.isSeparator() and not action.text():
            continue
        found.append((*path, action.text()))
        if action.menu() is not None:
            found += menu_paths(action.menu(), (*path, action.text()))
    return found


def all_paths(window) -> list[tuple[str, ...]]:
    found = []
    for action in window.menuBar().actions():
        found += menu_paths(action.menu(), (action.text(),))
    return found


def test_no_menu_is_three_deep(make_window):
    window = make_window()
    paths = all_paths(window)
    assert any(path[:2] == ("&View", "&Pinyin") for path in paths)
    deepest = max(paths, key=len)
    assert len(deepest) <= 3, deepest  # a menu, a submenu, an entry


def test_tone_colours_are_in_one_place(make_window):
    window = make_window()
    paths = all_paths(window)
    assert [path for path in paths if "Tone Colours" in path[-1]] == [
        ("&View", "&Pinyin", "Tone Colours")
    ]
    pleco = window.word_lookup.colour_actions[ToneColours.PLECO].text()
    assert [path for path in paths if path[-1] == pleco] == [("&View", "&Pinyin", pleco)]


def test_the_hsk_levels_run_from_1_to_9(make_window):
    window = make_window()
    labels = [action.text().replace("&", "") for action in window.pinyin.level_actions.values()]
    assert labels == [f"Words Above HSK {n}" for n in ("1", "2", "3", "4", "5", "6", "7–9")]
    window.pinyin.level_actions[9].trigger()
    assert (window.pinyin.choice.mode, window.pinyin.choice.level) == (PinyinMode.ABOVE_LEVEL, 9)


def test_the_pinyin_is_readable_at_every_zoom_step(qapp):
    running = BLOCK_STYLES[(BlockKind.PARAGRAPH, 0)]
    for zoom in range(MIN_ZOOM, MAX_ZOOM + 1):
        fonts = RubyFonts(running, point_size(zoom))  # the default size
        pixels = QtGui.QFontInfo(fonts.ruby_font).pixelSize()
        characters = QtGui.QFontInfo(fonts.font).pixelSize()
        assert pixels >= min(READABLE_PIXELS, characters), zoom  # as large as they are
        assert 0.55 * characters <= pixels <= characters, zoom
        assert fonts.step >= fonts.em  # characters never overlap


def test_each_size_is_larger_than_the_one_before(qapp):
    running = BLOCK_STYLES[(BlockKind.PARAGRAPH, 0)]
    for zoom in (-3, 0, MAX_ZOOM):  # at the smallest, each is as large as the characters
        pixels = [
            QtGui.QFontInfo(RubyFonts(running, point_size(zoom), size).ruby_font).pixelSize()
            for size in RubySize
        ]
        assert pixels == sorted(pixels) and len(set(pixels)) == 3, zoom


def test_the_size_chosen_is_the_views(make_window):
    window = make_window()
    window.pinyin.size_actions[RubySize.SMALL].trigger()
    assert window.pinyin.view.ruby_size is RubySize.SMALL
    assert [a for a in window.pinyin.size_actions.values() if a.isChecked()] == [
        window.pinyin.size_actions[RubySize.SMALL]
    ]
