"""Saving a word to study: everything a card shows, worked out where the word was read.

The window saves the word the pop-up shows (its `WordLookup`, read in context); `reader vocab
save` finds the word at an offset first (`word_span`). Both build the record here, so a word
saved either way reads the same: its pinyin as read in that sentence, its senses (those of
the reading in context), traditional form, HSK level, the sentence with the word's place in
it and the sentence's pinyin, and where it was read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from reader.document.model import Document
from reader.language.hsk import HskLevel
from reader.language.known_words import word_key
from reader.language.lookup import Lookup, WordLookup, entry_pinyin
from reader.language.pinyin import PinyinStyle, format_word, is_han
from reader.language.reading_context import WordsBetween, read_span
from reader.language.segmentation import Segmentation, Token
from reader.language.sense_markup import entry_senses, sense_text
from reader.language.sentence import WrittenWord, pinyin_line, sentence_span
from reader.store.annotations import now
from reader.store.saved_words import SavedWord

PART_SENSES = 3
"""How many senses each dictionary word inside a word CC-CEDICT lacks gives its meaning."""


def saved_word(
    document: Document,
    found: WordLookup,
    lookup: Lookup,
    words: WordsBetween,
    senses: Sequence[str] | None = None,
    moment: datetime | None = None,
) -> SavedWord:
    """The record for the word `found` (looked up in `document.text`, its start and end
    offsets into it), with the words of its context from `words`. `senses`: the meaning
    the reader chose, one sense an item; by default the senses of the reading in context."""
    text = document.text
    low, high = sentence_span(text, found.start, found.end)
    reading = read_span(lookup.pronouncer, text, low, high, words)
    tokens = [Token(max(token.start, low), min(token.end, high)) for token in words(low, high)]
    section = document.section_at(found.start)
    moment = now() if moment is None else moment
    return SavedWord(
        word=word_key(found.word),
        sentence=text[low:high],
        word_start=found.start - low,
        word_end=found.end - low,
        written=found.word,
        traditional=found.traditional,
        pinyin=found.pinyin(PinyinStyle.MARKS),
        meaning="\n".join(senses if senses is not None else default_senses(found)),
        hsk=hsk_label(found.hsk),
        sentence_pinyin=pinyin_line(
            text, tokens, reading.syllables[tokens[0].start - low :], _name_writer(lookup)
        )
        if tokens
        else "",
        document_path=str(document.path) if document.path is not None else "",
        document_title=" ".join(document.title.split()),
        section="" if section is document.root else " ".join(section.heading.split()),
        offset=found.start,
        created=moment,
        updated=moment,
    )


def default_senses(found: WordLookup) -> list[str]:
    """The senses of the entries read as the word is read here (the first entry's if none
    is); for a word CC-CEDICT lacks, a few senses of each dictionary word inside it."""
    if found.entries:
        read_here = [e for e in found.entries if e.syllables == found.syllables]
        return [
            sense_text(sense)
            for entry in read_here or found.entries[:1]
            for sense in entry_senses(entry.senses).meanings
        ]
    pieces = [(part.word, part.entries) for part in found.parts] or [
        (character.char, character.entries) for character in found.characters
    ]
    lines = []
    for piece, entries in pieces:
        if entries:
            meanings = entry_senses(entries[0].senses).meanings[:PART_SENSES]
            lines.append(f"{piece}: " + "; ".join(sense_text(sense) for sense in meanings))
    return lines


def _name_writer(lookup: Lookup) -> WrittenWord:
    """Writes a name CC-CEDICT knows with its capitals and spaces (Xí Jìnpíng), as `reader
    pinyin` does; any other word's syllables run together."""

    def written(word: str, syllables: list[str]) -> str:
        if len(syllables) == len(word):
            for entry in lookup.dictionary.lookup(word):
                if entry.is_name and entry.syllables == tuple(syllables):
                    return entry_pinyin(entry)
        return format_word(syllables)

    return written


def hsk_label(level: HskLevel | None) -> str:
    """The level a card shows: the new HSK's ("4", "7–9"), else the old one's ("2.0: 5")."""
    if level is None:
        return ""
    if level.new:
        return level.new.replace("-", "–")
    return f"2.0: {level.old}" if level.old else ""


def word_span(
    lookup: Lookup, segmentation: Segmentation, word: str, offset: int
) -> tuple[int, int] | None:
    """Where `word` (either script) is at `offset`: the word Reader cuts there, if it is
    `word` (the offset anywhere in it), else `word` written from `offset` on even where
    Reader cuts the text otherwise; None when it is not there."""
    text = segmentation.text
    wanted = word_key(word.strip())
    if 0 <= offset < len(text):
        segmentation.tokens(offset, offset + 1)  # segments the paragraph if not yet done
    if not wanted or not any(is_han(char) for char in wanted):
        return None
    tokens = lookup.word_at(text, offset, segmentation)
    if tokens is not None:
        start, end = tokens[0].start, tokens[-1].end
        if word_key(text[start:end]) == wanted:
            return start, end
    end = offset + len(wanted)
    if offset >= 0 and end <= len(text) and word_key(text[offset:end]) == wanted:
        return offset, end
    return None


def lookup_span(lookup: Lookup, segmentation: Segmentation, start: int, end: int) -> WordLookup:
    """The word `text[start:end]` looked up as read in context: as the pop-up shows it when
    Reader cuts the word there, else read with the words around it and looked up as cut."""
    text = segmentation.text
    found = lookup.at(text, start, segmentation)
    if found is not None and (found.start, found.end) == (start, end):
        return found
    reading = read_span(lookup.pronouncer, text, start, end, segmentation.tokens)
    return replace(lookup.word(text[start:end], tuple(reading.syllables)), start=start, end=end)


def place_in(text: str, saved: SavedWord) -> int:
    """Where the saved word is in `text` (its document, perhaps changed since): its offset
    if the word is still written there, else where its sentence is now, the nearest to the
    offset, else the offset, kept inside the text."""
    offset = saved.offset
    if text[offset : offset + len(saved.written)] == saved.written:
        return offset
    sentence_at = offset - saved.word_start
    found = [
        match
        for match in (
            text.rfind(saved.sentence, 0, sentence_at + 1),
            text.find(saved.sentence, sentence_at),
        )
        if match >= 0
    ]
    if found:
        return min(found, key=lambda match: abs(match - sentence_at)) + saved.word_start
    return max(0, min(offset, len(text) - 1))
