"""Pinyin in context: one reading per character, polyphonic characters read from their sentence.

Two sources disagree on polyphonic characters, and each is right where the other fails:
pypinyin's phrase table knows fixed words (牌子 páizi, 宰相 zǎixiàng), g2pM's model reads the
sentence (他还没还钱). The rule, chosen on the even-numbered half of the CPP dev set and
measured on the odd half (see bench/language.py): a polyphonic character takes a phrase's
reading when pypinyin's phrase table and CC-CEDICT both know the phrase and give that
character the same single reading there. The phrase is looked for as jieba's word, then as
pypinyin's own split of that word (银行行长 → 银行 + 行长), then as pypinyin's split of the
run of Chinese characters around it (有钱就还钱 → 有钱 + 就 + 还钱). In a sentence of a word
or two, where the model has no context to read, pypinyin's phrase suffices alone (还钱 on its
own, which CC-CEDICT lacks). Every other polyphonic character is read by the model;
characters with one reading come from pypinyin, with CC-CEDICT's neutral tones inside words
where pypinyin's table has none (朋友 péngyou).

The model reads a sentence window, found from the text alone (sentence punctuation, then
clause punctuation for long sentences), so the reading of a character is the same whether
it is asked for a whole paragraph or for the one word under the mouse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from reader.language.context_readings import (
    EVERYDAY_WORDS,
    KEYED_AT,
    RULED,
    context_reading,
    potential_complement,
)
from reader.language.cover import WordCover
from reader.language.dictionary import Dictionary, Entry
from reader.language.hsk import HskLevels
from reader.language.pinyin import is_han, load_pypinyin, word_syllables
from reader.language.sandhi import spoken_syllables
from reader.language.segmentation import Segmenter, Token
from reader.language.word_classes import WordClasses

if TYPE_CHECKING:
    from reader.language.polyphones import PolyphoneModel

SENTENCE_ENDS = frozenset("。！？!?；;\n")
CLAUSE_ENDS = frozenset("，,、：:")
MAX_WINDOW = 64
"""Longer sentences are read in pieces cut after clause punctuation (or hard, if none).

The model's cost grows with the window, and a hover must stay within milliseconds; on the
tuning half of the CPP dev set windows of 48 to 160 characters read equally well."""
_SENTENCE_END = re.compile("[" + re.escape("".join(sorted(SENTENCE_ENDS))) + "]")
_CLAUSE_OR_SENTENCE_END = re.compile(
    "[" + re.escape("".join(sorted(SENTENCE_ENDS | CLAUSE_ENDS))) + "]"
)
REST = 8
"""Characters after a word that its rule may look at, up to the end of its clause."""
_CLAUSE_END = re.compile("[" + re.escape("".join(sorted(CLAUSE_ENDS))) + "]")
SHORT_CONTEXT = 4
"""In a sentence of at most this many characters the model has too little to read, and a
phrase pypinyin knows stands even where CC-CEDICT lacks it (还钱 huán qián on its own)."""


class Pronouncer:
    """Readings in context for spans of a text that has been split into words."""

    def __init__(
        self,
        dictionary: Dictionary,
        model: PolyphoneModel,
        segmenter: Segmenter,
        hsk: HskLevels,
        classes: WordClasses,
    ) -> None:
        self._dictionary = dictionary
        self._hsk = hsk
        self._segmenter = segmenter
        self._model = model
        self._classes = classes
        self.cover = WordCover(dictionary)
        """The words CC-CEDICT has inside a word it lacks; the pop-up's parts use it too."""
        self._word_reading = lru_cache(maxsize=65536)(self._read_word)

    def syllables(
        self,
        text: str,
        tokens: Sequence[Token],
        spoken: bool = False,
        wanted: Sequence[tuple[int, int]] | None = None,
    ) -> list[str | None]:
        """One numbered syllable per character from the first token's start to the last's end.

        The tokens are in order; text between them (between a document's blocks) gets None,
        as do characters without a reading (punctuation, Latin letters, digits). With
        `spoken`, the tones are those said aloud (一, 不, third-tone sandhi).

        With `wanted` (ranges in text order), only the polyphones inside them are decided in
        context; the others keep their reading out of context. A character's reading does
        not depend on its neighbours' readings, only on their words and its sentence, so
        the wanted ones come out as they would with everything decided, at a fraction of the
        cost: a hover needs one word of a sentence, not the model's reading of all of it.
        """
        if not tokens:
            return []
        text = self._as_simplified(text, tokens)
        start = tokens[0].start
        result: list[str | None] = [None] * (tokens[-1].end - start)
        undecided: list[int] = []
        for number, token in enumerate(tokens):
            word = text[token.start : token.end]
            readings, fixed_at = self._word_reading(word)
            readings = list(readings)
            for index, (char, reading) in enumerate(zip(word, readings, strict=True)):
                if reading is None or not self._model.is_polyphone(char):
                    continue
                if wanted is not None and not _inside(wanted, token.start + index):
                    continue
                fixed = None
                if char in RULED:
                    fixed = self._neighbours_reading(text, tokens, number, index)
                if fixed is None and index in fixed_at:
                    continue
                if fixed is None:
                    fixed = self._phrase_reading(text, token.start, word, index, confirmed=True)
                if fixed is None and _stands_alone(text, token.start + index):
                    fixed = self._phrase_reading(text, token.start, word, index, confirmed=False)
                if fixed is None:
                    undecided.append(token.start + index)
                else:
                    readings[index] = fixed
            result[token.start - start : token.end - start] = readings
        if undecided:
            for offset, reading in self._read_in_context(text, undecided).items():
                result[offset - start] = reading
        if spoken:
            return spoken_syllables(text, start, result, tokens)
        return result

    def _as_simplified(self, text: str, tokens: Sequence[Token]) -> str:
        """`text` with the part read for `tokens` in simplified characters, one for one.

        pypinyin's phrase table, the model and the rules above know simplified text: 銀行
        read as written comes out yínxíng. A word CC-CEDICT knows becomes its simplified
        form (乾淨 → 干净), other characters their usual one (說 → 说); characters either
        script uses (著, 乾) stay outside such words. Every window, phrase and sentence
        the rules look at lies within MAX_WINDOW of the tokens, so only that part changes,
        and a simplified text comes back as it is.
        """
        scripts = self._dictionary.scripts()
        low = max(tokens[0].start - MAX_WINDOW, 0)
        high = min(tokens[-1].end + MAX_WINDOW, len(text))
        part = text[low:high]
        if scripts.traditional.isdisjoint(part):
            return text
        converted = list(part.translate(scripts.simplify))
        for token in tokens:
            word = text[token.start : token.end]
            if not scripts.traditional.isdisjoint(word):
                simplified = self._dictionary.simplified_form(word)
                if simplified is not None:
                    converted[token.start - low : token.end - low] = simplified
        return text[:low] + "".join(converted) + text[high:]

    def _read_word(self, word: str) -> tuple[tuple[str | None, ...], frozenset[int]]:
        """`word`'s reading out of context, and the characters whose reading it fixes.

        CC-CEDICT fixes a character's reading where every entry of the word gives it the same
        syllable (这种 zhèzhǒng, 头发 tóufa, 答应 dāying; not 东西, dōngxī "east and west"
        beside dōngxi "thing", nor 明朝 míngzhāo "tomorrow morning" beside Míngcháo, nor
        泄露 xièlù, whose entry adds "also pr. [xie4 lou4]", the reading most speakers use): that
        reading stands, and the rules below decide only what it leaves open. A word CC-CEDICT
        has only as a name (勃艮第, 帖木儿) fixes nothing: its names' readings disagree with
        other sources more often than its words'. Where it
        fixes nothing, a syllable that pypinyin reads with a full tone and CC-CEDICT, among
        all its entries (names too), only with the neutral tone is neutral (朋友 péngyou).
        """
        if word in EVERYDAY_WORDS:
            return EVERYDAY_WORDS[word], frozenset(range(len(word)))
        readings = list(word_syllables(word))
        fixed_at: set[int] = set()
        if len(word) < 2:
            return tuple(readings), frozenset()
        entries = self._dictionary.lookup(word)
        if entries:
            self._fix(word, 0, entries, readings, fixed_at)
        else:
            for start, end in self.cover.parts(word):
                part = word[start:end]
                if self._hsk.level(part) is not None:
                    self._fix(part, start, self._dictionary.lookup(part), readings, fixed_at)
        if potential_complement(word, self._classes):
            readings[1] = "de5"
            fixed_at.add(1)
        return tuple(readings), frozenset(fixed_at)

    @staticmethod
    def _fix(
        word: str, start: int, entries: list[Entry], readings: list[str | None], fixed_at: set[int]
    ) -> None:
        """Puts CC-CEDICT's readings of `word` (at `start` in `readings`) where it fixes them.

        A reading a sense gives as "also pr." unfixes a character where it is another
        syllable or another full tone (泄露 xièlù, also xièlòu), not where it only gives
        the neutral tone's full form (起来 qǐlai, also qǐlái): the neutral tone stands.
        """
        every = {e.syllables for e in entries if len(e.syllables) == len(word)}
        also = {
            syllables
            for entry in entries
            for syllables in entry.also_pronounced
            if len(syllables) == len(word)
        }
        common = any(not e.is_name for e in entries)
        for index in range(len(word)):
            reading = readings[start + index]
            if reading is None:
                continue
            in_all = {syllables[index] for syllables in every}
            if common and len(in_all) == 1 and None not in in_all:
                fixed = in_all.pop()
                readings[start + index] = fixed
                if not any(_other_syllable(fixed, syllables[index]) for syllables in also):
                    fixed_at.add(start + index)
            elif in_all == {reading[:-1] + "5"}:
                readings[start + index] = reading[:-1] + "5"

    def _neighbours_reading(
        self, text: str, tokens: Sequence[Token], number: int, index: int
    ) -> str | None:
        """The reading the words around `tokens[number]`'s character at `index` give it,
        where it stands as a word of its own (a one-character word, or a part of the cover
        of a word CC-CEDICT lacks: 很长 is 很 + 长).

        A neighbour outside `tokens` (a hovered word alone) is found by cutting the
        sentence window around it as the document's segmentation cuts it, so that a word
        reads the same alone or in its paragraph.
        """
        token = tokens[number]
        units = self._units(text, token)
        offset = token.start + index
        position = next(i for i, (start, end) in enumerate(units) if start <= offset < end)
        key = text[slice(*units[position])]
        if units[position][0] + KEYED_AT.get(key, 0) != offset:
            return None
        if position > 0:
            before = units[position - 1]
        elif number > 0 and tokens[number - 1].end == token.start:
            before = self._units(text, tokens[number - 1])[-1]
        else:
            before = self._word_beside(text, token.start, after=False)
        if position + 1 < len(units):
            after = units[position + 1]
        elif number + 1 < len(tokens) and tokens[number + 1].start == token.end:
            after = self._units(text, tokens[number + 1])[0]
        else:
            after = self._word_beside(text, token.end, after=True)
        rest = text[units[position][1] : units[position][1] + REST]
        return context_reading(
            key, text[slice(*before)], text[slice(*after)], self._classes, _clause(rest)
        )

    def _units(self, text: str, token: Token) -> list[tuple[int, int]]:
        """`token` as the dictionary words it is read as: itself, or the parts of its cover."""
        word = text[token.start : token.end]
        if len(word) == 1 or self._dictionary.readings(word):
            return [(token.start, token.end)]
        parts = self.cover.parts(word) or tuple((i, i + 1) for i in range(len(word)))
        return [(token.start + start, token.start + end) for start, end in parts]

    def _word_beside(self, text: str, boundary: int, after: bool) -> tuple[int, int]:
        """The dictionary word just after (or before) `boundary` in its sentence window, as
        the segmenter cuts the window; an empty span at the window's edge."""
        if (after and boundary >= len(text)) or (not after and boundary <= 0):
            return boundary, boundary
        inside = boundary if after else boundary - 1
        (window_start, window_end), *_ = sentence_windows(text, inside, inside + 1)
        if (window_start if after else window_end) == boundary:
            return boundary, boundary
        starts = [
            *_window_starts(self._segmenter, text[window_start:window_end]),
            window_end - window_start,
        ]
        cut = [window_start + offset for offset in starts]
        if after:
            end = next(position for position in cut if position > boundary)
            return self._units(text, Token(boundary, end))[0]
        start = max(position for position in cut if position < boundary)
        return self._units(text, Token(start, boundary))[-1]

    def _phrase_reading(
        self, text: str, word_start: int, word: str, index: int, confirmed: bool
    ) -> str | None:
        """The reading a phrase around the character gives it, if one does.

        With `confirmed`, CC-CEDICT must give the same single reading as pypinyin's table.
        """
        for phrase, position in _phrases_around(text, word_start, word, index):
            reading = word_syllables(phrase)[position]
            if reading is None or phrase not in _phrase_table():
                continue
            if not confirmed:
                return reading
            known = {syllables[position] for syllables in self._dictionary.readings(phrase)}
            if known == {reading}:
                return reading
        return None

    def _read_in_context(self, text: str, offsets: list[int]) -> dict[int, str]:
        """The model's readings at `offsets`, each read in its sentence window.

        The model reads a window without the white space around it (the line break that
        ends a heading or a line of verse, a paragraph's indent): it was trained on
        sentences that have none, and an unknown symbol at either end changes its reading
        of the characters beside it (该到收获的季节啦 at the end of a line read lā).
        """
        windows = sentence_windows(text, offsets[0], offsets[-1] + 1)
        window_starts = [start for start, _ in windows]
        numbers = [bisect.bisect_right(window_starts, offset) - 1 for offset in offsets]
        needed = sorted(set(numbers))
        sentences = [text[slice(*windows[number])] for number in needed]
        trimmed = [sentence.strip() for sentence in sentences]
        readings = self._model.readings(trimmed)
        by_window = {
            number: (window_starts[number] + len(sentence) - len(sentence.lstrip()), found)
            for number, sentence, found in zip(needed, sentences, readings, strict=True)
        }
        result: dict[int, str] = {}
        for offset, number in zip(offsets, numbers, strict=True):
            start, found = by_window[number]
            reading = found.get(offset - start)
            if reading is not None:
                result[offset] = reading
        return result


def _other_syllable(reading: str, other: str | None) -> bool:
    """True when `other` is another syllable than `reading`, or the same with another full
    tone; not where one of them is the other's neutral form (起来 qǐlai, qǐlái)."""
    if other is None or other == reading:
        return False
    return reading[:-1] != other[:-1] or "5" not in (reading[-1], other[-1])


def _inside(ranges: Sequence[tuple[int, int]], offset: int) -> bool:
    """True when `offset` lies in one of `ranges` (sorted, not overlapping)."""
    number = bisect.bisect_right([start for start, _ in ranges], offset) - 1
    return number >= 0 and offset < ranges[number][1]


def _clause(text: str) -> str:
    """`text` up to its first sentence or clause punctuation."""
    found = _CLAUSE_OR_SENTENCE_END.search(text)
    return text if found is None else text[: found.start()]


def _stands_alone(text: str, offset: int) -> bool:
    """True for a character whose sentence has a word or two only (a heading, a lookup)."""
    count = 1
    position = offset - 1
    while count <= SHORT_CONTEXT and position >= 0 and text[position] not in SENTENCE_ENDS:
        count += is_han(text[position])
        position -= 1
    position = offset + 1
    while count <= SHORT_CONTEXT and position < len(text) and text[position] not in SENTENCE_ENDS:
        count += is_han(text[position])
        position += 1
    return count <= SHORT_CONTEXT


def _phrases_around(text: str, word_start: int, word: str, index: int) -> Iterator[tuple[str, int]]:
    """Phrases of two or more characters holding `word[index]`, with its position in each.

    The run of Chinese characters is looked at within MAX_WINDOW either side, so a text
    without punctuation costs no more per character than a sentence.
    """
    if len(word) > 1:
        yield word, index
        yield from _part_holding(_split(word), index)
    offset = word_start + index
    run_start, run_end = offset, offset + 1
    lowest, highest = max(offset - MAX_WINDOW, 0), min(offset + MAX_WINDOW, len(text))
    while run_start > lowest and is_han(text[run_start - 1]):
        run_start -= 1
    while run_end < highest and is_han(text[run_end]):
        run_end += 1
    if run_end - run_start > 1:
        yield from _part_holding(_split(text[run_start:run_end]), offset - run_start)


def _part_holding(parts: tuple[str, ...], index: int) -> Iterator[tuple[str, int]]:
    position = 0
    for part in parts:
        if position <= index < position + len(part):
            if len(part) > 1:
                yield part, index - position
            return
        position += len(part)


@cache
def _phrase_table() -> dict[str, list[list[str]]]:
    """pypinyin's phrase readings, loaded on first use (their import takes about 0.3 s)."""
    load_pypinyin()
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


@lru_cache(maxsize=4096)
def _window_starts(segmenter: Segmenter, window: str) -> tuple[int, ...]:
    """Where the words of a sentence window begin, as the segmenter cuts the window."""
    return tuple(segmenter.word_starts(window, 0, len(window)))


@lru_cache(maxsize=16384)
def _split(run: str) -> tuple[str, ...]:
    """pypinyin's own split of a run of Chinese characters (longest phrases first)."""
    load_pypinyin()
    from pypinyin.seg.mmseg import seg

    return tuple(seg.cut(run))


def sentence_windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The model's context windows that cover `[start, end)`, contiguous and in order.

    A window is a sentence (its closing punctuation included) or, in a sentence longer
    than MAX_WINDOW, a piece of it; where it begins and ends depends on the text only.
    Punctuation is looked for by `re` and `str.rfind`, and the pieces of a sentence before
    `start` are stepped over, not cut one by one: a one-line file of a million characters
    is a sentence, and its windows are asked for at every hover.
    """
    end = min(end, len(text))
    sentence_start = _sentence_start(text, start)
    windows: list[tuple[int, int]] = []
    while sentence_start < end:
        sentence_end = _sentence_end(text, sentence_start)
        windows.extend(_pieces(text, sentence_start, sentence_end, start, end))
        sentence_start = sentence_end
    return windows


def _sentence_start(text: str, offset: int) -> int:
    return max(text.rfind(mark, 0, offset) for mark in SENTENCE_ENDS) + 1


def _sentence_end(text: str, offset: int) -> int:
    found = _SENTENCE_END.search(text, offset)
    return found.end() if found is not None else len(text)


def _pieces(text: str, start: int, end: int, first: int, last: int) -> list[tuple[int, int]]:
    """The pieces of the sentence `[start, end)` that reach into `[first, last)`.

    A piece ends after the last clause punctuation in its MAX_WINDOW characters (its first
    character aside), or at MAX_WINDOW if there is none; so where there is none, the pieces
    are MAX_WINDOW long, and those before `first` are skipped together.
    """
    pieces = []
    while start < last:
        if end - start <= MAX_WINDOW:
            if end > first:
                pieces.append((start, end))
            break
        if start + MAX_WINDOW <= first:
            mark = _CLAUSE_END.search(text, start + 1, end)
            clear = (mark.start() if mark is not None else end) - start
            skip = min(clear, first - start, end - start - 1) // MAX_WINDOW
            if skip:
                start += skip * MAX_WINDOW
                continue
        mark_at = max(text.rfind(mark, start + 1, start + MAX_WINDOW) for mark in CLAUSE_ENDS)
        cut = mark_at + 1 if mark_at >= 0 else start + MAX_WINDOW
        if cut > first:
            pieces.append((start, cut))
        start = cut
    return pieces
