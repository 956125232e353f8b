"""Which words of a text a learner studies: those a status is kept for and counted by.

A word to study holds a Chinese character and is neither a number (一九九八年, 第三, 5月)
nor a name (习近平, 林黛玉): a learner is not expected to learn every number, or a name
before meeting its bearer, so "mark the rest of this section known" leaves them new, as
the known-word coverage leaves them out. A word is a name when CC-CEDICT gives it only as
a name (every entry's reading capitalised), unless it is in the HSK lists (北京, 中国: names
that learners learn as words); words CC-CEDICT lacks are not called names here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.language.dictionary import Dictionary
from reader.language.hsk import HskLevels
from reader.language.numbers import NUMBER_WORD
from reader.language.pinyin import is_han

_NUMBER = re.compile(NUMBER_WORD.pattern + "?")
"""A number, its unit made optional: 三, 十五, 第二, 3月, 两年."""


def is_number(word: str) -> bool:
    """A number, with its unit if it has one: 三十, 1998年, 第二, 5个."""
    return _NUMBER.fullmatch(word) is not None


def is_study_word(word: str) -> bool:
    """Holds a Chinese character and is not a number (names need the dictionary: `names`)."""
    return any(is_han(char) for char in word) and not is_number(word)


def names(words: Iterable[str], dictionary: Dictionary, hsk: HskLevels) -> set[str]:
    """Those of `words` (simplified) that CC-CEDICT lists only as names and HSK not at all."""
    found = set()
    for word in dict.fromkeys(words):
        if hsk.level(word) is not None:
            continue
        entries = dictionary.lookup(word)
        if entries and all(entry.is_name for entry in entries):
            found.add(word)
    return found


def study_words(words: Iterable[str], dictionary: Dictionary, hsk: HskLevels) -> list[str]:
    """The words to study among `words` (simplified), each once, in their order: no
    numbers, no names."""
    wanted = [word for word in dict.fromkeys(words) if is_study_word(word)]
    left_out = names(wanted, dictionary, hsk)
    return [word for word in wanted if word not in left_out]
