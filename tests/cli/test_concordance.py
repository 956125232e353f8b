"""`reader concordance`: KWIC lines of a file or of the library, sorted, as JSON; errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.columns import width
from reader.document import open_document
from reader.language.script import fold
from tests.test_cli import run_reader

FIELDS = ["path", "start", "end", "section", "left", "match", "right"]


def _records(capsys, *args: str) -> list[dict]:
    assert main(["concordance", "--json", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return [json.loads(line) for line in captured.out.splitlines()]


def test_a_file_outside_the_library_gives_every_occurrence_script_blind(books, capsys):
    stone = books / "stone.txt"
    text = open_document(stone).text
    records = _records(capsys, "寶玉", str(stone))
    expected = [i for i in range(len(text)) if fold(text[i : i + 2]) == "宝玉"]
    assert [r["start"] for r in records] == expected and len(expected) == 3
    for record in records:
        assert list(record) == FIELDS
        assert record["path"] == str(stone)
        assert text[record["start"] : record["end"]] == record["match"]
    assert main(["library", "list"]) == 0
    assert capsys.readouterr().out == ""  # the file was read, not added


def test_sorted_by_the_context_next_to_the_word(books, capsys):
    stone = str(books / "stone.txt")
    by_right = _records(capsys, "--sort", "right", "宝玉", stone)
    assert [r["right"] for r in by_right] == sorted(r["right"] for r in by_right)
    by_left = _records(capsys, "--sort", "left", "宝玉", stone)
    assert [r["left"][::-1] for r in by_left] == sorted(r["left"][::-1] for r in by_left)
    assert by_right != by_left  # the three contexts sort differently on each side


def test_plain_lines_align_the_word_in_one_column(books, capsys):
    assert main(["concordance", "宝玉", str(books / "stone.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    columns = {width(line[: line.index("[")]) for line in lines}
    assert len(columns) == 1
    kwic, path, start = lines[0].split("\t")
    assert (path, start) == (str(books / "stone.txt"), str(open_document(path).text.index("宝玉")))
    assert "通灵  [宝玉] 笑道" in kwic  # the line break before it shown as a space


def test_the_library_gives_the_occurrences_in_every_document(books, capsys):
    assert main(["library", "add", str(books)]) == 0
    capsys.readouterr()
    records = _records(capsys, "--library", "宝玉")
    paths = [r["path"] for r in records]
    assert paths == [str(books / "notes" / "reading.md")] + [str(books / "stone.txt")] * 3


def test_nothing_found_prints_nothing_and_exits_1(books):
    result = run_reader("concordance", "孙悟空", str(books / "stone.txt"))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["宝玉"], "reader: error: name a FILE or give --library (one of them)"),
        (["--library", "宝玉", "FILE"], "reader: error: name a FILE or give --library (one of"),
        (["", "FILE"], "reader: error: WORD: it is empty"),
        (["宝玉", "missing.txt"], "reader: error: missing.txt: "),
        (["--sort", "middle", "宝玉", "FILE"], "usage: reader concordance"),
    ],
)
def test_bad_arguments_are_an_error_and_exit_2(books, args, message):
    stone = str(books / "stone.txt")
    result = run_reader("concordance", *[stone if arg == "FILE" else arg for arg in args])
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_one_error_line(tmp_path: Path):
    result = run_reader("concordance", "宝玉", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"reader: error: {tmp_path / 'missing.txt'}: ")
