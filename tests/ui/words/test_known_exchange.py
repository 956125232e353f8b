"""Words ▸ Import Known Words… (HSK levels, a word list in any encoding, an Anki or Pleco
export) and Export Known Words…, as a reader goes through their dialogs."""

from __future__ import annotations

import pytest

from reader.language.known_words import hsk_words
from reader.store import Status
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.words.import_dialog import ImportKnownDialog
from tests.ui.message_boxes import message_boxes, wait_for_message
from tests.ui.words.conftest import stored, words_of

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def import_dialog(window) -> ImportKnownDialog:
    words_of(window).import_action.trigger()
    dialog = window.findChild(ImportKnownDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def file_dialog() -> QtWidgets.QFileDialog:
    dialogs = [
        w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QFileDialog)
    ]
    assert len(dialogs) == 1
    return dialogs[0]


def choose(qtbot, box: QtWidgets.QComboBox, text: str) -> None:
    """Pick the entry as the reader does, with the arrow keys."""
    box.setFocus()
    qtbot.keyClick(box, QtCore.Qt.Key_Home)
    for _ in range(box.findText(text)):
        qtbot.keyClick(box, QtCore.Qt.Key_Down)
    assert box.currentText() == text


def test_i_know_hsk_1_to_2_marks_them_known_but_keeps_what_i_marked(qtbot, window, data_dir):
    holder = words_of(window).holder
    holder.set({"爱": Status.LEARNING_1}, "before")
    dialog = import_dialog(window)
    assert dialog.hsk_button.isChecked()
    choose(qtbot, dialog.version_box, "HSK 3.0 (2021)")
    assert [dialog.level_box.itemText(i) for i in range(dialog.level_box.count())] == [
        *"123456",
        "7–9",
    ]
    choose(qtbot, dialog.level_box, "2")
    qtbot.mouseClick(dialog.import_button, QtCore.Qt.LeftButton)
    listed = hsk_words(2)
    box = wait_for_message(qtbot)
    assert box.text() == f"{len(listed) - 1:,} words became known."
    assert "HSK 3.0 (2021), levels 1 to 2" in box.informativeText()
    assert "1 of them you had marked already" in box.informativeText()
    box.close()
    assert holder.status("爱") is Status.LEARNING_1
    assert holder.status("朋友") is Status.KNOWN
    assert len(stored(data_dir)) == len(listed)
    assert window.annotations.undo_action.text() == "&Undo Import Known Words"

    window.annotations.undo()
    assert stored(data_dir) == {"爱": Status.LEARNING_1}


def test_hsk_2_0_lists_six_levels(qtbot, window):
    dialog = import_dialog(window)
    choose(qtbot, dialog.version_box, "HSK 2.0 (2010)")
    assert dialog.level_box.count() == 6
    choose(qtbot, dialog.level_box, "1")
    qtbot.mouseClick(dialog.import_button, QtCore.Qt.LeftButton)
    box = wait_for_message(qtbot)
    assert box.text() == f"{len(hsk_words(1, '2.0'))} words became known."
    box.close()


def test_a_traditional_anki_export_in_big5_is_read_by_its_first_chinese_column(
    qtbot, window, tmp_path, data_dir
):
    exported = tmp_path / "deck.txt"
    rows = ["#separator:tab", "#html:true"]
    rows += [f"Chinese\t<b>{w}</b>\tmeaning" for w in ["學習", "朋友", "電腦", "圖書館", "說話"]]
    exported.write_bytes("\n".join(rows).encode("cp950"))
    dialog = import_dialog(window)
    qtbot.mouseClick(dialog.browse_button, QtCore.Qt.LeftButton)
    chooser = file_dialog()
    chooser.selectFile(str(exported))
    chooser.accept()
    assert dialog.file_button.isChecked()
    assert dialog.path_edit.text() == str(exported)
    qtbot.mouseClick(dialog.import_button, QtCore.Qt.LeftButton)
    box = wait_for_message(qtbot)
    assert box.text() == "5 words became known."
    assert "From deck.txt: 5 words." in box.informativeText()
    box.close()
    simplified = ["学习", "朋友", "电脑", "图书馆", "说话"]
    assert stored(data_dir) == dict.fromkeys(simplified, Status.KNOWN)
    assert words_of(window).holder.status("學習") is Status.KNOWN


def test_a_file_that_is_no_word_list_is_refused_with_its_reason(qtbot, window, tmp_path):
    binary = tmp_path / "collection.anki2"
    binary.write_bytes(bytes(range(256)) * 40)
    dialog = import_dialog(window)
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(binary))
    assert dialog.file_button.isChecked()
    qtbot.mouseClick(dialog.import_button, QtCore.Qt.LeftButton)
    box = wait_for_message(qtbot)
    assert box.text() == "Reader cannot read this word list."
    assert box.informativeText() == "collection.anki2: is a binary file, not text"
    box.close()
    assert window.annotations.undo_stack.count() == 0


def test_import_waits_for_a_file_before_it_can_start(qtbot, window):
    dialog = import_dialog(window)
    qtbot.mouseClick(dialog.file_button, QtCore.Qt.LeftButton)
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.hsk_button, QtCore.Qt.LeftButton)
    assert dialog.import_button.isEnabled()
    dialog.reject()
    assert message_boxes() == []


def test_export_writes_the_known_words_one_a_line_in_utf8(qtbot, window, tmp_path):
    holder = words_of(window).holder
    holder.set({"学习": Status.KNOWN}, "one")
    holder.set({"朋友": Status.KNOWN, "电脑": Status.LEARNING_2}, "two")
    words_of(window).export_action.trigger()
    chooser = file_dialog()
    chooser.selectFile(str(tmp_path / "known"))
    chooser.accept()
    written = tmp_path / "known.txt"
    assert written.read_bytes() == "学习\n朋友\n".encode()
    assert window.statusBar().currentMessage() == f"2 known words exported to {written}."


def test_an_export_that_cannot_be_written_is_told(qtbot, window, tmp_path):
    assert words_of(window).exchange.export_to(tmp_path / "missing" / "known.txt") is None
    box = wait_for_message(qtbot)
    assert box.text() == "Reader could not export the known words."
    box.close()
