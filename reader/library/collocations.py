"""Collocations: the words met most often right next to a word, on its left and on its right,
as Chinese Text Analyser's users ask for them.

A neighbour is the word just before (or after) an occurrence in the same paragraph, as
Reader cuts it with the reader's corrections; it counts only if it is a running word
(reader.library.frequency's rule), so 宝玉 followed by a comma has no right neighbour there,
rather than the word after the comma. Words are compared by their simplified form.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.document import Document
from reader.language.segmentation import Segmentation
from reader.library.frequency import Cancelled, CountingCancelled

if TYPE_CHECKING:
    from reader.language.tools import LanguageTools


@dataclass(frozen=True)
class Collocations:
    """A word's neighbours, each with how often it stands there, most frequent first."""

    word: str
    occurrences: int
    left: list[tuple[str, int]]
    right: list[tuple[str, int]]


def collocations(
    document: Document,
    segmentation: Segmentation,
    word: str,
    tools: LanguageTools,
    span: tuple[int, int] | None = None,
    cancelled: Cancelled | None = None,
) -> Collocations:
    """The neighbours of `word` (a simplified form, as a frequency list gives it) in
    `document`, or in `span` of it ("" stands for a token that is no running word)."""
    text = document.text
    start, end = span if span is not None else (0, len(text))
    counted = tools.counted_words
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    occurrences = 0
    for index in segmentation.span_indexes(start, end):
        if cancelled is not None and cancelled():
            raise CountingCancelled
        starts = segmentation.span_word_starts(index)
        ends = [*starts[1:], segmentation.span(index)[1]]
        pairs = [(a, text[a:b]) for a, b in zip(starts, ends, strict=True)]
        seen = counted.learn(written for _, written in pairs)
        keys = [found.key if (found := seen[written]) else "" for _, written in pairs]
        for at, key in enumerate(keys):
            if key != word or not start <= pairs[at][0] < end:
                continue
            occurrences += 1
            if at > 0 and keys[at - 1]:
                left[keys[at - 1]] += 1
            if at + 1 < len(keys) and keys[at + 1]:
                right[keys[at + 1]] += 1
    return Collocations(word, occurrences, _ordered(left), _ordered(right))


def _ordered(neighbours: Counter[str]) -> list[tuple[str, int]]:
    return sorted(neighbours.items(), key=lambda item: (-item[1], item[0]))
