"""Export and import of a document's annotations through the window's file dialogs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.store import HIGHLIGHT_RGB
from reader.ui.dialog_folders import Purpose, start_folder
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.settings import Settings
from tests.ui.annotations.window_helpers import (
    background,
    listed,
    press,
    select_with_mouse,
    span,
    stored,
)
from tests.ui.message_boxes import message_boxes, wait_for_message


def file_dialog() -> QtWidgets.QFileDialog:
    dialogs = [
        w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QFileDialog)
    ]
    assert len(dialogs) == 1
    return dialogs[0]


@pytest.mark.parametrize(
    ("name_filter", "suffix", "expected"),
    [
        ("Markdown (*.md)", ".md", "> 这是第二段"),
        ("CSV (*.csv)", ".csv", "这是第二段"),
        ("W3C Web Annotation JSON (*.json)", ".json", '"exact": "这是第二段"'),
    ],
)
def test_export_writes_the_format_of_the_chosen_filter(
    qtbot, window, tmp_path, name_filter, suffix, expected
):
    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_1)
    window.annotations.export_action.trigger()
    dialog = file_dialog()
    types = dialog.findChild(QtWidgets.QComboBox, "fileTypeCombo")
    for _ in range(types.findText(name_filter)):
        qtbot.keyClick(types, QtCore.Qt.Key_Down)  # as the reader picks it
    assert dialog.selectedNameFilter() == name_filter
    dialog.selectFile(str(tmp_path / "notes"))
    dialog.accept()
    written = tmp_path / f"notes{suffix}"
    assert expected in written.read_text(encoding="utf-8-sig")
    # Said in the status bar: nothing to answer, no box in the way.
    assert window.statusBar().currentMessage() == f"Exported 1 annotation to {written}."
    qtbot.wait(50)
    assert message_boxes() == []


def test_import_adds_the_annotations_of_a_w3c_file(qtbot, window, tmp_path, data_dir):
    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_5)
    exported = tmp_path / "notes.json"
    assert window.annotations.export_to(exported, "json")
    menu = window.annotations.highlight_menu_for(window.annotations.annotations()[0])
    next(a for a in menu.actions() if a.text() == "&Delete Highlight").trigger()
    assert stored(data_dir) == []

    window.annotations.import_action.trigger()
    dialog = file_dialog()
    dialog.selectFile(str(exported))
    dialog.accept()
    box = wait_for_message(qtbot)
    assert box.text() == "Imported annotations from notes.json."
    assert box.informativeText().startswith("1 added")
    box.close()
    start, _ = span(window, "这是第二段")
    assert background(window, start) == HIGHLIGHT_RGB["purple"]
    assert listed(window) == [("第一章 开头", "这是第二段", "")]


def test_a_file_that_is_not_w3c_json_is_refused_with_the_reason(qtbot, window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    assert not window.annotations.import_from(bad)
    box = wait_for_message(qtbot)
    assert box.text() == "Reader could not import annotations from bad.json."
    assert "W3C" in box.informativeText()


def test_a_pipe_is_refused_before_anything_is_read(qtbot, window, tmp_path, data_dir):
    """A pipe (or a device) might never end: the import file is read within its limits."""
    pipe = tmp_path / "notes.json"
    os.mkfifo(pipe)
    assert not window.annotations.import_from(pipe)
    box = wait_for_message(qtbot)
    assert box.text() == "Reader could not import annotations from notes.json."
    assert "is not a regular file" in box.informativeText()
    assert box.textFormat() == QtCore.Qt.PlainText
    assert stored(data_dir) == []


def test_export_and_import_start_in_the_folder_last_used_even_after_a_restart(
    qtbot, window, make_window, article, tmp_path
):
    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_1)
    folder = tmp_path / "exports"
    folder.mkdir()
    window.annotations.export_action.trigger()
    dialog = file_dialog()
    first = Path(dialog.directory().absolutePath())
    assert first == start_folder(Settings(), Purpose.ANNOTATIONS) != article.parent
    dialog.selectFile(str(folder / "notes.json"))
    dialog.accept()
    assert (folder / "notes.json").is_file()
    window.close()

    again = make_window(article)
    again.annotations.import_action.trigger()
    dialog = file_dialog()
    assert Path(dialog.directory().absolutePath()) == folder
    dialog.reject()
