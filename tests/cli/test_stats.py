"""`reader stats`: one JSON object per section and one for the document, from the store's
statuses, read without writing; the table; errors."""

from __future__ import annotations

import json

from reader.cli import main
from reader.document import open_document
from reader.language.counted_words import BANDS
from reader.store import open_store
from reader.store.word_status import Status
from tests.test_cli import run_reader

FIELDS = ["kind", "title", "start", "end", "words", "known_share", "new_words", "hsk"]


def _records(capsys, *args: str) -> list[dict]:
    assert main(["stats", "--json", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return [json.loads(line) for line in captured.out.splitlines()]


def test_json_gives_each_section_then_the_document_with_exactly_the_fields(seed_path, capsys):
    records = _records(capsys, str(seed_path))
    document = open_document(seed_path)
    sections = [s for s in document.sections() if s.parent is not None]
    assert [r["kind"] for r in records] == ["section"] * len(sections) + ["document"]
    assert [(r["title"], r["start"], r["end"]) for r in records[:-1]] == [
        (s.heading, s.start, s.end) for s in sections
    ]
    whole = records[-1]
    assert (whole["title"], whole["start"], whole["end"]) == (document.title, 0, len(document.text))
    for record in records:
        assert list(record) == FIELDS
        assert isinstance(record["words"], int) and record["words"] > 0
        assert record["known_share"] == 0  # an empty store: every word new
        assert 0 < record["new_words"] <= record["words"]
        assert list(record["hsk"]) == list(BANDS)
        assert sum(record["hsk"].values()) == record["words"]
    # A section's figures hold its subsections'; the document's, every section's.
    assert whole["words"] >= sum(r["words"] for r in records if r["title"] in _top(document))


def _top(document) -> set[str]:
    return {section.heading for section in document.root.children}


def test_known_words_raise_the_share_and_one_more_raises_it_again(seed_path, capsys, tmp_path):
    """The issue's check: `vocab known --hsk 3`, then one word more, through the CLI."""
    data = ["--data-dir", str(tmp_path)]
    assert main(["vocab", "known", "--hsk", "3", *data]) == 0
    capsys.readouterr()
    before = _records(capsys, *data, str(seed_path))[-1]
    assert 0.3 < before["known_share"] < 1
    assert before["known_share"] == round(
        sum(before["hsk"][band] for band in ("1", "2", "3")) / before["words"], 4
    )
    assert main(["vocab", "status", "网络", "known", *data]) == 0
    capsys.readouterr()
    after = _records(capsys, *data, str(seed_path))[-1]
    assert after["known_share"] > before["known_share"]
    assert after["new_words"] == before["new_words"] - 1
    assert after["words"] == before["words"]


def test_ignored_words_leave_the_count(seed_path, capsys, tmp_path):
    before = _records(capsys, "--data-dir", str(tmp_path), str(seed_path))[-1]
    with open_store(tmp_path) as store:
        store.word_statuses.set({"网络": Status.IGNORED})
    after = _records(capsys, "--data-dir", str(tmp_path), str(seed_path))[-1]
    assert after["words"] < before["words"] and after["new_words"] == before["new_words"] - 1


def test_the_store_is_read_not_written(seed_path, capsys, tmp_path):
    folder = tmp_path / "nothing yet"
    _records(capsys, "--data-dir", str(folder), str(seed_path))
    assert not folder.exists()


def test_a_document_without_headings_prints_only_the_document(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text("我们学习中文。王夫人说：三十个人来了。\n", encoding="utf-8")
    records = _records(capsys, str(path))
    assert [r["kind"] for r in records] == ["document"]
    # 我们 学习 中文 说 人来 了: 王夫人 (a name) and 三十个 (a number) left out.
    assert records[0]["words"] == 6


def test_the_table_has_a_header_a_line_per_section_and_the_document_last(seed_path, capsys):
    assert main(["stats", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    document = open_document(seed_path)
    assert lines[0].split() == ["known", "learning", "words", "new", "words", "section"]
    assert len(lines) == 1 + sum(1 for s in document.sections() if s.parent) + 1
    assert lines[1].split()[:2] == ["0.0%", "0.0%"]
    assert lines[-1].endswith(f"[document] {document.title}")


def test_a_heading_pattern_decides_the_sections(tmp_path, capsys):
    path = tmp_path / "book.txt"
    path.write_text("书\n\n卷一\n\n我们学习。\n\n卷二\n\n你们学习。\n", encoding="utf-8")
    records = _records(capsys, "--heading-pattern", "^卷", str(path))
    assert [r["title"] for r in records] == ["卷一", "卷二", "书"]


def test_errors_are_one_line_and_exit_2(tmp_path):
    missing = run_reader("stats", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith("reader: error: ") and missing.stderr.count("\n") == 1
    pattern = run_reader("stats", "--heading-pattern", "(", str(tmp_path / "missing.txt"))
    assert pattern.returncode == 2 and pattern.stderr.startswith("reader: error: --heading-pattern")
