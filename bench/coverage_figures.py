"""Coverage of a whole novel (reader/language/coverage.py) against its segmentation alone.

    python bench/coverage_figures.py [--runs N] [NOVEL]

The baseline is what coverage cannot do without: jieba cutting the whole book into words
(a fresh Segmentation, jieba's dictionary already loaded). The figure is that cutting plus
what coverage adds after it: the counting (each different word looked at once: its
simplified key, whether it is a number or a name, its HSK band, with a fresh CountedWords)
and the weighing of every section by a reader's statuses (the HSK 1-3 words known). Both
parts are timed in every run, one after the other, and each figure is the best of the runs:
on a shared machine, timing the sum at once let the noise of the cutting (seconds) hide
what is measured (a tenth of it). Weighing again after a status change is timed alone.

`measure(novel, runs)` gives the figures; `TITLE`, `HEADERS` and `figure_rows(figures)`
make the table bench/run.py prints.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from table import FIGURE_HEADERS, Figure, Table, figure_rows  # noqa: E402

from reader.document import Document, open_document  # noqa: E402
from reader.language.counted_words import CountedWords  # noqa: E402
from reader.language.coverage import WordCounts, count_words, coverage  # noqa: E402
from reader.language.known_words import hsk_words  # noqa: E402
from reader.language.proper_names import ProperNames  # noqa: E402
from reader.language.segmentation import Segmentation  # noqa: E402
from reader.language.tools import LanguageTools  # noqa: E402

NOVEL = PROJECT_ROOT.parent / "shared" / "data" / "novels" / "hongloumeng.txt"
TITLE = "Coverage of a novel (reader/language/coverage.py)"
HEADERS = FIGURE_HEADERS
TARGET = "≤ 1.2× its segmentation"
T = TypeVar("T")


def measure(novel: Path = NOVEL, runs: int = 3) -> list[Figure]:
    document = open_document(novel)
    tools = LanguageTools()
    tools.segmenter.ensure_ready()
    tools.dictionary.scripts()
    statuses = _hsk_known()
    segmenting: list[float] = []
    counting: list[float] = []
    counts: WordCounts | None = None
    for _ in range(runs):
        seconds, segmentation = timed(functools.partial(segmented, document, tools))
        segmenting.append(seconds)
        covered = functools.partial(_covered, document, segmentation, tools, statuses)
        seconds, counts = timed(covered)
        counting.append(seconds)
    assert counts is not None
    found = counts
    weighing = min(timed(lambda: _weigh(found, statuses))[0] for _ in range(runs))
    baseline = min(segmenting)
    return [
        Figure(
            f"coverage of {novel.name} computed ({len(found.sections)} sections)",
            baseline + min(counting),
            "s",
            baseline,
            "its segmentation alone",
            TARGET,
        ),
        Figure(
            "weighing it again after a status change",
            weighing * 1000,
            "ms",
            target="on a worker",
        ),
    ]


def timed(task: Callable[[], T]) -> tuple[float, T]:
    """Seconds `task` took, after a collection, and what it gave."""
    gc.collect()
    start = time.perf_counter()
    result = task()
    return time.perf_counter() - start, result


def segmented(document: Document, tools: LanguageTools) -> Segmentation:
    """The whole document segmented, as the window's session segments it (the baseline)."""
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(document.text, spans, tools.segmenter)
    segmentation.segment_all()
    return segmentation


def _covered(
    document: Document, segmentation: Segmentation, tools: LanguageTools, statuses: dict[str, int]
) -> WordCounts:
    names = ProperNames(tools.dictionary, tools.hsk)
    counts = count_words(document, segmentation, CountedWords(tools.hsk, names))
    _weigh(counts, statuses)
    return counts


def _weigh(counts: WordCounts, statuses: dict[str, int]) -> None:
    for item in (counts.document, *counts.sections):
        coverage(item, counts.bands, statuses)


def _hsk_known() -> dict[str, int]:
    """The words of HSK 1-3 (new HSK) known, as `reader vocab known --hsk 3` marks them."""
    return dict.fromkeys(hsk_words(3), 99)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("novel", nargs="?", type=Path, default=NOVEL)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    print(Table(TITLE, HEADERS, figure_rows(measure(options.novel, options.runs))).render())


if __name__ == "__main__":
    main()
