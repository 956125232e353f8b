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
from reader.language.segmentation import Segmentation, Segmenter, Token
from reader.language.tools import LanguageTools

UNKNOWN_LEVEL = 99
"""The level of a word no HSK list holds: above every level, so it always gets pinyin."""


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
) -> list[Token]:
    """The words of `text[start:end]`: the segmentation's if it is of this text, else cut
    now with the reader's corrections, exactly as a segmentation of the text would cut them."""
    if segmentation is not None and segmentation.text is text:
        return segmentation.tokens(*span)
    return Segmentation(text, [span], segmenter, corrections).tokens(*span)


def span_readings(
    text: str, span: tuple[int, int], tokens: list[Token], tools: LanguageTools, hsk: HskLevels
) -> Readings:
    """Readings in context for `text[start:end]`, from its words; for a worker thread."""
    start, end = span
    length = end - start
    syllables: list[str | None] = [None] * length
    levels = [UNKNOWN_LEVEL] * length
    tokens = [t for t in tokens if t.start >= start and t.end <= end]
    if not tokens:
        return Readings(syllables, levels)
    read = tools.pronouncer.syllables(text, tokens)
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
        tokens = span_words(text, span, segmentation, tools.segmenter, corrections)
        found[index] = span_readings(text, span, tokens, tools, hsk)
    return found


def _level_number(level: str | None) -> int:
    """The first number of a new-HSK level ("7-9" is 7)."""
    if not level:
        return UNKNOWN_LEVEL
    head = level.split("-")[0]
    return int(head) if head.isdigit() else UNKNOWN_LEVEL
