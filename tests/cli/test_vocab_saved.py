"""`reader vocab save` and `reader vocab export`: what they print, write and refuse."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile

import pytest

from reader.cli import main
from reader.document import open_document
from reader.store import Status, open_store
from reader.store.vocabulary_csv import CSV_COLUMNS
from tests.test_cli import run_reader


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_DATA_DIR", raising=False)
    return tmp_path / "data"


def save(data_dir, word, path, offset) -> int:
    return main(
        ["vocab", "save", word, str(path), "--at", str(offset), "--data-dir", str(data_dir)]
    )


def test_save_keeps_the_word_with_its_sentence_and_prints_it(seed_path, data_dir, capsys):
    text = open_document(seed_path).text
    offset = text.index("网络安全")
    assert save(data_dir, "网络安全", seed_path, offset + 2) == 0
    word, pinyin, sentence = capsys.readouterr().out.rstrip("\n").split("\t")
    assert (word, pinyin) == ("网络安全", "wǎngluò'ānquán")
    assert "网络安全" in sentence and sentence in text
    with open_store(data_dir, read_only=True) as store:
        (saved,) = store.saved_words.all()
    assert saved.offset == offset and saved.document_path == str(seed_path)
    assert saved.sentence == sentence and saved.sentence_pinyin


def test_save_takes_the_traditional_form_and_a_span_cut_otherwise(tmp_path, data_dir, capsys):
    book = tmp_path / "book.txt"
    book.write_text("银行行长来了。\n", encoding="utf-8")
    assert save(data_dir, "行長", book, 2) == 0
    assert capsys.readouterr().out.startswith("行长\thángzhǎng\t银行行长来了。")


def test_a_word_not_at_the_offset_is_an_error_and_saves_nothing(seed_path, data_dir):
    result = run_reader(
        "vocab", "save", "红楼梦", str(seed_path), "--at", "10", "--data-dir", str(data_dir)
    )
    assert result.returncode == 2
    assert result.stderr.startswith("reader: error: save: '红楼梦' is not at offset 10 of ")
    assert len(result.stderr.splitlines()) == 1
    with open_store(data_dir, read_only=True) as store:
        assert store.saved_words.count() == 0


@pytest.mark.parametrize("offset", ["-1", "x"])
def test_a_bad_offset_is_refused_by_the_parser(seed_path, data_dir, offset):
    result = run_reader("vocab", "save", "网络", str(seed_path), "--at", offset)
    assert result.returncode == 2 and "not an offset" in result.stderr


def test_export_writes_every_saved_word_to_an_anki_package(seed_path, data_dir, tmp_path, capsys):
    text = open_document(seed_path).text
    for word in ("网络安全", "座谈会"):
        assert save(data_dir, word, seed_path, text.index(word)) == 0
    out = tmp_path / "words.apkg"
    capsys.readouterr()
    assert main(["vocab", "export", "--format", "apkg", str(out), "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == f"{out}: 2 saved words written (apkg)\n"
    with zipfile.ZipFile(out) as package:
        (tmp_path / "c.anki2").write_bytes(package.read("collection.anki2"))
    connection = sqlite3.connect(tmp_path / "c.anki2")
    try:
        first = dict(connection.execute("SELECT sfld, guid FROM notes"))
    finally:
        connection.close()
    assert set(first) == {"网络安全", "座谈会"}
    assert main(["vocab", "export", str(out), "--data-dir", str(data_dir)]) == 0
    with zipfile.ZipFile(out) as package:
        (tmp_path / "d.anki2").write_bytes(package.read("collection.anki2"))
    connection = sqlite3.connect(tmp_path / "d.anki2")
    try:
        assert dict(connection.execute("SELECT sfld, guid FROM notes")) == first
    finally:
        connection.close()


def test_export_csv_gives_a_header_and_each_words_status(seed_path, data_dir, tmp_path, capsys):
    text = open_document(seed_path).text
    assert save(data_dir, "座谈会", seed_path, text.index("座谈会")) == 0
    with open_store(data_dir) as store:
        store.word_statuses.set({"座谈会": Status.LEARNING_2})
    capsys.readouterr()
    assert main(["vocab", "export", "--format", "csv", "-", "--data-dir", str(data_dir)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1][0] == "座谈会" and rows[1][CSV_COLUMNS.index("Status")] == "2"
    out = tmp_path / "words.csv"
    assert main(["vocab", "export", str(out), "--data-dir", str(data_dir)]) == 0
    assert out.read_bytes().startswith(b'\xef\xbb\xbf"Hanzi","Traditional"')


def test_export_to_a_folder_that_is_not_there_is_one_line_and_exit_2(data_dir, tmp_path):
    result = run_reader(
        "vocab", "export", str(tmp_path / "no" / "w.apkg"), "--data-dir", str(data_dir)
    )
    assert result.returncode == 2
    assert result.stderr.startswith("reader: error: export: ")
    assert len(result.stderr.splitlines()) == 1


def test_an_anki_package_cannot_go_to_standard_output(data_dir):
    result = run_reader("vocab", "export", "--format", "apkg", "-", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "only CSV" in result.stderr
