"""A word CC-CEDICT lacks, as the dictionary words it is made of: 网络安全 = 网络 + 安全.

jieba cuts words the dictionary does not hold (15% of a news article's words of two or more
characters). A reader splits such a word into words they can look up; `WordCover` does the
same with the fewest characters left to stand alone, then the fewest parts, then the
longest parts (网络安全 is 网络 + 安全, not 网 + 络 + 安全), so that no word is answered
character by character while a dictionary word of two or more characters lies inside it.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from reader.language.dictionary import MAX_MATCH, Dictionary
from reader.language.pinyin import is_han


class Answer(Enum):
    """How a word is answered: as a dictionary word, by the words inside it, or by characters."""

    WORD = "word"
    COVER = "cover"
    CHARACTERS = "characters"


class WordCover:
    """The best cover of a word by dictionary entries; cached, as a hover asks it often."""

    def __init__(self, dictionary: Dictionary) -> None:
        self._dictionary = dictionary
        self.parts = lru_cache(maxsize=16384)(self._parts)

    def answer(self, word: str) -> Answer:
        if word in self._dictionary:
            return Answer.WORD
        return Answer.COVER if self.parts(word) else Answer.CHARACTERS

    def _parts(self, word: str) -> tuple[tuple[int, int], ...]:
        """Where `word` splits into its parts, as (start, end) offsets inside it, in order:
        dictionary words of two or more characters, and single characters between them.

        Empty when `word` is itself an entry, or when no entry of two or more characters
        lies inside it (一个): then its characters are the answer.
        """
        if len(word) < 3 or not any(is_han(char) for char in word):
            return ()  # a two-character word has no smaller word of two characters in it
        pieces = {
            (start, end): word[start:end]
            for start in range(len(word))
            for end in range(start + 2, min(len(word), start + MAX_MATCH) + 1)
            if (start, end) != (0, len(word))
        }
        known = self._dictionary.known(pieces.values())
        if word in self._dictionary or not known:
            return ()
        return _best_split(word, {span for span, piece in pieces.items() if piece in known})


def _best_split(word: str, spans: set[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The split of `word` into `spans` and single characters with the fewest single
    characters, then the fewest parts, then the larger sum of squared lengths (longer
    parts), the earliest long part first when all else is equal."""
    Score = tuple[int, int, int]
    best: list[tuple[Score, tuple[tuple[int, int], ...]] | None] = [None] * (len(word) + 1)
    best[0] = ((0, 0, 0), ())
    for end in range(1, len(word) + 1):
        choices = [(end - 1, end)] + [(s, e) for s, e in spans if e == end]
        for start, stop in sorted(choices, key=lambda span: span[0]):
            before = best[start]
            if before is None:
                continue
            (alone, parts, squares), split = before
            length = stop - start
            score = (alone + (length == 1), parts + 1, squares - length * length)
            current = best[end]
            if current is None or score < current[0]:
                best[end] = (score, (*split, (start, stop)))
    final = best[len(word)]
    assert final is not None
    return final[1]
