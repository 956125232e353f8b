"""The themes as the reader sees them: the page of both views, the window around it (panels,
the section tree), highlights and the pop-up; chosen from View ▸ Theme or the dialog,
remembered, and System following the system's colour scheme."""

from __future__ import annotations

import pytest

from reader.ui.lookup.popup_colours import POPUP_COLOURS
from reader.ui.preferences.settings import PreferenceSettings, ThemeChoice
from reader.ui.preferences.theme import resolve
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.highlight_colours import THEMED_RGB
from reader.ui.views.page_style import DARK, LIGHT, SEPIA, theme
from tests.ui.lookup_helpers import char_point, open_ready_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


def page_pixel(view: QtWidgets.QWidget) -> str:
    """The page's colour where no text is: the top left corner of the viewport."""
    return view.viewport().grab().toImage().pixelColor(2, 2).name()


def pixel_at(widget: QtWidgets.QWidget, point: QtCore.QPoint) -> str:
    return widget.grab().toImage().pixelColor(point).name()


def test_dark_paints_the_page_the_panels_and_the_tree_and_the_next_window_keeps_it(
    qtbot, make_window, seed_path
):
    window = make_window(seed_path)
    assert page_pixel(window.reading_view) == LIGHT.paper
    window.preferences.theme_actions[ThemeChoice.DARK].trigger()
    assert theme() is DARK
    assert page_pixel(window.reading_view) == DARK.paper
    tree = window.section_tree
    # The window takes the new palette as the event loop delivers it.
    qtbot.waitUntil(lambda: tree.palette().color(QtGui.QPalette.Base).lightness() < 60)
    assert tree.palette().color(QtGui.QPalette.Text).lightness() > 180
    assert window.palette().color(QtGui.QPalette.Window).lightness() < 60
    # The headline keeps its accent, in the dark theme's.
    title = QtGui.QTextCursor(window.reading_view.document().firstBlock())
    title.movePosition(QtGui.QTextCursor.NextCharacter)
    assert title.charFormat().foreground().color().name() in (
        DARK.headline_ink,
        DARK.accent_ink,
    )
    window.pinyin.all_action.trigger()
    assert page_pixel(window.pinyin.view) == DARK.paper

    assert PreferenceSettings().theme is ThemeChoice.DARK
    again = make_window(seed_path)
    assert page_pixel(again.shown_view()) == DARK.paper
    again.preferences.theme_actions[ThemeChoice.LIGHT].trigger()
    assert page_pixel(again.shown_view()) == LIGHT.paper
    assert QtWidgets.QApplication.palette().color(QtGui.QPalette.Window).lightness() > 180


def test_sepia_paints_the_page_cream(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    window.preferences.set_theme_choice(ThemeChoice.SEPIA)
    assert page_pixel(window.reading_view) == SEPIA.paper
    tree = window.section_tree
    qtbot.waitUntil(lambda: tree.palette().color(QtGui.QPalette.Base).name() != "#ffffff")
    assert tree.palette().color(QtGui.QPalette.Text).lightness() < 90


def test_highlights_and_the_pop_up_in_dark(qtbot, make_window, seed_path):
    window = open_ready_window(qtbot, make_window, seed_path)
    view = window.reading_view
    text = window.reader_document.text
    start = text.index("网信事业要发展")
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(start))
    cursor.setPosition(view.offsets.to_qt(start + 7), QtGui.QTextCursor.KeepAnchor)
    view.setTextCursor(cursor)
    window.annotations.highlight("yellow")
    view.setTextCursor(QtGui.QTextCursor(view.document()))
    window.preferences.theme_actions[ThemeChoice.DARK].trigger()
    view.scroll_to_offset(start)
    qtbot.wait(10)
    # The highlight's background, just above the characters' strokes: the dark tint.
    rect = view.range_rect(start, start + 1)
    inside = QtCore.QPoint(rect.left() + 1, rect.top() + 1)
    assert pixel_at(view.viewport(), inside) == THEMED_RGB["dark"]["yellow"]

    point = char_point(view, text.index("贯彻", start))
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), point)
    popup = window.word_lookup.popup
    qtbot.waitUntil(popup.isVisible)
    assert pixel_at(popup, QtCore.QPoint(popup.width() // 2, popup.height() - 3)) == (
        POPUP_COLOURS["dark"].paper
    )
    window.preferences.theme_actions[ThemeChoice.LIGHT].trigger()
    assert pixel_at(view.viewport(), inside) != THEMED_RGB["dark"]["yellow"]


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        (QtCore.Qt.ColorScheme.Dark, DARK),
        (QtCore.Qt.ColorScheme.Light, LIGHT),
        (QtCore.Qt.ColorScheme.Unknown, LIGHT),
    ],
)
def test_system_is_dark_or_light_as_the_system_scheme(scheme, expected):
    assert resolve(ThemeChoice.SYSTEM, scheme) is expected
    assert resolve(ThemeChoice.SEPIA, scheme) is SEPIA


def test_system_follows_the_scheme_as_it_changes(qtbot, make_window, seed_path):
    """The offscreen platform cannot change its colour scheme: the signal Qt sends when the
    system's changes is sent here as Qt would send it."""
    window = make_window(seed_path)
    assert window.preferences.theme_choice is ThemeChoice.SYSTEM
    hints = QtGui.QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(QtCore.Qt.ColorScheme.Dark)
    assert page_pixel(window.reading_view) == DARK.paper
    hints.colorSchemeChanged.emit(QtCore.Qt.ColorScheme.Light)
    assert page_pixel(window.reading_view) == LIGHT.paper
    window.preferences.set_theme_choice(ThemeChoice.SEPIA)
    hints.colorSchemeChanged.emit(QtCore.Qt.ColorScheme.Dark)  # a chosen theme stays
    assert page_pixel(window.reading_view) == SEPIA.paper
