"""Starting the window: which document comes first, and `reader --startup-report`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reader.cli import main
from reader.resources import seed_article
from reader.ui.app import open_first_document
from reader.ui.pinyin.settings import PinyinChoice, PinyinMode, PinyinSettings
from reader.ui.qt import QtWidgets
from reader.ui.settings import DocumentChoices, Settings
from reader.ui.startup_report import peak_rss_mb, process_age_seconds


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


def test_a_file_that_cannot_be_opened_is_reported_and_the_seed_shown(qtbot, window, tmp_path):
    open_first_document(window, str(tmp_path / "没有.txt"))
    assert window.reader_document.path == seed_article().resolve()
    boxes = [
        w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox)
    ]
    qtbot.waitUntil(lambda: any(box.isVisible() for box in boxes))
    assert "没有.txt" in boxes[0].text()
    assert boxes[0].informativeText().endswith("no such file")
    boxes[0].close()


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
    assert set(report) == {"first_paint_s", "lookup_ready_s", "rss_mb"}
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
    ],
    ids=["bad-pattern", "unknown-encoding", "no-file"],
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
