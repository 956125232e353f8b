"""Word lookup in the window: how soon after first paint a hover works, and how long a hover
takes to fill the pop-up, each beside a baseline measured in the same run.

    python bench/lookup_window.py [--runs N] [--hovers N] [NOVEL]

`measure(novel, runs, env)` gives the figures; `TITLE`, `HEADERS` and `figure_rows(figures)`
make the table bench/run.py prints. The targets from the issue: lookup ready at most 1.2 s
after first paint; hover to pop-up content p99 at most 5 ms on hongloumeng.txt.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from table import FIGURE_HEADERS, Figure, Table, figure_rows, percentile

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NOVEL = PROJECT_ROOT.parent / "shared" / "data" / "novels" / "hongloumeng.txt"
TITLE = "Word lookup in the window (reader/ui/lookup/controller.py)"
HEADERS = FIGURE_HEADERS
HOVERS = 2000
SCROLL_EVERY = 25
"""Hovers between two jumps to a random place in the book."""


def measure(
    novel: Path, runs: int, env: dict[str, str] | None = None, hovers: int = HOVERS
) -> list[Figure]:
    return [*startup(novel, runs, env), *hover_times(novel, hovers, env)]


def _environment(env: dict[str, str] | None, settings_dir: str) -> dict[str, str]:
    environment = dict(env or os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PROJECT_ROOT), environment.get("PYTHONPATH")])
    )
    environment["READER_SETTINGS_DIR"] = settings_dir
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return environment


def startup(novel: Path, runs: int, env: dict[str, str] | None = None) -> list[Figure]:
    """`reader --startup-report NOVEL`, run 0 dropped (it warms the disk cache)."""
    reports = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-lookup-") as settings_dir:
        environment = _environment(env, settings_dir)
        for run in range(runs + 1):
            completed = subprocess.run(
                [sys.executable, "-m", "reader", "--startup-report", str(novel)],
                cwd=PROJECT_ROOT,
                env=environment,
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            )
            if run:
                reports.append(json.loads(completed.stdout.splitlines()[-1]))
    first_paint = statistics.median(r["first_paint_s"] for r in reports)
    ready = statistics.median(r["lookup_ready_s"] for r in reports)
    after = statistics.median(max(0.0, r["lookup_ready_s"] - r["first_paint_s"]) for r in reports)
    return [
        Figure(
            f"lookup ready after first paint ({novel.name}, median of {runs})",
            after,
            "s",
            first_paint,
            "first paint",
            "≤ 1.2 s",
        ),
        Figure(
            f"lookup ready from process start ({novel.name})",
            ready,
            "s",
            first_paint,
            "first paint",
        ),
    ]


def hover_times(novel: Path, hovers: int, env: dict[str, str] | None = None) -> list[Figure]:
    """Synthetic mouse moves at random points of the page at random places in the book.

    Timed from sending the move event to the pop-up's content being set (the controller's
    `word_shown` signal), and to the event being handled, by when the pop-up has been laid
    out and placed (there is no delay); moves that land on no word, or on the word already
    shown, set no content and are left out. The baseline is the language core's lookup of
    the same words, made again just after the hover.
    """
    with tempfile.TemporaryDirectory(prefix="reader-bench-lookup-") as settings_dir:
        os.environ.update(
            {k: v for k, v in _environment(env, settings_dir).items() if k != "PYTHONPATH"}
        )
        from reader.ui.app import application
        from reader.ui.lookup.settings import LookupSettings
        from reader.ui.qt import QtCore, QtGui, QtWidgets
        from reader.ui.session.language import shared_language_tools
        from reader.ui.window.main_window import MainWindow

        app = application()
        LookupSettings().delay_ms = 0
        window = MainWindow()
        window.show()
        if not window.open_path(novel):
            raise RuntimeError(f"could not open {novel}")
        lookup = window.word_lookup
        while not lookup.is_ready:
            app.processEvents()
            time.sleep(0.005)
        view = window.reading_view
        viewport = view.viewport()
        text = window.reader_document.text
        shown: list[float] = []
        lookup.word_shown.connect(lambda _: shown.append(time.perf_counter()))
        rng = random.Random(4)
        segmentation = window.session.segmentation

        def sample(count: int) -> tuple[list[float], list[float], list[float]]:
            window_ms, placed_ms, core_ms = [], [], []
            for number in range(count):
                if number % SCROLL_EVERY == 0:
                    lookup.hide_popup()
                    view.scroll_to_offset(rng.randrange(len(text)))
                    viewport.repaint()  # lays out what is on screen, as a real paint would
                    app.processEvents()
                point = QtCore.QPointF(
                    rng.uniform(0, viewport.width()), rng.uniform(0, viewport.height())
                )
                event = QtGui.QMouseEvent(
                    QtCore.QEvent.MouseMove,
                    point,
                    viewport.mapToGlobal(point),
                    QtCore.Qt.NoButton,
                    QtCore.Qt.NoButton,
                    QtCore.Qt.NoModifier,
                )
                shown.clear()
                start = time.perf_counter()
                QtWidgets.QApplication.sendEvent(viewport, event)
                handled = time.perf_counter()
                if shown:
                    window_ms.append((shown[0] - start) * 1000)
                    placed_ms.append((handled - start) * 1000)
                    current = lookup.current
                    offset = current.start
                    start = time.perf_counter()
                    shared_language_tools().lookup.at(text, offset, segmentation)
                    core_ms.append((time.perf_counter() - start) * 1000)
            return window_ms, placed_ms, core_ms

        during_window, _, during_core = sample(max(hovers // 4, 50))
        segmenting = segmentation.segmented_count() < len(segmentation)
        while segmentation.segmented_count() < len(segmentation):
            app.processEvents()
            time.sleep(0.01)
        after_window, after_placed, after_core = sample(hovers)
        window.close()

    figures = [
        Figure(
            f"hover to pop-up content p99 ({novel.name}, {len(after_window)} hovers)",
            percentile(after_window, 99),
            "ms",
            percentile(after_core, 99),
            "core lookup p99",
            "≤ 5 ms",
        ),
        Figure(
            "hover to pop-up content median",
            statistics.median(after_window),
            "ms",
            statistics.median(after_core),
            "core lookup median",
        ),
        Figure(
            "hover to pop-up laid out and placed p99",
            percentile(after_placed, 99),
            "ms",
            percentile(after_window, 99),
            "content set p99",
        ),
        Figure(
            "hover to pop-up laid out and placed median",
            statistics.median(after_placed),
            "ms",
            statistics.median(after_window),
            "content set median",
        ),
    ]
    if segmenting and during_window:
        figures.append(
            Figure(
                f"p99 while the book is segmented in the background ({len(during_window)} hovers)",
                percentile(during_window, 99),
                "ms",
                percentile(during_core, 99),
                "core lookup p99",
            )
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("novel", nargs="?", type=Path, default=NOVEL)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hovers", type=int, default=HOVERS)
    options = parser.parse_args(argv)
    if not options.novel.is_file():
        print(f"skipping: {options.novel} not found")
        return 0
    figures = measure(options.novel, max(1, options.runs), hovers=options.hovers)
    print(Table(TITLE, HEADERS, figure_rows(figures)).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
