"""Text with its pinyin, as `reader pinyin` prints it: words with readings, or JSON per line.

The text's lines are printed as they are, one output line each, but read as the window
reads the document the text makes (its paragraphs, lines cut mid-sentence joined): a
character reads the same here as in the pinyin view and the pop-up.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

from reader.document import build_document
from reader.document.line_places import line_places
from reader.language.corrections import Corrections
from reader.language.lookup import entry_pinyin
from reader.language.pinyin import PinyinStyle, format_syllable, format_word
from reader.language.segmentation import Segmentation, Token
from reader.language.tools import LanguageTools


def annotated_lines(
    text: str,
    tools: LanguageTools,
    style: PinyinStyle = PinyinStyle.MARKS,
    spoken: bool = False,
    corrections: Corrections | None = None,
) -> Iterator[str]:
    """Each line of `text` with every word followed by its reading: 网络(wǎngluò)安全(ānquán)。

    A name CC-CEDICT knows keeps its capitals and spaces: 习近平(Xí Jìnpíng). A word the
    document joins across a line break (微信产|品) is written in each line with its part.
    """
    for line, tokens, syllables in _read_lines(text, tools, spoken, corrections):
        parts = []
        for token in tokens:
            word = line[token.start : token.end]
            readings = [s for s in syllables[token.start : token.end] if s is not None]
            if readings:
                parts.append(f"{word}({_written(word, readings, tools, style)})")
            else:
                parts.append(word)
        yield "".join(parts)


def json_lines(
    text: str,
    tools: LanguageTools,
    style: PinyinStyle = PinyinStyle.MARKS,
    spoken: bool = False,
    corrections: Corrections | None = None,
) -> Iterator[str]:
    """Per line of `text`, a JSON array with one item per character: its syllable, or null."""
    for _, _, syllables in _read_lines(text, tools, spoken, corrections):
        items = [format_syllable(s, style) if s is not None else None for s in syllables]
        yield json.dumps(items, ensure_ascii=False)


def _written(word: str, syllables: list[str], tools: LanguageTools, style: PinyinStyle) -> str:
    """A word's reading; a name CC-CEDICT knows keeps its capitals and spaces (Xí Jìnpíng)."""
    if style is PinyinStyle.MARKS and len(syllables) == len(word):
        entries = tools.dictionary.lookup(word)
        if entries and all(entry.is_name for entry in entries):
            for entry in entries:
                if entry.syllables == tuple(syllables):
                    return entry_pinyin(entry, style)
    return format_word(syllables, style)


def _read_lines(
    text: str, tools: LanguageTools, spoken: bool, corrections: Corrections | None
) -> Iterator[tuple[str, list[Token], list[str | None]]]:
    """Each line of `text` (`str.splitlines`), its words and one syllable (or None) per
    character, read as the window reads them: in the document the text makes, paragraph
    by paragraph, with a line cut mid-sentence joined to the next (`line_places`). A line
    the document does not hold as it is, in one paragraph, is read on its own."""
    lines = text.splitlines()
    document = build_document(text)
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(document.text, spans, tools.segmenter, corrections)
    read: tuple[int, list[Token], list[str | None]] | None = None
    """The paragraph read last: its number, words and syllables."""
    for line, place in zip(lines, line_places(lines, document.text), strict=True):
        number = _paragraph_holding(spans, segmentation, place, len(line.strip()))
        if place is None or number is None:
            yield line, *_read_alone(line, tools, spoken, corrections)
            continue
        if read is None or read[0] != number:
            words = segmentation.tokens(*spans[number])
            read = number, words, tools.pronouncer.syllables(document.text, words, spoken)
        yield line, *_line_words(line, place, *read[1:])


def _paragraph_holding(
    spans: list[tuple[int, int]], segmentation: Segmentation, place: int | None, length: int
) -> int | None:
    """The number of the paragraph that holds `[place, place + length)` whole, if one does."""
    if place is None:
        return None
    numbers = segmentation.span_indexes(place, place + length)
    if len(numbers) != 1:
        return None
    start, end = spans[numbers[0]]
    return numbers[0] if start <= place and place + length <= end else None


def _line_words(
    line: str, place: int, words: list[Token], syllables: list[str | None]
) -> tuple[list[Token], list[str | None]]:
    """`line`'s words and syllables from its paragraph's, the line's text starting at
    offset `place` of the document: words clipped to the line, its surrounding whitespace
    a word of its own."""
    lead = len(line) - len(line.lstrip())
    body_end = lead + len(line.strip())
    shift = lead - place
    first = words[0].start
    line_syllables: list[str | None] = [None] * len(line)
    line_syllables[lead:body_end] = syllables[place - first : place - first + body_end - lead]
    tokens = [Token(0, lead)] if lead else []
    for word in words:
        start, end = max(word.start + shift, lead), min(word.end + shift, body_end)
        if start < end:
            tokens.append(Token(start, end))
    if body_end < len(line):
        tokens.append(Token(body_end, len(line)))
    return tokens, line_syllables


def _read_alone(
    line: str, tools: LanguageTools, spoken: bool, corrections: Corrections | None
) -> tuple[list[Token], list[str | None]]:
    """One line read in its own context: its words and one syllable (or None) per character."""
    if not line:
        return [], []
    starts = tools.segmenter.word_starts(line, 0, len(line))
    if corrections is not None:
        starts = corrections.snapshot().apply(line, starts, len(line))
    tokens = [Token(start, end) for start, end in itertools.pairwise([*starts, len(line)])]
    return tokens, tools.pronouncer.syllables(line, tokens, spoken=spoken)
