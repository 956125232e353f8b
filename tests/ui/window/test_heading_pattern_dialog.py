"""File ▸ Chapter Pattern: a pattern typed, its headings previewed, applied and remembered."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document.progress import PLACE_SEPARATOR
from reader.ui.app import open_first_document
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.window import heading_pattern_dialog
from reader.ui.window.heading_pattern_dialog import (
    PREVIEW_DELAY_MS,
    SEARCHING,
    HeadingPatternDialog,
)
from reader.ui.window.main_window import MainWindow
from tests.ui.typing import type_text

HEADINGS = [
    "\u25ce 春天来了\uff0c万物都醒了",
    "\u25ce 夏天到了\uff0c荷花开满池塘",
    "\u25ce 秋天来了\uff0c稻子熟了",
]


def book_text(paragraphs: int = 1) -> str:
    """A book whose headings the built-in rules miss: they read as sentences."""
    parts = ["四季的故事\n"]
    for heading in HEADINGS:
        parts.append(f"{heading}\n")
        parts.extend(
            f"\u3000\u3000{heading[2:4]}的第{n}段\uff0c写了很多很多的文字\uff0c一直写到最后\u3002\n"
            for n in range(paragraphs)
        )
    return "\n".join(parts)


def tree_headings(window: MainWindow) -> list[str]:
    """The headings the section tree shows below the title, top level only."""
    model = window.section_tree.section_model()
    title = model.index(0, 0)
    return [model.index(row, 0, title).data() for row in range(model.rowCount(title))]


def open_dialog(window: MainWindow) -> HeadingPatternDialog:
    window.heading_pattern_action.trigger()
    dialogs = [
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, HeadingPatternDialog) and w.isVisible() and w.parent() is window
    ]
    assert len(dialogs) == 1
    return dialogs[0]


def previewed(dialog: HeadingPatternDialog) -> list[str]:
    return [dialog.preview_list.item(row).text() for row in range(dialog.preview_list.count())]


@pytest.fixture
def book(tmp_path) -> Path:
    path = tmp_path / "四季.txt"
    path.write_bytes(book_text().encode("gb18030"))
    return path


@pytest.fixture
def window(qtbot, make_window, book) -> MainWindow:
    window = make_window()
    assert window.open_path(book)
    assert tree_headings(window) == []
    return window


def test_the_preview_follows_the_typing(qtbot, window):
    dialog = open_dialog(window)
    assert dialog.windowModality() == QtCore.Qt.WindowModal
    assert dialog.pattern_edit.text() == ""
    assert not dialog.ok_button.isEnabled()
    assert not dialog.built_in_button.isEnabled()
    assert dialog.status_label.text().startswith("Type a regular expression")

    type_text(qtbot, dialog.pattern_edit, "^\u25ce")
    # The preview waits for a pause in the typing.
    assert dialog.preview_list.count() == 0
    qtbot.waitUntil(lambda: dialog.preview_list.count() == 3, timeout=20_000)
    assert previewed(dialog) == HEADINGS
    assert dialog.status_label.text() == "3 headings found."
    assert dialog.ok_button.isEnabled()

    type_text(qtbot, dialog.pattern_edit, " \u590f")
    qtbot.waitUntil(lambda: dialog.preview_list.count() == 1)
    assert previewed(dialog) == [HEADINGS[1]]
    assert dialog.status_label.text() == "1 heading found."

    type_text(qtbot, dialog.pattern_edit, "冬")
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("No line matches"))
    assert dialog.preview_list.count() == 0
    dialog.reject()


def test_a_bad_pattern_is_explained_and_cannot_be_applied(qtbot, window):
    dialog = open_dialog(window)
    type_text(qtbot, dialog.pattern_edit, "第(")
    qtbot.waitUntil(lambda: "bad heading pattern" in dialog.status_label.text())
    assert dialog.status_label.text() == (
        "bad heading pattern '第(': missing ), unterminated subpattern at position 1"
    )
    assert "color" in dialog.status_label.styleSheet()
    assert not dialog.ok_button.isEnabled()
    assert dialog.preview_list.count() == 0
    # Enter does not apply it either, not even before the preview has caught up.
    qtbot.keyClick(dialog.pattern_edit, QtCore.Qt.Key_Return)
    assert dialog.isVisible()
    type_text(qtbot, dialog.pattern_edit, "[")
    qtbot.keyClick(dialog.pattern_edit, QtCore.Qt.Key_Return)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: "bad heading pattern '第([':" in dialog.status_label.text())
    assert dialog.isVisible()
    assert tree_headings(window) == []

    dialog.pattern_edit.selectAll()
    type_text(qtbot, dialog.pattern_edit, "x?")
    qtbot.waitUntil(lambda: "matches an empty line" in dialog.status_label.text())
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_ok_applies_the_pattern_to_the_section_tree(qtbot, window, book):
    dialog = open_dialog(window)
    type_text(qtbot, dialog.pattern_edit, "^\u25ce")
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    qtbot.mouseClick(dialog.ok_button, QtCore.Qt.LeftButton)
    assert not dialog.isVisible()
    assert tree_headings(window) == HEADINGS
    assert window.reading_view.toPlainText().split("\n")[1] == HEADINGS[0]
    assert window.settings.document_choices(book.resolve()).heading_pattern == "^\u25ce"
    # The encoding was detected, not chosen, and stays so.
    assert window.settings.document_choices(book.resolve()).encoding is None


def test_enter_right_after_typing_applies_what_was_typed(qtbot, window):
    dialog = open_dialog(window)
    type_text(qtbot, dialog.pattern_edit, "\u590f天到")
    qtbot.keyClick(dialog.pattern_edit, QtCore.Qt.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tree_headings(window) == [HEADINGS[1]]


def test_cancel_changes_nothing(qtbot, window, book):
    shown = window.reader_document
    dialog = open_dialog(window)
    type_text(qtbot, dialog.pattern_edit, "^\u25ce")
    qtbot.keyClick(dialog.pattern_edit, QtCore.Qt.Key_Escape)
    assert not dialog.isVisible()
    assert window.reader_document is shown
    assert window.settings.document_choices(book.resolve()).heading_pattern is None


def test_the_pattern_is_remembered_and_built_in_rules_bring_them_back(
    qtbot, make_window, window, book
):
    window.apply_heading_pattern("^\u25ce")
    window.close()

    again = make_window()
    open_first_document(again, None)
    assert again.reader_document.path == book.resolve()
    assert tree_headings(again) == HEADINGS

    dialog = open_dialog(again)
    assert dialog.pattern_edit.text() == "^\u25ce"
    qtbot.waitUntil(lambda: previewed(dialog) == HEADINGS)
    assert dialog.built_in_button.isEnabled()
    qtbot.mouseClick(dialog.built_in_button, QtCore.Qt.LeftButton)
    assert not dialog.isVisible()
    assert tree_headings(again) == []
    assert again.settings.document_choices(book.resolve()).heading_pattern is None


def test_a_pattern_and_a_chosen_encoding_are_kept_together(qtbot, window, book, seed_path):
    window.reopen_with_encoding("GB18030")
    window.apply_heading_pattern("\u25ce")
    assert window.open_path(seed_path)
    assert window.open_path(book)
    assert tree_headings(window) == HEADINGS
    assert window.reader_document.encoding == "GB18030"
    window.reopen_with_encoding(None)
    assert tree_headings(window) == HEADINGS


def test_a_pattern_from_the_command_line_is_applied_and_kept(qtbot, make_window, book):
    window = make_window()
    open_first_document(window, str(book), heading_pattern="来了|到了")
    assert tree_headings(window) == HEADINGS
    again = make_window()
    assert again.open_path(book)
    assert tree_headings(again) == HEADINGS


def test_the_reading_place_stays_when_the_pattern_is_applied(qtbot, make_window, tmp_path):
    path = tmp_path / "长书.txt"
    path.write_text(book_text(paragraphs=60), encoding="utf-8")
    window = make_window()
    assert window.open_path(path)
    view = window.reading_view
    view.scroll_to_offset(window.reader_document.text.index("夏天的第30段"))
    assert window.reader_document.text[view.top_offset() :].startswith("夏天的第30段")
    window.apply_heading_pattern("^\u25ce")
    assert tree_headings(window) == HEADINGS
    assert window.reader_document.text[view.top_offset() :].startswith("夏天的第30段")
    assert window.section_label.text().startswith(HEADINGS[1] + PLACE_SEPARATOR)


def test_the_preview_lists_at_most_its_limit_but_counts_all(qtbot):
    text = "书名\n" + "".join(f"第{n}节\n正文\u3002\n" for n in range(1, 451))
    dialog = HeadingPatternDialog(text, "^第")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview_list.count() == 200)
    assert dialog.status_label.text() == "450 headings found; the first 200 are listed."
    assert previewed(dialog)[:2] == ["第1节", "第2节"]


def test_markup_documents_have_no_chapter_pattern(qtbot, make_window, tmp_path, book):
    window = make_window()
    assert not window.heading_pattern_action.isEnabled()
    assert window.open_path(book)
    assert window.heading_pattern_action.isEnabled()
    page = tmp_path / "page.md"
    page.write_text("标题\n\n正文\u3002\n", encoding="utf-8")
    assert window.open_path(page)
    assert not window.heading_pattern_action.isEnabled()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (Path.unlink, "no such file"),
        (
            lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)),
            "is a PNG image, not text",
        ),
    ],
)
def test_a_file_gone_or_changed_since_it_was_opened_is_reported(
    qtbot, window, book, change, reason
):
    shown = window.reader_document
    change(book)
    window.heading_pattern_action.trigger()
    boxes = []

    def box_shown() -> bool:
        boxes[:] = [
            w
            for w in QtWidgets.QApplication.topLevelWidgets()
            if isinstance(w, QtWidgets.QMessageBox) and w.isVisible() and w.parent() is window
        ]
        return len(boxes) == 1

    qtbot.waitUntil(box_shown)
    assert boxes[0].text() == "Reader could not read 四季.txt again."
    assert boxes[0].informativeText() == f"{book.resolve()}: {reason}"
    assert window.reader_document is shown
    boxes[0].close()


CATASTROPHIC = "(a|aa)+$"
"""Backtracks through every way of cutting a run of a: about 0.1 s on a line of 24 a and a b,
so the preview of a file of them runs into its time limit."""


def slow_lines(count: int = 400) -> str:
    return "书名\n" + "".join("a" * 24 + "b\n" for _ in range(count))


@pytest.fixture
def outcomes(monkeypatch) -> list[str]:
    """How each preview the dialog started ended: "found", or its exception's name."""
    ended: list[str] = []
    original = heading_pattern_dialog.preview_headings

    def recorded(*args, **kwargs):
        try:
            headings = original(*args, **kwargs)
        except Exception as error:
            ended.append(type(error).__name__)
            raise
        ended.append("found")
        return headings

    monkeypatch.setattr(heading_pattern_dialog, "preview_headings", recorded)
    return ended


def shown_dialog(qtbot, text: str) -> HeadingPatternDialog:
    dialog = HeadingPatternDialog(text, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_runaway_pattern_is_searched_off_the_ui_thread_until_its_time_limit(qtbot, outcomes):
    dialog = shown_dialog(qtbot, slow_lines())
    ticks_while_searching = []
    timer = QtCore.QTimer(dialog)
    timer.setInterval(20)
    timer.timeout.connect(
        lambda: ticks_while_searching.append(1) if dialog.status_label.text() == SEARCHING else None
    )
    timer.start()
    type_text(qtbot, dialog.pattern_edit, CATASTROPHIC)
    qtbot.waitUntil(lambda: dialog.status_label.text() == SEARCHING, timeout=PREVIEW_DELAY_MS * 10)
    assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: "took too long" in dialog.status_label.text(), timeout=20_000)
    assert len(ticks_while_searching) >= 10  # the window went on answering meanwhile
    assert dialog.status_label.text().startswith(
        f"the heading pattern took too long: '{CATASTROPHIC}' ran for more than 2 s"
    )
    assert "color" in dialog.status_label.styleSheet()
    assert outcomes == ["PatternTimeout"]
    assert not dialog.ok_button.isEnabled()
    assert dialog.preview_list.count() == 0
    qtbot.keyClick(dialog.pattern_edit, QtCore.Qt.Key_Return)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=20_000)
    assert dialog.isVisible()  # Enter does not apply it either


def test_typing_cancels_the_running_preview_and_previews_the_new_pattern(qtbot, outcomes):
    dialog = shown_dialog(qtbot, slow_lines())
    type_text(qtbot, dialog.pattern_edit, CATASTROPHIC)
    qtbot.waitUntil(lambda: dialog.status_label.text() == SEARCHING, timeout=PREVIEW_DELAY_MS * 10)
    qtbot.wait(200)  # well into the search
    dialog.pattern_edit.selectAll()
    type_text(qtbot, dialog.pattern_edit, "^书")
    assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    assert outcomes == ["PatternCancelled"]  # at its next line, not at its time limit
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=20_000)
    assert previewed(dialog) == ["书名"]
    assert dialog.status_label.text() == "1 heading found."
    assert outcomes == ["PatternCancelled", "found"]


def test_closing_the_dialog_cancels_its_preview_and_waits_for_it(qtbot, outcomes):
    dialog = shown_dialog(qtbot, slow_lines())
    type_text(qtbot, dialog.pattern_edit, CATASTROPHIC)
    qtbot.waitUntil(lambda: dialog.status_label.text() == SEARCHING, timeout=PREVIEW_DELAY_MS * 10)
    qtbot.wait(200)
    dialog.reject()
    assert outcomes == ["PatternCancelled"]  # over before reject() returned
    assert not dialog.isVisible()


def test_the_window_applies_a_pattern_typed_after_a_runaway_one(
    qtbot, make_window, tmp_path, outcomes
):
    path = tmp_path / "慢.txt"
    path.write_text(
        slow_lines() + "".join(f"{heading}\n正文\u3002\n" for heading in HEADINGS), encoding="utf-8"
    )
    window = make_window(path)
    dialog = open_dialog(window)
    type_text(qtbot, dialog.pattern_edit, CATASTROPHIC)
    qtbot.waitUntil(lambda: "took too long" in dialog.status_label.text(), timeout=20_000)
    dialog.pattern_edit.selectAll()
    type_text(qtbot, dialog.pattern_edit, "^\u25ce")
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=20_000)
    qtbot.mouseClick(dialog.ok_button, QtCore.Qt.LeftButton)
    assert not dialog.isVisible()
    assert tree_headings(window) == HEADINGS
    assert outcomes == ["PatternTimeout", "found"]
