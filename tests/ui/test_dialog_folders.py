"""Where the file dialogs start: the folder last used (kept across restarts), else the
Documents folder; never inside the program (its bundle, the checkout, the package)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.resources import seed_article
from reader.ui.dialog_folders import (
    Purpose,
    documents_folder,
    inside_program,
    remember_folder,
    start_folder,
)
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.settings import Settings


def _expected_documents() -> Path:
    documents = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path(QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.HomeLocation))


def test_with_nothing_remembered_the_dialogs_start_in_documents():
    assert start_folder(Settings(), Purpose.OPEN) == _expected_documents() == documents_folder()


def test_the_last_folder_used_is_remembered_for_each_purpose_across_restarts(tmp_path):
    books, notes = tmp_path / "books", tmp_path / "notes"
    books.mkdir()
    notes.mkdir()
    remember_folder(Settings(), Purpose.OPEN, books / "红楼梦.txt")
    remember_folder(Settings(), Purpose.ANNOTATIONS, notes / "x.json")

    restarted = Settings()
    assert start_folder(restarted, Purpose.OPEN) == books
    assert start_folder(restarted, Purpose.ANNOTATIONS) == notes

    books.rmdir()
    assert start_folder(Settings(), Purpose.OPEN) == _expected_documents()


def test_a_folder_inside_the_program_is_never_remembered_nor_started_in(tmp_path):
    seeds = seed_article().parent
    assert inside_program(seeds)
    remember_folder(Settings(), Purpose.OPEN, seed_article())
    assert start_folder(Settings(), Purpose.OPEN) == _expected_documents()

    settings = Settings()
    settings.set_dialog_folder(Purpose.OPEN.value, seeds)  # as an older version kept it
    assert start_folder(settings, Purpose.OPEN) == _expected_documents()


def test_a_frozen_apps_bundle_counts_as_the_program(tmp_path, monkeypatch):
    bundle = tmp_path / "reader" / "_internal"
    (bundle / "seeds").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    assert inside_program(bundle / "seeds")
    assert not inside_program(tmp_path)
    remember_folder(Settings(), Purpose.OPEN, bundle / "seeds" / "a.txt")
    assert start_folder(Settings(), Purpose.OPEN) == _expected_documents()


def _file_dialog() -> QtWidgets.QFileDialog:
    (dialog,) = [
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, QtWidgets.QFileDialog) and w.isVisible()
    ]
    return dialog


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_the_open_dialog_starts_where_the_last_one_was_left_in_a_new_window(
    qtbot, make_window, seed_path, tmp_path
):
    book = tmp_path / "书" / "book.txt"
    book.parent.mkdir()
    book.write_text("第一章\n\n正文。\n", encoding="utf-8")
    window = make_window(seed_path)
    dialog = window.choose_file()
    assert Path(dialog.directory().absolutePath()) == _expected_documents()
    dialog.selectFile(str(book))
    dialog.accept()
    assert window.reader_document.path == book
    window.close()

    again = make_window(seed_path)
    dialog = again.choose_file()
    assert Path(dialog.directory().absolutePath()) == book.parent
    dialog.reject()
