"""`make bench`, word answers: how the pop-up answers the words the reader hovers, and
numbers cut from their units, on the seed (a Xinhua report) and a whole novel.

Every multi-character word (two or more Han characters) of the text as the window cuts it
is answered as a dictionary word, by the dictionary words inside it (a cover: 网络安全 =
网络 + 安全), or by its characters only; the last column counts the words answered by
characters although a dictionary word of two or more characters lies inside them, found by
trying every piece of the word (the goal: none). Numbers cut from their units (4 / 月,
19 / 日电) are counted in jieba's cut and in Reader's, on the seed, the novel and the CPP
sentences (Wikipedia-style text full of dates; the seed is the only news text in
../shared/data). The hover figures are the cover's own cost and the core lookup at random
offsets; the window's hover to pop-up p99 is in the word-lookup table.

    python bench/word_answers.py
"""

from __future__ import annotations

import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from reader.document import Document, open_document  # noqa: E402
from reader.language.cover import Answer  # noqa: E402
from reader.language.numbers import cut_numbers  # noqa: E402
from reader.language.pinyin import is_han  # noqa: E402
from reader.language.segmentation import Segmentation, Segmenter, jieba_module  # noqa: E402
from reader.language.tools import LanguageTools  # noqa: E402

DATA = PROJECT_ROOT.parent / "shared" / "data"
SEED = PROJECT_ROOT / "seeds" / "xinhua-2016-04-19-cybersecurity-symposium.txt"
NOVEL = DATA / "novels" / "hongloumeng.txt"
CPP_SENTENCES = DATA / "polyphone" / "cpp-dev.sent"
HOVERS = 2000
TITLE = "Word answers: multi-character words by how the pop-up answers them; numbers and units"
HEADERS = ["text", "multi-char words", "word", "cover", "characters", "of which with a word inside"]
NUMBER_HEADERS = ["text", "lines", "numbers cut from their unit, jieba", "Reader"]


def answer_rows(tools: LanguageTools, documents: list[tuple[str, Document]]) -> list[list[str]]:
    rows = []
    cover = tools.lookup.cover
    for name, document in documents:
        counts = dict.fromkeys(Answer, 0)
        missed = 0
        for word in _multi_character_words(document, tools.segmenter):
            answer = cover.answer(word)
            counts[answer] += 1
            if answer is Answer.CHARACTERS and _has_word_inside(word, tools):
                missed += 1
        total = sum(counts.values())
        rows.append(
            [
                name,
                f"{total:,}",
                *(f"{counts[a] / total:.1%} ({counts[a]:,})" for a in Answer),
                f"{missed:,}",
            ]
        )
    return rows


def number_rows(tools: LanguageTools, texts: list[tuple[str, list[str]]]) -> list[list[str]]:
    """Numbers cut from their units in jieba's own cut and in Reader's, line by line."""
    own = tools.segmenter._get_tokenizer()  # jieba's cut, without Reader's regrouping
    tokenizer = jieba_module().Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = own.FREQ, own.total, True
    rows = []
    for name, lines in texts:
        lines = [line for line in lines if line]
        before = after = 0
        for line in lines:
            jieba_starts = list(itertools.accumulate(map(len, tokenizer.lcut(line)), initial=0))
            before += len(cut_numbers(line, jieba_starts[:-1]))
            after += len(cut_numbers(line, tools.segmenter.word_starts(line, 0, len(line))))
        rows.append([name, f"{len(lines):,}", f"{before:,}", f"{after:,}"])
    return rows


def hover_notes(name: str, document: Document, cache: Path) -> list[str]:
    """The cover's own cost (each word the first time, nothing cached), and the core hover
    lookup at random Han offsets with its covers found anew beside the same lookup without
    them, in the thread's CPU time (the machine's other work left out): p99 and median."""
    tools = LanguageTools(cache)
    tools.warm_up()
    segmentation = Segmentation(document.text, _spans(document), tools.segmenter)
    segmentation.segment_all()
    text, lookup = document.text, tools.lookup
    lacking = {
        text[token.start : token.end]
        for span in _spans(document)
        for token in segmentation.tokens(*span)
        if token.end - token.start > 2
    }
    lacking = {word for word in lacking if word not in tools.dictionary}
    cover_costs = []
    for word in sorted(lacking):
        started = time.perf_counter()
        lookup.cover.parts(word)
        cover_costs.append(time.perf_counter() - started)
    chance = random.Random(4)
    with_cover: list[float] = []
    without: list[float] = []  # the baseline: the same lookups with no parts gathered
    parts = lookup._parts
    while len(with_cover) < HOVERS:
        offset = chance.randrange(len(text))
        if not is_han(text[offset]):
            continue
        # Each offset both ways, in turn first, so that the machine's load hits both alike.
        for measured in [with_cover, without] if len(with_cover) % 2 else [without, with_cover]:
            lookup.cover.parts.cache_clear()  # the worst case: every cover found anew
            lookup._parts = parts if measured is with_cover else lambda word, syllables: ()
            started = time.thread_time()
            lookup.at(text, offset, segmentation)
            measured.append(time.thread_time() - started)
    lookup._parts = parts
    tools.close()
    return [
        f"{name}: the cover of a word the dictionary lacks, uncached ({len(cover_costs):,}"
        f" words): {_figures(cover_costs)}",
        f"{name}: core hover lookup, CPU time, covers found anew ({HOVERS:,} random Han"
        f" offsets): {_figures(with_cover)} [target ≤ 5 ms]; the same without covers:"
        f" {_figures(without)}",
    ]


def _figures(costs: list[float]) -> str:
    ordered = sorted(costs)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    return f"p99 {p99:.2f} ms, median {statistics.median(ordered) * 1000:.2f} ms"


def _multi_character_words(document: Document, segmenter: Segmenter) -> list[str]:
    segmentation = Segmentation(document.text, _spans(document), segmenter)
    text = document.text
    words = []
    for span in _spans(document):
        for token in segmentation.tokens(*span):
            word = text[token.start : token.end]
            if len(word) > 1 and all(is_han(char) for char in word):
                words.append(word)
    return words


def _has_word_inside(word: str, tools: LanguageTools) -> bool:
    """Any piece of two or more characters, short of the whole word, is an entry."""
    return any(
        word[start:end] in tools.dictionary
        for start in range(len(word))
        for end in range(start + 2, len(word) + 1)
        if end - start < len(word)
    )


def _spans(document: Document) -> list[tuple[int, int]]:
    return [(block.start, block.end) for block in document.blocks]


def measure() -> tuple[list[list[str]], list[list[str]], list[str]]:
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as folder:
        tools = LanguageTools(Path(folder))
        tools.warm_up()
        documents = [("seed", open_document(SEED))]
        if NOVEL.is_file():
            documents.append((NOVEL.name, open_document(NOVEL)))
        answers = answer_rows(tools, documents)
        texts = [(name, document.text.split("\n")) for name, document in documents]
        if CPP_SENTENCES.is_file():
            sentences = CPP_SENTENCES.read_text(encoding="utf-8").replace("▁", "").split("\n")
            texts.append((CPP_SENTENCES.name, sentences))
        numbers = number_rows(tools, texts)
        tools.close()
        notes = []
        for name, document in documents:
            notes.extend(hover_notes(name, document, Path(folder)))
    return answers, numbers, notes


def main() -> int:
    answers, numbers, notes = measure()
    print(TITLE)
    for row in [HEADERS, *answers, NUMBER_HEADERS, *numbers]:
        print("  ".join(row))
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
