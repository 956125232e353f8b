"""Text with its pinyin, as `reader pinyin` prints it: words with readings, or JSON per line."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator

from reader.language.corrections import Corrections
from reader.language.lookup import entry_pinyin
from reader.language.pinyin import PinyinStyle, format_syllable, format_word
from reader.language.segmentation import Token
from reader.language.tools import LanguageTools


def annotated_lines(
    lines: Iterable[str],
    tools: LanguageTools,
    style: PinyinStyle = PinyinStyle.MARKS,
    spoken: bool = False,
    corrections: Corrections | None = None,
) -> Iterator[str]:
    """Each line with every word followed by its reading: 网络(wǎngluò)安全(ānquán)。

    A name CC-CEDICT knows keeps its capitals and spaces: 习近平(Xí Jìnpíng).
    """
    for line in lines:
        tokens, syllables = _read(line, tools, spoken, corrections)
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
    lines: Iterable[str],
    tools: LanguageTools,
    style: PinyinStyle = PinyinStyle.MARKS,
    spoken: bool = False,
    corrections: Corrections | None = None,
) -> Iterator[str]:
    """Per line, a JSON array with one item per character: its syllable, or null."""
    for line in lines:
        _, syllables = _read(line, tools, spoken, corrections)
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


def _read(
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
