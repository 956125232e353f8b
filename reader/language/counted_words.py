"""Which words of a text count as running words, under which key, at which HSK level.

A running word is a word (as Reader cuts it) that holds a Han character. Left out are:
numbers (numerals with their units, as Reader joins them: 三十, 4月, 第十二回), except those
the HSK lists teach as words (一, 十分, 一点, 第一, 千万); proper names
(reader.language.proper_names: 王夫人, 刘姥姥, 习近平); and, when a coverage is worked
out, the words the learner marked ignored. Every word is keyed by its simplified form
(OpenCC t2s, as reader.language.known_words.word_key: 說話 counts as 说话), the key word
statuses are stored under.

A book has tens of thousands of different words and hundreds of thousands of running ones:
each different word is looked at once (a few dictionary queries for all of them together),
and each running word after that costs one dict lookup.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from reader.language.hsk import HskLevels
from reader.language.known_words import KEY_CONFIG, word_key
from reader.language.numbers import NUMBER_WORD
from reader.language.proper_names import ProperNames
from reader.language.script import converter

BANDS = ("1", "2", "3", "4", "5", "6", "7-9", "beyond")
"""The HSK profile's bands: the new HSK's (2021) levels, and words beyond its lists."""
BEYOND = "beyond"
_NUMBER = re.compile(
    f"(?:{NUMBER_WORD.pattern})|第?(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+)"
    "[万亿]?(?:多|余)?(?:回|章|节|卷|集)?"
)
"""A number, with its unit (reader.language.numbers) or as a chapter's (第十二回)."""
_HAN = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U000323af]"
)
"""A Han character, as reader.language.pinyin.is_han has it, for one search per word."""


@dataclass(frozen=True, slots=True)
class CountedWord:
    """A running word's key (its simplified form) and its HSK band (one of BANDS)."""

    key: str
    band: str


class CountedWords:
    """The counted form of each different word, worked out once per word and kept."""

    def __init__(self, hsk: HskLevels, names: ProperNames) -> None:
        self._hsk = hsk
        self._names = names
        self._seen: dict[str, CountedWord | None] = {}
        self._lock = threading.Lock()

    def get(self, word: str) -> CountedWord | None:
        """`word` as counted; None if it is left out. Known words cost one dict lookup."""
        try:
            return self._seen[word]
        except KeyError:
            return self.learn([word])[word]

    def learn(self, words: Iterable[str]) -> dict[str, CountedWord | None]:
        """Works out the counted form of each of `words` at once (the dictionary asked in
        batches); returns it for each."""
        wanted = list(dict.fromkeys(words))
        with self._lock:
            new = [word for word in wanted if word not in self._seen]
            if new:
                self._seen.update(self._classify(new))
            return {word: self._seen[word] for word in wanted}

    def _classify(self, words: list[str]) -> dict[str, CountedWord | None]:
        keys = simplified_keys([word for word in words if _HAN.search(word)])
        numbers = {
            word
            for word, key in keys.items()
            if _NUMBER.fullmatch(key) and self._hsk.level(key) is None
        }
        names = self._names.names(key for word, key in keys.items() if word not in numbers)
        found: dict[str, CountedWord | None] = dict.fromkeys(words)
        for word, key in keys.items():
            if word not in numbers and key not in names:
                level = self._hsk.level(key)
                band = level.new if level is not None and level.new else BEYOND
                found[word] = CountedWord(key, band)
        return found


def simplified_keys(words: list[str]) -> dict[str, str]:
    """Each word's key, as `known_words.word_key` gives it (OpenCC t2s), in one conversion
    for all: OpenCC converts each line on its own, and one call costs a fraction of tens of
    thousands."""
    alone = [word for word in words if "\n" in word]
    together = [word for word in words if "\n" not in word]
    converted = converter(KEY_CONFIG).convert("\n".join(together)).split("\n")
    if len(converted) != len(together):
        alone, converted, together = words, [], []
    keys = dict(zip(together, converted, strict=True))
    keys.update((word, word_key(word)) for word in alone)
    return keys
