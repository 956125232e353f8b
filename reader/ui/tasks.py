"""The one helper for work off the ui thread: a callable runs on a thread pool and its result
(or its exception) comes back on the main thread, where widgets may be touched.

Tests may run tasks synchronously; the window runs them on its own pool, which it waits for
when it closes, so no task outlives the objects its result is meant for.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Callable
from typing import Any

from reader.ui.qt import QtCore

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner(QtCore.QObject):
    """Runs callables off the ui thread and calls `done` or `failed` on the main thread."""

    _finished = QtCore.Signal(int, object, object)

    def __init__(
        self,
        parent: QtCore.QObject | None = None,
        synchronous: bool = False,
        max_threads: int = 2,
    ) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._pool = QtCore.QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._numbers = itertools.count()
        self._waiting: dict[int, tuple[Done | None, Failed | None]] = {}
        self._finished.connect(self._deliver, QtCore.Qt.QueuedConnection)

    def run(
        self, work: Callable[[], Any], done: Done | None = None, failed: Failed | None = None
    ) -> None:
        """Start `work`; its result goes to `done`, an exception it raised to `failed`."""
        if self._synchronous:
            try:
                result = work()
            except Exception as error:  # handed to `failed`, as from a worker
                if failed is not None:
                    failed(error)
                return
            if done is not None:
                done(result)
            return
        number = next(self._numbers)
        self._waiting[number] = (done, failed)
        self._pool.start(functools.partial(self._work, number, work))

    def pending(self) -> int:
        """Tasks whose result has not been delivered yet."""
        return len(self._waiting)

    def wait(self) -> None:
        """Block until every started task has finished; their results are dropped."""
        self._pool.waitForDone()
        self._waiting.clear()

    def _work(self, number: int, work: Callable[[], Any]) -> None:
        """Runs on a pool thread: nothing here may touch a widget."""
        try:
            result, error = work(), None
        except Exception as caught:  # delivered to the main thread
            result, error = None, caught
        # RuntimeError: the runner was deleted while this task ran; nobody waits for it.
        with contextlib.suppress(RuntimeError):
            self._finished.emit(number, result, error)

    @QtCore.Slot(int, object, object)
    def _deliver(self, number: int, result: object, error: object) -> None:
        done, failed = self._waiting.pop(number, (None, None))
        if isinstance(error, BaseException):
            if failed is not None:
                failed(error)
        elif done is not None:
            done(result)
