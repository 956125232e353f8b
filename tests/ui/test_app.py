"""Starting the window: which document comes first, and `reader --startup-report`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reader.cli import main
from reader.document import open_document
from reader.resources import seed_article
from reader.ui.app import open_first_document
from reader.ui.pinyin.settings import PinyinChoice, PinyinMode, PinyinSettings
from reader.ui.qt import QtWidgets
from reader.ui.settings import DocumentChoices, Settings
from reader.ui.startup_report import peak_rss_mb, process_age_seconds, report_line
from tests.ui.message_boxes import wait_for_message


@pytest.fixture
def window(make_window):
    return make_window(show=False)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "文章.txt"
    path.write_text("文章的标题\n\n正文。\n", encoding="utf-8")
    return path


def test_the_file_asked_for_comes_first(window, article):
    Settings().last_document = seed_article()
    open_first_document(window, str(article))
    assert window.reader_document.path == article.resolve()


def test_without_a_file_the_last_document_read_comes_back(window, article):
    Settings().last_document = article
    open_first_document(window, None)
    assert window.reader_document.path == article.resolve()


def test_the_seed_opens_the_first_time_and_when_the_last_document_is_gone(window, tmp_path):
    open_first_document(window, None)
    assert window.reader_document.path == seed_article().resolve()
    Settings().last_document = tmp_path / "gone.txt"
    open_first_document(window, None)
    assert window.reader_document.path == seed_article().resolve()


def test_a_document_whose_open_never_finished_is_not_reopened_by_itself(
    qtbot, make_window, article
):
    """It may be what stopped Reader: the last start stopped before it was painted."""
    first = make_window(show=False)
    assert first.open_path(article)  # not shown, so nothing will paint: done at once
    assert Settings().unfinished_open is None
    first.show()
    qtbot.waitExposed(first)
    assert first.open_path(article)
    assert Settings().unfinished_open == article.resolve()  # until its first paint
    # The process stops here, before the paint: the next start is told, and shows the seed.
    Settings().last_document = article
    again = make_window(show=False)
    open_first_document(again, None)
    assert again.reader_document.path == seed_article().resolve()
    boxes = [
        w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox)
    ]
    assert any(article.name in box.text() for box in boxes)
    assert Settings().unfinished_open is None  # the seed's open was not shown either
    for box in boxes:
        box.close()

    Settings().last_document = article  # the seed's open had taken its place
    shown = make_window()
    open_first_document(shown, None)
    assert shown.reader_document.path == article.resolve()  # the warning was given once
    # Painted once the window is free: a busy machine can hold that up for seconds.
    qtbot.waitUntil(lambda: Settings().unfinished_open is None, timeout=30_000)


def test_a_file_that_cannot_be_opened_the_first_time_is_reported_and_the_seed_shown(
    qtbot, window, tmp_path
):
    open_first_document(window, str(tmp_path / "没有.txt"))
    assert window.reader_document.path == seed_article().resolve()
    box = wait_for_message(qtbot)
    assert "没有.txt" in box.text()
    assert box.informativeText().endswith("no such file")
    box.close()


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("没有.txt", None, "no such file"),  # mistyped, or gone since
        ("bad.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ""),
    ],
    ids=["missing", "not-a-document"],
)
def test_a_file_that_cannot_be_opened_leaves_the_reader_in_their_document(
    qtbot, make_window, seed_path, tmp_path, name, content, why
):
    """`reader bad.png` after reading the seed: the message box says why, and the seed is
    shown where the reader left it, not the start of anything else."""
    reading = make_window(seed_path)
    place = reading.reader_document.root.children[2].start
    reading.reading_view.scroll_to_offset(place)
    reading.close()
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)

    window = make_window(show=False)
    open_first_document(window, str(bad), at=5)
    window.show()
    qtbot.waitExposed(window)
    assert window.reader_document.path == seed_path.resolve()
    assert window.reading_view.top_offset() == place
    box = wait_for_message(qtbot)
    assert name in box.text()
    assert why in box.informativeText()
    box.close()


def test_process_age_counts_from_the_start_of_the_process():
    code = (
        "import time; time.sleep(0.4)\n"
        "from reader.ui.startup_report import process_age_seconds\n"
        "print(process_age_seconds())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    age = float(result.stdout)
    assert 0.4 <= age < 30


def test_the_report_line_ends_with_the_place_shown():
    line = report_line(1.5, {"top_offset": 886, "section": "关键核心项目"}, lookup_ready_s=None)
    report = json.loads(line)
    assert list(report) == ["first_paint_s", "lookup_ready_s", "rss_mb", "top_offset", "section"]
    assert report["top_offset"] == 886
    assert report["section"] == "关键核心项目"
    assert line.isascii()  # any console can print it


def test_process_age_and_peak_memory_in_this_process():
    first = process_age_seconds()
    assert 0 < first <= process_age_seconds()
    assert peak_rss_mb() > 10


@pytest.mark.parametrize("pinyin", [PinyinMode.OFF, PinyinMode.ALL])
def test_startup_report_prints_one_json_line_and_exits(isolated_settings, seed_path, pinyin):
    """Also for a reader whose window opens in the pinyin view, where the reading view is
    never painted."""
    PinyinSettings().save(PinyinChoice(pinyin))
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "READER_SETTINGS_DIR": str(isolated_settings),
    }
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--startup-report", str(seed_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert set(report) == {"first_paint_s", "lookup_ready_s", "rss_mb", "top_offset", "section"}
    assert report["top_offset"] == 0
    assert report["section"] == "习近平主持召开网络安全和信息化工作座谈会"
    assert 0 < report["lookup_ready_s"] < 60
    assert 0 < report["first_paint_s"] < 60
    assert report["rss_mb"] > 10
    assert Settings().last_document == seed_path.resolve()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--heading-pattern", "第(", "book.txt"],
            "reader: error: --heading-pattern: bad heading pattern '第(': "
            "missing ), unterminated subpattern at position 1\n",
        ),
        (
            ["--encoding", "klingon", "book.txt"],
            "reader: error: --encoding: unknown encoding 'klingon'",
        ),
        (
            ["--encoding", "GB18030"],
            "reader: error: --encoding and --heading-pattern apply to a FILE; name one\n",
        ),
        (["--at", "12"], "reader: error: --at applies to a FILE; name one\n"),
        (
            ["--at", "第十回", "book.txt"],
            "reader: error: --at: '第十回' is not an offset (a whole number, 0 or more)\n",
        ),
        (
            ["book.txt", "--at=-1"],
            "reader: error: --at: '-1' is not an offset (a whole number, 0 or more)\n",
        ),
    ],
    ids=["bad-pattern", "unknown-encoding", "no-file", "at-no-file", "at-words", "at-negative"],
)
def test_the_window_command_refuses_bad_reading_options_before_opening(capsys, args, message):
    # Returning at all shows no window was run: run_app would wait in the event loop.
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(message)
    assert captured.err.count("\n") == 1


def test_reading_options_on_the_command_line_reach_the_window(isolated_settings, tmp_path):
    path = tmp_path / "四季.txt"
    path.write_bytes("四季\n\n◎ 春天来了\n\n春天的文字\u3002\n".encode("gb18030"))
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "READER_SETTINGS_DIR": str(isolated_settings),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--startup-report",
            "--encoding",
            "gb18030",
            "--heading-pattern",
            "^◎",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    settings = Settings()
    assert settings.last_document == path.resolve()
    assert settings.document_choices(path.resolve()) == DocumentChoices("gb18030", "^◎")


def _startup_report(settings, *args: str) -> dict:
    """`reader [ARGS] --startup-report` in a process of its own, on the settings in `settings`."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_SETTINGS_DIR": settings}
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args, "--startup-report"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def novel(shared_data):
    return shared_data / "novels" / "hongloumeng.txt"


@pytest.mark.parametrize(
    ("document", "heading"),
    [
        ("seed_path", "关键核心项目 谁有本事谁揭榜"),
        ("novel", "第十回 金寡妇贪利权受辱 张太医论病细穷源"),
    ],
)
@pytest.mark.parametrize("pinyin", [PinyinMode.OFF, PinyinMode.ALL])
def test_a_start_with_no_file_opens_where_the_last_one_showed_the_reader(
    request, isolated_settings, document, heading, pinyin
):
    """`reader FILE --at N`, then `reader` alone: both first paints are at the same offset,
    under the same heading, in the plain view and in the pinyin view."""
    PinyinSettings().save(PinyinChoice(pinyin))
    path = request.getfixturevalue(document)
    section_start = open_document(path).text.index(heading.split()[0])
    at = section_start + 40  # inside the section's first paragraph
    first = _startup_report(str(isolated_settings), str(path), "--at", str(at))
    assert first["top_offset"] == at
    assert first["section"] == heading
    again = _startup_report(str(isolated_settings))
    assert again["top_offset"] == first["top_offset"]
    assert again["section"] == heading


@pytest.mark.parametrize("document", ["seed_path", "novel"])
@pytest.mark.parametrize("from_end", [200, -(10**9)], ids=["last-screenful", "past-the-end"])
def test_a_start_with_no_file_opens_where_the_last_one_showed_the_end(
    request, isolated_settings, document, from_end
):
    """`reader FILE --at N` with N in the last screenful or past the end, then `reader`
    alone, twice: the page's end cannot scroll to the top, and every first paint is at the
    line the first one showed there (not one the scroll bar pulled down later)."""
    path = request.getfixturevalue(document)
    text = open_document(path).text
    at = len(text) - from_end
    first = _startup_report(str(isolated_settings), str(path), "--at", str(at))
    assert len(text) - 2000 < first["top_offset"] < min(at, len(text))
    for _ in range(2):
        again = _startup_report(str(isolated_settings))
        assert again["top_offset"] == first["top_offset"]
        assert again["section"] == first["section"]


def test_an_offset_past_the_end_opens_the_document_at_its_end(isolated_settings, seed_path):
    text = open_document(seed_path).text
    report = _startup_report(str(isolated_settings), str(seed_path), "--at", str(10**12))
    assert 0 < report["top_offset"] < len(text)
    assert report["section"] == "习近平频繁与互联网巨头交流"
