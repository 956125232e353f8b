"""The library's background work, one job at a time: adding files, the scan, indexing the
document shown and forgetting removed ones each open the store and the index on a worker,
and two of them at once would race to create the index file and wait on each other's
writes. In a queue they never meet, and they leave the runner's other thread to the
reading (segmenting, pinyin) the reader is waiting for. Each job runs with the short switch
interval, and asks `polite(check)` between paragraphs: it waits while the reader hovers or
scrolls, as segmenting does, so that a hover never queues behind the indexing.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from reader.language.segmentation import UserActivity, short_switch_interval
from reader.ui.qt import QtCore
from reader.ui.tasks import Done, Failed, TaskRunner


class LibraryJobs(QtCore.QObject):
    def __init__(
        self,
        runner: TaskRunner,
        activity: UserActivity | None = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._activity = activity
        self._waiting: deque[tuple[Callable[[], Any], Done | None, Failed | None]] = deque()
        self._busy = False

    def run(
        self, work: Callable[[], Any], done: Done | None = None, failed: Failed | None = None
    ) -> None:
        """Run `work` on a worker after the jobs before it; its result to `done`, an
        exception it raised to `failed`, on the main thread."""
        self._waiting.append((work, done, failed))
        self._next()

    def polite(self, check: Callable[[], bool]) -> Callable[[], bool]:
        """`check` (is the job cancelled?), asked once the reader has paused."""
        activity = self._activity
        if activity is None:
            return check

        def asked() -> bool:
            activity.give_way()
            return check()

        return asked

    def _next(self) -> None:
        if self._busy or not self._waiting:
            return
        work, done, failed = self._waiting.popleft()
        self._busy = True
        self._runner.run(
            lambda: _with_short_switches(work),
            lambda result: self._finish(done, result),
            lambda error: self._finish(failed, error),
        )

    def _finish(self, then: Callable[[Any], None] | None, value: object) -> None:
        self._busy = False
        try:
            if then is not None:
                then(value)
        finally:
            self._next()

    def clear(self) -> None:
        """Drop the jobs not started (the window is closing)."""
        self._waiting.clear()


def _with_short_switches(work: Callable[[], Any]) -> Any:
    with short_switch_interval:
        return work()
