"""The task helper: work runs off the ui thread and its result comes back on the main thread."""

from __future__ import annotations

import threading

import pytest

from reader.ui.qt import QtCore
from reader.ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait()


def test_the_work_runs_on_another_thread_and_the_result_comes_back_on_the_main_one(qtbot, runner):
    main = threading.get_ident()
    seen = {}

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["done"] = threading.get_ident()
        seen["result"] = result
        seen["qt_main"] = (
            QtCore.QThread.currentThread() is QtCore.QCoreApplication.instance().thread()
        )

    runner.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["work"] != main
    assert seen["done"] == main
    assert seen["qt_main"]
    assert seen["result"] == 42
    assert runner.pending() == 0


def test_an_exception_in_the_work_reaches_failed_on_the_main_thread(qtbot, runner):
    errors = []
    runner.run(lambda: 1 / 0, lambda _: errors.append("done"), errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_wait_blocks_until_the_work_is_done_and_drops_its_result(qtbot, runner):
    release = threading.Event()
    finished = []
    delivered = []

    def work() -> None:
        release.wait(5)
        finished.append(True)

    runner.run(work, delivered.append)
    assert runner.pending() == 1
    release.set()
    runner.wait()
    assert finished == [True]
    qtbot.wait(20)
    assert delivered == []


def test_a_synchronous_runner_calls_back_at_once():
    runner = TaskRunner(synchronous=True)
    results, errors = [], []
    runner.run(lambda: "x", results.append, errors.append)
    runner.run(lambda: {}["missing"], results.append, errors.append)
    assert results == ["x"]
    assert isinstance(errors[0], KeyError)
