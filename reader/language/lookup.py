"""What the reader sees for a word: its forms, its reading in context, its level and senses.

The window's popup and `reader lookup` use the same `Lookup`; the popup formats a
`WordLookup`, the command prints `lookup_lines`.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.language.dictionary import Dictionary, Entry
from reader.language.hsk import HskLevel, HskLevels
from reader.language.pinyin import (
    PinyinStyle,
    WrittenSyllable,
    format_word,
    is_han,
    reading_text,
    written_reading,
)
from reader.language.pronunciation import Pronouncer
from reader.language.reading_context import SpanReading, read_span
from reader.language.sandhi import spoken_syllables
from reader.language.segmentation import Segmentation, Token
from reader.language.sense_markup import entry_senses, piece_text, sense_text

NAME_REACH = 3
"""How many words back a dictionary name may begin and still cover the word under the mouse."""
MATCHING_REACH = 24
"""How many characters back from the offset dictionary matching may start before segmentation."""


class WordNotFound(LookupError):
    """Neither the word nor any of its characters is in the dictionary."""

    def __init__(self, word: str) -> None:
        super().__init__(f"{word!r} is not in the dictionary")
        self.word = word


@dataclass(frozen=True)
class CharacterLookup:
    char: str
    syllable: str | None
    """Its reading in this word and context."""
    entries: tuple[Entry, ...]
    """Its own dictionary entries, the one read as `syllable` first."""


@dataclass(frozen=True)
class PartLookup:
    """A dictionary word inside a word CC-CEDICT lacks (网络 in 网络安全), or a character
    of it that no such word covers."""

    word: str
    start: int
    end: int
    """Where the part is inside the word looked up."""
    syllables: tuple[str | None, ...]
    """Its reading in this context, one per character, as the whole word is read."""
    hsk: HskLevel | None
    entries: tuple[Entry, ...]
    """Its entries, those read as in this context first."""

    def pinyin(self, style: PinyinStyle = PinyinStyle.MARKS) -> str:
        return format_word([s for s in self.syllables if s is not None], style)


@dataclass(frozen=True)
class WordLookup:
    word: str
    start: int
    end: int
    """Where the word is in the text looked at (0 and len(word) for a word on its own)."""
    simplified: str
    traditional: str
    syllables: tuple[str | None, ...]
    """The reading in context, dictionary tones, one per character (None where none)."""
    spoken: tuple[str | None, ...]
    """The same with the tones said aloud (一, 不, third-tone sandhi)."""
    hsk: HskLevel | None
    entries: tuple[Entry, ...]
    """The word's entries, those read as in this context first; empty for unknown words."""
    characters: tuple[CharacterLookup, ...]
    """Each Han character of the word with its own entries."""
    parts: tuple[PartLookup, ...] = ()
    """For a word CC-CEDICT lacks, the dictionary words it is made of and the characters
    between them (WordCover); empty for an entry, and where no entry of two or more
    characters lies inside the word (一个): its characters answer then."""

    def pinyin(self, style: PinyinStyle = PinyinStyle.MARKS, spoken: bool = False) -> str:
        return "".join(part.before + part.text for part in self.written(style, spoken))

    def written(
        self, style: PinyinStyle = PinyinStyle.MARKS, spoken: bool = False
    ) -> tuple[WrittenSyllable, ...]:
        """The reading in context, capitalised and spaced as the entry read so writes it:
        习近平 is Xí Jìnpíng, not xíjìnpíng."""
        syllables = self.spoken if spoken else self.syllables
        entry = next((e for e in self.entries if e.syllables == self.syllables), None)
        if entry is None:
            return written_reading([s for s in syllables if s is not None], style)
        parts = [
            raw if syllable is None else syllable.capitalize() if raw[:1].isupper() else syllable
            for raw, syllable in zip(entry.pinyin.split(), syllables, strict=True)
        ]
        return written_reading(parts, style)


class Lookup:
    """Finds the word at an offset and gathers what is known about it."""

    def __init__(self, dictionary: Dictionary, hsk: HskLevels, pronouncer: Pronouncer) -> None:
        self.dictionary = dictionary
        self.hsk = hsk
        self.pronouncer = pronouncer
        self.cover = pronouncer.cover

    def word_at(
        self, text: str, offset: int, segmentation: Segmentation | None = None
    ) -> list[Token] | None:
        """The words that make up the word at `offset`; None if no Han character is there.

        Usually one jieba word. A name CC-CEDICT knows and jieba split (扎克|伯格) is
        returned as its pieces, unless the reader split it so. Before the block is
        segmented, the dictionary word that covers `offset` stands in.
        """
        if not 0 <= offset < len(text) or not is_han(text[offset]):
            return None
        token = segmentation.token_at(offset) if segmentation is not None else None
        if token is None:
            return [self._dictionary_word_at(text, offset)]
        return self._name_around(text, offset, token, segmentation) or [token]

    def at(
        self, text: str, offset: int, segmentation: Segmentation | None = None
    ) -> WordLookup | None:
        """Everything about the word at `offset`, read in its context; None off Han text."""
        tokens = self.word_at(text, offset, segmentation)
        if tokens is None:
            return None
        start, end = tokens[0].start, tokens[-1].end

        def words(low: int, high: int) -> list[Token]:
            return self._words_between(text, low, high, tokens, segmentation)

        return self._gather(text, tokens, read_span(self.pronouncer, text, start, end, words))

    def word(self, word: str, reading: tuple[str | None, ...] | None = None) -> WordLookup:
        """Everything about `word` (simplified or traditional) read on its own, or read as
        `reading` (one syllable per character) where that is known: a sense that refers
        to 行[hang2] means háng."""
        tokens = [Token(0, len(word))]
        if reading is not None and len(reading) == len(word):
            read = SpanReading(list(reading), spoken_syllables(word, 0, reading, tokens))
        else:
            read = read_span(self.pronouncer, word, 0, len(word), lambda _low, _high: tokens)
        return self._gather(word, tokens, read)

    def _gather(self, text: str, tokens: list[Token], read: SpanReading) -> WordLookup:
        start, end = tokens[0].start, tokens[-1].end
        word = text[start:end]
        syllables, spoken = tuple(read.syllables), tuple(read.spoken)
        entries = _reading_first(self.dictionary.lookup(word), syllables)
        characters = tuple(
            CharacterLookup(
                char,
                syllable,
                tuple(_reading_first(self.dictionary.lookup(char), (syllable,))),
            )
            for char, syllable in zip(word, syllables, strict=True)
            if is_han(char)
        )
        if entries:
            simplified, traditional = entries[0].simplified, entries[0].traditional
        else:
            simplified, traditional = _forms(word, characters)
        return WordLookup(
            word=word,
            start=start,
            end=end,
            simplified=simplified,
            traditional=traditional,
            syllables=syllables,
            spoken=spoken,
            hsk=self.hsk.level(simplified),
            entries=tuple(entries),
            characters=characters,
            parts=() if entries else self._parts(word, syllables),
        )

    def _parts(self, word: str, syllables: tuple[str | None, ...]) -> tuple[PartLookup, ...]:
        parts = []
        for start, end in self.cover.parts(word):
            piece, reading = word[start:end], syllables[start:end]
            entries = _reading_first(self.dictionary.lookup(piece), reading)
            simplified = entries[0].simplified if entries else piece
            hsk = self.hsk.level(simplified)
            parts.append(PartLookup(piece, start, end, reading, hsk, tuple(entries)))
        return tuple(parts)

    def _words_between(
        self,
        text: str,
        low: int,
        high: int,
        word: list[Token],
        segmentation: Segmentation | None,
    ) -> list[Token]:
        """The words of `[low, high)` that `word` (the words looked up) is read with: the
        segmentation's where its paragraph is segmented (with the reader's corrections),
        else cut as `word` was, by dictionary matching; `word` itself in its place either way.
        """
        start, end = word[0].start, word[-1].end
        if segmentation is not None and all(
            segmentation.is_segmented(index) for index in segmentation.span_indexes(low, high)
        ):
            around = segmentation.tokens(low, high)
            before = [token for token in around if token.end <= start]
            after = [token for token in around if token.start >= end]
        else:
            before = self._dictionary_words(text, low, start)
            after = self._dictionary_words(text, end, high)
        return [*before, *word, *after]

    def _dictionary_words(self, text: str, low: int, high: int) -> list[Token]:
        """`[low, high)` cut by longest dictionary match, a run of other characters one word."""
        words = []
        start = low
        while start < high:
            end = start + 1
            if is_han(text[start]):
                end = min(start + (self.dictionary.longest_match(text, start) or 1), high)
            else:
                while end < high and not is_han(text[end]):
                    end += 1
            words.append(Token(start, end))
            start = end
        return words

    def _dictionary_word_at(self, text: str, offset: int) -> Token:
        """The word covering `offset` when the run of Han characters it is in is cut
        by longest dictionary match from its start (or from MATCHING_REACH back).

        Matching from where the run starts, not at the offset, gives 应用 for 用 and the
        same word whichever of its characters is hovered.
        """
        start = offset
        while start > 0 and offset - start < MATCHING_REACH and is_han(text[start - 1]):
            start -= 1
        while True:
            end = start + (self.dictionary.longest_match(text, start) or 1)
            if end > offset:
                return Token(start, end)
            start = end

    def _name_around(
        self, text: str, offset: int, token: Token, segmentation: Segmentation
    ) -> list[Token] | None:
        first = token
        split_by_reader = segmentation.corrections.snapshot().words
        for _ in range(NAME_REACH):
            length = self.dictionary.longest_match(text, first.start, names_only=True)
            end = first.start + length
            if (
                end >= token.end
                and (first.start < token.start or end > token.end)
                and not split_by_reader.get(text[first.start : end])
            ):
                covered = self._tokens_covering(segmentation, first.start, end)
                if covered is not None:
                    return covered
            before = segmentation.token_at(first.start - 1) if first.start > 0 else None
            if before is None or not is_han(text[before.start]):
                return None
            first = before
        return None

    @staticmethod
    def _tokens_covering(segmentation: Segmentation, start: int, end: int) -> list[Token] | None:
        """The words that exactly tile `[start, end)`, or None if `end` cuts a word."""
        tokens = segmentation.tokens(start, end)
        if tokens and tokens[0].start == start and tokens[-1].end == end:
            return tokens
        return None


def lookup_lines(lookup: Lookup, word: str, style: PinyinStyle = PinyinStyle.MARKS) -> list[str]:
    """What `reader lookup WORD` prints: forms and level, then each reading's numbered senses.

    WordNotFound if neither the word nor any character of it is in the dictionary.
    """
    word = word.strip()
    result = lookup.word(word)
    if not result.entries and not any(c.entries for c in result.characters):
        raise WordNotFound(word)
    heading = result.simplified
    if result.traditional != result.simplified:
        heading += f" ({result.traditional})"
    lines = [heading]
    if result.hsk is not None:
        lines.append(result.hsk.label())
    if result.entries:
        lines.extend(_entry_lines(result.entries, result.traditional, style, indent=""))
        return lines
    lines.append(result.pinyin(style))
    lines.append("Not in CC-CEDICT as a word; its characters:")
    for character in result.characters:
        lines.append(f"{character.char}")
        lines.extend(_entry_lines(character.entries, character.char, style, indent="  "))
    return lines


def entry_pinyin(entry: Entry, style: PinyinStyle = PinyinStyle.MARKS) -> str:
    """An entry's reading as written: "Xí Jìnpíng" (names keep their capitals and spaces)."""
    return reading_text(entry.pinyin.split(), style)


def _entry_lines(
    entries: tuple[Entry, ...], traditional: str, style: PinyinStyle, indent: str
) -> list[str]:
    lines = []
    for entry in entries:
        reading = entry_pinyin(entry, style)
        if entry.traditional != traditional:
            reading += f" ({entry.traditional})"
        lines.append(indent + reading)
        senses = entry_senses(entry.senses)
        lines.extend(
            f"{indent}  {number}. {sense_text(sense, style)}"
            for number, sense in enumerate(senses.meanings, 1)
        )
        lines.extend(f"{indent}  {piece_text(m, style)}" for m in senses.measure_words)
    return lines


def _reading_first(entries: list[Entry], syllables: tuple[str | None, ...]) -> list[Entry]:
    """Entries read as in context first, keeping the dictionary's order otherwise."""
    return sorted(entries, key=lambda entry: entry.syllables != syllables)


def _forms(word: str, characters: tuple[CharacterLookup, ...]) -> tuple[str, str]:
    """Both scripts of a word CC-CEDICT lacks, character by character."""
    first = {c.char: c.entries[0] for c in characters if c.entries}
    simplified = "".join(first[c].simplified if c in first else c for c in word)
    traditional = "".join(first[c].traditional if c in first else c for c in word)
    return simplified, traditional
