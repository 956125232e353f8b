"""The command line as a script or a researcher uses it: real processes, real files."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import MAX_FILE_BYTES, limits, open_document
from reader.store import MAX_IMPORT_BYTES, STORE_FILE, StaleAnnotation, edited, open_store
from tests.document.test_epub import deep_contents_book
from tests.store.store_helpers import frozen


def run_reader(
    *args: str, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def test_outline_prints_the_seed_tree(seed_path, seed_outline):
    result = run_reader("outline", str(seed_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == seed_outline
    assert result.stderr == ""


def test_outline_blocks_prints_kind_tab_text(seed_path, capsys):
    assert main(["outline", "--blocks", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    kinds = [line.split("\t", 1)[0] for line in lines]
    assert kinds[:2] == ["title", "subtitle"]
    assert kinds.count("subtitle") == 1
    assert kinds.count("caption") == 2
    assert kinds.count("list-item") == 10
    assert "list-item\t吴曼青 中国工程院院士、中国电子科技集团公司总工程师" in lines
    assert "heading\t各级领导干部 要经常上网看看" in lines
    assert all("\t" in line for line in lines)
    joined = "\n".join(lines)
    for fragment in ("进展厅前", "习主席的讲话", "习近平的著作"):
        assert fragment in joined


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "the file holds no text"),
        ("blank.txt", b" \n\t\n\xe3\x80\x80\n", "the file holds no text"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not text"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run_reader("outline", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"reader: error: {path}: ")
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_is_refused(tmp_path, capsys):
    assert main(["outline", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"reader: error: {tmp_path}: is a folder, not a file\n"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["outline"])
    assert raised.value.code == 2
    assert "reader outline: error:" in capsys.readouterr().err


def test_encoding_override_and_undecodable_bytes_warn_on_stderr(tmp_path, seed_path, seed_outline):
    broken = seed_path.read_text(encoding="utf-8").encode("gb18030") + b"\n\x81\n"
    path = tmp_path / "seed-gb18030.txt"
    path.write_bytes(broken)
    result = run_reader("outline", "--encoding", "GB18030", str(path))
    assert result.returncode == 0
    assert result.stdout == seed_outline
    assert result.stderr.startswith(f"reader: warning: {path}: 1 character could not be decoded")
    assert result.stderr.count("\n") == 1


def test_unknown_encoding_is_an_error(seed_path, capsys):
    assert main(["outline", "--encoding", "klingon", str(seed_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"reader: error: {seed_path}: unknown encoding 'klingon'")


def test_heading_pattern_replaces_the_built_in_rules(tmp_path, capsys):
    path = tmp_path / "book.txt"
    path.write_text("书名\n\n卷首 开篇\n正文一。\n\n卷尾 终篇\n正文二。\n", encoding="utf-8")
    assert main(["outline", "--heading-pattern", "^卷", str(path)]) == 0
    assert capsys.readouterr().out == "书名\n  卷首 开篇\n  卷尾 终篇\n"


def test_a_bad_heading_pattern_is_one_line(seed_path, capsys):
    assert main(["outline", "--heading-pattern", "第(", str(seed_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: error: --heading-pattern: bad heading pattern '第('")
    assert err.count("\n") == 1


def quote_only_annotation(exact: str, note: str) -> dict:
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:0d6f4a52-8a1e-4a43-9d0c-6f3f0e6f2a11",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "commenting", "value": note}],
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": exact}]},
    }


def test_notes_import_then_export_round_trips(tmp_path, seed_path):
    annotation = quote_only_annotation("网络空间是亿万民众共同的精神家园", "a key sentence")
    source = tmp_path / "notes.json"
    source.write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    data_dir = str(tmp_path / "data")

    imported = run_reader("notes", "import", "--data-dir", data_dir, str(seed_path), str(source))
    assert imported.returncode == 0, imported.stderr
    exported = run_reader("notes", "export", "--data-dir", data_dir, str(seed_path))
    assert exported.returncode == 0, exported.stderr
    items = json.loads(exported.stdout)["first"]["items"]
    assert len(items) == 1
    selectors = {s["type"]: s for s in items[0]["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "网络空间是亿万民众共同的精神家园"
    position = selectors["TextPositionSelector"]
    text = open_document(seed_path).text
    assert text[position["start"] : position["end"]] == "网络空间是亿万民众共同的精神家园"

    again = tmp_path / "again.json"
    again.write_text(exported.stdout, encoding="utf-8")
    reimported = run_reader("notes", "import", "--data-dir", data_dir, str(seed_path), str(again))
    assert reimported.returncode == 0, reimported.stderr
    markdown = run_reader(
        "notes", "export", "--format", "md", "--data-dir", data_dir, str(seed_path)
    )
    assert markdown.stdout.count("> 网络空间是亿万民众共同的精神家园") == 1
    assert "a key sentence" in markdown.stdout


def test_notes_import_of_a_broken_file_is_one_line(tmp_path, seed_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run_reader(
        "notes", "import", "--data-dir", str(tmp_path / "d"), str(seed_path), str(broken)
    )
    assert result.returncode == 2
    assert result.stderr.startswith("reader: error: ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_lookup_prints_forms_pinyin_level_and_senses(capsys):
    assert main(["lookup", "網絡"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "网络 (網絡)"
    assert lines[1].startswith("HSK 4")
    assert "wǎngluò" in lines
    assert any(line.strip().startswith("1. network") for line in lines)


def test_lookup_of_an_unknown_word_is_one_line(capsys):
    assert main(["lookup", "xyz"]) == 2
    assert capsys.readouterr().err == "reader: error: 'xyz' is not in the dictionary\n"


def test_pinyin_reads_lines_the_document_keeps_apart_each_in_its_own_context(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("银行行长了解情况\n他受不了了\n", encoding="gb18030")
    result = run_reader("pinyin", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "银行行长(yínhánghángzhǎng)了解(liǎojiě)情况(qíngkuàng)",
        "他(tā)受不了(shòubùliǎo)了(le)",
    ]


def test_pinyin_json_has_one_element_per_character(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("长大A了\n重庆".encode())))
    assert main(["pinyin", "--json", "--style", "numbers", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == [["zhang3", "da4", None, "le5"], ["chong2", "qing4"]]


def test_pinyin_of_a_missing_file_is_one_line(tmp_path, capsys):
    assert main(["pinyin", str(tmp_path / "none.txt")]) == 2
    assert capsys.readouterr().err == f"reader: error: {tmp_path / 'none.txt'}: no such file\n"


def test_pinyin_applies_the_readers_word_corrections(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("银行行长了解情况\n", encoding="utf-8")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "word-corrections.json").write_text(
        json.dumps(
            {"format": "reader-word-corrections", "version": 1, "words": {"银行行长": [2]}},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    result = run_reader("pinyin", "--data-dir", str(data_dir), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "银行(yínháng)行长(hángzhǎng)了解(liǎojiě)情况(qíngkuàng)\n"


def test_pinyin_finds_the_corrections_through_the_environment(tmp_path, capsys, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(data_dir))
    data_dir.mkdir()
    (data_dir / "word-corrections.json").write_text(
        '{"format": "reader-word-corrections", "version": 1, "words": {"了解情况": []}}',
        encoding="utf-8",
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("了解情况\n".encode())))
    assert main(["pinyin", "-"]) == 0
    assert capsys.readouterr().out == "了解情况(liǎojiěqíngkuàng)\n"


GBK_CORRECTIONS = (
    '{"format": "reader-word-corrections", "version": 1, "words": {"银行行长": [2]}}'.encode("gbk")
)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "is not valid JSON (Expecting property name enclosed in double quotes"),
        (b"\xff\xfe{", "is not UTF-8 text (byte 0xff at position 0)"),
        (GBK_CORRECTIONS, "is not UTF-8 text (byte 0xd2 at position 63)"),  # an editor's save
        (b"[" * 100_000, "is not valid JSON (nested too deeply)"),
    ],
)
def test_pinyin_moves_a_damaged_corrections_file_aside_and_goes_on(tmp_path, content, reason):
    path = tmp_path / "lines.txt"
    path.write_text("银行\n", encoding="utf-8")
    broken = tmp_path / "word-corrections.json"
    broken.write_bytes(content)
    result = run_reader("pinyin", "--data-dir", str(tmp_path), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "银行(yínháng)\n"
    (aside,) = tmp_path.glob("word-corrections.damaged-*.json")
    assert aside.read_bytes() == content
    assert not broken.exists()
    assert result.stderr.startswith(f"reader: warning: {broken}: {reason}")
    assert result.stderr.endswith(
        f"; it was moved aside to {aside.name}, and Reader goes on without word corrections\n"
    )
    assert result.stderr.count("\n") == 1


def test_pinyin_leaves_a_newer_readers_corrections_file_alone(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("银行\n", encoding="utf-8")
    newer = tmp_path / "word-corrections.json"
    newer.write_text('{"format": "reader-word-corrections", "version": 9}', encoding="utf-8")
    result = run_reader("pinyin", "--data-dir", str(tmp_path), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "银行(yínháng)\n"
    assert result.stderr == f"reader: warning: {newer}: has version 9; this Reader reads 1\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("word-")] == [newer.name]


def test_sub_commands_run_with_automatic_garbage_collection(seed_path):
    """The entry point turns the collector off for the window's start-up only."""
    script = (
        "import gc, sys\n"
        "from reader.__main__ import main\n"
        f"sys.argv = ['reader', 'outline', {str(seed_path)!r}]\n"
        "main()\n"
        "print('collecting' if gc.isenabled() else 'not collecting')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "collecting"


def two_articles(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("第一篇\n\n网络空间是亿万民众共同的精神家园。\n", encoding="utf-8")
    second.write_text("第二篇\n\n网络空间是亿万民众共同的精神家园。还有别的。\n", encoding="utf-8")
    return first, second


def notes(*args: str) -> tuple[int, str, str]:
    """`reader notes ...` in this process: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["notes", *args])
    return status, out.getvalue(), err.getvalue()


def exported_items(data_dir: Path, document: Path) -> list[dict]:
    status, out, err = notes("export", "--data-dir", str(data_dir), str(document))
    assert status == 0, err
    return json.loads(out)["first"]["items"]


def test_importing_one_documents_export_into_another_copies_it(tmp_path):
    first, second = two_articles(tmp_path)
    data_dir = tmp_path / "data"
    made = tmp_path / "made.json"
    made.write_text(
        json.dumps(
            [
                quote_only_annotation("网络空间", "一"),
                {**quote_only_annotation("精神家园", "二"), "id": "urn:uuid:" + "1" * 32},
            ]
        ),
        encoding="utf-8",
    )
    assert notes("import", "--data-dir", str(data_dir), str(first), str(made))[0] == 0
    exported = tmp_path / "a.json"
    exported.write_text(
        notes("export", "--data-dir", str(data_dir), str(first))[1], encoding="utf-8"
    )

    result = run_reader("notes", "import", "--data-dir", str(data_dir), str(second), str(exported))

    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"{exported}: 2 added (2 copied from another document with new ids), 0 updated; "
        "2 placed by position, 0 by quote, 0 not found in the text\n"
    )
    kept, copies = exported_items(data_dir, first), exported_items(data_dir, second)
    assert [item["body"][0]["value"] for item in kept] == ["一", "二"]
    assert [item["body"][0]["value"] for item in copies] == ["一", "二"]
    assert {item["id"] for item in kept}.isdisjoint(item["id"] for item in copies)
    again = run_reader("notes", "import", "--data-dir", str(data_dir), str(second), str(exported))
    assert again.stdout.endswith(
        ": 0 added, 2 updated; 2 placed by position, 0 by quote, 0 not found in the text\n"
    )


def test_a_window_s_stale_copy_cannot_undo_an_import(tmp_path, seed_path):
    """The window makes a note, `reader notes import` changes it, the window recolours its
    copy: the store refuses the stale copy and hands the window the imported note."""
    data_dir = tmp_path / "data"
    document = open_document(seed_path)
    with open_store(data_dir) as window:
        record = window.open_document(document).record
        start = document.text.index("集腋成裘")
        shown = window.annotations.create(record.id, document.text, start, start + 4, note="旧")
        item = exported_items(data_dir, seed_path)[0]
        item["body"][0]["value"] = "导入的"
        changed = tmp_path / "changed.json"
        changed.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")

        result = run_reader(
            "notes", "import", "--data-dir", str(data_dir), str(seed_path), str(changed)
        )
        assert result.returncode == 0, result.stderr
        assert ": 0 added, 1 updated;" in result.stdout

        with pytest.raises(StaleAnnotation) as stale:
            window.annotations.save(edited(shown, colour="blue"))
        assert stale.value.current.note == "导入的"
        window.annotations.save(edited(stale.value.current, colour="blue"))
    (item,) = exported_items(data_dir, seed_path)
    assert item["body"][0]["value"] == "导入的" and item["target"]["styleClass"] == "blue"


FOREIGN_DATABASES = {
    "another program's": "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
    "an empty one with a table x": "CREATE TABLE x (y)",
}


@pytest.mark.parametrize("statement", FOREIGN_DATABASES.values(), ids=FOREIGN_DATABASES.keys())
@pytest.mark.parametrize("action", ["export", "import"])
def test_a_store_that_is_another_program_s_database_is_moved_aside(
    tmp_path, seed_path, statement, action
):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    connection = sqlite3.connect(data_dir / STORE_FILE)
    connection.execute(statement)
    connection.commit()
    connection.close()
    source = tmp_path / "notes.json"
    source.write_text(json.dumps(quote_only_annotation("集腋成裘", "n")), encoding="utf-8")
    extra = [str(source)] if action == "import" else []

    result = run_reader("notes", action, "--data-dir", str(data_dir), str(seed_path), *extra)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        f"reader: The annotation store {data_dir / STORE_FILE} could not be used: "
    )
    assert "it is not a Reader store" in line and "reader.damaged-" in line
    assert len(list(data_dir.glob("reader.damaged-*.sqlite3"))) == 1


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file and folder"])
def test_export_works_on_a_read_only_store(tmp_path, seed_path, folder_too):
    data_dir = tmp_path / "data"
    source = tmp_path / "notes.json"
    source.write_text(json.dumps(quote_only_annotation("集腋成裘", "只读")), encoding="utf-8")
    assert notes("import", "--data-dir", str(data_dir), str(seed_path), str(source))[0] == 0
    store_file = data_dir / STORE_FILE
    with frozen(*([store_file, data_dir] if folder_too else [store_file])):
        for format in ("json", "md", "csv"):
            result = run_reader(
                "notes", "export", "--format", format, "--data-dir", str(data_dir), str(seed_path)
            )
            assert result.returncode == 0, result.stderr
            assert "只读" in result.stdout and result.stderr == ""
        refused = run_reader(
            "notes", "import", "--data-dir", str(data_dir), str(seed_path), str(source)
        )
        assert refused.returncode == 2
        assert refused.stderr.startswith(f"reader: error: {store_file}: ")
        assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr


LONE = "\ud800"


def with_quote(exact: str = "集腋成裘", **fields) -> dict:
    return {**quote_only_annotation(exact, "note"), "id": f"urn:uuid:{uuid.uuid4()}", **fields}


def tagged(tag: str) -> dict:
    return with_quote(body=[{"type": "TextualBody", "purpose": "tagging", "value": tag}])


def positioned(start: int, end: int) -> dict:
    selectors = [
        {"type": "TextQuoteSelector", "exact": "集腋成裘"},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]
    return with_quote(target={"selector": selectors})


def chained_pages(pages: int) -> str:
    return (
        '{"type": "AnnotationCollection", "first": '
        + '{"type": "AnnotationPage", "items": [], "next": ' * pages
        + "null"
        + "}" * pages
        + "}"
    )


DEEP = "is nested more than 100 levels deep, the most an import reads"
BAD_FILES = {
    "lone surrogate in a note": (
        [with_quote(), with_quote(bodyValue="笔记" + LONE)],
        "item 2: note: not valid text (lone surrogate)",
    ),
    "lone surrogate in a tag": ([tagged(LONE)], "item 1: tag: not valid text (lone surrogate)"),
    "lone surrogate in a quote": (
        [with_quote("集腋" + LONE)],
        "item 1: quote: not valid text (lone surrogate)",
    ),
    "lone surrogate in an id": (
        [with_quote(id="tag:x" + LONE)],
        "item 1: id: not valid text (lone surrogate)",
    ),
    "position of 10**30": (
        [positioned(10**30, 10**30 + 4)],
        "item 1: position: start is out of range (0 to 2,147,483,647)",
    ),
    "time at the edge of datetime": (
        [with_quote(created="0001-01-01T00:00:00+14:00")],
        "item 1: created: out of range (before year 1 or after 9999 in UTC)",
    ),
    "nested 100,000 deep": ("[" * 100_000 + "]" * 100_000, DEEP),
    "50,000 chained pages": (chained_pages(50_000), DEEP),
}


@pytest.mark.parametrize(("content", "reason"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_value_is_one_line_and_nothing_is_written(tmp_path, seed_path, content, reason):
    data_dir = tmp_path / "data"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(with_quote("网络空间天朗气清")), encoding="utf-8")
    assert notes("import", "--data-dir", str(data_dir), str(seed_path), str(good))[0] == 0
    before = exported_items(data_dir, seed_path)
    bad = tmp_path / "bad.json"
    bad.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")

    status, out, err = notes("import", "--data-dir", str(data_dir), str(seed_path), str(bad))

    assert (status, out) == (2, "")
    assert err == f"reader: error: {bad}: {reason}\n"
    assert exported_items(data_dir, seed_path) == before
    for format in ("md", "csv"):
        assert (
            notes("export", "--format", format, "--data-dir", str(data_dir), str(seed_path))[0] == 0
        )


def test_a_bad_value_through_the_real_command_is_one_line(tmp_path, seed_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([with_quote(bodyValue=LONE)]), encoding="utf-8")
    result = run_reader(
        "notes", "import", "--data-dir", str(tmp_path / "d"), str(seed_path), str(bad)
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"reader: error: {bad}: item 1: note: not valid text (lone surrogate)\n"
    with open_store(tmp_path / "d") as store:
        assert store.documents.all() == []  # not even the document was recorded


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, seed_path):
    large = tmp_path / "large.json"
    with large.open("wb") as file:
        file.truncate(MAX_IMPORT_BYTES + 1)
    status, _, err = notes("import", "--data-dir", str(tmp_path / "d"), str(seed_path), str(large))
    assert status == 2
    assert err == (
        f"reader: error: {large}: is larger than 32 MiB, the most one import reads; "
        "split it into smaller files\n"
    )


def test_notes_say_on_stderr_when_the_text_changed_since_annotating(tmp_path, seed_path):
    article = tmp_path / "article.txt"
    article.write_bytes(seed_path.read_bytes())
    data_dir = str(tmp_path / "data")
    source = tmp_path / "notes.json"
    source.write_text(json.dumps(quote_only_annotation("集腋成裘", "n")), encoding="utf-8")
    assert notes("import", "--data-dir", data_dir, str(article), str(source))[0] == 0
    text = article.read_text(encoding="utf-8")
    article.write_text("新的一段话放在最前面。\n\n" + text, encoding="utf-8")
    moved = f"reader: {article}: The text has changed since it was annotated: 1 moved, "

    status, out, err = notes("export", "--format", "md", "--data-dir", data_dir, str(article))
    assert (status, err) == (0, moved + "0 not found in the text.\n")
    assert "> 集腋成裘" in out
    status, out, err = notes("import", "--data-dir", data_dir, str(article), str(source))
    assert (status, err) == (0, moved + "0 not found in the text.\n")
    assert out.endswith(
        ": 0 added, 1 updated; 0 placed by position, 1 by quote, 0 not found in the text\n"
    )
    assert notes("export", "--data-dir", data_dir, str(article))[2] == ""


def test_a_catastrophic_heading_pattern_stops_with_one_line(tmp_path):
    """(a|aa)+$ backtracks exponentially on each of these lines, in re and in regex."""
    path = tmp_path / "book.txt"
    path.write_text("书名\n" + ("a" * 190 + "b\n") * 50, encoding="utf-8")
    result = run_reader("outline", "--heading-pattern", "(a|aa)+$", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "reader: error: --heading-pattern: the heading pattern took too long: '(a|aa)+$' ran for"
    )
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("pattern", ["(a+)+$", "(x+x+)+y"])
def test_patterns_that_hang_python_re_on_short_lines_run_quickly(tmp_path, pattern, capsys):
    """With re, (a+)+$ takes minutes on each of these lines; regex's engine finishes well
    inside the time limit (few lines, so a loaded machine does not make it a race)."""
    path = tmp_path / "book.txt"
    path.write_text("书名\n" + ("a" * 190 + "b\n") * 5, encoding="utf-8")
    assert main(["outline", "--heading-pattern", pattern, str(path)]) == 0
    assert capsys.readouterr().out == "书名\n"


@pytest.mark.parametrize("pattern", ["(.*.*)*x", "(第.*)*x"])
def test_patterns_that_hang_python_re_run_quickly_on_a_novel(shared_data, pattern, capsys):
    novel = shared_data / "novels" / "xiyouji.txt"
    assert main(["outline", "--heading-pattern", pattern, str(novel)]) == 0
    assert capsys.readouterr().out == "西游记\n"


def test_pinyin_of_a_device_is_refused_before_reading(capsys):
    assert main(["pinyin", "/dev/zero"]) == 2
    assert capsys.readouterr().err == "reader: error: /dev/zero: is not a regular file\n"


def test_pinyin_reads_standard_input_up_to_the_size_limit(capsys, monkeypatch):
    endless = io.BytesIO(b"\0" * (MAX_FILE_BYTES + 2))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(endless))
    assert main(["pinyin", "-"]) == 2
    assert capsys.readouterr().err == (
        "reader: error: <standard input>: is larger than 32 MB, the most Reader opens\n"
    )


def test_notes_import_of_a_device_is_one_line(tmp_path, seed_path, capsys):
    args = ["notes", "import", "--data-dir", str(tmp_path), str(seed_path), "/dev/zero"]
    assert main(args) == 2
    assert capsys.readouterr().err == "reader: error: /dev/zero: is not a regular file\n"


def test_a_symbolic_link_loop_is_named_as_such(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "back.txt")
    (tmp_path / "back.txt").symlink_to(loop)
    for command in ("outline", "pinyin"):
        result = run_reader(command, str(loop))
        assert result.returncode == 2
        assert result.stderr == (
            f"reader: error: {loop}: too many levels of symbolic links "
            "(a link that leads back to itself)\n"
        )


def test_an_epub_whose_contents_nest_a_thousand_deep_is_outlined(tmp_path):
    path = tmp_path / "deep.epub"
    path.write_bytes(deep_contents_book(1000))
    result = run_reader("outline", str(path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1001


def test_an_epub_that_unpacks_to_too_much_text_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 10_000)
    path = tmp_path / "big.epub"
    path.write_bytes(deep_contents_book(1000))
    assert main(["outline", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"reader: error: {path}: holds more than 10,000 characters of text, the most Reader opens\n"
    )


@pytest.mark.parametrize("charset", ["idna", "punycode", "rot13", "base64", "uu", "zlib"])
def test_a_page_declaring_a_codec_that_is_no_text_encoding_opens(tmp_path, charset):
    path = tmp_path / "page.html"
    page = f'<html><head><meta charset="{charset}"><title>标题</title></head><h1>标题</h1><p>正文。'
    path.write_bytes(page.encode())
    result = run_reader("outline", "--blocks", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "title\t标题\nparagraph\t正文。\n"


@pytest.mark.parametrize("encoding", ["idna", "punycode", "rot13", "base64"])
def test_an_encoding_option_that_is_no_text_encoding_is_one_line(seed_path, encoding, capsys):
    assert main(["outline", "--encoding", encoding, str(seed_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"reader: error: {seed_path}: unknown encoding '{encoding}'")
    assert err.count("\n") == 1


def test_a_four_character_utf16_file_without_a_bom_opens(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_bytes("你好世界".encode("utf-16-le"))
    result = run_reader("outline", "--blocks", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "title\t你好世界\n"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a\n=\n" * 250_000, "has 500,000 lines and marks of Markdown"),
        ("[" * 1_500_000, "has 1,500,000 lines and marks of Markdown"),
        ("> " * 50_000 + "a\n", "nests Markdown blocks more than 16 levels deep"),
    ],
)
def test_pathological_markdown_is_refused_quickly_in_one_line(tmp_path, text, reason):
    path = tmp_path / "heavy.md"
    path.write_text(text, encoding="utf-8")
    result = run_reader("outline", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"reader: error: {path}: {reason}")
    assert result.stderr.endswith("rename it to .txt to read it as plain text\n")
    assert result.stderr.count("\n") == 1


@pytest.fixture
def own_cache(tmp_path, language_cache, monkeypatch) -> Path:
    """A copy of the session's built caches, for a test to damage."""
    from reader.language.dictionary import ensure_index
    from reader.language.segmentation import Segmenter

    ensure_index(language_cache)
    Segmenter(language_cache).ensure_ready()
    folder = tmp_path / "cache"
    shutil.copytree(language_cache, folder)
    monkeypatch.setenv("READER_CACHE_DIR", str(folder))
    return folder


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: os.truncate(path, path.stat().st_size // 3),
        lambda path: path.write_bytes(b"\0" * 4096),
    ],
)
def test_lookup_and_pinyin_rebuild_a_damaged_dictionary_index(own_cache, tmp_path, damage):
    (index,) = own_cache.glob("cedict-*.sqlite3")
    damage(index)
    looked_up = run_reader("lookup", "网络")
    assert looked_up.returncode == 0, looked_up.stderr
    assert looked_up.stdout.startswith("网络 (網絡)\n")
    damage(index)
    text = tmp_path / "lines.txt"
    text.write_text("银行行长\n", encoding="utf-8")
    read = run_reader("pinyin", str(text))
    assert read.returncode == 0, read.stderr
    assert read.stdout == "银行行长(yínhánghángzhǎng)\n"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"((((" + data[4:],
        lambda data: b"garbage",
    ],
)
def test_pinyin_rebuilds_a_damaged_word_cache(own_cache, tmp_path, damage):
    (pieces,) = own_cache.glob("jieba-*.cache")
    pieces.write_bytes(damage(pieces.read_bytes()))
    text = tmp_path / "lines.txt"
    text.write_text("银行行长\n", encoding="utf-8")
    read = run_reader("pinyin", str(text))
    assert read.returncode == 0, read.stderr
    assert read.stdout == "银行行长(yínhánghángzhǎng)\n"
    assert read.stderr == ""


def test_notes_export_escapes_formulas_and_markup(tmp_path, seed_path, capsys):
    annotation = quote_only_annotation("网络空间是亿万民众共同的精神家园", "=cmd|' /C calc'!A0")
    annotation["body"] += [
        {"type": "TextualBody", "purpose": "tagging", "value": "<script>alert(1)</script>"},
        {"type": "TextualBody", "purpose": "tagging", "value": "+1+1"},
    ]
    source = tmp_path / "notes.json"
    source.write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    data_dir = str(tmp_path / "data")
    assert main(["notes", "import", "--data-dir", data_dir, str(seed_path), str(source)]) == 0
    capsys.readouterr()

    assert main(["notes", "export", "--format", "csv", "--data-dir", data_dir, str(seed_path)]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["note"] == "'=cmd|' /C calc'!A0"
    assert row["tags"] == "<script>alert(1)</script>; +1+1"  # a formula only at its start

    assert main(["notes", "export", "--format", "md", "--data-dir", data_dir, str(seed_path)]) == 0
    markdown = capsys.readouterr().out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert "<script>" not in markdown


def test_a_file_name_with_a_line_break_gives_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    result = run_reader("outline", str(path))
    assert result.returncode == 2
    assert result.stderr == f"reader: error: {tmp_path}/two\\nlines.txt: is a PNG image, not text\n"


def test_a_title_from_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/\xff\xfe.html", "wb") as file:
        file.write("<p>正文。</p>".encode())
    result = subprocess.run(
        [sys.executable, "-m", "reader", "outline", os.fsdecode(folder + b"/\xff\xfe.html")],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"\\udcff\\udcfe\n"
