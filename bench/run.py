"""`make bench`: Reader's measurements, each printed as a table.

A measurement is a function from the benchmark files and settings to a Table; add one to
MEASUREMENTS. Measurements of one layer live in their own module beside this one
(bench/store.py, bench/language.py), imported only when their measurement runs.

    python bench/run.py [--runs N] [--only MEASUREMENT] [FILE ...]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from table import Table, figure_rows

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED = PROJECT_ROOT / "seeds" / "xinhua-2016-04-19-cybersecurity-symposium.txt"
NOVEL = PROJECT_ROOT.parent / "shared" / "data" / "novels" / "hongloumeng.txt"
BARE_WINDOW = PROJECT_ROOT / "bench" / "bare_window.py"
RUN_TIMEOUT_S = 300


class BenchError(Exception):
    """A measured program failed; printed as one line."""


@dataclass(frozen=True)
class Settings:
    runs: int
    env: dict[str, str]
    window_size: tuple[int, int]


@dataclass(frozen=True)
class StartupSample:
    first_paint_s: float
    rss_mb: float


Measurement = Callable[[Sequence[Path], Settings], Table | list[Table] | None]


def bench_files(requested: Sequence[Path]) -> list[Path]:
    """The files asked for, else the seed and (where ../shared/data is beside us) a novel."""
    if requested:
        return list(requested)
    files = [SEED]
    if NOVEL.is_file():
        files.append(NOVEL)
    else:
        print(f"skipping the novel: {NOVEL} not found (clone with ../shared beside the checkout)")
    return files


def bench_settings(runs: int, settings_dir: Path) -> Settings:
    """One environment for every measured process: headless where there is no display,
    a throwaway settings folder so the user's remembered document or geometry change nothing."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    env["READER_SETTINGS_DIR"] = str(settings_dir)
    headless = sys.platform.startswith("linux") and not (
        env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
    )
    if headless and "QT_QPA_PLATFORM" not in env:
        env["QT_QPA_PLATFORM"] = "offscreen"
    from reader.ui.window.main_window import DEFAULT_SIZE

    return Settings(runs, env, (DEFAULT_SIZE.width(), DEFAULT_SIZE.height()))


def startup_sample(command: Sequence[str], settings: Settings) -> StartupSample:
    """Run a program that prints one startup JSON line on its first paint and exits."""
    result = subprocess.run(
        command,
        cwd=PROJECT_ROOT,
        env=settings.env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    reports = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or len(reports) != 1:
        tail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"{' '.join(command)} exited {result.returncode}: {tail}")
    report = json.loads(reports[0])
    return StartupSample(float(report["first_paint_s"]), float(report["rss_mb"]))


def first_paint(files: Sequence[Path], settings: Settings) -> Table:
    """Time to first paint of Reader against a bare QTextBrowser showing the same file.

    Both count from their process's start (interpreter start-up and imports included) and
    report after their text viewport's first paint has finished.
    """
    width, height = settings.window_size
    rows = []
    for path in files:
        programs = {
            "reader": [sys.executable, "-m", "reader", "--startup-report", str(path)],
            "bare": [sys.executable, str(BARE_WINDOW), str(path), f"--size={width}x{height}"],
        }
        samples: dict[str, list[StartupSample]] = {name: [] for name in programs}
        for run in range(settings.runs + 1):  # run 0 warms the disk cache and is dropped
            for name, command in programs.items():  # alternated, so drift hits both alike
                sample = startup_sample(command, settings)
                if run:
                    samples[name].append(sample)
        reader_s = statistics.median(sample.first_paint_s for sample in samples["reader"])
        bare_s = statistics.median(sample.first_paint_s for sample in samples["bare"])
        rows.append(
            [
                path.name,
                f"{len(path.read_bytes().decode('utf-8-sig')):,}",
                f"{reader_s:.3f}",
                f"{bare_s:.3f}",
                f"{reader_s / bare_s:.2f}",
                f"{max(sample.rss_mb for sample in samples['reader']):.0f}",
                f"{max(sample.rss_mb for sample in samples['bare']):.0f}",
            ]
        )
    platform = settings.env.get("QT_QPA_PLATFORM", "default")
    return Table(
        f"Time to first paint, median of {settings.runs} runs after a warm-up "
        f"({width}x{height} window, Qt platform: {platform})",
        [
            "file",
            "chars",
            "Reader s",
            "bare s",
            "ratio",
            "Reader peak RSS MB",
            "bare peak RSS MB",
        ],
        rows,
    )


def document_opening(files: Sequence[Path], settings: Settings) -> Table:
    """Read + decode + structure (open_document) against reading and decoding alone."""
    from reader.document import open_document
    from reader.document.encoding import decode_text

    def best_of(task: Callable[[], object]) -> float:
        timings = []
        for _ in range(settings.runs):
            started = time.perf_counter()
            task()
            timings.append(time.perf_counter() - started)
        return statistics.median(timings)

    rows = []
    for path in files:
        decode_s = best_of(lambda path=path: decode_text(path.read_bytes()))
        open_s = best_of(lambda path=path: open_document(path))
        document = open_document(path)
        rows.append(
            [
                path.name,
                f"{len(document.text):,}",
                f"{sum(1 for _ in document.sections()) - 1:,}",
                f"{decode_s:.4f}",
                f"{open_s:.4f}",
                f"{open_s - decode_s:.4f}",
                f"{open_s / decode_s:.2f}",
            ]
        )
    return Table(
        f"Opening a document, median of {settings.runs} runs in this process",
        ["file", "chars", "sections", "read+decode s", "open s", "structure s", "ratio"],
        rows,
    )


def annotation_store(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/store.py: 10,000 annotations on the novel, each figure beside a baseline."""
    if not NOVEL.is_file():
        print(f"skipping the annotation store: {NOVEL} not found")
        return None
    import store

    return Table(store.TITLE, store.HEADERS, store.rows(store.measure(NOVEL, settings.runs)))


def annotations_window(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/annotations_window.py: the window with 10,000 highlights on the novel."""
    if not NOVEL.is_file():
        print(f"skipping annotations in the window: {NOVEL} not found")
        return None
    import annotations_window as window_bench

    figures = window_bench.measure(NOVEL, settings.runs)
    return Table(window_bench.TITLE, window_bench.HEADERS, window_bench.rows(figures))


def word_statuses_window(files: Sequence[Path], settings: Settings) -> Table:
    """bench/word_statuses_window.py: the window's start with 100,000 word statuses."""
    import word_statuses_window as statuses_bench

    figures = statuses_bench.measure(settings.runs)
    return Table(statuses_bench.TITLE, statuses_bench.HEADERS, statuses_bench.rows(figures))


def word_lookup_window(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/lookup_window.py: lookup ready after first paint, hover to pop-up content."""
    if not NOVEL.is_file():
        print(f"skipping word lookup in the window: {NOVEL} not found")
        return None
    import lookup_window

    figures = lookup_window.measure(NOVEL, settings.runs, settings.env)
    return Table(lookup_window.TITLE, lookup_window.HEADERS, figure_rows(figures))


def find_window(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/find_window.py: a keystroke in the find bar to the matches marked, on the novel."""
    if not NOVEL.is_file():
        print(f"skipping find in the window: {NOVEL} not found")
        return None
    import find_window as find_bench

    figures = find_bench.measure(NOVEL, env=settings.env)
    return Table(find_bench.TITLE, find_bench.HEADERS, figure_rows(figures))


def word_marks(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/marks_window.py: hover and scroll with the word marks on against off; the
    store's extra start time with 100,000 word statuses."""
    if not NOVEL.is_file():
        print(f"skipping the word marks: {NOVEL} not found")
        return None
    import marks_window

    figures = marks_window.measure(NOVEL, settings.runs, settings.env)
    return Table(marks_window.TITLE, marks_window.HEADERS, figure_rows(figures))


def long_line_window(files: Sequence[Path], settings: Settings) -> Table:
    """bench/long_line.py: a one-line file of a million characters, the window against the CLI."""
    import long_line

    figures = long_line.measure(settings.runs, settings.env)
    return Table(long_line.TITLE, long_line.HEADERS, long_line.rows(figures))


def find_in_document(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/find.py: find per keystroke and by pinyin on the novel, beside baselines."""
    if not NOVEL.is_file():
        print(f"skipping find: {NOVEL} not found")
        return None
    import find

    figures = find.measure(NOVEL, settings.runs)
    return Table(find.TITLE, find.HEADERS, figure_rows(figures))


def language_layer(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/language.py: speed, memory and accuracy of reader/language beside baselines."""
    import language

    def row(figure: language.Figure) -> list[str]:
        baseline = (
            f"{figure.baseline:.4g} {figure.unit}, {figure.baseline_name}"
            if figure.baseline is not None
            else ""
        )
        ratio = f"{figure.ratio:.3g}" if figure.ratio is not None else ""
        return [figure.name, f"{figure.value:.4g} {figure.unit}", baseline, ratio, figure.limit]

    rows = [row(figure) for figure in language.figures(report=_print_skips)]
    return Table(
        "Language layer (reader/language)",
        ["figure", "value", "baseline", "ratio", "target"],
        rows,
    )


def pinyin_accuracy(files: Sequence[Path], settings: Settings) -> list[Table]:
    """bench/pinyin_accuracy.py: polyphones read right on the everyday and CPP sets, beside
    jieba + pypinyin and g2pM alone."""
    import pinyin_accuracy as accuracy

    return accuracy.measure()


def pinyin_changes(files: Sequence[Path], settings: Settings) -> list[Table]:
    """bench/pinyin_changes.py: readings of the files changed against the previous release."""
    import pinyin_changes as changes

    try:
        return changes.tables(changes.measure(files, settings.env))
    except changes.ReadError as error:
        raise BenchError(str(error)) from None


def word_answers(files: Sequence[Path], settings: Settings) -> Table:
    """bench/word_answers.py: words answered as words, by covers, by characters; numbers."""
    import word_answers as answers

    rows, numbers, notes = answers.measure()
    for note in notes:
        print(note)
    blank = [""] * (len(answers.HEADERS) - len(answers.NUMBER_HEADERS))
    return Table(
        answers.TITLE,
        answers.HEADERS,
        [*rows, [*answers.NUMBER_HEADERS, *blank], *([*row, *blank] for row in numbers)],
    )


def coverage(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/coverage_figures.py: the novel's coverage against its segmentation alone."""
    if not NOVEL.is_file():
        print(f"skipping coverage: {NOVEL} not found")
        return None
    import coverage_figures

    figures = coverage_figures.measure(NOVEL, settings.runs)
    return Table(coverage_figures.TITLE, coverage_figures.HEADERS, figure_rows(figures))


def frequency(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/frequency_figures.py: the novel's word frequency list against its segmentation."""
    if not NOVEL.is_file():
        print(f"skipping frequency: {NOVEL} not found")
        return None
    import frequency_figures

    figures = frequency_figures.measure(NOVEL, settings.runs)
    return Table(frequency_figures.TITLE, frequency_figures.HEADERS, figure_rows(figures))


def library_index(files: Sequence[Path], settings: Settings) -> Table | None:
    """bench/library_index.py: indexing 40M characters of the novels, index size, queries."""
    if not NOVEL.is_file():
        print(f"skipping the library index: {NOVEL} not found")
        return None
    import library_index as bench

    return Table(bench.TITLE, bench.HEADERS, figure_rows(bench.measure()))


def _print_skips(line: str) -> None:
    if "skipped" in line:
        print(line)


# Each measurement gives a table, or None (having said why) when its data is missing.
MEASUREMENTS: list[Measurement] = [
    first_paint,
    document_opening,
    annotation_store,
    annotations_window,
    word_statuses_window,
    language_layer,
    pinyin_accuracy,
    pinyin_changes,
    word_answers,
    find_in_document,
    coverage,
    frequency,
    word_lookup_window,
    find_window,
    word_marks,
    long_line_window,
    library_index,
]


OFFSCREEN_ONLY = ("This plugin does not support",)
"""What the offscreen platform says of what only a real screen can do (raise a window ...)."""


def _quiet_offscreen_warnings() -> None:
    """The window measurements run in this process: keep their tables readable."""
    from reader.ui.qt import QtCore

    def handler(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, text: str) -> None:
        if not text.startswith(OFFSCREEN_ONLY):
            print(text, file=sys.stderr)

    QtCore.qInstallMessageHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Reader's benchmarks.")
    parser.add_argument("files", nargs="*", type=Path, help="default: the seed and a novel")
    parser.add_argument("--runs", type=int, default=7, help="measured runs per program and file")
    parser.add_argument(
        "--only",
        action="append",
        choices=[measurement.__name__ for measurement in MEASUREMENTS],
        help="run just this measurement (repeatable)",
    )
    options = parser.parse_args(argv)
    chosen = [m for m in MEASUREMENTS if not options.only or m.__name__ in options.only]
    # Users start from compiled modules (pip and PyInstaller compile them); so do we, also
    # where PYTHONDONTWRITEBYTECODE would have every start compile the sources again.
    compileall.compile_dir(PROJECT_ROOT / "reader", quiet=1)
    _quiet_offscreen_warnings()

    files = bench_files(options.files)
    with tempfile.TemporaryDirectory(prefix="reader-bench-settings-") as settings_dir:
        settings = bench_settings(max(1, options.runs), Path(settings_dir))
        try:
            for measurement in chosen:
                print()
                result = measurement(files, settings)
                tables = [result] if isinstance(result, Table) else result or []
                if tables:
                    print("\n\n".join(table.render() for table in tables), flush=True)
        except (BenchError, subprocess.TimeoutExpired) as error:
            print(f"bench: error: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
