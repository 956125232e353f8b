"""The whole document read in context for find by pinyin, ahead of the reader's next query.

A first pinyin query on a novel confirms its candidates in context as it goes, which for a
common syllable (de, shi, xian) takes seconds; once every paragraph has been read, a query
is a look-up (well under the 300 ms a reader waits for). Reading the novel takes about
16 to 20 s of a worker, so it runs in slices of about a fifth of a second, each queued again
behind whatever else the two worker threads have to do (a find, the pinyin view's
readings), giving way while the reader acts and while a pinyin find runs. It starts
with the first pinyin query, as most readers never search by pinyin, and stops with its
document.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.language.segmentation import UserActivity, short_switch_interval
from reader.ui.qt import QtCore
from reader.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.language.find import Finder
    from reader.language.segmentation import Segmentation
    from reader.language.tools import LanguageTools

SLICE_S = 0.2
"""A worker's turn at reading ahead, in seconds, before it queues its next turn."""
FIND_WAIT_S = 0.02
"""How often the reading ahead looks again whether the find it waits for is done."""


class PinyinPreparation(QtCore.QObject):
    """Reads a document's paragraphs in context into its finder, a slice at a time."""

    progressed = QtCore.Signal(float)
    """The share of the document read, after each slice; 1.0 when it is all read."""

    def __init__(
        self,
        spans: list[tuple[int, int]],
        finder: Callable[[], Finder],
        segmentation: Callable[[], Segmentation],
        tools: LanguageTools,
        runner: TaskRunner,
        activity: UserActivity,
        cancelled: Callable[[], bool],
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._spans = spans
        self._finder = finder
        self._segmentation = segmentation
        self._tools = tools
        self._runner = runner
        self._activity = activity
        self._cancelled = cancelled
        self._next: int | None = None
        self.share = 0.0
        self.finding = 0
        """Pinyin finds running now: the reading ahead waits for them, as the reader does."""

    @property
    def started(self) -> bool:
        return self._next is not None

    @property
    def done(self) -> bool:
        return self.share >= 1.0

    def start(self) -> None:
        """Begin reading ahead, if not begun already."""
        if self._next is None:
            self._next = 0
            self._queue()

    def _queue(self) -> None:
        first = self._next
        assert first is not None
        self._runner.run(lambda: self._read_slice(first), self._slice_read)

    def _read_slice(self, first: int) -> int | None:
        """On a worker: paragraphs from `first` for about SLICE_S; where to go on, or None
        once the document closed."""
        pinyin = self._finder().pinyin_finder(self._tools)
        tokens = self._segmentation().tokens
        deadline = time.monotonic() + SLICE_S
        at = first
        with short_switch_interval:
            while at < len(self._spans) and (at == first or time.monotonic() < deadline):
                self._activity.give_way()
                while self.finding and not self._cancelled():
                    time.sleep(FIND_WAIT_S)
                if not pinyin.prepare(self._spans[at : at + 1], tokens, self._cancelled):
                    return None
                at += 1
        return at

    def _slice_read(self, at: int | None) -> None:
        if at is None or self._cancelled():
            return
        self._next = at
        self.share = at / len(self._spans) if self._spans else 1.0
        self.progressed.emit(self.share)
        if at < len(self._spans):
            self._queue()
