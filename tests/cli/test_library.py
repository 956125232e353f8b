"""`reader library`: add, list and remove, their lines, JSON fields, exit codes and errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.cli import main
from reader.document import open_document
from reader.store import open_store, resolve_data_dir
from tests.test_cli import run_reader

LIST_FIELDS = [
    "path",
    "title",
    "format",
    "size",
    "characters",
    "added",
    "first_opened",
    "last_opened",
    "progress",
    "coverage",
    "missing",
    "indexed",
]


def _listed(capsys) -> list[dict]:
    assert main(["library", "list", "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_adding_a_folder_adds_every_book_in_it_and_says_so(books, capsys):
    assert main(["library", "add", str(books)]) == 0
    captured = capsys.readouterr()
    stone, reading = books / "stone.txt", books / "notes" / "reading.md"
    assert captured.out.splitlines() == [
        f"added: {reading}  读书笔记",
        f"added: {stone}  石头记",
        "2 documents added, 0 updated, 0 failed",
    ]
    assert captured.err == ""


def test_the_list_gives_each_document_with_exactly_its_fields(books, capsys):
    stone = books / "stone.txt"
    assert main(["library", "add", str(stone)]) == 0
    capsys.readouterr()
    (record,) = _listed(capsys)
    assert list(record) == LIST_FIELDS
    document = open_document(stone)
    assert record["path"] == str(stone)
    assert record["title"] == "石头记"
    assert record["format"] == "txt"
    assert record["size"] == stone.stat().st_size
    assert record["characters"] == len(document.text)
    assert isinstance(record["added"], str) and record["added"]
    assert record["first_opened"] is None and record["last_opened"] is None
    assert record["progress"] == 0
    assert record["coverage"] is None
    assert record["missing"] is False
    assert record["indexed"] is True


def test_plain_list_is_one_tab_separated_line_a_document(books, capsys):
    assert main(["library", "add", str(books)]) == 0
    capsys.readouterr()
    assert main(["library", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    fields = {line.split("\t")[0]: line.split("\t")[1:] for line in lines}
    characters = len(open_document(books / "stone.txt").text)
    assert fields[str(books / "stone.txt")] == ["石头记", f"{characters:,} characters", "0% read"]


def test_adding_again_updates_and_does_not_list_twice(books, capsys):
    stone = books / "stone.txt"
    assert main(["library", "add", str(stone)]) == 0
    capsys.readouterr()
    assert main(["library", "add", str(stone)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"updated: {stone}  石头记",
        "0 documents added, 1 updated, 0 failed",
    ]
    assert len(_listed(capsys)) == 1


def test_a_file_that_cannot_be_read_is_an_error_line_and_the_others_are_added(books):
    broken = books / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 200)
    missing = books / "missing.txt"
    result = run_reader("library", "add", str(missing), str(books))
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"reader: error: {missing}: ")
    assert errors[1].startswith(f"reader: error: {broken}: ")
    assert result.stdout.splitlines()[-1] == "2 documents added, 0 updated, 2 failed"
    listed = run_reader("library", "list", "--json")
    paths = {json.loads(line)["path"] for line in listed.stdout.splitlines()}
    assert paths == {str(books / "stone.txt"), str(books / "notes" / "reading.md")}


def test_a_folder_without_books_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    result = run_reader("library", "add", str(empty))
    assert result.returncode == 2
    assert result.stderr == f"reader: error: {empty}: the folder holds no book files\n"
    assert result.stdout == "0 documents added, 0 updated, 1 failed\n"


def test_removing_unlists_the_document_and_keeps_its_file_and_annotations(books, capsys):
    stone = books / "stone.txt"
    before = stone.read_bytes()
    document = open_document(stone)
    with open_store(resolve_data_dir()) as store:
        record = store.open_document(document).record
        store.annotations.create(record.id, document.text, 0, 3, note="开头")
    assert main(["library", "add", str(books)]) == 0
    capsys.readouterr()
    assert main(["library", "remove", str(stone)]) == 0
    assert capsys.readouterr().out == f"removed: {stone}  石头记\n"
    assert [r["path"] for r in _listed(capsys)] == [str(books / "notes" / "reading.md")]
    assert stone.read_bytes() == before
    with open_store(resolve_data_dir()) as store:
        assert [a.note for a in store.annotations.for_document(record.id)] == ["开头"]
    # Out of the library, out of its search too.
    assert main(["search", "--json", "黛玉"]) == 1


def test_removing_a_path_not_in_the_library_is_an_error(tmp_path):
    result = run_reader("library", "remove", str(tmp_path / "stone.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"reader: error: {tmp_path / 'stone.txt'}: not in the library\n"


def test_a_missing_file_is_listed_as_missing(books, capsys):
    assert main(["library", "add", str(books)]) == 0
    capsys.readouterr()
    (books / "stone.txt").unlink()
    missing = {r["path"]: r["missing"] for r in _listed(capsys)}
    assert missing == {str(books / "stone.txt"): True, str(books / "notes" / "reading.md"): False}
    assert main(["library", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "stone.txt" in x)
    assert line.endswith("\tmissing")


def test_a_damaged_index_is_made_anew_with_a_notice(books, tmp_path):
    data = tmp_path / "data"
    assert run_reader("library", "add", "--data-dir", str(data), str(books)).returncode == 0
    (data / "library-index.sqlite3").write_bytes(b"not a database" * 100)
    listed = run_reader("library", "list", "--json", "--data-dir", str(data))
    assert listed.returncode == 0
    (notice,) = listed.stderr.splitlines()
    assert notice.startswith(f"reader: the library index {data / 'library-index.sqlite3'} was ")
    assert [json.loads(line)["indexed"] for line in listed.stdout.splitlines()] == [False] * 2
    # A search indexes the library again first, and finds what it holds.
    found = run_reader("search", "--json", "--data-dir", str(data), "黛玉")
    assert (found.returncode, found.stderr) == (0, "")
    assert [json.loads(line)["match"] for line in found.stdout.splitlines()] == ["黛玉"]


def test_progress_goes_to_stderr_only_when_it_is_a_terminal(books):
    command = [sys.executable, "-m", "reader", "library", "add", str(books)]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert (piped.returncode, piped.stderr) == (0, "")
    controller, terminal = os.openpty()
    try:
        shown = subprocess.run(
            command, stdout=subprocess.PIPE, stderr=terminal, timeout=60, check=False
        )
        os.close(terminal)
        written = _read_all(controller)
    finally:
        os.close(controller)
    assert shown.returncode == 0
    assert b"\rreader: adding 1/2: " in written and b"\rreader: adding 2/2: " in written
    assert shown.stdout.decode().splitlines()[-1] == "0 documents added, 2 updated, 0 failed"


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal's other end is closed: all was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_every_command_takes_the_data_dir(books, tmp_path):
    data = tmp_path / "elsewhere"
    assert run_reader("library", "add", "--data-dir", str(data), str(books)).returncode == 0
    assert (data / "library-index.sqlite3").is_file()
    assert run_reader("library", "list").stdout == ""
    listed = run_reader("library", "list", "--data-dir", str(data))
    assert len(listed.stdout.splitlines()) == 2
    assert run_reader("search", "--data-dir", str(data), "宝玉").returncode == 0
    assert run_reader("search", "宝玉").returncode == 1
    removed = run_reader("library", "remove", "--data-dir", str(data), str(books / "stone.txt"))
    assert removed.returncode == 0


def test_paths_are_given_as_typed_or_relative(books, capsys, monkeypatch):
    monkeypatch.chdir(books)
    assert main(["library", "add", "stone.txt"]) == 0
    capsys.readouterr()
    assert main(["library", "remove", str(Path("stone.txt"))]) == 0
    assert capsys.readouterr().out == f"removed: {books / 'stone.txt'}  石头记\n"
