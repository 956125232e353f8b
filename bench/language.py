"""Speed and memory of the language layer, each beside a baseline from the same run.

`bench/run.py` calls `figures()`; run standalone with `.venv/bin/python bench/language.py`.
Reads the novels from ../shared/data; a figure whose data is missing is reported as skipped.

The CPP polyphone dev set is read here (`read_cpp`) and scored in bench/pinyin_accuracy.py:
each line of cpp-dev.sent has one polyphonic character between two ▁; cpp-dev.lb holds its
reading (le5, lu:4). The marks are removed, the sentence is read, and the reading of that
character is compared. The rule in reader/language/pronunciation.py was chosen looking at
the even-numbered lines (0, 2, 4, ...; "tuning half") only; the odd-numbered lines
("held-out half") were not used to choose anything.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import jieba  # noqa: E402

from reader.document import Document, open_document  # noqa: E402
from reader.language.segmentation import Segmentation, Token  # noqa: E402  (imports jieba quietly)
from reader.language.tools import LanguageTools  # noqa: E402

DATA = PROJECT_ROOT.parent / "shared" / "data"
NOVEL = DATA / "novels" / "hongloumeng.txt"
CPP_SENTENCES = DATA / "polyphone" / "cpp-dev.sent"
CPP_LABELS = DATA / "polyphone" / "cpp-dev.lb"
HOVER_SAMPLES = 3000
MARK = "▁"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    limit: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    def line(self) -> str:
        text = f"{self.name}: {self.value:.4g} {self.unit}"
        if self.baseline is not None:
            text += f" = {self.ratio:.3g}× {self.baseline_name} ({self.baseline:.4g} {self.unit})"
        if self.limit:
            text += f"  [target {self.limit}]"
        return text


def figures(report: Callable[[str], None] | None = None) -> list[Figure]:
    """Every figure of this bench; `report` gets a line as each is measured."""
    say = report or (lambda line: None)
    results: list[Figure] = []

    def add(*new: Figure) -> None:
        for figure in new:
            results.append(figure)
            say(figure.line())

    previous = os.environ.get("READER_CACHE_DIR")
    try:
        with tempfile.TemporaryDirectory(prefix="reader-bench-") as cache:
            os.environ["READER_CACHE_DIR"] = cache
            _measure(Path(cache), say, add)
    finally:
        if previous is None:
            os.environ.pop("READER_CACHE_DIR", None)
        else:
            os.environ["READER_CACHE_DIR"] = previous
    return results


def _measure(cache: Path, say: Callable[[str], None], add: Callable[..., None]) -> None:
    """Every figure, with the cache folder (and so the dictionary index) fresh at `cache`."""
    add(*dictionary_ready(cache))
    tools = LanguageTools(cache)
    tools.warm_up()
    if NOVEL.is_file():
        document = open_document(NOVEL)
        add(*segmentation_speed(document, tools))
        add(*hover_lookup(document, tools))
        add(*novel_pinyin(document, tools))
        add(*script_conversion(document))
        add(*peak_memory(cache))
    else:
        say(f"novel figures: skipped, {NOVEL} is missing")
    tools.close()


def read_cpp() -> list[tuple[str, int, str]]:
    """(sentence without marks, index of the marked character, its reading in Reader's form)."""
    sentences = CPP_SENTENCES.read_text(encoding="utf-8").splitlines()
    labels = CPP_LABELS.read_text(encoding="utf-8").splitlines()
    items = []
    for marked, label in zip(sentences, labels, strict=True):
        index = marked.index(MARK)
        sentence = marked[:index] + marked[index + 1] + marked[index + 3 :]
        items.append((sentence, index, label.strip().replace("u:", "v")))
    return items


def reader_readings(tools: LanguageTools, sentences: list[str]) -> list[list[str | None]]:
    """Each sentence read on its own, as `reader pinyin` reads lines; batched in one call.

    The sentences are joined by newlines, which end every context window, and segmented
    one by one, so each is read exactly as if it were alone.
    """
    text = "\n".join(sentences)
    tokens: list[Token] = []
    offset = 0
    for sentence in sentences:
        starts = tools.segmenter.word_starts(text, offset, offset + len(sentence))
        tokens.extend(Token(a, b) for a, b in itertools.pairwise([*starts, offset + len(sentence)]))
        if offset + len(sentence) < len(text):
            tokens.append(Token(offset + len(sentence), offset + len(sentence) + 1))
        offset += len(sentence) + 1
    syllables = tools.pronouncer.syllables(text, tokens)
    result = []
    offset = 0
    for sentence in sentences:
        result.append(syllables[offset : offset + len(sentence)])
        offset += len(sentence) + 1
    return result


def segmentation_speed(document: Document, tools: LanguageTools) -> list[Figure]:
    """Reader's block-by-block segmentation against one `lcut` of the whole text.

    CPU time of the thread, best of three alternating runs each, so that other processes
    on the machine change the figures as little as they can.
    """
    tokenizer = jieba.Tokenizer()  # jieba's own dictionary, as the segmenter's
    tokenizer.tmp_dir = os.environ["READER_CACHE_DIR"]
    tokenizer.initialize()
    raw_times, our_times = [], []
    raw_words = 0
    for _ in range(3):
        started = time.thread_time()
        raw_words = len(tokenizer.lcut(document.text))
        raw_times.append(time.thread_time() - started)
        segmentation = Segmentation(document.text, _spans(document), tools.segmenter)
        started = time.thread_time()
        segmentation.segment_all()
        our_times.append(time.thread_time() - started)
    return [
        Figure(
            f"whole-novel segmentation, CPU ({len(document.text)} chars, {raw_words} raw words)",
            min(our_times),
            "s",
            min(raw_times),
            "raw jieba lcut",
            "≤ 1.2×",
        )
    ]


def hover_lookup(document: Document, tools: LanguageTools) -> list[Figure]:
    segmentation = Segmentation(document.text, _spans(document), tools.segmenter)
    segmentation.segment_all()
    text = document.text
    lookup = tools.lookup
    chance = random.Random(4)
    offsets = []
    while len(offsets) < HOVER_SAMPLES:
        offset = chance.randrange(len(text))
        if lookup.word_at(text, offset, segmentation) is not None:
            offsets.append(offset)
    costs = []
    cpu_costs = []
    query_costs = []
    for offset in offsets:
        started, cpu_started = time.perf_counter(), time.thread_time()
        found = lookup.at(text, offset, segmentation)
        costs.append(time.perf_counter() - started)
        cpu_costs.append(time.thread_time() - cpu_started)
        assert found is not None
        started = time.perf_counter()
        tools.dictionary.lookup(found.word)
        query_costs.append(time.perf_counter() - started)
    query = statistics.median(query_costs) * 1000
    baseline = "one dictionary query (median)"
    return [
        Figure(
            f"hover lookup p99, wall clock ({HOVER_SAMPLES} random Han offsets)",
            _percentile(costs, 99) * 1000,
            "ms",
            query,
            baseline,
            "≤ 5 ms",
        ),
        Figure(
            "hover lookup p99, CPU time of the thread (unaffected by other processes)",
            _percentile(cpu_costs, 99) * 1000,
            "ms",
            query,
            baseline,
            "≤ 5 ms",
        ),
        Figure(
            "hover lookup median, wall clock",
            statistics.median(costs) * 1000,
            "ms",
            query,
            baseline,
        ),
    ]


def novel_pinyin(document: Document, tools: LanguageTools) -> list[Figure]:
    """Pinyin of the whole novel a screenful at a time (40 blocks), as a background task would."""
    segmentation = Segmentation(document.text, _spans(document), tools.segmenter)
    started = time.thread_time()
    segmentation.segment_all()
    segment_seconds = time.thread_time() - started
    started = time.thread_time()
    for first in range(0, len(segmentation), 40):
        last = min(first + 40, len(segmentation)) - 1
        start, end = segmentation.span(first)[0], segmentation.span(last)[1]
        tokens = segmentation.tokens(start, end)
        if tokens:
            tools.pronouncer.syllables(document.text, tokens)
    seconds = time.thread_time() - started
    return [
        Figure(
            "whole-novel pinyin in context (after segmentation), CPU",
            seconds,
            "s",
            segment_seconds,
            "its segmentation",
            "≤ 3×",
        )
    ]


def script_conversion(document: Document) -> list[Figure]:
    """reader/language/script.py on the whole novel beside OpenCC's own conversion of it.

    Fold (for find) against t2s of the whole text; the display in traditional (by clauses,
    offsets kept) against one s2tw of the whole text. Best of three; tables built first.
    """
    from reader.language.script import Script, converter, display_text, fold

    text = document.text
    fold("諸")
    display_text("国", Script.TRADITIONAL)

    def best(work: Callable[[], object], times: int = 3) -> float:
        seconds = []
        for _ in range(times):
            started = time.perf_counter()
            work()
            seconds.append(time.perf_counter() - started)
        return min(seconds)

    queries = 10_000
    return [
        Figure(
            "fold the whole novel (find, script-blind)",
            best(lambda: fold(text)),
            "s",
            best(lambda: converter("t2s").convert(text)),
            "OpenCC t2s of it",
            "≤ 0.1 s",
        ),
        Figure(
            "fold a query (诸葛亮)",
            1e6 * best(lambda: [fold("諸葛亮") for _ in range(queries)]) / queries,
            "µs",
        ),
        Figure(
            "whole novel shown in traditional (offsets kept)",
            best(lambda: display_text(text, Script.TRADITIONAL)),
            "s",
            best(lambda: converter("s2tw").convert(text)),
            "OpenCC s2tw of it",
        ),
    ]


def dictionary_ready(cache: Path) -> list[Figure]:
    """A cold process opening the dictionary (index built), against a bare interpreter."""
    build = _child("from reader.language.dictionary import ensure_index; ensure_index()", cache)
    ready = _child(
        "from reader.language.dictionary import Dictionary; Dictionary.open().lookup('网络')", cache
    )
    bare = _child("pass", cache)
    everything = _child(
        "from reader.language.tools import LanguageTools; LanguageTools().warm_up()", cache
    )
    return [
        Figure("dictionary index build (first start only)", build["inside"], "s"),
        Figure(
            "dictionary ready, cold process, index built",
            ready["wall"],
            "s",
            bare["wall"],
            "bare interpreter start",
        ),
        Figure(
            "all language tools ready (jieba, dictionary, model, HSK), cold process",
            everything["wall"],
            "s",
            bare["wall"],
            "bare interpreter start",
        ),
    ]


def peak_memory(cache: Path) -> list[Figure]:
    """Peak resident memory of a process holding the segmented novel and the tools."""
    opened = _child(
        f"from reader.document import open_document; d = open_document({str(NOVEL)!r})", cache
    )
    segmented = _child(
        f"import sys; sys.path.insert(0, {str(PROJECT_ROOT)!r})\n"
        "from reader.document import open_document\n"
        "from bench.language import _spans\n"
        "from reader.language.segmentation import Segmentation\n"
        "from reader.language.tools import LanguageTools\n"
        f"d = open_document({str(NOVEL)!r}); tools = LanguageTools(); tools.warm_up()\n"
        "s = Segmentation(d.text, _spans(d), tools.segmenter); s.segment_all()\n"
        "tools.lookup.at(d.text, 5000, s)",
        cache,
    )
    if segmented["peak_mb"] is None:
        return []
    figures = [
        Figure(
            "peak memory, novel opened + segmented + language tools",
            segmented["peak_mb"],
            "MB",
            opened["peak_mb"],
            "novel opened only",
            "< 600 MB",
        )
    ]
    if segmented["resident_mb"] is not None:
        figures.append(
            Figure(
                "resident memory afterwards",
                segmented["resident_mb"],
                "MB",
                opened["resident_mb"],
                "novel opened only",
            )
        )
    return figures


def _child(code: str, cache: Path) -> dict:
    """Runs `code` in a fresh interpreter; its wall time, time inside and peak memory."""
    wrapper = (
        "import time, json, sys\n"
        "started = time.perf_counter()\n"
        f"{code}\n"
        "inside = time.perf_counter() - started\n"
        "peak_mb = resident_mb = None\n"
        "try:\n"
        "    # VmHWM: this process's own peak; ru_maxrss would count the forking parent too.\n"
        "    with open('/proc/self/status') as status:\n"
        "        fields = dict(line.split(':', 1) for line in status)\n"
        "    peak_mb = int(fields['VmHWM'].split()[0]) / 1024\n"
        "    resident_mb = int(fields['VmRSS'].split()[0]) / 1024\n"
        "except (OSError, KeyError, ValueError):\n"
        "    try:\n"
        "        import resource\n"
        "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "        peak_mb = peak / 1024 / (1024 if sys.platform == 'darwin' else 1)\n"
        "    except ImportError:\n"
        "        pass\n"
        "print(json.dumps({'inside': inside, 'peak_mb': peak_mb, 'resident_mb': resident_mb}))\n"
    )
    environment = {**os.environ, "READER_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", wrapper],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=PROJECT_ROOT,
    )
    wall = time.perf_counter() - started
    return {**json.loads(completed.stdout.splitlines()[-1]), "wall": wall}


def _spans(document: Document) -> list[tuple[int, int]]:
    return [(block.start, block.end) for block in document.blocks]


def main() -> int:
    print("language bench (reader/language)")
    figures(report=print)
    return 0


def _percentile(values: list[float], percent: float) -> float:
    """As bench/table.py's percentile: this module is also imported as bench.language, by a
    child process that has no bench folder on its path."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))]


if __name__ == "__main__":
    sys.exit(main())
