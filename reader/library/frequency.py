"""Frequency lists: how often each word (or character) occurs in a document, a section of it
or the whole library, most frequent first, as Chinese Text Analyser lists them.

Which tokens are words: the running words the coverage counts (reader.language.counted_words):
words as Reader cuts them (with the reader's corrections) that hold a Han character, keyed by
their simplified form (說話 counts as 说话); numbers and proper names are left out, as are
punctuation, spaces, Latin letters and digits. So a list's total is the document's running
words as Text Difficulty and `reader stats` count them, and the two never disagree.

Characters: every Han character of the text, keyed by its simplified form (script.fold), the
numbers' and names' characters included (a character list is about the script, not the
vocabulary).

Each distinct word is described once: its HSK level (new HSK; 7 stands for the 7-9 band),
its dictionary reading (reader.language.pinyin) and the first sense of its first CC-CEDICT
entry. Counting walks the segmentation a paragraph at a time, asking `cancelled` and telling
`progress` between paragraphs, so a worker can stop and a window can show how far it got.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from reader.document import Document
from reader.language.pinyin import format_word, is_han, word_syllables
from reader.language.script import fold
from reader.language.segmentation import Segmentation

if TYPE_CHECKING:
    from reader.language.tools import LanguageTools

PER = 10_000
"""per_10k: occurrences per this many running words (characters in a character list)."""
TOP_BAND = 7
"""The HSK level given to the new HSK's 7-9 band."""

_POINTER = re.compile(r"(?:old |archaic |erhua )?variant of |see |used in ")
"""A sense that only sends the reader to another entry."""
Cancelled = Callable[[], bool]
Progress = Callable[[float], None]


class CountingCancelled(Exception):
    """`cancelled` said True: the counting stopped and gave nothing."""


@dataclass(frozen=True, slots=True)
class FrequencyRow:
    """One word of a frequency list."""

    word: str
    """Its simplified form, as it is counted."""
    count: int
    per_10k: float
    """Occurrences per 10,000 running words of the list."""
    sections: int
    """The sections it occurs in (the innermost section around each occurrence)."""
    hsk: int | None
    """Its new-HSK level, 1-6, or 7 for the 7-9 band; None if no HSK list has it."""
    pinyin: str
    gloss: str
    """The first sense of its first CC-CEDICT entry; "" if the dictionary lacks it."""
    cumulative: float
    """The share (0-1) of the running words that this word and every word above it make."""


@dataclass(frozen=True, slots=True)
class CharacterRow:
    """One character of a character frequency list."""

    char: str
    count: int
    per_10k: float
    cumulative: float


@dataclass(frozen=True)
class WordCounts:
    """Counts before they are described: key -> occurrences, key -> sections."""

    counts: Counter[str]
    sections: Counter[str]


class StoredCounts(Protocol):
    """What the library's index gives: its documents' stored counts, summed."""

    def word_counts(
        self, document_ids: Iterable[int] | None = None
    ) -> Iterable[tuple[str, int, int]]: ...

    def char_counts(
        self, document_ids: Iterable[int] | None = None
    ) -> Iterable[tuple[str, int]]: ...


def count_running_words(
    document: Document,
    segmentation: Segmentation,
    tools: LanguageTools,
    span: tuple[int, int] | None = None,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
) -> WordCounts:
    """The running words of `document` (or of `span`, a section's start and end), keyed,
    with the sections each occurs in; segments what the segmentation has not yet."""
    text = document.text
    start, end = span if span is not None else (0, len(text))
    spans = segmentation.span_indexes(start, end)
    # The paragraphs already cut first, then the others from the last: a window's own
    # workers cut from the first, so the two share the work instead of racing for it.
    done_first = [index for index in spans if segmentation.is_segmented(index)]
    cut = set(done_first)
    indexes = [*done_first, *(index for index in reversed(spans) if index not in cut)]
    innermost = _Innermost(document)
    by_section: dict[int, Counter[str]] = {}
    for done, index in enumerate(indexes):
        if cancelled is not None and cancelled():
            raise CountingCancelled
        starts = segmentation.span_word_starts(index)
        first, last = segmentation.span(index)
        ends = [*starts[1:], last]
        words = [text[a:b] for a, b in zip(starts, ends, strict=True) if start <= a < end]
        section = innermost.at(first)
        by_section.setdefault(section, Counter()).update(words)
        if progress is not None:
            progress((done + 1) / len(indexes))
    written: Counter[str] = Counter()
    for counter in by_section.values():
        written.update(counter)
    seen = tools.counted_words.learn(written)
    key_of = {word: found.key for word, found in seen.items() if found is not None}
    counts: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    for counter in by_section.values():
        keys = {key_of[word] for word in counter if word in key_of}
        sections.update(keys)
    for word, times in written.items():
        if word in key_of:
            counts[key_of[word]] += times
    return WordCounts(counts, sections)


def word_frequencies(
    document: Document,
    segmentation: Segmentation | None = None,
    *,
    span: tuple[int, int] | None = None,
    tools: LanguageTools | None = None,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
) -> list[FrequencyRow]:
    """The word frequency list of `document`, or of `span` in it; without a segmentation
    the document is cut without corrections (the CLI and the window pass theirs)."""
    tools = tools or _tools()
    if segmentation is None:
        spans = [(block.start, block.end) for block in document.blocks]
        segmentation = Segmentation(document.text, spans, tools.segmenter)
    counted = count_running_words(document, segmentation, tools, span, cancelled, progress)
    return frequency_rows(
        ((word, times, counted.sections[word]) for word, times in counted.counts.items()),
        tools,
    )


def library_word_frequencies(
    index: StoredCounts,
    document_ids: Iterable[int] | None = None,
    tools: LanguageTools | None = None,
) -> list[FrequencyRow]:
    """The word frequency list of the library's documents (all, or `document_ids`), from the
    counts the index stored when it read them: nothing is segmented again. Words are keyed
    and left out as in a document's list (the index may store them as written)."""
    tools = tools or _tools()
    stored = list(index.word_counts(document_ids))
    seen = tools.counted_words.learn(word for word, _, _ in stored)
    counts: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    for word, times, places in stored:
        found = seen[word]
        if found is not None:
            counts[found.key] += times
            sections[found.key] += places
    return frequency_rows(((word, times, sections[word]) for word, times in counts.items()), tools)


def frequency_rows(
    counted: Iterable[tuple[str, int, int]], tools: LanguageTools | None = None
) -> list[FrequencyRow]:
    """(key, count, sections) made into rows, most frequent first (ties in character
    order, so a list is the same each time), each word described."""
    tools = tools or _tools()
    ordered = sorted(counted, key=lambda item: (-item[1], item[0]))
    total = sum(times for _, times, _ in ordered)
    rows = []
    running = 0
    for word, times, sections in ordered:
        running += times
        rows.append(
            FrequencyRow(
                word,
                times,
                times * PER / total,
                sections,
                hsk_level(word, tools),
                dictionary_pinyin(word),
                first_gloss(word, tools),
                running / total,
            )
        )
    return rows


def character_frequencies(
    document: Document, span: tuple[int, int] | None = None
) -> list[CharacterRow]:
    """The Han characters of `document` (or of `span`), by simplified form."""
    start, end = span if span is not None else (0, len(document.text))
    written = Counter(document.text[start:end])
    return character_rows((char, times) for char, times in written.items() if is_han(char))


def library_character_frequencies(
    index: StoredCounts, document_ids: Iterable[int] | None = None
) -> list[CharacterRow]:
    return character_rows(
        (char, times) for char, times in index.char_counts(document_ids) if is_han(char)
    )


def character_rows(counted: Iterable[tuple[str, int]]) -> list[CharacterRow]:
    """(character, count) folded to simplified forms, made into rows, most frequent first."""
    folded: Counter[str] = Counter()
    for char, times in counted:
        folded[fold(char)] += times
    ordered = sorted(folded.items(), key=lambda item: (-item[1], item[0]))
    total = sum(folded.values())
    rows = []
    running = 0
    for char, times in ordered:
        running += times
        rows.append(CharacterRow(char, times, times * PER / total, running / total))
    return rows


def hsk_level(word: str, tools: LanguageTools) -> int | None:
    """The word's new-HSK level as a number (7 for 7-9); None if unlisted."""
    level = tools.hsk.level(word)
    if level is None or not level.new:
        return None
    return TOP_BAND if "-" in level.new else int(level.new)


def dictionary_pinyin(word: str) -> str:
    """The word's dictionary reading in tone marks; a character without one as written."""
    syllables = word_syllables(word)
    if all(syllable is not None for syllable in syllables):
        return format_word([s for s in syllables if s is not None])
    return "".join(
        char if syllable is None else format_word([syllable])
        for char, syllable in zip(word, syllables, strict=False)
    )


def first_gloss(word: str, tools: LanguageTools) -> str:
    """The first sense of the entry that writes `word` so and reads it as the pinyin shown
    (说 shuō "to speak", not shuì "to persuade"), else of its first entry; a sense that only
    points elsewhere ("old variant of 笑[xiao4]") passed over while there is another."""
    entries = tools.dictionary.lookup(word)
    if not entries:
        return ""
    reading = word_syllables(word)
    fitting = [e for e in entries if e.simplified == word and e.syllables == reading]
    for entry in (*fitting, *entries):
        sense = next((sense for sense in entry.senses if not _POINTER.match(sense)), None)
        if sense is not None:
            return sense
    return entries[0].senses[0] if entries[0].senses else ""


class _Innermost:
    """The innermost section around an offset, by bisection over the sections' starts."""

    def __init__(self, document: Document) -> None:
        self._sections = list(document.sections())
        self._starts = [section.start for section in self._sections]
        place = {id(section): index for index, section in enumerate(self._sections)}
        self._parents = [
            place[id(section.parent)] if section.parent is not None else 0
            for section in self._sections
        ]

    def at(self, offset: int) -> int:
        """The index of the innermost section holding `offset` (the title's: 0)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        while index > 0:
            section = self._sections[index]
            if section.start <= offset < section.end:
                return index
            index = self._parents[index]
        return 0


def _tools() -> LanguageTools:
    from reader.language.tools import LanguageTools

    return LanguageTools()
