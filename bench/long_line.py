"""A one-line file of a million characters in the window, beside `reader outline` on the same
file, both measured in this run.

    python bench/long_line.py [--runs N]

Each file is one line of a million characters: `a` and `[` have no place to break a line,
`中` has one after every character but no punctuation. For each, the time from process
start to the window's first paint (`reader --startup-report`, counted as the first-paint
table counts it) and the wall time of `reader outline` (open the file, print its
sections), each the best of the runs: the three are alternated, and the least disturbed by
the machine's other work is taken. The window's constant is its first paint on a one-line
file of ten characters, measured alike. The target from issue 10: opening any file the
CLI accepts takes at most about twice the CLI's time plus a constant, that is
window − constant ≤ 2 × outline.

`measure(runs, env)` gives the figures; `TITLE`, `HEADERS` and `rows(figures)` make the table
bench/run.py prints.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from table import Table

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LENGTH = 1_000_000
CHARACTERS = ("a", "[", "\u4e2d")
CONSTANT_LENGTH = 10
TARGET_RATIO = 2.0
TIMEOUT_S = 300
TITLE = (
    "A one-line file of a million characters: the window against `reader outline` "
    "(best of the runs)"
)
HEADERS = [
    "file",
    "chars",
    "window s",
    "outline s",
    "ratio",
    "window − constant s",
    "(window − constant) / outline",
    "target",
]


@dataclass(frozen=True)
class Figures:
    """Best of the runs, in seconds; `constant`: the window's first paint on a short line."""

    name: str
    window: float
    outline: float
    constant: float


def measure(runs: int, env: dict[str, str] | None = None) -> list[Figures]:
    with tempfile.TemporaryDirectory(prefix="reader-bench-long-line-") as folder:
        environment = _environment(env, Path(folder) / "settings")
        short = Path(folder) / "ten.txt"
        short.write_text("a" * CONSTANT_LENGTH, encoding="utf-8")
        figures = []
        for character in CHARACTERS:
            path = Path(folder) / f"line-{ord(character):x}.txt"
            path.write_text(character * LENGTH, encoding="utf-8")
            window, outline, constant = [], [], []
            for run in range(runs + 1):  # run 0 warms the disk cache and is dropped
                # Alternated, so that drift in the machine's load hits all three alike.
                samples = (
                    _first_paint(path, environment),
                    _outline(path, environment),
                    _first_paint(short, environment),
                )
                if run:
                    for kept, sample in zip((window, outline, constant), samples, strict=True):
                        kept.append(sample)
            figures.append(
                Figures(f"{character} × {LENGTH:,}", min(window), min(outline), min(constant))
            )
    return figures


def rows(figures: Sequence[Figures]) -> list[list[str]]:
    table = []
    for figure in figures:
        extra = figure.window - figure.constant
        ratio = extra / figure.outline
        table.append(
            [
                figure.name,
                f"{LENGTH:,}",
                f"{figure.window:.3f}",
                f"{figure.outline:.3f}",
                f"{figure.window / figure.outline:.2f}",
                f"{extra:.3f}",
                f"{ratio:.2f}",
                f"≤ {TARGET_RATIO:g} ({'met' if ratio <= TARGET_RATIO else 'missed'}; "
                f"constant {figure.constant:.3f} s)",
            ]
        )
    return table


def _environment(env: dict[str, str] | None, settings_dir: Path) -> dict[str, str]:
    environment = dict(env or os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PROJECT_ROOT), environment.get("PYTHONPATH")])
    )
    environment["READER_SETTINGS_DIR"] = str(settings_dir)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return environment


def _first_paint(path: Path, environment: dict[str, str]) -> float:
    """Seconds from the process's start to the window's first paint of `path`."""
    completed = _run(["--startup-report", str(path)], environment)
    reports = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    return float(json.loads(reports[-1])["first_paint_s"])


def _outline(path: Path, environment: dict[str, str]) -> float:
    """Seconds from starting `reader outline path` to its end."""
    started = time.perf_counter()
    _run(["outline", str(path)], environment)
    return time.perf_counter() - started


def _run(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *arguments],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    print(Table(TITLE, HEADERS, rows(measure(max(1, options.runs)))).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
