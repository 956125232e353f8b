"""Highlights and notes in the window, driven as a reader drives them: the mouse selects,
shortcuts highlight, the editor takes a note, undo and redo, a new window finds them again."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import open_document
from reader.store import HIGHLIGHT_RGB, STORE_FILE, open_store
from reader.ui.annotations.panel_model import ORPHANS_HEADING
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.window.main_window import MainWindow
from tests.ui.annotations.window_helpers import (
    ARTICLE,
    background,
    listed,
    middle,
    press,
    select_with_mouse,
    span,
    stored,
    underlined,
)
from tests.ui.message_boxes import wait_for_message
from tests.ui.mouse import double_click

POPUP_WARNINGS = "This plugin does not support (raise|grabbing)"
"""The offscreen platform says so for every popup menu; it is not our fault."""


def test_select_highlight_note_undo_redo_and_find_it_again(
    qtbot, make_window, window, article, data_dir
):
    start, end = span(window, "生僻字𠀀")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]
    assert background(window, end - 1) == HIGHLIGHT_RGB["yellow"]
    assert background(window, end) is None
    assert listed(window) == [("第一章 开头", "生僻字𠀀", "")]

    press(qtbot, window, QtCore.Qt.Key_N, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier)
    editor = window.annotations.editor
    assert editor.isVisible()
    qtbot.keyClicks(editor.note_edit, "a rare character")
    qtbot.keyClick(editor.note_edit, QtCore.Qt.Key_Return, QtCore.Qt.ControlModifier)
    assert not editor.isVisible()
    assert underlined(window, start)
    assert listed(window) == [("第一章 开头", "生僻字𠀀", "a rare character")]

    press(qtbot, window, QtCore.Qt.Key_Z)
    assert listed(window) == [("第一章 开头", "生僻字𠀀", "")]
    assert not underlined(window, start)
    press(qtbot, window, QtCore.Qt.Key_Z)
    assert listed(window) == []
    assert background(window, start) is None
    assert stored(data_dir) == []
    press(qtbot, window, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier)
    press(qtbot, window, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier)
    assert listed(window) == [("第一章 开头", "生僻字𠀀", "a rare character")]
    assert [a.note for a in stored(data_dir)] == ["a rare character"]

    window.close()
    again = make_window(article)
    assert background(again, start) == HIGHLIGHT_RGB["yellow"]
    assert underlined(again, start)
    assert listed(again) == [("第一章 开头", "生僻字𠀀", "a rare character")]


def test_each_colour_has_its_shortcut_and_the_toolbar_its_buttons(qtbot, window):
    keys = [QtCore.Qt.Key_1, QtCore.Qt.Key_2, QtCore.Qt.Key_3, QtCore.Qt.Key_4, QtCore.Qt.Key_5]
    words = ["这是第一段", "常见的词语", "另外一件事情", "最后一段话", "文章就结束了"]
    for key, word, colour in zip(keys, words, HIGHLIGHT_RGB, strict=True):
        start, end = span(window, word)
        select_with_mouse(qtbot, window, start, end)
        press(qtbot, window, key)
        assert background(window, start) == HIGHLIGHT_RGB[colour]
    toolbar = window.annotations.toolbar
    buttons = [toolbar.widgetForAction(a) for a in window.annotations.colour_actions.values()]
    start, end = span(window, "没有关系")
    select_with_mouse(qtbot, window, start, end)
    qtbot.mouseClick(buttons[4], QtCore.Qt.LeftButton)
    assert background(window, start) == HIGHLIGHT_RGB["purple"]


def test_the_same_selection_again_changes_the_colour(qtbot, window, data_dir):
    start, end = span(window, "另外一件事情")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_2)
    assert background(window, start) == HIGHLIGHT_RGB["red"]
    assert [a.colour for a in stored(data_dir)] == ["red"]


def test_without_a_selection_the_status_bar_says_what_to_do(qtbot, window):
    press(qtbot, window, QtCore.Qt.Key_1)
    assert "Select" in window.statusBar().currentMessage()
    assert window.annotations.annotations() == []


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_clicking_a_highlight_offers_colours_note_tags_copy_delete(qtbot, window, data_dir):
    start, end = span(window, "常见的词语")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    qtbot.mouseClick(
        window.reading_view.viewport(), QtCore.Qt.LeftButton, pos=middle(window, start)
    )
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is not None)
    menu = QtWidgets.QApplication.activePopupWidget()
    entries = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert entries[:5] == [
        "&1 Yellow — vocabulary",
        "&2 Red — question",
        "&3 Green — grammar",
        "&4 Blue — idea",
        "&5 Purple — important",
    ]
    assert entries[5:] == ["Add &Note…", "&Tags…", "Copy &Highlighted Text", "&Delete Highlight"]
    assert menu.actions()[0].isChecked()
    next(a for a in menu.actions() if a.text() == "Copy &Highlighted Text").trigger()
    assert QtWidgets.QApplication.clipboard().text() == "常见的词语"
    next(a for a in menu.actions() if a.text().startswith("&4")).trigger()
    menu.close()
    assert background(window, start) == HIGHLIGHT_RGB["blue"]

    menu = window.annotations.highlight_menu_for(window.annotations.annotations()[0])
    next(a for a in menu.actions() if a.text() == "&Tags…").trigger()
    editor = window.annotations.editor
    assert editor.isVisible()
    qtbot.waitUntil(editor.tags_edit.hasFocus)
    editor.tags_edit.setText("生词, 常用")
    editor.save()
    assert stored(data_dir)[0].tags == ("生词", "常用")

    menu = window.annotations.highlight_menu_for(window.annotations.annotations()[0])
    next(a for a in menu.actions() if a.text() == "&Delete Highlight").trigger()
    assert background(window, start) is None
    assert stored(data_dir) == []
    press(qtbot, window, QtCore.Qt.Key_Z)
    assert background(window, start) == HIGHLIGHT_RGB["blue"]
    assert [a.tags for a in stored(data_dir)] == [("生词", "常用")]


def test_a_click_on_a_highlight_opens_its_menu_not_a_pinned_word_pop_up(qtbot, window):
    start, end = span(window, "常见的词语")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    qtbot.waitUntil(lambda: window.word_lookup.is_ready, timeout=30_000)
    viewport = window.reading_view.viewport()
    qtbot.mouseMove(viewport, middle(window, start))
    qtbot.waitUntil(window.word_lookup.popup.isVisible, timeout=5_000)
    qtbot.mouseClick(viewport, QtCore.Qt.LeftButton, pos=middle(window, start))
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is not None)
    assert not window.word_lookup.popup.pinned
    QtWidgets.QApplication.activePopupWidget().close()


def right_click(window: MainWindow, point: QtCore.QPoint) -> QtWidgets.QMenu:
    viewport = window.reading_view.viewport()
    event = QtGui.QContextMenuEvent(
        QtGui.QContextMenuEvent.Mouse, point, viewport.mapToGlobal(point)
    )
    QtCore.QCoreApplication.sendEvent(viewport, event)
    menu = QtWidgets.QApplication.activePopupWidget()
    assert isinstance(menu, QtWidgets.QMenu)
    return menu


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_context_menu_highlights_a_selection_or_offers_the_highlight(qtbot, window):
    start, end = span(window, "另外一件事情")
    select_with_mouse(qtbot, window, start, end)
    menu = right_click(window, middle(window, start + 1))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "&Copy" in texts[0]  # the view's own entries come first
    assert "Add or Edit &Note…" in texts
    next(a for a in menu.actions() if a.text().startswith("&3")).trigger()
    menu.close()
    assert background(window, start) == HIGHLIGHT_RGB["green"]

    menu = right_click(window, middle(window, start + 1))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "&Delete Highlight" in texts
    assert next(a for a in menu.actions() if a.text().startswith("&3")).isChecked()
    menu.close()


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_a_double_click_selects_a_word_without_opening_the_menu(qtbot, window):
    start, end = span(window, "常见的词语")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    viewport = window.reading_view.viewport()
    double_click(qtbot, viewport, middle(window, start + 1))
    qtbot.wait(QtWidgets.QApplication.doubleClickInterval() + 100)
    assert QtWidgets.QApplication.activePopupWidget() is None


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_hovering_a_noted_highlight_shows_the_note_as_text(qtbot, window):
    start, end = span(window, "另外一件事情")
    select_with_mouse(qtbot, window, start, end)
    window.annotations.edit_note()
    window.annotations.editor.note_edit.setPlainText("<b>not bold</b> & more")
    window.annotations.editor.save()
    viewport = window.reading_view.viewport()
    point = middle(window, start + 2)
    qtbot.mouseMove(viewport, point)
    assert QtWidgets.QWidget.mouseGrabber() is None
    assert QtWidgets.QApplication.activePopupWidget() is None
    event = QtGui.QHelpEvent(QtCore.QEvent.ToolTip, point, viewport.mapToGlobal(point))
    QtCore.QCoreApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QtWidgets.QToolTip.isVisible)
    tip = QtWidgets.QToolTip.text()
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; more" in tip
    assert "<b>" not in tip
    QtWidgets.QToolTip.hideText()


def test_a_note_on_a_new_selection_is_one_undo_step(qtbot, window, data_dir):
    start, end = span(window, "最后一段话")
    select_with_mouse(qtbot, window, start, end)
    window.annotations.note_action.trigger()
    editor = window.annotations.editor
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]  # shown while noted
    qtbot.keyClicks(editor.note_edit, "the end")
    editor.save()
    assert [(a.quote, a.note) for a in stored(data_dir)] == [("最后一段话", "the end")]
    window.annotations.undo_action.trigger()
    assert stored(data_dir) == []
    assert background(window, start) is None


def test_cancelling_a_note_on_a_new_selection_leaves_nothing(qtbot, window, data_dir):
    start, end = span(window, "最后一段话")
    select_with_mouse(qtbot, window, start, end)
    window.annotations.note_action.trigger()
    qtbot.keyClick(window.annotations.editor.note_edit, QtCore.Qt.Key_Escape)
    assert background(window, start) is None
    assert stored(data_dir) == []
    assert not window.annotations.undo_action.isEnabled()


def test_a_note_left_for_another_highlight_leaves_no_highlight_behind(qtbot, window):
    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_2)
    other = window.annotations.annotations()[0]
    start, end = span(window, "最后一段话")
    select_with_mouse(qtbot, window, start, end)
    window.annotations.note_action.trigger()
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]  # shown while noted
    window.annotations.edit_note(other.id)
    assert background(window, start) is None
    window.annotations.editor.note_edit.setPlainText("第二段")
    window.annotations.editor.save()
    assert [(a.quote, a.note) for a in window.annotations.annotations()] == [
        ("这是第二段", "第二段")
    ]


def test_the_edit_menu_has_undo_and_redo_named_after_the_change(qtbot, window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("&Edit") == menus.index("&File") + 1
    assert not window.annotations.undo_action.isEnabled()
    start, end = span(window, "最后一段话")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_3)
    assert window.annotations.undo_action.text() == "&Undo Highlight"
    window.annotations.undo_action.trigger()
    assert window.annotations.redo_action.text() == "&Redo Highlight"
    assert window.annotations.redo_action.shortcuts()[0] == QtGui.QKeySequence("Ctrl+Shift+Z")


@pytest.fixture
def long_article(tmp_path) -> Path:
    """Sixty chapters: far more than a window shows."""
    path = tmp_path / "长文.txt"
    chapters = "\n\n".join(
        f"第{n}章\n\n" + f"第{n}章说了很多很多的话,一直说到这一行结束。" * 12 for n in range(1, 61)
    )
    path.write_text(f"长文\n\n{chapters}\n\n最后的目标在这里。\n", encoding="utf-8")
    return path


def test_double_clicking_in_the_panel_jumps_to_the_highlight(qtbot, make_window, long_article):
    window = make_window(long_article)
    view = window.reading_view
    view.scroll_to_offset(len(window.reader_document.text))
    start, end = span(window, "目标")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_3)
    view.verticalScrollBar().setValue(0)
    panel = window.annotations.panel
    rect = panel.view.visualRect(panel.model.index_of(window.annotations.annotations()[0].id))
    double_click(qtbot, panel.view.viewport(), rect.center())
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(middle(window, start))


def test_a_changed_text_says_how_many_moved_and_lists_orphans(qtbot, make_window, window, article):
    for quote, key in (("这是第二段", QtCore.Qt.Key_1), ("文章就结束了", QtCore.Qt.Key_2)):
        select_with_mouse(qtbot, window, *span(window, quote))
        press(qtbot, window, key)
    window.close()
    changed = ARTICLE.replace("第一章 开头\n\n", "第一章 开头\n\n新加的一段话。\n\n").replace(
        "文章就结束了", "全文完"
    )
    article.write_text(changed, encoding="utf-8")
    again = make_window(article)
    message = again.statusBar().currentMessage()
    assert "1 moved" in message
    assert "1 not found" in message
    assert again.annotations.panel.notice_label.text() == message
    assert listed(again) == [
        ("第一章 开头", "这是第二段", ""),
        (ORPHANS_HEADING, "文章就结束了", ""),
    ]
    start, _ = span(again, "这是第二段")
    assert background(again, start) == HIGHLIGHT_RGB["yellow"]


def test_an_orphan_can_be_attached_to_the_selection(qtbot, make_window, window, article, data_dir):
    select_with_mouse(qtbot, window, *span(window, "文章就结束了"))
    press(qtbot, window, QtCore.Qt.Key_2)
    window.close()
    article.write_text(ARTICLE.replace("文章就结束了", "全文完"), encoding="utf-8")
    again = make_window(article)
    orphan = again.annotations.annotations()[0]
    assert orphan.orphan
    start, end = span(again, "全文完")
    select_with_mouse(qtbot, again, start, end)
    again.annotations.attach_to_selection(orphan.id)
    assert background(again, start) == HIGHLIGHT_RGB["red"]
    assert listed(again) == [("第二章 结尾", "全文完", "")]
    assert [(a.quote, a.orphan) for a in stored(data_dir)] == [("全文完", False)]


def test_a_corrupt_store_is_moved_aside_and_the_window_works(qtbot, make_window, article, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / STORE_FILE).write_bytes(b"this is not a database, only garbage " * 200)
    window = make_window(article, active=False)
    box = wait_for_message(qtbot)
    assert "damaged" in box.text()
    assert "moved to reader.damaged-" in box.informativeText()
    box.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert len(list(data_dir.glob("reader.damaged-*.sqlite3"))) == 1
    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_4)
    assert [a.quote for a in stored(data_dir)] == ["这是第二段"]


def test_colour_names_label_the_actions_and_are_kept(qtbot, window, data_dir):
    dialog = window.annotations.choose_colour_names()
    dialog.edits["red"].setText("疑问")
    dialog.accept()
    assert window.annotations.colour_actions["red"].text() == "&2 Red — 疑问"
    with open_store(data_dir) as store:
        assert store.colours.all()["red"] == "疑问"
    panel = window.annotations.panel
    assert panel.colour_filter.itemText(panel.colour_filter.findData("red")) == "疑问"


def test_notes_stay_plain_text_in_the_editor_and_the_panel(qtbot, window, data_dir):
    start, end = span(window, "这是第二段")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    window.annotations.edit_note()
    window.annotations.editor.note_edit.setPlainText("**Markdown** <i>stays</i>")
    window.annotations.editor.save()
    window.annotations.edit_note()
    assert window.annotations.editor.note_edit.toPlainText() == "**Markdown** <i>stays</i>"
    window.annotations.editor.cancel()
    assert listed(window)[0][2] == "**Markdown** <i>stays</i>"


def test_the_window_opens_the_store_in_the_data_dir_it_is_given(qtbot, article, tmp_path):
    window = MainWindow(data_dir=tmp_path / "elsewhere")
    qtbot.addWidget(window)
    assert window.annotations.store.path == tmp_path / "elsewhere" / STORE_FILE


def test_the_window_command_takes_a_data_dir(capsys):
    from reader.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--data-dir DIR" in capsys.readouterr().out


def test_the_document_opened_in_the_window_is_the_one_the_cli_exports(
    qtbot, window, article, data_dir
):
    from reader.store import export_annotations

    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_1)
    with open_store(data_dir) as store:
        assert "> 这是第二段" in export_annotations(store, open_document(article), "md")
