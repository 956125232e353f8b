"""Find on a novel (reader/language/find.py): per keystroke, by pinyin, and what it prepares.

    python bench/find.py [--runs N] [NOVEL]

Character find is timed as the find bar runs it: the queries typed one character at a time,
each prefix found anew (the core's part of a keystroke; the window's marking comes on top),
against a plain `str.find` loop over the raw text in the same run. Pinyin find is timed once
the book is segmented, each query on a fresh finder (nothing read in context before) with
the model's sentence cache emptied, then again on the same finder. The one-time costs (fold
the text, build the syllable index, read the whole book in context ahead) stand beside
jieba segmenting the same text.

`measure(novel, runs)` gives the figures; `TITLE`, `HEADERS` and `figure_rows(figures)`
make the table bench/run.py prints.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from table import FIGURE_HEADERS, Figure, Table, figure_rows, percentile  # noqa: E402

from reader.document import Document, open_document  # noqa: E402
from reader.document.match_places import MatchPlaces  # noqa: E402
from reader.language.find import Finder  # noqa: E402
from reader.language.segmentation import Segmentation  # noqa: E402
from reader.language.tools import LanguageTools  # noqa: E402

NOVEL = PROJECT_ROOT.parent / "shared" / "data" / "novels" / "hongloumeng.txt"
TITLE = "Find on a novel (reader/language/find.py)"
HEADERS = FIGURE_HEADERS
TYPED = ("贾宝玉", "林黛玉", "王熙凤", "了", "寶玉", "诸葛亮", "凤姐儿")
PINYIN = ("baoyu", "bǎoyù", "bao3yu4", "daiyu", "wang xifeng", "zhugeliang", "zhang", "xian", "de")
KEYSTROKE_TARGET = "p95 ≤ 50 ms with the window's part"
PINYIN_TARGET = "≤ 300 ms"


def measure(novel: Path = NOVEL, runs: int = 5) -> list[Figure]:
    document = open_document(novel)
    return [*keystrokes(document, runs), *pinyin(document)]


def keystrokes(document: Document, runs: int) -> list[Figure]:
    text = document.text
    fold_s = _best(lambda: Finder(text), runs)
    finder = Finder(text)
    places = MatchPlaces(document)
    prefixes = [query[:n] for query in TYPED for n in range(1, len(query) + 1)]
    core, plain, listed = [], [], []
    for _ in range(runs):
        for prefix in prefixes:
            core.append(_timed(lambda p=prefix: finder.find_characters(p)))
            plain.append(_timed(lambda p=prefix: _plain_find(text, p)))
            matches = finder.find_characters(prefix)
            listed.append(_timed(lambda m=matches: [places.place(s, e) for s, e in m]))
    most = max(len(finder.find_characters(p)) for p in prefixes)
    return [
        Figure(
            "Finder made (the novel folded once)",
            fold_s * 1000,
            "ms",
            _best(lambda: text.translate({}), runs) * 1000,
            "copy of the text (str.translate, empty table)",
        ),
        Figure(
            f"keystroke p95, {len(prefixes)} prefixes of {', '.join(TYPED)} "
            f"(up to {most:,} matches)",
            percentile(core, 95) * 1000,
            "ms",
            percentile(plain, 95) * 1000,
            "str.find loop over the raw text",
            KEYSTROKE_TARGET,
        ),
        Figure("keystroke max", max(core) * 1000, "ms", max(plain) * 1000, "str.find loop"),
        Figure(
            "section + context of every match, p95 (the result list, if made whole)",
            percentile(listed, 95) * 1000,
            "ms",
        ),
    ]


def pinyin(document: Document) -> list[Figure]:
    text = document.text
    tools = LanguageTools()
    tools.warm_up()
    _ = tools.pronouncer
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(text, spans, tools.segmenter)
    segment_s = _timed(segmentation.segment_all)
    figures = []
    index_s = _timed(lambda: Finder(text).pinyin_finder(tools).index.places("a"))
    figures.append(
        Figure(
            "syllable index built (once per document, on the first pinyin query)",
            index_s,
            "s",
            segment_s,
            "jieba segmenting the whole novel",
        )
    )
    for query in PINYIN:
        finder = Finder(text)
        finder.pinyin_finder(tools).index.places("a")
        _forget_model_readings(tools)
        started = time.perf_counter()
        result = finder.find_pinyin(query, segmentation.tokens, tools)
        first_s = time.perf_counter() - started
        again_s = _timed(lambda f=finder, q=query: f.find_pinyin(q, segmentation.tokens, tools))
        figures.append(
            Figure(
                f"pinyin {query!r}: {len(result.matches):,} matches, "
                f"{result.read_now:,} read in context",
                first_s * 1000,
                "ms",
                segment_s * 1000,
                "jieba segmenting the whole novel",
                PINYIN_TARGET,
            )
        )
        figures.append(Figure(f"pinyin {query!r} again (its readings kept)", again_s * 1000, "ms"))
    finder = Finder(text)
    _forget_model_readings(tools)
    prepare_s = _timed(lambda: finder.pinyin_finder(tools).prepare(spans, segmentation.tokens))
    figures.append(
        Figure(
            "whole novel read in context ahead (prepare, a worker's job)",
            prepare_s,
            "s",
            segment_s,
            "jieba segmenting the whole novel",
        )
    )
    for query in PINYIN:
        after = _timed(lambda q=query: finder.find_pinyin(q, segmentation.tokens, tools))
        figures.append(
            Figure(f"pinyin {query!r} once prepared", after * 1000, "ms", target=PINYIN_TARGET)
        )
    return figures


def _forget_model_readings(tools: LanguageTools) -> None:
    """Empties the model's cache of sentence readings, so a find's first run is a cold one."""
    tools.model._cache.clear()


def _plain_find(text: str, query: str) -> list[tuple[int, int]]:
    found = []
    at = text.find(query)
    while at >= 0:
        found.append((at, at + len(query)))
        at = text.find(query, at + len(query))
    return found


def _timed(task: Callable[[], object]) -> float:
    started = time.perf_counter()
    task()
    return time.perf_counter() - started


def _best(task: Callable[[], object], runs: int) -> float:
    return statistics.median(_timed(task) for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("novel", nargs="?", type=Path, default=NOVEL)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    if not options.novel.is_file():
        print(f"skipping: {options.novel} not found")
        return 0
    figures = measure(options.novel, max(1, options.runs))
    print(Table(TITLE, HEADERS, figure_rows(figures)).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
