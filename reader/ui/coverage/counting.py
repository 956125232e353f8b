"""The open document's words counted on a worker, a slice at a time, with progress.

A slice is what a worker counts in about SLICE_S (paragraphs already segmented take
microseconds, others a few milliseconds): between slices the result of each comes back to
the ui thread, which tells the progress and queues the next, and a closed document stops it.
Paragraphs are counted from the last: the session's own worker segments from the first (the
visible ones first), so the two meet in the middle instead of racing over the same
paragraphs. A correction of words counts the document again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from reader.language.coverage import WordCounts, WordTally
from reader.language.segmentation import UserActivity, short_switch_interval
from reader.language.tools import LanguageTools
from reader.ui.qt import QtCore
from reader.ui.session.document_session import DocumentSession
from reader.ui.tasks import TaskRunner

SLICE_S = 0.2


@dataclass(frozen=True)
class _Run:
    """One counting of one document: what its worker tasks share."""

    session: DocumentSession
    tally: WordTally
    order: list[int]


class CoverageCounting(QtCore.QObject):
    """Counts the words of each document shown; `counted` gives the counts once done."""

    progressed = QtCore.Signal(float)
    """The share of the paragraphs counted so far (0-1)."""
    counted = QtCore.Signal(object)
    """The WordCounts of the document shown."""
    failed = QtCore.Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        tools: LanguageTools,
        activity: UserActivity,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._tools = tools
        self._activity = activity
        self._run: _Run | None = None
        self.counts: WordCounts | None = None
        self.share = 0.0

    def start(self, session: DocumentSession) -> None:
        """Count `session`'s document, in place of any counting before."""
        tally = WordTally(session.document, session.segmentation)
        self._run = _Run(session, tally, list(reversed(range(len(tally)))))
        self.counts = None
        self.share = 0.0
        self._queue(self._run, 0)

    def _queue(self, run: _Run, at: int) -> None:
        if at < len(run.order):

            def work() -> tuple[_Run, int | None]:
                return run, self._count_slice(run, at)

            self._runner.run(work, self._slice_done, self._fail)
        else:
            counted = self._tools.counted_words
            self._runner.run(lambda: (run, run.tally.counts(counted)), self._done, self._fail)

    def _count_slice(self, run: _Run, at: int) -> int | None:
        """On a worker: paragraphs from `at` in counting order for about SLICE_S; where to
        go on, or None once the document closed."""
        deadline = time.monotonic() + SLICE_S
        with short_switch_interval:
            while at < len(run.order) and time.monotonic() < deadline:
                if run.session.cancelled():
                    return None
                self._activity.give_way()
                run.tally.add(run.order[at])
                at += 1
        return at

    def _slice_done(self, result: tuple[_Run, int | None]) -> None:
        run, at = result
        if at is None or run is not self._run:
            return
        self.share = at / len(run.order) if run.order else 1.0
        self.progressed.emit(self.share)
        self._queue(run, at)

    def _done(self, result: tuple[_Run, WordCounts]) -> None:
        run, counts = result
        if run is not self._run or run.session.closed:
            return
        self.counts = counts
        self.share = 1.0
        self.counted.emit(counts)

    def _fail(self, error: BaseException) -> None:
        self.failed.emit(str(error) or type(error).__name__)
