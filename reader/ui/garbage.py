"""Python's cycle collector, run on the main thread only.

Left automatic, the collector runs in whatever thread allocates: a worker segmenting a book
can end up destroying a Qt object there, holding a Qt lock while it waits for the
interpreter, while the main thread holds the interpreter and waits for that lock in a Qt
call. That deadlock was seen in the tests. So automatic collection is off and a timer on
the main thread collects as the thresholds say (the pattern qutebrowser uses).
"""

from __future__ import annotations

import gc

from reader.ui.qt import QtCore

CHECK_INTERVAL_MS = 250


class MainThreadGarbageCollector(QtCore.QObject):
    def __init__(self, parent: QtCore.QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; how many freed."""
        counts = gc.get_count()
        generation = next(
            (g for g in (2, 1, 0) if counts[g] > self._thresholds[g]),
            None,
        )
        return gc.collect(generation) if generation is not None else 0


def collect_on_main_thread(app: QtCore.QCoreApplication) -> MainThreadGarbageCollector:
    """Install the collector once per application."""
    existing = app.findChild(MainThreadGarbageCollector)
    return existing or MainThreadGarbageCollector(app)
