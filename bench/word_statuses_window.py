"""The window's figures with 100,000 word statuses in its store, each beside the same without.

    python bench/word_statuses_window.py [--runs N]

Measured in this process, on Qt's offscreen platform unless another is set: attaching the
window's features (what the window does on the ui thread after its first paint: the store
connection, the status holder, and the worker it gives the reading of every status to)
with a store of 100,000 statuses against an empty one, and opening the store alone, which
that includes; how long after the attach the worker has every status in, the window going
on meanwhile; and marking one word known (the store written, the pop-up's row told). The
issue's target: at most 0.1 s more at start.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotations_window import own_settings, settle
from store import Figure, rows, timed
from table import Table

from reader.store import Status, open_store
from reader.ui.app import application
from reader.ui.qt import QtWidgets
from reader.ui.window.main_window import MainWindow
from reader.ui.words.controller import WordsController

STATUSES = 100_000
TITLE = f"The window with {STATUSES:,} word statuses in its store, median of the runs"
HEADERS = ("figure", "s", "baseline", "baseline s", "ratio", "extra s")
LOADED_TIMEOUT_S = 60.0


def measure(runs: int = 3) -> list[Figure]:
    application()
    with (
        tempfile.TemporaryDirectory(prefix="reader-bench-statuses-") as folder,
        own_settings(Path(folder) / "settings"),
    ):
        return _measure(runs, Path(folder))


def _fill(data_dir: Path, count: int) -> None:
    with open_store(data_dir) as store:
        store.word_statuses.set(
            {f"词{n}": Status.KNOWN if n % 4 else Status.LEARNING_2 for n in range(count)}
        )


def _measure(runs: int, folder: Path) -> list[Figure]:
    _fill(folder / "full", STATUSES)
    _fill(folder / "empty", 0)
    windows: list[MainWindow] = []

    def fresh(data: str) -> MainWindow:
        for window in windows:
            _wait_for_statuses(window)  # its worker must not run into the next timing
            _close(window)
        windows[:] = [MainWindow(data_dir=folder / data)]
        return windows[0]

    def attach_time(data: str) -> float:
        return timed(lambda: windows[0].annotations, runs, lambda: fresh(data))

    def loaded_time(data: str) -> float:
        samples = []
        for _ in range(runs):
            window = fresh(data)
            window.annotations  # noqa: B018 (attaches the features)
            holder = window.findChild(WordsController).holder
            began = time.perf_counter()
            while not holder.loaded:
                QtWidgets.QApplication.processEvents()
                if time.perf_counter() - began > LOADED_TIMEOUT_S:
                    raise TimeoutError("the word statuses were not read in time")
            samples.append(time.perf_counter() - began)
        return sorted(samples)[len(samples) // 2]

    def mark_time(data: str) -> float:
        window = fresh(data)
        window.annotations  # noqa: B018
        holder = window.findChild(WordsController).holder
        holder.load_now()
        words = iter(f"新词{n}" for n in range(runs))
        return timed(lambda: holder.set({next(words): Status.KNOWN}, "bench"), runs)

    figures = [
        Figure(
            f"open the store alone, {STATUSES:,} statuses in it",
            timed(lambda: open_store(folder / "full").close(), runs),
            "with none",
            timed(lambda: open_store(folder / "empty").close(), runs),
        ),
        Figure(
            f"attach the features, {STATUSES:,} statuses in the store",
            attach_time("full"),
            "with none",
            attach_time("empty"),
        ),
        Figure(
            "all statuses read, after the features attach (a worker)",
            loaded_time("full"),
            "with none",
            loaded_time("empty"),
        ),
        Figure(
            "mark a word known (store written, pop-up told)",
            mark_time("full"),
            "with no other statuses",
            mark_time("empty"),
        ),
    ]
    for window in windows:
        _close(window)
    return figures


def _wait_for_statuses(window: MainWindow) -> None:
    controller = window.findChild(WordsController)
    if controller is None:
        return
    began = time.perf_counter()
    while not controller.holder.loaded:
        QtWidgets.QApplication.processEvents()
        if time.perf_counter() - began > LOADED_TIMEOUT_S:
            raise TimeoutError("the word statuses were not read in time")


def _close(window: MainWindow) -> None:
    window.close()
    window.deleteLater()
    settle()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    print(Table(TITLE, HEADERS, rows(measure(arguments.runs))).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
