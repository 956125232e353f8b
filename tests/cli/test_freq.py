"""`reader freq`: the word and character lists in JSON and as tab-separated lines, the
reader's corrections, errors, and the issue's check on 红楼梦."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.store import STORE_FILE, open_store

FIELDS = ["word", "count", "per_10k", "sections", "hsk", "pinyin", "gloss", "cumulative"]
CHAR_FIELDS = ["char", "count", "per_10k", "cumulative"]
TEXT = "小说\n\n第一章\n\n我们学习中文。\n\n第二章\n\n我們學習，今天也学习。\n"
"""Running words: 学习 3, 我们 2, then 中文 也 今天 小说 (numbers left out): 9."""


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _out(capsys, *args: str) -> list[str]:
    assert main(["freq", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out.splitlines()


def test_json_lists_the_words_most_frequent_first_with_every_field(book, tmp_path, capsys):
    records = [
        json.loads(line) for line in _out(capsys, "--json", "--data-dir", str(tmp_path), str(book))
    ]
    assert all(list(record) == FIELDS for record in records)
    assert [(r["word"], r["count"]) for r in records[:2]] == [("学习", 3), ("我们", 2)]
    assert sum(r["count"] for r in records) == 9
    study = records[0]
    assert study["per_10k"] == round(3 * 10_000 / 9, 2)
    assert (study["sections"], study["hsk"], study["pinyin"]) == (2, 1, "xuéxí")
    assert study["cumulative"] == round(3 / 9, 4) and records[-1]["cumulative"] == 1.0
    assert {r["word"]: r["hsk"] for r in records}["小说"] == 2


def test_plain_lines_hold_the_same_fields_tab_separated(book, tmp_path, capsys):
    lines = _out(capsys, "--data-dir", str(tmp_path), str(book))
    first = lines[0].split("\t")
    assert len(first) == len(FIELDS)
    assert first[:6] == ["学习", "3", f"{3 * 10_000 / 9:.2f}", "2", "1", "xuéxí"]
    assert first[7] == f"{3 / 9:.4f}"


def test_chars_lists_characters(book, capsys):
    records = [json.loads(line) for line in _out(capsys, "--json", "--chars", str(book))]
    assert all(list(record) == CHAR_FIELDS for record in records)
    counts = {r["char"]: r["count"] for r in records}
    assert counts["学"] == 3 and counts["第"] == 2 and "。" not in counts
    plain = _out(capsys, "--chars", str(book))
    assert plain[0].split("\t")[:2] == [records[0]["char"], str(records[0]["count"])]


def test_the_readers_corrections_cut_the_words(book, tmp_path, capsys):
    (tmp_path / "word-corrections.json").write_text(
        '{"format": "reader-word-corrections", "version": 1, "words": {"学习": [1]}}',
        encoding="utf-8",
    )
    records = [
        json.loads(line) for line in _out(capsys, "--json", "--data-dir", str(tmp_path), str(book))
    ]
    words = {r["word"]: r["count"] for r in records}
    # Corrections go by the written form: 學習 is not the 学习 cut apart.
    assert words["学"] == 2 and words["习"] == 2 and words["学习"] == 1


def test_a_missing_file_is_one_error_line_and_exit_2(tmp_path, capsys):
    missing = tmp_path / "gone.txt"
    assert main(["freq", str(missing)]) == 2
    assert capsys.readouterr().err == f"reader: error: {missing}: no such file\n"


def test_a_file_or_the_library_is_named(book, capsys):
    assert main(["freq"]) == 2
    assert capsys.readouterr().err == "reader: error: name a FILE or --library (one of them)\n"
    assert main(["freq", "--library", str(book)]) == 2


@pytest.mark.slow
def test_on_the_novel_baoyu_is_among_the_first_twenty_words(shared_data, tmp_path, capsys):
    """The issue's done-when check, on 红楼梦."""
    novel = shared_data / "novels" / "hongloumeng.txt"
    lines = _out(capsys, "--json", "--data-dir", str(tmp_path), str(novel))
    top = [json.loads(line)["word"] for line in lines[:20]]
    assert "宝玉" in top


def test_the_library_without_an_index_is_an_error(tmp_path, capsys):
    pytest.importorskip("reader.library.index_file")  # the index helper's part
    assert main(["freq", "--library", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: error: ") and "no index yet" in err and err.count("\n") == 1


def test_the_library_lists_its_documents_from_their_stored_counts(book, tmp_path, capsys):
    indexing = pytest.importorskip("reader.library.indexing")
    from reader.library.index_file import LibraryIndex, index_path

    other = tmp_path / "other.txt"
    other.write_text("别的书\n\n丫鬟笑了，丫鬟又笑了。\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    with open_store(data) as store, LibraryIndex.open(index_path(data / STORE_FILE)) as index:
        indexing.add_to_library(store, index, book)
        removed = indexing.add_to_library(store, index, other)
    alone = [
        json.loads(line) for line in _out(capsys, "--json", "--data-dir", str(data), str(book))
    ]
    both = [
        json.loads(line) for line in _out(capsys, "--json", "--library", "--data-dir", str(data))
    ]
    assert all(list(record) == FIELDS for record in both)
    counts = {r["word"]: r["count"] for r in both}
    assert counts["丫鬟"] == 2 and counts["学习"] == 3
    with open_store(data) as store:
        store.library.remove(removed.id)  # unlisted: out of the list at once
    listed = [
        json.loads(line) for line in _out(capsys, "--json", "--library", "--data-dir", str(data))
    ]
    assert [(r["word"], r["count"]) for r in listed] == [(r["word"], r["count"]) for r in alone]
    chars = [
        json.loads(line)
        for line in _out(capsys, "--json", "--chars", "--library", "--data-dir", str(data))
    ]
    assert {r["char"]: r["count"] for r in chars}["学"] == 3
