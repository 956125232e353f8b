"""The window saving its highlights when the store will not take them: a read-only store,
one that cannot be opened, another process holding the write lock as a document opens (a
long `reader notes import`), an import changing a note that the window then recolours.
Real processes, a real store file, and the window driven as a reader drives it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from reader.document import open_document
from reader.store import HIGHLIGHT_RGB, STORE_FILE, export_annotations, open_store
from reader.store.pending_changes import CHANGED_ELSEWHERE
from reader.ui.annotations.saving import BUSY_LINE
from reader.ui.qt import QtCore
from reader.ui.window.main_window import MainWindow
from tests.conftest import PROJECT_ROOT
from tests.store.store_helpers import sqlite_calls_timed, write_lock_held
from tests.ui.annotations.window_helpers import (
    EventLoopGaps,
    background,
    listed,
    press,
    select_with_mouse,
    span,
    stored,
)
from tests.ui.message_boxes import message_boxes, wait_for_message

HOLD_SECONDS = float(os.environ.get("READER_TEST_STORE_HOLD_SECONDS", "3"))
"""How long the other process holds the store's write lock. Issue 10's import held it 25 s;
the window's pauses do not grow with the hold (each retry waits WINDOW_BUSY_TIMEOUT at
most), so a short hold keeps the suite fast and tests the same. Set the variable to 25 for
the issue's own case."""
LONGEST_STORE_CALL = 0.1
"""The longest any one call into the store may keep the window's thread, in seconds."""
LONGEST_PAUSE = 1.0
"""The longest the event loop may stand still while the window waits for the store. The
store's share is under LONGEST_STORE_CALL; the rest of the margin is for what a loaded
machine adds (a garbage collection, a worker holding the interpreter). A freeze as in
issue 10 lasted 10 s per wait."""
OTHER_ARTICLE = (
    "另一篇文章\n\n"
    "第一节\n\n"
    "春天来了,公园里的花都开了,孩子们在草地上跑来跑去。\n\n"
    "第二节\n\n"
    "晚上下了一场小雨,空气变得很清新。\n"
)


def test_a_read_only_store_says_so_and_keeps_the_highlight_to_retry(qtbot, window, data_dir):
    # PRAGMA query_only makes SQLite refuse writes as a read-only file does (SQLITE_READONLY),
    # and, unlike chmod, holds for root too.
    window.annotations.store.database.execute("PRAGMA query_only = ON")
    start, end = span(window, "这是第二段")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    box = wait_for_message(qtbot)
    assert box.text() == "Reader could not save “Highlight”."
    assert "read-only" in box.informativeText()
    box.close()
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]
    assert listed(window) == [("第一章 开头", "这是第二段", "")]
    panel = window.annotations.panel
    assert panel.notice.isVisible()
    assert "1 change not saved" in panel.notice_label.text()
    index = panel.model.index_of(window.annotations.annotations()[0].id)
    assert index.data(QtCore.Qt.FontRole).italic()
    assert stored(data_dir) == []

    qtbot.mouseClick(panel.retry_button, QtCore.Qt.LeftButton)
    box = wait_for_message(qtbot)
    assert box.text() == "Reader still cannot save."
    box.close()

    window.annotations.store.database.execute("PRAGMA query_only = OFF")
    qtbot.mouseClick(panel.retry_button, QtCore.Qt.LeftButton)
    assert not panel.notice.isVisible()
    assert [a.quote for a in stored(data_dir)] == ["这是第二段"]
    assert not panel.model.index_of(window.annotations.annotations()[0].id).data(QtCore.Qt.FontRole)
    window.annotations.undo_action.trigger()  # the retried change is undoable like any other
    assert stored(data_dir) == []


def test_an_undo_the_store_refuses_says_so_and_can_be_tried_again(qtbot, window, data_dir):
    start, end = span(window, "这是第二段")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    window.annotations.store.database.execute("PRAGMA query_only = ON")
    press(qtbot, window, QtCore.Qt.Key_Z)
    box = wait_for_message(qtbot)
    assert box.text() == "Reader could not undo “Highlight”."
    box.close()
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]  # as the store still has it
    assert window.annotations.undo_action.isEnabled()
    window.annotations.store.database.execute("PRAGMA query_only = OFF")
    press(qtbot, window, QtCore.Qt.Key_Z)
    assert background(window, start) is None
    assert stored(data_dir) == []


def test_the_undo_stack_driven_directly_drops_a_change_the_store_refuses(qtbot, window):
    start, end = span(window, "这是第二段")
    select_with_mouse(qtbot, window, start, end)
    press(qtbot, window, QtCore.Qt.Key_1)
    window.annotations.store.database.execute("PRAGMA query_only = ON")
    window.annotations.undo_stack.undo()
    wait_for_message(qtbot).close()
    assert window.annotations.undo_stack.count() == 0  # obsolete: Qt dropped it
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]
    assert listed(window) == [("第一章 开头", "这是第二段", "")]


def test_a_store_that_cannot_be_opened_says_so_and_saves_once_it_can(qtbot, article, tmp_path):
    # A file where the data folder should be: the folder cannot be made, for root too.
    blocked = tmp_path / "data"
    blocked.write_text("not a folder", encoding="utf-8")
    window = MainWindow(data_dir=blocked)
    qtbot.addWidget(window)
    window.resize(1100, 750)
    window.show()
    qtbot.waitExposed(window)
    # Said once the annotations are attached, just after the window's first paint.
    box = wait_for_message(qtbot)
    assert box.text() == "Reader cannot use its annotation store."
    assert "cannot create the data folder" in box.informativeText()
    box.close()
    assert window.open_path(article)
    assert message_boxes() == []  # said once, not on every document
    start, end = span(window, "这是第二段")
    select_with_mouse(qtbot, window, start, end)
    window.annotations.highlight("green")
    wait_for_message(qtbot).close()
    assert background(window, start) == HIGHLIGHT_RGB["green"]

    blocked.unlink()
    qtbot.mouseClick(window.annotations.panel.retry_button, QtCore.Qt.LeftButton)
    assert not window.annotations.panel.notice.isVisible()
    assert [(a.quote, a.colour) for a in stored(blocked)] == [("这是第二段", "green")]


def test_two_windows_on_one_store_both_save(qtbot, make_window, window, article, data_dir):
    other = make_window(article)
    select_with_mouse(qtbot, other, *span(other, "这是第二段"))
    other.annotations.highlight("blue")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select_with_mouse(qtbot, window, *span(window, "最后一段话"))
    press(qtbot, window, QtCore.Qt.Key_2)
    assert sorted(a.quote for a in stored(data_dir)) == ["最后一段话", "这是第二段"]


def test_highlights_made_while_another_process_holds_the_store_are_saved_after(
    qtbot, make_window, tmp_path, article, data_dir
):
    window = make_window(article)
    # Words and jieba ready first (a worker warms them up), so what is timed is the store.
    qtbot.waitUntil(
        lambda: (
            window.session is not None and window.session.ready and window.session.fully_segmented
        ),
        timeout=60_000,
    )
    other = tmp_path / "另一篇.txt"
    other.write_text(OTHER_ARTICLE, encoding="utf-8")
    quotes = {"公园里的花": "yellow", "孩子们": "red", "小雨": "green"}
    keys = {"yellow": QtCore.Qt.Key_1, "red": QtCore.Qt.Key_2, "green": QtCore.Qt.Key_3}
    gaps = EventLoopGaps()
    panel = window.annotations.panel

    with write_lock_held(data_dir / STORE_FILE, HOLD_SECONDS) as holder:
        began = time.monotonic()
        with sqlite_calls_timed() as calls:
            assert window.open_path(other)
            for quote, colour in quotes.items():
                select_with_mouse(qtbot, window, *span(window, quote))
                press(qtbot, window, keys[colour])
            acted = time.monotonic() - began
            # Shown and kept, marked not saved; the panel says why, and no box interrupts.
            for quote, colour in quotes.items():
                assert background(window, span(window, quote)[0]) == HIGHLIGHT_RGB[colour]
            assert sorted(quote for _, quote, _ in listed(window)) == sorted(quotes)
            for annotation in window.annotations.annotations():
                assert panel.model.index_of(annotation.id).data(QtCore.Qt.FontRole).italic()
            assert panel.notice.isVisible()
            assert "busy in another process" in panel.notice_label.text()
            assert "3 changes to highlights are kept" in panel.notice_label.text()
            assert message_boxes() == []
            assert acted < HOLD_SECONDS  # all of it while the store was held

            with gaps.counting():  # the window retries while the holder holds on
                qtbot.waitUntil(lambda: holder.poll() is not None, timeout=HOLD_SECONDS * 2000)
                qtbot.waitUntil(lambda: not window.annotations.saving.changes.unsaved)
        waited = time.monotonic() - began

    saved = {a.quote: a.colour for a in stored(data_dir)}
    assert saved == quotes
    with open_store(data_dir) as store:
        record = store.documents.find(window.reader_document)
        assert record is not None
        assert {a.document_id for a in store.annotations.for_document(record.id)} == {record.id}
    assert not panel.notice.isVisible()
    assert window.statusBar().currentMessage() == "Saved."
    assert window.annotations.undo_stack.count() == 3  # saved, each is undoable
    print(
        f"\nstore held {HOLD_SECONDS:.0f} s; all saved {waited:.1f} s after the window "
        f"opened the document; {len(calls.durations)} calls into the store on the window's "
        f"thread, the longest {calls.longest * 1000:.0f} ms; the longest pause of the event "
        f"loop while waiting {gaps.longest * 1000:.0f} ms"
    )
    assert calls.longest < LONGEST_STORE_CALL
    assert gaps.longest < LONGEST_PAUSE


def import_note(data_dir: Path, article: Path, note: str, into: Path) -> None:
    """`reader notes import`, in a process of its own, giving the document's one highlight
    `note`: the window's own export, with the note added."""
    with open_store(data_dir, read_only=True) as store:
        exported = json.loads(export_annotations(store, open_document(article), "json"))
    [item] = exported["first"]["items"]
    item["body"].insert(
        0, {"type": "TextualBody", "purpose": "commenting", "value": note, "format": "text/plain"}
    )
    into.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, "-m", "reader", "notes", "import", "--data-dir", str(data_dir)]
    done = subprocess.run(
        [*command, str(article), str(into)],
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "1 updated" in done.stdout


def test_a_note_imported_by_the_cli_survives_the_window_s_colour_change(
    qtbot, window, article, data_dir, tmp_path
):
    start, _ = span(window, "这是第二段")
    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_1)
    import_note(data_dir, article, "导入的笔记", tmp_path / "notes.json")

    # The window still shows its copy, without the note; the reader recolours it.
    assert listed(window) == [("第一章 开头", "这是第二段", "")]
    press(qtbot, window, QtCore.Qt.Key_2)
    [kept] = stored(data_dir)
    assert (kept.colour, kept.note) == ("yellow", "导入的笔记")
    assert listed(window) == [("第一章 开头", "这是第二段", "导入的笔记")]
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]
    assert window.statusBar().currentMessage() == CHANGED_ELSEWHERE
    assert window.annotations.panel.notice_label.text() == CHANGED_ELSEWHERE
    assert message_boxes() == []
    assert window.annotations.undo_stack.count() == 1  # the refused recolour is no step

    # Over the version the window now shows, the recolour is written, and the note kept.
    press(qtbot, window, QtCore.Qt.Key_2)
    [kept] = stored(data_dir)
    assert (kept.colour, kept.note) == ("red", "导入的笔记")
    assert background(window, start) == HIGHLIGHT_RGB["red"]
    press(qtbot, window, QtCore.Qt.Key_Z)
    [kept] = stored(data_dir)
    assert (kept.colour, kept.note) == ("yellow", "导入的笔记")


def test_undo_of_a_step_made_before_an_import_changed_the_highlight_is_dropped(
    qtbot, window, article, data_dir, tmp_path
):
    select_with_mouse(qtbot, window, *span(window, "这是第二段"))
    press(qtbot, window, QtCore.Qt.Key_1)
    press(qtbot, window, QtCore.Qt.Key_4)  # recoloured blue: two steps
    import_note(data_dir, article, "导入的笔记", tmp_path / "notes.json")
    press(qtbot, window, QtCore.Qt.Key_Z)
    [kept] = stored(data_dir)
    assert (kept.colour, kept.note) == ("blue", "导入的笔记")
    assert listed(window) == [("第一章 开头", "这是第二段", "导入的笔记")]
    assert window.statusBar().currentMessage() == CHANGED_ELSEWHERE
    assert window.annotations.undo_stack.count() == 1
    assert window.annotations.undo_stack.undoText() == "Highlight"


def test_a_store_busy_after_the_document_opened_keeps_the_highlight_until_free(
    qtbot, window, data_dir
):
    start, end = span(window, "这是第二段")
    with write_lock_held(data_dir / STORE_FILE, 1.5) as holder:
        select_with_mouse(qtbot, window, start, end)
        press(qtbot, window, QtCore.Qt.Key_3)
        assert background(window, start) == HIGHLIGHT_RGB["green"]
        assert window.statusBar().currentMessage() == BUSY_LINE
        assert "1 change to highlights are kept" in window.annotations.panel.notice_label.text()
        assert message_boxes() == []
        assert holder.poll() is None and stored(data_dir) == []
        qtbot.waitUntil(lambda: holder.poll() is not None, timeout=10_000)
        qtbot.waitUntil(lambda: bool(stored(data_dir)))
    assert [(a.quote, a.colour) for a in stored(data_dir)] == [("这是第二段", "green")]
    assert window.statusBar().currentMessage() == "Saved."
    assert not window.annotations.panel.notice.isVisible()


def test_a_note_being_written_on_new_text_stays_when_the_document_gets_its_record(
    qtbot, window, tmp_path, data_dir
):
    other = tmp_path / "另一篇.txt"
    other.write_text(OTHER_ARTICLE, encoding="utf-8")
    with write_lock_held(data_dir / STORE_FILE, 1.5):
        assert window.open_path(other)
        start, end = span(window, "小雨")
        select_with_mouse(qtbot, window, start, end)
        press(qtbot, window, QtCore.Qt.Key_N, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier)
        editor = window.annotations.editor
        assert editor.isVisible()
        qtbot.waitUntil(
            lambda: not window.annotations.saving.waiting_for_busy_store, timeout=10_000
        )
    assert window.annotations.saving.record is not None  # the retry registered the document
    assert editor.isVisible()
    assert background(window, start) == HIGHLIGHT_RGB["yellow"]  # the draft, still painted
    qtbot.keyClicks(editor.note_edit, "light rain")
    qtbot.keyClick(editor.note_edit, QtCore.Qt.Key_Return, QtCore.Qt.ControlModifier)
    assert [(a.quote, a.note) for a in stored(data_dir)] == [("小雨", "light rain")]


def test_closing_the_window_saves_what_waits_for_the_busy_store(qtbot, window, data_dir):
    """The last try waits as long as the CLI would (BUSY_TIMEOUT_SECONDS), longer than
    the other process holds the store here."""
    with write_lock_held(data_dir / STORE_FILE, 1.5):
        select_with_mouse(qtbot, window, *span(window, "最后一段话"))
        press(qtbot, window, QtCore.Qt.Key_5)
        assert window.annotations.saving.waiting_for_busy_store
        window.close()
    assert [(a.quote, a.colour) for a in stored(data_dir)] == [("最后一段话", "purple")]
