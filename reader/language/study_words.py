"""Which words the text's marks underline: a word that holds a Chinese character and is not
a number (一九九八年, 第三, 5月). Asked at every paint, so it needs nothing loaded; the
counts of what a learner knows also leave names out (reader.language.counted_words), which
needs a set of names read once, and the marks do not wait for it.
"""

from __future__ import annotations

import re

from reader.language.numbers import NUMBER_WORD
from reader.language.pinyin import is_han

_NUMBER = re.compile(NUMBER_WORD.pattern + "?")
"""A number, its unit made optional: 三, 十五, 第二, 3月, 两年."""


def is_number(word: str) -> bool:
    """A number, with its unit if it has one: 三十, 1998年, 第二, 5个."""
    return _NUMBER.fullmatch(word) is not None


def is_study_word(word: str) -> bool:
    """Holds a Chinese character and is not a number."""
    return any(is_han(char) for char in word) and not is_number(word)
