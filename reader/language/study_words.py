"""Which words of a text a learner studies: the words Reader marks as new or learning, and
whose pinyin the "words I do not know" mode shows.

A word to study holds a Chinese character and is not a number: 三百, 第十九, 4月 and 两个
are read from their numerals, not learnt one by one (一点 and 十分 are words). Names (王夫人,
北京) are words to study here: a learner who does not want them marked sets them ignored.
Cheap (a regular expression, cached per word): it runs for every word in view at a scroll.
"""

from __future__ import annotations

import functools
import re

from reader.language.numbers import NUMBER_WORD
from reader.language.pinyin import is_han

_NUMERALS = re.compile(
    "第?[0-9０-９零〇一二两三四五六七八九十][0-9０-９零〇一二两三四五六七八九十百千万亿.．]*(?:多|余)?"
)
"""A number written alone, Arabic or Chinese, from its first digit (万一 is a word)."""
_WORDS_TOO = frozenset("一十")
"""A lone 一 or 十 before a unit is as often a word of its own (一点, 一时, 十分) as a count."""


@functools.lru_cache(maxsize=65_536)
def is_study_word(word: str) -> bool:
    """True for a word (as written, either script) a learner studies, as the module says."""
    if not any(is_han(char) for char in word):
        return False
    if _NUMERALS.fullmatch(word):
        return False
    counted = NUMBER_WORD.fullmatch(word)
    return counted is None or counted.group(1) in _WORDS_TOO
