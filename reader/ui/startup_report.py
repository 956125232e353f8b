"""`reader --startup-report`: how long until the text is on screen, the memory it took, and
where in the document the first paint was.

Time is counted from the process's start as the OS records it, so interpreter start-up
and imports are included, the same way for Reader and for a bare baseline window.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO

from reader.ui.qt import QtCore, QtWidgets

_IMPORTED_AT = time.monotonic()


def process_age_seconds() -> float:
    """Seconds since this process started; where the OS does not say, since this import."""
    try:
        return _linux_process_age()
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED_AT


def _linux_process_age() -> float:
    with open("/proc/self/stat", encoding="ascii") as stat:
        # The command name may hold spaces or parentheses: fields are counted after its ")".
        fields = stat.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 of proc(5), counted from field 3 here
    started = start_ticks / os.sysconf("SC_CLK_TCK")
    # The start is counted in ticks since boot, so compare it with the boot clock: time
    # since boot in /proc/stat's btime is only whole seconds.
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


def peak_rss_mb() -> float:
    """The most memory this process has held resident so far, in MB (2**20 bytes)."""
    if sys.platform == "win32":
        return _windows_peak_rss() / 2**20
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux counts kilobytes, macOS bytes.
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _windows_peak_rss() -> int:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [  # the layout of PROCESS_MEMORY_COUNTERS
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()
    ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
    return int(counters.PeakWorkingSetSize)


Place = Mapping[str, object]
"""What the first paint showed: "top_offset" (the document offset at the top of the view)
and "section" (the heading shown as current)."""


def report_line(
    first_paint_s: float | None = None, place: Place | None = None, **later: float | None
) -> str:
    """The JSON line: first paint (now, if not given), any later moments, peak memory, and
    the place shown at the first paint."""
    first = process_age_seconds() if first_paint_s is None else first_paint_s
    moments = {name: None if value is None else round(value, 4) for name, value in later.items()}
    return json.dumps(
        {
            "first_paint_s": round(first, 4),
            **moments,
            "rss_mb": round(peak_rss_mb(), 1),
            **(place or {}),
        }
    )


class FirstPaintReporter(QtCore.QObject):
    """Watches a widget; once it has painted, prints the report line and quits the app.

    With `wait_for_lookup`, it also waits for `lookup_ready` to be called and reports when
    that happened as "lookup_ready_s" (null if lookup failed to start). `place` is asked,
    as the first paint ends, what it showed.
    """

    def __init__(
        self,
        widget: QtWidgets.QWidget,
        stream: TextIO | None = None,
        wait_for_lookup: bool = False,
        place: Callable[[], Place] | None = None,
    ) -> None:
        super().__init__(widget)
        self._stream = stream
        self._done = False
        self._place = place
        self._shown: Place | None = None
        self._first_paint_s: float | None = None
        self._waits_for_lookup = wait_for_lookup
        self._lookup_ready: tuple[float | None] | None = None
        widget.installEventFilter(self)

    def lookup_ready(self, works: bool = True) -> None:
        """Word lookup is ready now (or, if not `works`, will never be)."""
        if self._lookup_ready is None:
            self._lookup_ready = (process_age_seconds() if works else None,)
            self._report_when_done()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Paint and not self._done:
            self._done = True
            # Report once this paint has finished, not as it starts.
            QtCore.QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self._first_paint_s = process_age_seconds()
        self._shown = self._place() if self._place is not None else None
        self._report_when_done()

    def _report_when_done(self) -> None:
        if self._first_paint_s is None:
            return
        if not self._waits_for_lookup:
            line = report_line(self._first_paint_s, self._shown)
        elif self._lookup_ready is None:
            return
        else:
            line = report_line(
                self._first_paint_s, self._shown, lookup_ready_s=self._lookup_ready[0]
            )
        stream = self._stream or sys.stdout
        stream.write(line + "\n")
        stream.flush()
        QtWidgets.QApplication.exit(0)
