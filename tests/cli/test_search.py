"""`reader search`: the lines and JSON objects scripts rely on, filters, exit codes, errors;
and the issue's check on three real books."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import open_document
from reader.language.script import fold
from reader.library.index_file import index_path
from reader.store import STORE_FILE, open_store, resolve_data_dir
from tests.conftest import SEED, SHARED_DATA
from tests.library.index_damage import damage_stored_text
from tests.test_cli import run_reader

FIELDS = ["path", "start", "end", "section", "left", "match", "right"]
NOTE_FIELDS = [*FIELDS, "title", "annotation"]


@pytest.fixture
def library(books: Path, capsys) -> Path:
    """The books folder, added to the library."""
    assert main(["library", "add", str(books)]) == 0
    capsys.readouterr()
    return books


def _records(capsys, *args: str) -> list[dict]:
    assert main(["search", "--json", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return [json.loads(line) for line in captured.out.splitlines()]


def test_json_gives_every_match_in_every_document_with_exactly_its_fields(library, capsys):
    records = _records(capsys, "宝玉")
    books = [library / "notes" / "reading.md", library / "stone.txt"]
    texts = {path: open_document(path).text for path in books}
    expected = [
        (str(path), start)
        for path, text in texts.items()
        for start in range(len(text))
        if fold(text[start : start + 2]) == "宝玉"
    ]
    assert [(r["path"], r["start"]) for r in records] == expected
    assert len(expected) == 4  # 宝玉 twice and 寶玉 once in the novel, once in the notes
    for record in records:
        assert list(record) == FIELDS
        text = texts[Path(record["path"])]
        assert text[record["start"] : record["end"]] == record["match"]
        assert fold(record["match"]) == "宝玉"
        before = text[: record["start"]].replace("\n", " ")
        assert before.endswith(record["left"]) and "\n" not in record["right"]
    sections = [r["section"] for r in records]
    assert sections == ["人物"] + ["第一回 甄士隐梦幻识通灵"] * 2 + ["第二回 贾夫人仙逝扬州城"]


def test_a_traditional_query_finds_the_same(library, capsys):
    assert _records(capsys, "寶玉") == _records(capsys, "宝玉")


def test_plain_lines_give_path_offset_section_and_the_match_in_context(library, capsys):
    assert main(["search", "黛玉"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    path, start, section, context = line.split("\t")
    text = open_document(path).text
    assert path == str(library / "stone.txt")
    assert text[int(start) : int(start) + 2] == "黛玉"
    assert section == "第二回 贾夫人仙逝扬州城"
    # The context runs over line ends, shown as spaces.
    assert "遍。 第二回\u3000贾夫人仙逝扬州城 [黛玉]听了宝玉的话" in context


def test_pinyin_finds_the_words_read_so(library, capsys):
    records = _records(capsys, "--pinyin", "bao3yu4")
    assert {r["match"] for r in records} == {"宝玉", "寶玉"}
    assert len(records) == 4


def test_nothing_found_prints_nothing_and_exits_1(library):
    result = run_reader("search", "--json", "孙悟空")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")


def test_an_empty_library_finds_nothing():
    result = run_reader("search", "宝玉")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pinyin", "xyz"], "reader: error: 'xyz' is not pinyin: "),
        (["--pinyin", "宝yu"], "reader: error: '宝yu' mixes characters and pinyin"),
        ([" "], "reader: error: QUERY: it is empty"),
        (["--tag", "人物", "宝玉"], "reader: error: --tag and --colour filter annotations: "),
        (["--notes", "--colour", "pink", "宝玉"], "reader: error: --colour pink: not a colour"),
        (["--document", "nowhere.txt", "宝玉"], "reader: error: --document nowhere.txt: not in"),
        (["--limit", "0", "宝玉"], "usage: reader search"),
    ],
)
def test_a_bad_query_is_an_error_and_exit_2(library, args, message):
    result = run_reader("search", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_document_filter_searches_only_that_document(library, capsys):
    records = _records(capsys, "--document", str(library / "notes" / "reading.md"), "宝玉")
    assert [r["path"] for r in records] == [str(library / "notes" / "reading.md")]


def test_limit_prints_the_first_matches_only(library, capsys):
    assert [r["start"] for r in _records(capsys, "--limit", "2", "宝玉")] == [
        r["start"] for r in _records(capsys, "宝玉")[:2]
    ]


def test_a_changed_file_is_indexed_again_before_the_search(library, capsys):
    stone = library / "stone.txt"
    stone.write_text(stone.read_text(encoding="utf-8") + "\n袭人来了。\n", encoding="utf-8")
    (record,) = _records(capsys, "袭人")
    assert open_document(stone).text[record["start"] : record["end"]] == "袭人"
    assert _records(capsys, "--document", str(stone), "宝玉")[-1]["start"] < record["start"]


def _annotate(path: Path, start: int, end: int, **fields: object) -> str:
    document = open_document(path)
    with open_store(resolve_data_dir()) as store:
        record = store.open_document(document).record
        return store.annotations.create(record.id, document.text, start, end, **fields).id


def test_notes_searches_the_annotations_with_their_title_and_id(library, capsys):
    stone = library / "stone.txt"
    text = open_document(stone).text
    start = text.index("黛玉")
    red = _annotate(stone, start, start + 2, colour="red", note="她的眼泪", tags=["人物"])
    _annotate(stone, text.index("宝玉"), text.index("宝玉") + 2, colour="blue", note="笑")
    records = _records(capsys, "--notes", "眼泪")
    assert [list(r) for r in records] == [NOTE_FIELDS]
    (record,) = records
    assert (record["path"], record["title"], record["annotation"]) == (str(stone), "石头记", red)
    assert _records(capsys, "--notes", "--colour", "red", "黛玉")[0]["annotation"] == red
    assert main(["search", "--notes", "--colour", "blue", "黛玉"]) == 1
    assert [r["annotation"] for r in _records(capsys, "--notes", "--tag", "人物", "黛玉")] == [red]
    capsys.readouterr()
    assert main(["search", "--notes", "眼泪"]) == 0
    assert capsys.readouterr().out.rstrip("\n").split("\t")[-1] == red


def test_a_missing_file_is_still_found_in_its_old_index(library, capsys):
    before = _records(capsys, "宝玉")
    (library / "notes" / "reading.md").unlink()
    assert _records(capsys, "宝玉") == before


@pytest.fixture(scope="module")
def novels(
    tmp_path_factory: pytest.TempPathFactory, language_cache: Path
) -> tuple[Path, list[Path]]:
    """The data folder of a library holding two novels and the seed article, made once."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    data = tmp_path_factory.mktemp("novels-library")
    paths = [SHARED_DATA / "novels" / "hongloumeng.txt", SHARED_DATA / "novels" / "xiyouji.txt"]
    paths.append(SEED)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READER_CACHE_DIR", str(language_cache))
        patch.setenv("READER_SETTINGS_DIR", str(tmp_path_factory.mktemp("novels-settings")))
        names = [str(path) for path in paths]
        result = run_reader("library", "add", "--data-dir", str(data), *names, timeout=600)
    assert result.returncode == 0, result.stderr
    return data, paths


@pytest.mark.slow
def test_on_three_books_every_baoyu_is_found_by_characters_and_by_pinyin(novels):
    """The issue's done-when check."""
    data, paths = novels
    expected = sum(fold(open_document(path).text).count(fold("宝玉")) for path in paths)
    found = run_reader("search", "--json", "--data-dir", str(data), "宝玉")
    assert (found.returncode, found.stderr) == (0, "")
    assert len(found.stdout.splitlines()) == expected > 3800
    by_pinyin = run_reader("search", "--json", "--pinyin", "--data-dir", str(data), "baoyu")
    assert (by_pinyin.returncode, by_pinyin.stderr) == (0, "")
    assert len(by_pinyin.stdout.splitlines()) >= expected


def test_an_index_found_damaged_by_a_search_is_told_and_made_anew_by_the_next(library, capsys):
    path = index_path(resolve_data_dir(None) / STORE_FILE)
    damage_stored_text(path)

    assert main(["search", "宝玉"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("reader: error: ") and "the library index is damaged" in line

    assert len(_records(capsys, "宝玉")) == 4
