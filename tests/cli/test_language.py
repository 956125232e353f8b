"""`reader lookup --json` and `reader words`: the JSON contract scripts and tests rely on."""

from __future__ import annotations

import io
import itertools
import json

from reader.cli import main
from reader.document import open_document
from tests.test_cli import run_reader

PART_FIELDS = ["word", "pinyin", "senses", "hsk"]
WORD_FIELDS = ["start", "end", "text", "pinyin", "dictionary"]


def test_lookup_json_gives_a_word_the_dictionary_lacks_by_its_parts():
    result = run_reader("lookup", "--json", "网络安全")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert list(record) == ["word", "pinyin", "entries", "cover"]
    assert record["word"] == "网络安全" and record["pinyin"] == "wǎngluò'ānquán"
    assert record["entries"] == []
    network, safe = record["cover"]
    assert list(network) == PART_FIELDS
    assert (network["word"], network["pinyin"]) == ("网络", "wǎngluò")
    assert network["senses"][0].startswith("network")
    assert network["hsk"] == {"new": "4", "old": "6"}
    assert (safe["word"], safe["pinyin"], safe["senses"][0]) == ("安全", "ānquán", "safe; secure")


def test_lookup_json_of_an_entry_has_no_cover(capsys):
    assert main(["lookup", "--json", "--style", "numbers", "安全"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["cover"] == []
    (entry,) = record["entries"]
    assert entry == {
        "simplified": "安全",
        "traditional": "安全",
        "pinyin": "an1 quan2",
        "senses": ["safe; secure", "safety; security"],
    }


def test_lookup_json_of_a_word_with_no_entry_inside_covers_it_by_characters(capsys):
    assert main(["lookup", "--json", "一个"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["entries"] == []
    assert [(part["word"], part["pinyin"]) for part in record["cover"]] == [
        ("一", "yī"),
        ("个", "gè"),
    ]
    assert record["cover"][0]["hsk"]["new"] == "1"


def test_lookup_json_of_nothing_known_is_one_error_line(capsys):
    assert main(["lookup", "--json", "abc"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "reader: error: 'abc' is not in the dictionary\n"


def test_words_json_gives_each_word_of_the_seed_at_the_windows_offsets(seed_path):
    result = run_reader("words", "--json", str(seed_path))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    text = open_document(seed_path).text
    assert all(list(record) == WORD_FIELDS for record in records)
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(records))
    title = [(r["text"], r["dictionary"]) for r in records[:4]]
    assert title == [("习近平", "word"), ("主持", "word"), ("召开", "word"), ("网络安全", "cover")]
    assert records[3]["pinyin"] == "wǎngluò'ānquán"
    kinds = {r["text"]: r["dictionary"] for r in records}
    assert kinds["一个"] == "characters"
    assert "日电" not in kinds and kinds["19日"] == "characters"  # the dateline's 19日 / 电
    assert not any(r["text"] in {"，", "。", "\n"} for r in records)  # only words with Han


def test_words_reads_standard_input_and_applies_the_readers_corrections(
    tmp_path, capsys, monkeypatch
):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "word-corrections.json").write_text(
        '{"format": "reader-word-corrections", "version": 1, "words": {"网络安全": [2]}}',
        encoding="utf-8",
    )
    stdin = io.TextIOWrapper(io.BytesIO("Hi 网络安全很重要。\n".encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["words", "--json", "--data-dir", str(data_dir), "-"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["start"], r["end"], r["text"], r["dictionary"]) for r in records] == [
        (3, 5, "网络", "word"),
        (5, 7, "安全", "word"),
        (7, 8, "很", "word"),
        (8, 10, "重要", "word"),
    ]


def test_words_without_json_prints_tab_separated_lines(tmp_path):
    path = tmp_path / "短文.txt"
    path.write_text("网络安全\n", encoding="utf-8")
    result = run_reader("words", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "0\t4\t网络安全\twǎngluò'ānquán\tcover\n"


def test_words_of_bad_input_is_one_error_line(tmp_path):
    image = tmp_path / "picture.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = run_reader("words", "--json", str(image))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"reader: error: {image}: is a PNG image, not text\n"
    missing = run_reader("words", "--json", str(tmp_path / "none.txt"))
    assert missing.returncode == 2
    assert missing.stderr == f"reader: error: {tmp_path / 'none.txt'}: no such file\n"
