"""Edit ▸ Preferences (Ctrl+,): every change shows at once in what the reader sees, is
remembered by the next window, and the dialog and the View menu always agree."""

from __future__ import annotations

import math

import pytest

from reader.document import BlockKind
from reader.language.pinyin import PinyinStyle
from reader.language.script import Script
from reader.ui.lookup.settings import LookupSettings
from reader.ui.pinyin.settings import PinyinMode, PinyinSettings
from reader.ui.preferences.dialog import PreferencesDialog
from reader.ui.preferences.reading_page import cjk_families
from reader.ui.preferences.settings import PreferenceSettings, ThemeChoice
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.page_style import MIN_MEASURE_EMS, Page, page
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.tone_colours import ToneColours
from tests.ui.lookup_helpers import open_ready_window
from tests.ui.script.script_helpers import reading_view_text, script_action

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")


def open_by_shortcut(qtbot, window) -> PreferencesDialog:
    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_Comma, QtCore.Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.preferences.dialog is not None)
    dialog = window.preferences.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def first_paragraph(view) -> QtGui.QTextBlock:
    document = view.reader_document
    number = next(i for i, b in enumerate(document.blocks) if b.kind is BlockKind.PARAGRAPH)
    return view.document().findBlockByNumber(number)


def test_ctrl_comma_opens_the_dialog_from_edit_menu(qtbot, make_window, seed_path):
    window = make_window(seed_path, active=True)
    action = window.preferences.action
    assert action in window.edit_menu.actions()
    assert action.menuRole() == QtGui.QAction.PreferencesRole
    assert QtGui.QKeySequence("Ctrl+,") in action.shortcuts()
    dialog = open_by_shortcut(qtbot, window)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "&Reading",
        "&Theme",
        "Word &Lookup",
        "&Pinyin View",
        "&Script",
    ]
    qtbot.mouseClick(dialog.close_button, QtCore.Qt.LeftButton)
    assert not dialog.isVisible()
    assert open_by_shortcut(qtbot, window) is dialog  # the same dialog, shown again


def test_each_reading_choice_shows_in_both_views_and_in_the_next_window(
    qtbot, make_window, seed_path
):
    window = make_window(seed_path, active=True)
    window.reading_view.set_zoom(0)
    dialog = open_by_shortcut(qtbot, window)
    reading = dialog.reading_page
    view = window.reading_view

    families = [f for f in cjk_families() if f != view.font().families()[0]]
    if families:
        reading.family_box.setCurrentIndex(reading.family_box.findData(families[0]))
        assert view.font().families()[0] == families[0]
    reading.size_box.setValue(16)
    assert view.font().pointSizeF() == 16
    reading.line_box.setValue(160)
    assert first_paragraph(view).blockFormat().lineHeight() == 160
    reading.paragraph_box.setValue(1.5)
    assert first_paragraph(view).blockFormat().bottomMargin() == pytest.approx(1.5 * view.em())
    reading.margins_box.setValue(3)
    frame = view.document().rootFrame().frameFormat()
    assert frame.leftMargin() == pytest.approx(3 * view.em())
    reading.measure_box.setValue(MIN_MEASURE_EMS)
    padding = 2 * math.ceil(3 * view.em())
    assert view.lineWrapColumnOrWidth() == padding + MIN_MEASURE_EMS * round(view.em())
    reading.justified_box.setChecked(False)
    assert first_paragraph(view).blockFormat().alignment() & QtCore.Qt.AlignLeft
    assert reading.measure_box.minimum() == MIN_MEASURE_EMS  # panel_room's least holds

    chosen = page()
    assert chosen == Page(
        family=families[0] if families else "",
        size=16,
        line_height=160,
        paragraph_gap=1.5,
        measure=MIN_MEASURE_EMS,
        margins=3,
        justified=False,
    )
    # The pinyin view sets the same page: its characters in the same face and size.
    window.pinyin.all_action.trigger()
    pinyin_view = window.pinyin.view
    block = window.reader_document.blocks[first_paragraph(view).blockNumber()]
    fonts = pinyin_view._page.fonts(block)
    assert fonts.font.pointSizeF() == 16 and fonts.font.families()[0] == view.font().families()[0]
    assert fonts.text_band == pytest.approx(1.6 * fonts.em)
    _, width = pinyin_view._column()
    assert round(width / pinyin_view._page.step()) == MIN_MEASURE_EMS

    again = make_window(seed_path)
    assert PreferenceSettings().page == chosen
    assert again.reading_view.font().pointSizeF() == 16
    assert first_paragraph(again.reading_view).blockFormat().lineHeight() == 160


def test_restore_defaults_puts_back_the_page_shown_only(qtbot, make_window, seed_path):
    window = make_window(seed_path, active=True)
    window.reading_view.set_zoom(0)
    dialog = open_by_shortcut(qtbot, window)
    dialog.reading_page.size_box.setValue(18)
    dialog.reading_page.measure_box.setValue(40)
    dialog.tabs.setCurrentIndex(2)
    dialog.tone_box.choose(ToneColours.MDBG)
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(dialog.restore_button, QtCore.Qt.LeftButton)
    assert page() == Page() and PreferenceSettings().page == Page()
    assert window.reading_view.font().pointSizeF() == Page().size
    assert dialog.reading_page.size_box.value() == Page().size
    assert LookupSettings().tone_colours is ToneColours.MDBG  # another page's: kept
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.restore_button, QtCore.Qt.LeftButton)
    assert LookupSettings().tone_colours is ToneColours.PLECO
    assert window.word_lookup.colour_actions[ToneColours.PLECO].isChecked()


def test_the_lookup_and_pinyin_pages_and_the_view_menu_stay_in_step(qtbot, make_window, seed_path):
    window = make_window(seed_path, active=True)
    dialog = open_by_shortcut(qtbot, window)
    lookup = window.word_lookup
    # The dialog to the menus and the settings ...
    dialog.tone_box.choose(ToneColours.MDBG)
    assert lookup.colour_actions[ToneColours.MDBG].isChecked()
    dialog.style_box.choose(PinyinStyle.NUMBERS)
    assert lookup.style_actions[PinyinStyle.NUMBERS].isChecked()
    dialog.delay_box.choose(600)
    assert lookup.delay_actions[600].isChecked()
    assert (LookupSettings().tone_colours, LookupSettings().pinyin_style) == (
        ToneColours.MDBG,
        PinyinStyle.NUMBERS,
    )
    assert LookupSettings().delay_ms == 600
    dialog.words_box.choose(4)
    assert window.pinyin.showing_pinyin
    assert PinyinSettings().load().mode is PinyinMode.ABOVE_LEVEL
    assert PinyinSettings().load().level == 4
    dialog.size_box.choose(RubySize.LARGE)
    assert window.pinyin.view.ruby_size is RubySize.LARGE
    assert dialog.size_box.currentText() == "Large"
    # ... and the menus to the dialog.
    lookup.colour_actions[ToneColours.NONE].trigger()
    assert dialog.tone_box.currentText() == "None"
    lookup.style_actions[PinyinStyle.ZHUYIN].trigger()
    assert "Zhuyin" in dialog.style_box.currentText()
    window.pinyin.off_action.trigger()
    assert dialog.words_box.currentText() == "Off"
    window.preferences.theme_actions[ThemeChoice.SEPIA].trigger()
    assert dialog.theme_buttons[ThemeChoice.SEPIA].isChecked()
    dialog.theme_buttons[ThemeChoice.LIGHT].click()
    assert window.preferences.theme_actions[ThemeChoice.LIGHT].isChecked()


def test_the_dialog_is_reached_in_one_menu_and_the_theme_in_two(qtbot, make_window, seed_path):
    """Nothing only three submenus deep: Edit ▸ Preferences…, View ▸ Theme ▸ Dark."""
    window = make_window(seed_path)
    theme_menu = window.preferences.theme_menu
    assert theme_menu.menuAction() in window.view_menu.actions()
    assert [a.text() for a in theme_menu.actions()] == ["&System", "&Light", "&Sepia", "&Dark"]
    assert isinstance(window.preferences.open_dialog(), QtWidgets.QDialog)


def test_the_script_page_shows_the_text_in_traditional_and_follows_view_script(
    qtbot, make_window, seed_path
):
    window = make_window(seed_path, active=True)
    dialog = open_by_shortcut(qtbot, window)
    dialog.script_box.choose(Script.TRADITIONAL)
    assert window.script_choice.script() is Script.TRADITIONAL
    assert script_action(window, Script.TRADITIONAL).isChecked()
    shown = reading_view_text(window)
    assert "網信事業" in shown and "网信事业" not in shown
    script_action(window, Script.AS_WRITTEN).trigger()
    assert dialog.script_box.currentText() == "As Written"
    assert "网信事业" in reading_view_text(window)
    dialog.tabs.setCurrentIndex(4)
    dialog.script_box.choose(Script.SIMPLIFIED)
    qtbot.mouseClick(dialog.restore_button, QtCore.Qt.LeftButton)
    assert window.script_choice.script() is Script.AS_WRITTEN


def test_spoken_tones_show_in_the_pop_up_and_stay_in_step_with_the_menu(
    qtbot, make_window, seed_path
):
    window = open_ready_window(qtbot, make_window, seed_path, segmented=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.reading_view
    view.place_caret(window.reader_document.text.index("这是一个了不起") + 3)
    view.setFocus()
    qtbot.keyClick(view, QtCore.Qt.Key_L, QtCore.Qt.ControlModifier)
    popup = window.word_lookup.popup
    assert popup.isVisible()
    assert popup.plain_text().startswith("一个  yīgè")

    dialog = open_by_shortcut(qtbot, window)
    dialog.tabs.setCurrentIndex(2)
    dialog.spoken_box.click()
    assert window.word_lookup.spoken_action.isChecked() and LookupSettings().spoken_tones
    assert popup.plain_text().startswith("一个  yígè")
    window.word_lookup.spoken_action.trigger()
    assert not dialog.spoken_box.isChecked()
    assert popup.plain_text().startswith("一个  yīgè")
    dialog.spoken_box.click()
    dialog.restore_defaults()
    assert not window.word_lookup.spoken_action.isChecked() and not LookupSettings().spoken_tones
