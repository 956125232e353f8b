"""`reader vocab known` and `reader vocab status`: what they print, store and refuse."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.language.hsk import LEVELS_RESOURCE
from reader.resources import find
from reader.store import Status, open_store
from tests.test_cli import run_reader


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def statuses(data_dir) -> dict[str, Status]:
    with open_store(data_dir) as store:
        return store.word_statuses.all()


def hsk_up_to(level: int) -> set[str]:
    """The HSK 3.0 words of levels 1 to `level`, read from the list itself."""
    lines = find(LEVELS_RESOURCE).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return {word for word, new, _old in rows if new.isdigit() and int(new) <= level}


def test_known_hsk_marks_every_word_of_levels_1_to_n_and_says_how_many(data_dir, capsys):
    assert main(["vocab", "known", "--hsk", "2", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    known = statuses(data_dir)
    expected = hsk_up_to(2)
    assert set(known) == expected and len(expected) > 700
    assert set(known.values()) == {Status.KNOWN}
    assert out == f"HSK 3.0 1–2: {len(expected)} words marked known of {len(expected)}\n"


def test_known_keeps_the_status_a_word_already_has(data_dir, capsys):
    main(["vocab", "status", "学习", "2", "--data-dir", str(data_dir)])
    main(["vocab", "status", "你", "ignored", "--data-dir", str(data_dir)])
    capsys.readouterr()
    assert main(["vocab", "known", "--hsk", "1", "--data-dir", str(data_dir)]) == 0
    assert "(2 kept the status they had)" in capsys.readouterr().out
    known = statuses(data_dir)
    assert (known["学习"], known["你"], known["我"]) == (
        Status.LEARNING_2,
        Status.IGNORED,
        Status.KNOWN,
    )


def test_known_import_reads_a_gb18030_list_and_an_anki_export(data_dir, tmp_path, capsys):
    plain = tmp_path / "words.txt"
    plain.write_bytes("网络\n安全\n\n網絡\n".encode("gb18030"))
    anki = tmp_path / "anki.txt"
    anki.write_text("#separator:tab\n座谈会\tzuòtánhuì\tforum\n", encoding="utf-8")
    assert main(["vocab", "known", "--import", str(plain), "--data-dir", str(data_dir)]) == 0
    assert main(["vocab", "known", "--import", str(anki), "--data-dir", str(data_dir)]) == 0
    assert set(statuses(data_dir)) == {"网络", "安全", "座谈会"}


def test_known_without_a_source_prints_the_known_list(data_dir, capsys):
    for word in ("网络", "安全"):
        main(["vocab", "status", word, "known", "--data-dir", str(data_dir)])
    main(["vocab", "status", "学习", "3", "--data-dir", str(data_dir)])
    capsys.readouterr()
    assert main(["vocab", "known", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == ["网络", "安全"]


def test_status_reads_and_sets_a_word_by_its_simplified_form(data_dir, capsys):
    assert main(["vocab", "status", "網絡", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == "网络\tnew\n"
    assert main(["vocab", "status", "網絡", "4", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == "网络\t4\n"
    assert statuses(data_dir) == {"网络": Status.LEARNING_4}
    assert main(["vocab", "status", "网络", "new", "--data-dir", str(data_dir)]) == 0
    assert statuses(data_dir) == {}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["status", "网络", "5"],
            "status: '5' is not a status (one of: new, 1, 2, 3, 4, known, ignored)",
        ),
        (
            ["known", "--hsk", "7", "--hsk-version", "2.0"],
            "--hsk: HSK 2.0 has levels 1 to 6, not 7",
        ),
        (["known", "--import", "/nonexistent/words.txt"], "/nonexistent/words.txt"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(data_dir, args, message):
    result = run_reader("vocab", *args, "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("reader: error: ") and message in line


def test_an_hsk_level_out_of_range_is_refused_by_the_parser(data_dir):
    result = run_reader("vocab", "known", "--hsk", "10", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "'10' is not an HSK level (1 to 9)" in result.stderr
