"""The word frequency list of a whole novel (reader/library/frequency.py) against its
segmentation alone.

    python bench/frequency_figures.py [--runs N] [NOVEL]

The baseline is what a list cannot do without: jieba cutting the whole book into words (a
fresh Segmentation, jieba's dictionary already loaded). The figure is that cutting plus
what the list adds after it: the counting (each different word keyed, numbers and names left
out, the sections each occurs in) and the description of each different word (HSK level,
dictionary pinyin, first CC-CEDICT sense), with fresh language tools and an empty pinyin
cache, as `reader freq` pays it. Both parts are timed in every run, one after the other, and
each figure is the best of the runs. The character list (no segmentation) is timed alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from coverage_figures import segmented, timed  # noqa: E402
from table import FIGURE_HEADERS, Figure, Table, figure_rows  # noqa: E402

from reader.document import open_document  # noqa: E402
from reader.language.pinyin import word_syllables  # noqa: E402
from reader.language.tools import LanguageTools  # noqa: E402
from reader.library.frequency import character_frequencies, word_frequencies  # noqa: E402

NOVEL = PROJECT_ROOT.parent / "shared" / "data" / "novels" / "hongloumeng.txt"
TITLE = "Word frequency list of a novel (reader/library/frequency.py)"
HEADERS = FIGURE_HEADERS
TARGET = "≤ 1.5× its segmentation"


def measure(novel: Path = NOVEL, runs: int = 3) -> list[Figure]:
    document = open_document(novel)
    tools = LanguageTools()
    tools.segmenter.ensure_ready()
    tools.dictionary.scripts()
    tools.counted_words.get("宝玉")  # the names' set built once, as the cache file keeps it
    segmenting: list[float] = []
    listing: list[float] = []
    words = 0
    for _ in range(runs):
        seconds, segmentation = timed(lambda: segmented(document, tools))
        segmenting.append(seconds)
        fresh = LanguageTools()
        word_syllables.cache_clear()
        seconds, rows = timed(
            lambda s=segmentation, f=fresh: word_frequencies(document, s, tools=f)
        )
        listing.append(seconds)
        words = len(rows)
    characters = min(timed(lambda: character_frequencies(document))[0] for _ in range(runs))
    baseline = min(segmenting)
    return [
        Figure(
            f"word list of {novel.name} ({words:,} different words)",
            baseline + min(listing),
            "s",
            baseline,
            "its segmentation alone",
            TARGET,
        ),
        Figure("its character list", characters * 1000, "ms", target="on a worker"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("novel", nargs="?", type=Path, default=NOVEL)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    print(Table(TITLE, HEADERS, figure_rows(measure(options.novel, options.runs))).render())


if __name__ == "__main__":
    main()
