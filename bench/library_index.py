"""The library index (reader/library) on a library built from the shared novels.

    python bench/library_index.py [--million-chars N] [--baseline-files K]

The library: files of about FILE_CHARS characters, each the chapters of hongloumeng.txt and
xiyouji.txt in an order of its own (a seeded shuffle, so every run builds the same files),
written to a temporary folder; 40 million characters by default, as issue 15 asks.

Indexing is timed as `reader library add` runs it: reader.library.indexing.add_to_library
(open the file, list it in the store, segment it with jieba and index it) into a fresh store
and index. The baseline, timed in the same run,
is reading, decoding and segmenting the same text (open_document and a whole Segmentation),
on the first K files, per character: segmenting all 40 million twice would take the better
part of an hour on a small machine. Queries: 25 words of each length (2, 3, 4 characters)
and 25 two-character words typed in toneless pinyin, chosen with a seed from the words of
the text; each is timed for every hit in the library and for the first LIMIT hits (what a
results list shows first).

Times are the process's CPU time, not the clock's: on a machine shared with other work the
clock counts the others' turns too, and jieba (the baseline) and SQLite (most of the rest)
suffer from them alike only on average. Indexing runs in this one thread; nothing is hidden
in another.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH = PROJECT_ROOT / "bench"
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))
if str(BENCH) not in sys.path:  # its siblings, also when imported as bench.<module> (tests)
    sys.path.append(str(BENCH))

from table import FIGURE_HEADERS, Figure, Table, figure_rows, percentile  # noqa: E402

from reader.document import open_document  # noqa: E402
from reader.language.pinyin import word_syllables  # noqa: E402
from reader.language.segmentation import Segmentation, Segmenter  # noqa: E402
from reader.library.chunks import HAN  # noqa: E402
from reader.library.index_file import LibraryIndex, index_path  # noqa: E402
from reader.library.indexing import add_to_library  # noqa: E402
from reader.library.search import LibraryQuery, search  # noqa: E402
from reader.store import open_store  # noqa: E402

NOVELS = PROJECT_ROOT.parent / "shared" / "data" / "novels"
SOURCES = ("hongloumeng.txt", "xiyouji.txt")
TITLE = "The library index (reader/library)"
HEADERS = FIGURE_HEADERS
FILE_CHARS = 2_000_000
MILLION_CHARS = 40
BASELINE_FILES = 2
QUERIES = 25
LIMIT = 200
SEED = 15
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇]+回", re.MULTILINE)


def measure(
    million_chars: int = MILLION_CHARS, baseline_files: int = BASELINE_FILES
) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="reader-library-bench-") as folder:
        files = build_library(Path(folder), million_chars * 1_000_000)
        segmenter = Segmenter()
        segmenter.ensure_ready()
        text_bytes = sum(path.stat().st_size for path in files)
        characters = [len(open_document(path).text) for path in files]
        baseline_s = _segmenting(files[:baseline_files], segmenter)
        per_char = baseline_s / sum(characters[:baseline_files])
        baseline = per_char * sum(characters)
        with open_store(Path(folder) / "data") as store:
            index_file = index_path(store.path)
            with LibraryIndex.open(index_file) as index:
                started = time.process_time()
                for path in files:
                    add_to_library(store, index, path, segmenter=segmenter)
                indexing = time.process_time() - started
                index.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                size = index_file.stat().st_size
                index.optimize()
                optimized = index_file.stat().st_size
                queries = _figures(index)
        total = f"{sum(characters) / 1e6:.1f}M characters in {len(files)} files"
        return [
            Figure(
                f"indexing {total}",
                indexing,
                "s",
                baseline,
                f"read+decode+segment (timed on {baseline_files} files, per character)",
                "≤ 1.5×",
            ),
            Figure(
                "index size", size / 1e6, "MB", text_bytes / 1e6, "the text in UTF-8", "aim ≤ 3×"
            ),
            Figure(
                "index size after optimize",
                optimized / 1e6,
                "MB",
                text_bytes / 1e6,
                "the text in UTF-8",
                "aim ≤ 3×",
            ),
            *queries,
        ]


def build_library(folder: Path, total_chars: int) -> list[Path]:
    """Files of about FILE_CHARS characters of the novels' chapters, each in its own order."""
    folder.mkdir(parents=True, exist_ok=True)
    chapters: list[str] = []
    for name in SOURCES:
        text = (NOVELS / name).read_text(encoding="utf-8")
        starts = [match.start() for match in _CHAPTER.finditer(text)]
        chapters.extend(text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True))
    files = []
    written = 0
    number = 0
    while written < total_chars:
        number += 1
        order = random.Random(SEED + number).sample(chapters, len(chapters))
        body: list[str] = [f"书{number}\n\n"]
        size = 0
        for chapter in order + order:
            if size >= FILE_CHARS:
                break
            body.append(chapter)
            size += len(chapter)
        path = folder / f"book-{number:03}.txt"
        path.write_text("".join(body), encoding="utf-8")
        files.append(path)
        written += size
    return files


def _segmenting(files: list[Path], segmenter: Segmenter) -> float:
    started = time.process_time()
    for path in files:
        document = open_document(path)
        spans = [(block.start, block.end) for block in document.blocks]
        Segmentation(document.text, spans, segmenter).segment_all()
    return time.process_time() - started


def _figures(index: LibraryIndex) -> list[Figure]:
    chooser = random.Random(SEED)
    words = sorted(
        word
        for word, count, _ in index.word_counts()
        if count >= 2 and all(HAN.fullmatch(char) for char in word)
    )
    figures = []
    for size in (2, 3, 4):
        chosen = chooser.sample([word for word in words if len(word) == size], QUERIES)
        figures.extend(_timed(index, f"{size}-character query", chosen, pinyin=False))
    pairs = chooser.sample([word for word in words if len(word) == 2], QUERIES)
    typed = ["".join(s[:-1] for s in word_syllables(word) if s) for word in pairs]
    figures.extend(_timed(index, "pinyin query (2 syllables)", typed, pinyin=True))
    return figures


def _timed(index: LibraryIndex, name: str, queries: list[str], pinyin: bool) -> list[Figure]:
    every: list[float] = []
    first: list[float] = []
    hits = 0
    for query in queries:
        wanted = LibraryQuery(query, pinyin=pinyin)
        started = time.process_time()
        hits += len(search(index, None, wanted))
        every.append(time.process_time() - started)
        started = time.process_time()
        search(index, None, wanted, limit=LIMIT)
        first.append(time.process_time() - started)
    return [
        Figure(
            f"{name}, first {LIMIT} hits, p95 of {len(queries)}",
            percentile(first, 95) * 1000,
            "ms",
            target="≤ 100 ms",
        ),
        Figure(
            f"{name}, every hit (mean {hits // len(queries)}), p95",
            percentile(every, 95) * 1000,
            "ms",
            target="≤ 100 ms",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--million-chars", type=int, default=MILLION_CHARS)
    parser.add_argument("--baseline-files", type=int, default=BASELINE_FILES)
    options = parser.parse_args()
    figures = measure(options.million_chars, options.baseline_files)
    print(Table(TITLE, HEADERS, figure_rows(figures)).render())


if __name__ == "__main__":
    main()
