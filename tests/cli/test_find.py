"""`reader find`: the lines and JSON objects scripts rely on, exit codes and errors."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.document import open_document
from tests.test_cli import run_reader

FIELDS = ["start", "end", "section", "context"]


def test_json_gives_one_object_per_match_with_exactly_its_four_fields(seed_path, capsys):
    assert main(["find", "--json", "网络安全", str(seed_path)]) == 0
    captured = capsys.readouterr()
    text = open_document(seed_path).text
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert len(records) == text.count("网络安全") > 1
    for record in records:
        assert list(record) == FIELDS
        assert isinstance(record["start"], int) and isinstance(record["end"], int)
        assert text[record["start"] : record["end"]] == "网络安全"
        assert isinstance(record["section"], str) and record["section"]
        assert "网络安全" in record["context"] and "\n" not in record["context"]
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    assert captured.err == ""


def test_traditional_query_finds_the_simplified_text(seed_path, capsys):
    assert main(["find", "--json", "網絡安全", str(seed_path)]) == 0
    traditional = capsys.readouterr().out
    assert main(["find", "--json", "网络安全", str(seed_path)]) == 0
    assert traditional == capsys.readouterr().out


def test_plain_lines_give_section_offset_and_context(seed_path, capsys):
    assert main(["find", "座谈会", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    text = open_document(seed_path).text
    assert len(lines) == text.count("座谈会")
    section, offset, context = lines[0].split("\t")
    assert section == "习近平主持召开网络安全和信息化工作座谈会"
    assert text[int(offset) : int(offset) + 3] == "座谈会"
    assert "座谈会" in context


def test_nothing_found_prints_nothing_and_exits_0(seed_path):
    result = run_reader("find", "--json", "红楼梦", str(seed_path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_pinyin_finds_the_words_read_so(seed_path, capsys):
    assert main(["find", "--json", "--pinyin", "wangluo anquan", str(seed_path)]) == 0
    captured = capsys.readouterr()
    starts = [json.loads(line)["start"] for line in captured.out.splitlines()]
    text = open_document(seed_path).text
    assert starts == [i for i in range(len(text)) if text.startswith("网络安全", i)]
    assert captured.err == ""


def test_pinyin_that_matches_other_words_says_so_on_stderr_only(seed_path, capsys):
    assert main(["find", "--json", "--pinyin", "shi", str(seed_path)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) > 10
    (note,) = captured.err.splitlines()
    assert note.startswith("reader: note: the ")
    assert "different words read 'shi' in context: 是 " in note


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pinyin", "xyz"], "reader: error: 'xyz' is not pinyin: it cannot be read as pinyin"),
        (["--pinyin", "诸ge"], "reader: error: '诸ge' mixes characters and pinyin"),
        ([" "], "reader: error: QUERY: it is empty"),
    ],
)
def test_a_bad_query_is_one_error_line_and_exit_2(seed_path, args, message):
    result = run_reader("find", *args, str(seed_path))
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(message)


def test_a_missing_file_is_one_error_line_and_exit_2(tmp_path):
    result = run_reader("find", "宝玉", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"reader: error: {tmp_path / 'missing.txt'}: ")


def test_pinyin_reads_with_the_readers_word_corrections(tmp_path, capsys):
    book = tmp_path / "book.txt"
    book.write_text("这个行当好。\n", encoding="utf-8")
    assert main(["find", "--json", "--pinyin", "ge5", str(book)]) == 0
    assert [json.loads(line)["start"] for line in capsys.readouterr().out.splitlines()] == [1]
    data = tmp_path / "data"
    data.mkdir()
    (data / "word-corrections.json").write_text(
        '{"format": "reader-word-corrections", "version": 1, "words": {"这个": [1]}}',
        encoding="utf-8",
    )
    # Cut apart, 个 is read on its own: gè, no longer the neutral tone of 这个.
    assert main(["find", "--json", "--pinyin", "ge5", "--data-dir", str(data), str(book)]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.slow
def test_on_the_novel_each_query_finds_every_baoyu(shared_data):
    """The issue's done-when check: 宝玉, 寶玉 and baoyu on 红楼梦."""
    novel = shared_data / "novels" / "hongloumeng.txt"
    text = open_document(novel).text
    expected = [i for i in range(len(text)) if text.startswith("宝玉", i)]
    assert len(expected) == text.count("宝玉")
    for args in (["宝玉"], ["寶玉"], ["--pinyin", "baoyu"]):
        result = run_reader("find", "--json", *args, str(novel))
        assert result.returncode == 0, result.stderr
        records = [json.loads(line) for line in result.stdout.splitlines()]
        starts = [r["start"] for r in records if text[r["start"] : r["end"]] == "宝玉"]
        assert starts == expected
        if args[0] != "--pinyin":
            assert len(records) == len(expected) and result.stderr == ""
        else:
            assert "宝玉 3,861" in result.stderr
