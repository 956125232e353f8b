"""Readings in context for spans of a text (a document's blocks): each character's syllable,
and the HSK level of the word it belongs to, which decides whether the pinyin view shows
that syllable.

A span's words come from the document's segmentation, which carries the reader's word
corrections. Before there is one (or for a text it was not made for) the span is cut here,
through a Segmentation of that span alone, so the corrections apply all the same. Nothing
here touches Qt: readings are made on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.language.corrections import Corrections
from reader.language.hsk import HskLevels
from reader.language.segmentation import Segmentation, Segmenter, SegmentingCancelled, Token
from reader.language.tools import LanguageTools

UNKNOWN_LEVEL = 99
"""The level of a word no HSK list holds: above every level, so it always gets pinyin."""
READ_AT_ONCE = 10_000
"""Characters of a span read in one go; a longer one (a one-line file is one span) is read
in parts of about this size, with a cancel heard between them: a million characters take
a worker a minute, which a closing window would otherwise wait for."""


@dataclass(frozen=True)
class Readings:
    """One span's readings: a numbered syllable (or None) and its word's HSK level per char."""

    syllables: list[str | None]
    levels: list[int]


def span_words(
    text: str,
    span: tuple[int, int],
    segmentation: Segmentation | None,
    segmenter: Segmenter,
    corrections: Corrections,
    cancelled: Callable[[], bool] | None = None,
) -> list[Token]:
    """The words of `text[start:end]`: the segmentation's if it is of this text, else cut
    now with the reader's corrections, exactly as a segmentation of the text would cut them.
    Cutting a long span asks `cancelled` on the way (SegmentingCancelled)."""
    if segmentation is not None and segmentation.text is text:
        return segmentation.tokens(*span, cancelled)
    return Segmentation(text, [span], segmenter, corrections).tokens(*span, cancelled)


def span_readings(
    text: str,
    span: tuple[int, int],
    tokens: list[Token],
    tools: LanguageTools,
    hsk: HskLevels,
    cancelled: Callable[[], bool] | None = None,
) -> Readings:
    """Readings in context for `text[start:end]`, from its words; for a worker thread.

    A span longer than READ_AT_ONCE is read in parts of whole words, `cancelled` asked
    between them (SegmentingCancelled). A word is read in the same context either way, as
    the model's windows and the phrases around it are found in the whole text and a part
    is read with its neighbouring words; only in a traditional text may a word near a
    part's edge read differently, the words beyond the edge being made simplified
    character by character rather than word by word.
    """
    start, end = span
    length = end - start
    syllables: list[str | None] = [None] * length
    levels = [UNKNOWN_LEVEL] * length
    tokens = [t for t in tokens if t.start >= start and t.end <= end]
    if not tokens:
        return Readings(syllables, levels)
    read: list[str | None] = []
    for first, last in _parts(tokens):
        if cancelled is not None and read and cancelled():
            raise SegmentingCancelled
        with_neighbours = tokens[max(first - 1, 0) : last + 1]
        part = tools.pronouncer.syllables(text, with_neighbours)
        skip = tokens[first].start - with_neighbours[0].start
        read.extend(part[skip : skip + tokens[last - 1].end - tokens[first].start])
    first = tokens[0].start
    for token in tokens:
        level = hsk.level(text[token.start : token.end])
        number = _level_number(level.new if level is not None else None)
        for offset in range(token.start, token.end):
            syllables[offset - start] = read[offset - first]
            levels[offset - start] = number
    return Readings(syllables, levels)


def read_spans(
    text: str,
    spans: Mapping[int, tuple[int, int]],
    tools: LanguageTools,
    segmentation: Segmentation | None,
    corrections: Corrections,
    cancelled: Callable[[], bool],
) -> dict[int, Readings]:
    """Readings of the numbered `spans`, in order, until `cancelled()` says to stop (the
    document closed): what was read by then, by number."""
    hsk = tools.hsk
    found = {}
    for index, span in spans.items():
        if cancelled():
            break
        try:
            tokens = span_words(text, span, segmentation, tools.segmenter, corrections, cancelled)
            found[index] = span_readings(text, span, tokens, tools, hsk, cancelled)
        except SegmentingCancelled:
            break
    return found


def _parts(tokens: list[Token]) -> list[tuple[int, int]]:
    """`tokens` in runs of about READ_AT_ONCE characters, cut between two words: the first
    and after the last index of each. A run is read with the word either side of it, so the
    words at its edges are read with their neighbours, as everywhere
    (reader.language.reading_context)."""
    parts: list[tuple[int, int]] = []
    first = 0
    for index, token in enumerate(tokens):
        if index > first and token.end - tokens[first].start > READ_AT_ONCE:
            parts.append((first, index))
            first = index
    parts.append((first, len(tokens)))
    return parts


def _level_number(level: str | None) -> int:
    """The first number of a new-HSK level ("7-9" is 7)."""
    if not level:
        return UNKNOWN_LEVEL
    head = level.split("-")[0]
    return int(head) if head.isdigit() else UNKNOWN_LEVEL
