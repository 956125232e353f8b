"""Words as plain records for scripts and tests: `reader lookup --json`, `reader words --json`.

The fields are a public contract (README, "Command line"): a lookup is `word`, `pinyin`,
`entries` and `cover`; a word of a document is `start`, `end`, `text`, `pinyin` and
`dictionary`. They come from the same `Lookup`, `WordCover` and segmentation as the pop-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from reader.language.corrections import Corrections
from reader.language.dictionary import Entry
from reader.language.hsk import HskLevel, HskLevels
from reader.language.lookup import PartLookup, WordLookup, entry_pinyin
from reader.language.pinyin import PinyinStyle, format_word, is_han
from reader.language.readings import span_words
from reader.language.tools import LanguageTools

Record = dict[str, Any]


def lookup_record(
    result: WordLookup, levels: HskLevels, style: PinyinStyle = PinyinStyle.MARKS
) -> Record:
    """A word on its own: its entries, and, when it is not one, the parts it is made of
    (the dictionary words inside it, single characters elsewhere; [] for an entry)."""
    if result.entries:
        cover: list[Record] = []
    elif result.parts:
        cover = [_part_record(part, style) for part in result.parts]
    else:
        cover = [
            {
                "word": character.char,
                "pinyin": format_word([character.syllable], style) if character.syllable else "",
                "senses": _senses(character.entries),
                "hsk": _hsk_record(levels.level(character.char)),
            }
            for character in result.characters
        ]
    return {
        "word": result.word,
        "pinyin": result.pinyin(style),
        "entries": [_entry_record(entry, style) for entry in result.entries],
        "cover": cover,
    }


def word_records(
    text: str,
    spans: Iterable[tuple[int, int]],
    tools: LanguageTools,
    corrections: Corrections,
    style: PinyinStyle = PinyinStyle.MARKS,
) -> Iterator[Record]:
    """Each word of `text` holding a Han character, span by span (a document's blocks), cut
    as the window cuts it (with the reader's corrections) and read in its context (with all
    the span's words, as the pinyin view reads them); offsets are code points into `text`,
    as everywhere in Reader."""
    cover = tools.lookup.cover
    for span in spans:
        tokens = span_words(text, span, None, tools.segmenter, corrections)
        chinese = [t for t in tokens if any(is_han(char) for char in text[t.start : t.end])]
        if not chinese:
            continue
        first = tokens[0].start
        syllables = tools.pronouncer.syllables(text, tokens)  # all words: their neighbours
        for token in chinese:
            word = text[token.start : token.end]
            reading = [s for s in syllables[token.start - first : token.end - first] if s]
            yield {
                "start": token.start,
                "end": token.end,
                "text": word,
                "pinyin": format_word(reading, style),
                "dictionary": cover.answer(word).value,
            }


def _entry_record(entry: Entry, style: PinyinStyle) -> Record:
    return {
        "simplified": entry.simplified,
        "traditional": entry.traditional,
        "pinyin": entry_pinyin(entry, style),
        "senses": list(entry.senses),
    }


def _part_record(part: PartLookup, style: PinyinStyle) -> Record:
    return {
        "word": part.word,
        "pinyin": part.pinyin(style),
        "senses": _senses(part.entries),
        "hsk": _hsk_record(part.hsk),
    }


def _senses(entries: tuple[Entry, ...]) -> list[str]:
    """The senses of all `entries`, those of the reading used here (listed first) first."""
    return [sense for entry in entries for sense in entry.senses]


def _hsk_record(level: HskLevel | None) -> Record | None:
    return None if level is None else {"new": level.new, "old": level.old}
