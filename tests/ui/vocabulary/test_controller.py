"""The vocabulary in the window, driven as a reader drives it: rest the mouse on a word,
press S (or click Save), see it in the panel, edit, delete and undo, jump back to its
sentence, export, and find it still there in a new window on the same store."""

from __future__ import annotations

import sqlite3
import zipfile

from reader.document import open_document
from reader.store import Status, open_store, resolve_data_dir
from reader.ui.lookup.settings import LookupSettings
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.vocabulary.controller import SAVED_TEXT, VocabularyController
from tests.ui.lookup_helpers import char_point, hover_word, wait_ready

WIDE = (1400, 900)
"""Room for the section tree, the page and the panel side by side."""


def ready_window(qtbot, make_window, path):
    LookupSettings().delay_ms = 50
    window = make_window(path, active=True, size=WIDE)
    wait_ready(qtbot, window)
    return window


def vocabulary(window) -> VocabularyController:
    controller = window.findChild(VocabularyController)
    assert controller is not None
    return controller


def rest_on(qtbot, window, word: str, nth: int = 0) -> int:
    """The mouse rests on the `nth` `word` of the document; its offset."""
    text = window.reader_document.text
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(word, offset + 1)
    view = window.reading_view
    view.scroll_to_offset(offset)
    hover_word(qtbot, view, window.word_lookup, offset, char_point(view, offset))
    return offset


def save_with_key(qtbot, window, word: str, nth: int = 0) -> int:
    offset = rest_on(qtbot, window, word, nth)
    qtbot.keyClick(window.reading_view.viewport(), QtCore.Qt.Key_S)
    return offset


def listed(controller: VocabularyController) -> list[str]:
    model = controller.panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_s_on_a_word_saves_it_with_its_sentence_and_a_new_window_lists_it(
    qtbot, make_window, seed_path
):
    window = ready_window(qtbot, make_window, seed_path)
    offset = save_with_key(qtbot, window, "网络安全")
    controller = vocabulary(window)
    assert controller.save_button.text() == SAVED_TEXT
    controller.toggle_action.trigger()
    assert controller.dock.isVisible()
    assert listed(controller) == ["网络安全"]
    saved = controller.panel.model.all_words[0]
    assert saved.offset == offset and saved.pinyin == "wǎngluò'ānquán"
    assert saved.sentence[saved.word_start : saved.word_end] == "网络安全"
    assert controller.panel.sentence_label.text() == saved.sentence
    window.close()

    again = make_window(seed_path, size=WIDE)
    reopened = vocabulary(again)
    assert reopened.dock.isVisible()  # as the reader left it
    assert listed(reopened) == ["网络安全"]


def test_the_save_button_of_the_popup_saves_the_word_once(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    rest_on(qtbot, window, "座谈会")
    controller = vocabulary(window)
    assert controller.save_button.isVisible() and controller.save_button.isEnabled()
    qtbot.mouseClick(controller.save_button, QtCore.Qt.LeftButton)
    assert not controller.save_button.isEnabled()
    assert controller.save_shown() is None  # the same word in the same place: saved once
    with open_store(resolve_data_dir(None), read_only=True) as store:
        assert [w.word for w in store.saved_words.all()] == ["座谈会"]


def test_s_without_a_popup_saves_nothing(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    window.word_lookup.hide_popup()
    qtbot.keyClick(window.reading_view.viewport(), QtCore.Qt.Key_S)
    with open_store(resolve_data_dir(None), read_only=True) as store:
        assert store.saved_words.count() == 0


def test_delete_from_the_panel_is_undone_with_its_button_and_ctrl_z(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    save_with_key(qtbot, window, "网络安全")
    controller = vocabulary(window)
    controller.toggle_action.trigger()
    panel = controller.panel
    panel.view.selectRow(0)
    saved_id = panel.current_id()
    qtbot.mouseClick(panel.delete_button, QtCore.Qt.LeftButton)
    assert listed(controller) == []
    assert panel.notice.isVisible() and "Delete" in panel.notice_label.text()
    qtbot.mouseClick(panel.undo_button, QtCore.Qt.LeftButton)
    assert listed(controller) == ["网络安全"] and panel.current_id() == saved_id
    panel.view.setFocus()
    qtbot.keyClick(panel.view, QtCore.Qt.Key_Delete)
    assert listed(controller) == []
    qtbot.keyClick(panel.view, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier)
    assert listed(controller) == ["网络安全"]


def test_editing_changes_pinyin_meaning_and_tags_and_is_undoable(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    save_with_key(qtbot, window, "座谈会")
    controller = vocabulary(window)
    controller.toggle_action.trigger()
    controller.panel.view.selectRow(0)
    qtbot.mouseClick(controller.panel.edit_button, QtCore.Qt.LeftButton)
    dialog = next(
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if w.isVisible() and w.windowTitle() == "Edit 座谈会"
    )
    dialog.pinyin_edit.setText("zuò tán huì")
    dialog.meaning_edit.setPlainText("symposium\n\nforum")
    dialog.tags_edit.setText("politics, week 1")
    dialog.accept()
    saved = controller.panel.model.all_words[0]
    assert (saved.pinyin, saved.meaning, saved.tags) == (
        "zuò tán huì",
        "symposium\nforum",
        ("politics", "week 1"),
    )
    controller.changes.undo_stack.undo()
    assert controller.panel.model.all_words[0].pinyin == "zuòtánhuì"


def test_the_filters_narrow_the_list(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    save_with_key(qtbot, window, "网络安全")
    save_with_key(qtbot, window, "座谈会")
    with open_store(resolve_data_dir(None)) as store:
        store.word_statuses.set({"座谈会": Status.KNOWN})
    controller = vocabulary(window)
    controller.toggle_action.trigger()
    panel = controller.panel
    assert sorted(listed(controller)) == ["座谈会", "网络安全"]
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("known"))
    assert listed(controller) == ["座谈会"]
    assert panel.count_label.text() == "1 of 2 saved words"
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("new"))
    assert listed(controller) == ["网络安全"]
    panel.status_filter.setCurrentIndex(0)
    panel.date_filter.setCurrentIndex(panel.date_filter.findData("today"))
    assert len(listed(controller)) == 2
    assert panel.document_filter.count() == 2  # all documents, and the seed
    panel.document_filter.setCurrentIndex(1)
    assert len(listed(controller)) == 2
    assert panel.tag_filter.count() == 1  # no tags yet


def test_go_to_sentence_scrolls_back_to_the_word_and_shows_it(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    offset = save_with_key(qtbot, window, "网络安全", nth=6)
    controller = vocabulary(window)
    controller.toggle_action.trigger()
    window.reading_view.scroll_to_offset(0)
    window.word_lookup.hide_popup()
    controller.panel.view.selectRow(0)
    qtbot.mouseClick(controller.panel.go_button, QtCore.Qt.LeftButton)
    lookup = window.word_lookup
    assert lookup.current is not None and lookup.current.start == offset
    assert lookup.popup.isVisible()
    start, end = window.reading_view.visible_range()
    assert start <= offset < end


def test_go_to_sentence_opens_the_words_document(qtbot, make_window, seed_path, tmp_path):
    window = ready_window(qtbot, make_window, seed_path)
    offset = save_with_key(qtbot, window, "座谈会")
    other = tmp_path / "other.txt"
    other.write_text("别的文章。\n\n今天天气很好。\n", encoding="utf-8")
    assert window.open_path(other)
    controller = vocabulary(window)
    controller.reload()
    assert controller.go_to(controller.panel.model.all_words[0].id)
    assert window.reader_document.path == seed_path
    start, end = window.reading_view.visible_range()
    assert start <= offset < end


def test_export_writes_the_saved_words_as_a_deck(qtbot, make_window, seed_path, tmp_path):
    window = ready_window(qtbot, make_window, seed_path)
    save_with_key(qtbot, window, "座谈会")
    controller = vocabulary(window)
    assert controller.export_action in window.file_menu.actions()
    out = tmp_path / "words.apkg"
    assert controller.export.export_to(out, "apkg")
    with zipfile.ZipFile(out) as package:
        (tmp_path / "c.anki2").write_bytes(package.read("collection.anki2"))
    connection = sqlite3.connect(tmp_path / "c.anki2")
    try:
        assert [row[0] for row in connection.execute("SELECT sfld FROM notes")] == ["座谈会"]
    finally:
        connection.close()
    assert "Exported 1 saved word" in window.statusBar().currentMessage()
    csv_out = tmp_path / "words.csv"
    assert controller.export.export_to(csv_out, "csv")
    assert csv_out.read_text(encoding="utf-8-sig").startswith('"Hanzi"')


def test_an_export_that_cannot_be_written_is_told(qtbot, make_window, seed_path, tmp_path):
    from tests.ui.message_boxes import wait_for_message

    window = ready_window(qtbot, make_window, seed_path)
    controller = vocabulary(window)
    assert not controller.export.export_to(tmp_path / "no" / "words.apkg", "apkg")
    box = wait_for_message(qtbot)
    assert box.text() == "Reader could not export the vocabulary to words.apkg."
    box.close()


def test_the_panel_shows_the_sentence_as_plain_text(qtbot, make_window, tmp_path):
    page = tmp_path / "markup.txt"
    page.write_text("标题\n\n<b>网络</b>安全很重要。\n", encoding="utf-8")
    window = ready_window(qtbot, make_window, page)
    save_with_key(qtbot, window, "安全")
    controller = vocabulary(window)
    controller.toggle_action.trigger()
    controller.panel.view.selectRow(0)
    label = controller.panel.sentence_label
    assert label.textFormat() == QtCore.Qt.PlainText
    assert "<b>网络</b>" in label.text()
    assert open_document(page).text.count("安全") == 1


def test_s_saves_in_the_pinyin_view_too(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    window.pinyin.all_action.trigger()
    pinyin = window.pinyin.view
    offset = window.reader_document.text.index("座谈会")
    pinyin.scroll_to_offset(offset)
    point = pinyin.character_rect(offset + 1).center().toPoint()
    qtbot.mouseMove(pinyin.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(pinyin.viewport(), point)
    lookup = window.word_lookup
    qtbot.waitUntil(lambda: lookup.popup.isVisible() and lookup.current is not None)
    qtbot.keyClick(pinyin.viewport(), QtCore.Qt.Key_S)
    with open_store(resolve_data_dir(None), read_only=True) as store:
        (saved,) = store.saved_words.all()
    assert (saved.word, saved.offset, saved.pinyin) == ("座谈会", offset, "zuòtánhuì")


def test_a_status_set_in_the_popup_shows_at_once_in_the_open_panel(qtbot, make_window, seed_path):
    window = ready_window(qtbot, make_window, seed_path)
    save_with_key(qtbot, window, "座谈会")
    controller = vocabulary(window)
    controller.toggle_action.trigger()
    status_column = controller.panel.model.index(0, 3)
    assert status_column.data() == "New"
    rest_on(qtbot, window, "座谈会")
    qtbot.keyClick(window.reading_view.viewport(), QtCore.Qt.Key_3)
    assert controller.panel.model.index(0, 3).data() == "Learning 3"
