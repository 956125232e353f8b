"""The window's word statuses: read by a worker at start, asked by simplified or traditional
form, written at once, and kept (never lost) while the store refuses them."""

from __future__ import annotations

import pytest

from reader.store import STORE_FILE, Status, open_store
from reader.ui.qt import QtCore
from reader.ui.tasks import TaskRunner
from reader.ui.words.status_holder import BUSY_LINE, StatusHolder
from tests.store.store_helpers import write_lock_held
from tests.ui.message_boxes import message_boxes, wait_for_message
from tests.ui.words.conftest import stored, words_of
from tests.ui.words.test_status_keys import hover, key, row_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def fill(data_dir, statuses: dict[str, Status]) -> None:
    with open_store(data_dir) as store:
        store.word_statuses.set(statuses)


def test_a_window_reads_the_statuses_by_a_worker(qtbot, make_window, data_dir, seed_path):
    many = {f"词{n}": Status.KNOWN for n in range(100_000)}
    many["发展"] = Status.LEARNING_3
    fill(data_dir, many)
    runner = TaskRunner()
    window = make_window(seed_path, runner=runner)
    holder = words_of(window).holder
    qtbot.waitUntil(lambda: holder.loaded, timeout=30_000)
    assert holder.status("发展") is Status.LEARNING_3
    assert holder.status("词99999") is Status.KNOWN
    assert holder.status("学习") is Status.NEW
    assert len(holder.words_with(Status.KNOWN)) == 100_000


def test_traditional_and_simplified_forms_share_one_status(qtbot, window, data_dir):
    holder = words_of(window).holder
    assert holder.set({"學習": Status.LEARNING_1}, "test") == 1
    assert holder.status("学习") is Status.LEARNING_1
    assert holder.status("學習") is Status.LEARNING_1
    assert stored(data_dir) == {"学习": Status.LEARNING_1}
    assert holder.set({"学习": Status.LEARNING_1}, "test") == 0  # no change, no step
    assert window.annotations.undo_stack.count() == 1


def test_a_change_before_the_worker_is_done_is_not_lost(qtbot, window, data_dir):
    fill(data_dir, {"发展": Status.LEARNING_2, "理念": Status.KNOWN})
    annotations = window.annotations
    runner = TaskRunner(window)
    holder = StatusHolder(
        data_dir,
        annotations.writable_store,
        annotations.undo_stack,
        runner,
        lambda text, details: None,
        lambda line, ms: None,
        window,
    )
    heard: list[object] = []
    holder.changed.connect(heard.append)
    holder.load()  # the worker's answer comes by the event loop, after what follows
    holder.set({"发展": Status.KNOWN}, "test")
    assert holder.loaded  # read first, so that undo knows what came before
    assert heard == [None, ["发展"]]  # every word anew, then the one changed
    assert holder.status("理念") is Status.KNOWN
    qtbot.waitUntil(lambda: runner.pending() == 0)
    assert holder.status("发展") is Status.KNOWN  # the worker's older answer is dropped
    assert heard == [None, ["发展"]]
    annotations.undo()
    assert holder.status("发展") is Status.LEARNING_2
    assert stored(data_dir) == {"发展": Status.LEARNING_2, "理念": Status.KNOWN}


def test_a_busy_store_keeps_the_status_and_saves_it_once_free(qtbot, window, data_dir):
    holder = words_of(window).holder
    hover(qtbot, window, "发展")
    with write_lock_held(data_dir / STORE_FILE, 1.5) as other:
        key(qtbot, window, QtCore.Qt.Key_K)
        assert row_text(window) == "Known"
        assert holder.unsaved == {"发展": Status.KNOWN}
        assert window.statusBar().currentMessage() == BUSY_LINE
        assert message_boxes() == []
        qtbot.waitUntil(lambda: other.poll() is not None, timeout=10_000)
        qtbot.waitUntil(lambda: not holder.unsaved, timeout=10_000)
    assert stored(data_dir) == {"发展": Status.KNOWN}


def test_closing_the_window_saves_what_waits_for_the_busy_store(qtbot, window, data_dir):
    hover(qtbot, window, "发展")
    with write_lock_held(data_dir / STORE_FILE, 1.5):
        key(qtbot, window, QtCore.Qt.Key_3)
        assert words_of(window).holder.unsaved
        window.close()
    assert stored(data_dir) == {"发展": Status.LEARNING_3}


def test_a_store_that_refuses_writes_is_told_once_and_saved_to_later(qtbot, window, data_dir):
    holder = words_of(window).holder
    database = window.annotations.store.database
    database.execute("PRAGMA query_only = ON")
    hover(qtbot, window, "发展")
    key(qtbot, window, QtCore.Qt.Key_K)
    box = wait_for_message(qtbot)
    assert box.text() == "Reader cannot save word statuses."
    assert "kept and shown" in box.informativeText()
    box.close()
    assert holder.status("发展") is Status.KNOWN  # shown as the reader marked it
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    hover(qtbot, window, "理念")
    key(qtbot, window, QtCore.Qt.Key_2)
    assert message_boxes() == []  # told once
    assert holder.unsaved == {"发展": Status.KNOWN, "理念": Status.LEARNING_2}
    assert stored(data_dir) == {}

    database.execute("PRAGMA query_only = OFF")
    assert holder.save()
    assert stored(data_dir) == {"发展": Status.KNOWN, "理念": Status.LEARNING_2}
