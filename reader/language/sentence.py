"""The sentence a word was read in, as a saved word keeps it: where it begins and ends, and
its pinyin written as a line.

A sentence ends where the reading model's sentences end (。！？；, a line break), with the
closing quotes after the mark; it never crosses a line. A sentence longer than
MAX_SENTENCE (a one-line file without punctuation) is cut to the model's windows around
the word, which are at most a few dozen characters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.language.pinyin import PinyinStyle, format_word
from reader.language.pronunciation import SENTENCE_ENDS
from reader.language.reading_context import windows_span
from reader.language.segmentation import Token

MAX_SENTENCE = 200
"""The longest sentence a saved word keeps whole, in characters."""
CLOSING = frozenset("”’」』）)》〉】\"'")
"""Marks that close what the sentence's end mark ended: they belong to the sentence."""
_PUNCTUATION = str.maketrans("。，、；：！？（）“”‘’「」『』《》", '.,,;:!?()""\'\'""""""')
"""Chinese punctuation as it stands in a line of pinyin."""
_OPENING = frozenset("“‘「『《（(")

WrittenWord = Callable[[str, list[str]], str]
"""A word's reading as written, from the word and its numbered syllables."""


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding `text[start:end]`, without the whitespace around it."""
    low = max((text.rfind(mark, 0, start) for mark in SENTENCE_ENDS), default=-1) + 1
    high = end
    while high < len(text) and text[high] not in SENTENCE_ENDS:
        high += 1
    if high < len(text) and text[high] != "\n":
        high += 1
        while high < len(text) and text[high] in CLOSING:
            high += 1
    while low < start and (text[low].isspace() or text[low] in CLOSING):
        low += 1
    while high > end and text[high - 1].isspace():
        high -= 1
    if high - low > MAX_SENTENCE:
        low, high = windows_span(text, start, end)
        low, high = max(low, start - MAX_SENTENCE // 2), min(high, end + MAX_SENTENCE // 2)
    return low, high


def pinyin_line(
    text: str,
    tokens: Sequence[Token],
    syllables: Sequence[str | None],
    written: WrittenWord | None = None,
) -> str:
    """The words of `tokens` as one line of pinyin: words spaced, punctuation after its word,
    other text (Latin words, digits) as written. `syllables` holds one reading per
    character from the first token's start; `written` writes a word's reading (a name
    with its capitals), `format_word` with tone marks by default."""
    write = written or (lambda _word, readings: format_word(readings, PinyinStyle.MARKS))
    if not tokens:
        return ""
    first = tokens[0].start
    line = ""
    glued = False
    """Whether the next word follows an opening mark (no space after it)."""
    for token in tokens:
        readings = [s for s in syllables[token.start - first : token.end - first] if s]
        written = text[token.start : token.end].strip()
        if readings:
            piece = write(text[token.start : token.end], readings)
        elif not written:
            continue
        elif written[0] in _OPENING:
            line += (" " if line else "") + written.translate(_PUNCTUATION)
            glued = True
            continue
        elif not written[0].isalnum():
            line += written.translate(_PUNCTUATION)
            continue
        else:
            piece = written
        line += ("" if not line or glued else " ") + piece
        glued = False
    return line
