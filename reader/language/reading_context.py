"""The words a character is read with: one context for a character, whoever asks for it.

The Pronouncer reads a character from its sentence window (the model) and from the words
it is given (a word's neighbours and their parts of speech). The pinyin view reads whole
paragraphs; the pop-up one word, find a few matches, `reader pinyin` the file. So that each
shows the same reading, the pop-up reads a word with the words of its whole windows
(`sentence_windows`, which the text alone decides) and one word beyond them either side,
the neighbours of the words at the windows' edges, and takes its slice; find reads its
matches with one word either side (the windows the model reads are the text's either way).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.language.pronunciation import Pronouncer, sentence_windows
from reader.language.sandhi import spoken_syllables
from reader.language.segmentation import Token

WordsBetween = Callable[[int, int], Sequence[Token]]
"""The words overlapping `[start, end)`, in order, as the caller's segmentation cuts them."""


@dataclass(frozen=True)
class SpanReading:
    """A span's readings in context, one per character (None where none)."""

    syllables: list[str | None]
    """Dictionary tones."""
    spoken: list[str | None]
    """The tones said aloud (一, 不, third-tone sandhi), decided in the same context."""


def windows_span(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the first sentence window covering `[start, end)` to the end of the
    last: a word inside it is read in its whole context once the words of `context_span`
    are read together."""
    windows = sentence_windows(text, start, end)
    return (windows[0][0], windows[-1][1]) if windows else (start, end)


def context_span(low: int, high: int, length: int) -> tuple[int, int]:
    """`windows_span`'s `(low, high)` with one character more either side (in a text of
    `length`): the words overlapping it are the windows' words and their neighbours. A
    window never crosses a line break, so the character beyond it is a line break or in
    the same paragraph, never in another."""
    return max(low - 1, 0), min(high + 1, length)


def read_span(
    pronouncer: Pronouncer, text: str, start: int, end: int, words: WordsBetween
) -> SpanReading:
    """The readings of `text[start:end]` read with the words of its context, exactly as the
    pinyin view reads them in their paragraph. Only the span and the word after it are
    decided in context: the spoken tones of the span's last word turn on that word's first
    syllable, and nothing else of the context changes the span's readings."""
    tokens = list(words(*context_span(*windows_span(text, start, end), len(text))))
    syllables: list[str | None] = [None] * (end - start)
    spoken: list[str | None] = [None] * (end - start)
    if not tokens:
        return SpanReading(syllables, spoken)
    first = tokens[0].start
    following = next((token.end for token in tokens if token.start >= end), end)
    read = pronouncer.syllables(text, tokens, wanted=[(start, following)])
    said = spoken_syllables(text, first, read, tokens)
    for offset in range(max(start, first), min(end, tokens[-1].end)):
        syllables[offset - start] = read[offset - first]
        spoken[offset - start] = said[offset - first]
    return SpanReading(syllables, spoken)


def in_context(words: Sequence[Token], low: int, high: int) -> list[Token]:
    """The `words` within `(low, high)`: read in their context when `words` are the words
    of `context_span(low, high)` read together."""
    return [word for word in words if low <= word.start and word.end <= high]
