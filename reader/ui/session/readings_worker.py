"""The open document's readings in context, made on a worker for the blocks a view shows.

One task at a time, for the blocks asked for last: while a task runs, a newer request takes
the place of the one waiting, so a fast scroll through a book queues no work for pages left
behind. Readings are kept per block until the block's words change (a word correction),
and are made from the document's segmentation, or before there is one, from jieba with the
reader's corrections (reader.language.readings).
"""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document
from reader.language.corrections import Corrections
from reader.language.readings import Readings, read_spans
from reader.language.segmentation import Segmentation
from reader.language.tools import LanguageTools
from reader.ui.qt import QtCore
from reader.ui.tasks import TaskRunner


class ReadingsWorker(QtCore.QObject):
    """A ReadingsSource (reader.ui.views.readings_source) for one document."""

    changed = QtCore.Signal(list)
    """The readings of these blocks arrived, or were forgotten: lay them out again."""
    failed = QtCore.Signal(str)
    """No readings could be made, and why."""

    def __init__(
        self,
        document: Document,
        runner: TaskRunner,
        tools: LanguageTools,
        segmentation: Callable[[], Segmentation | None],
        corrections: Corrections,
        cancelled: Callable[[], bool],
        parent: QtCore.QObject | None = None,
    ) -> None:
        """`segmentation` gives the document's, shared with the lookup, when there is one;
        `cancelled` is asked on the worker thread between blocks, and before a result is
        delivered: once it says True (the document closed), nothing more is made or told."""
        super().__init__(parent)
        self._document = document
        self._runner = runner
        self._tools = tools
        self._segmentation = segmentation
        self._corrections = corrections
        self._cancelled = cancelled
        self._readings: dict[int, Readings] = {}
        self._running: set[int] | None = None
        """The blocks the running task reads; None while none runs."""
        self._waiting: list[int] = []
        """The blocks asked for while a task ran: read once it is done."""

    def readings(self, index: int) -> Readings | None:
        return self._readings.get(index)

    def request(self, indexes: list[int]) -> None:
        if self._cancelled():
            return
        if self._running is not None:
            self._waiting = list(indexes)
            return
        wanted = [index for index in indexes if index not in self._readings]
        if not wanted:
            return
        segmentation = self._segmentation()
        document, tools = self._document, self._tools
        corrections, cancelled = self._corrections, self._cancelled
        spans = {i: (document.blocks[i].start, document.blocks[i].end) for i in wanted}
        self._running = set(wanted)
        # The task holds no reference to the worker: the worker is let go on the ui thread.
        self._runner.run(
            lambda: read_spans(document.text, spans, tools, segmentation, corrections, cancelled),
            self._done,
            self._failed,
        )

    def forget(self, indexes: list[int]) -> None:
        """The words of these blocks changed: their readings are made again when asked for,
        and those being made now are dropped when they arrive."""
        for index in indexes:
            self._readings.pop(index, None)
            if self._running is not None:
                self._running.discard(index)
        self.changed.emit(list(indexes))

    def _done(self, found: dict[int, Readings]) -> None:
        if self._cancelled():
            return
        running, self._running = self._running or set(), None
        waiting, self._waiting = self._waiting, []
        arrived = [index for index in found if index in running]
        for index in arrived:
            self._readings[index] = found[index]
        self.changed.emit(arrived)  # a view asks for what it shows now, meanwhile
        if self._running is None and waiting:
            self.request(waiting)

    def _failed(self, error: BaseException) -> None:
        if self._cancelled():
            return
        self._running, self._waiting = None, []
        self.failed.emit(str(error) or type(error).__name__)
