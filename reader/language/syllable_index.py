"""Where a text's characters may be read as a syllable: the candidates of a pinyin find.

Reading a whole novel in context takes most of a minute; knowing which characters *could*
be read `bao` takes a dictionary look-up per distinct character. So a pinyin find starts
from this index (toneless syllable → offsets), built once per document in a fraction of a
second, and reads in context only where the index cannot decide: a candidate whose
characters each have one possible syllable is read that way in every context.

A character's possible syllables are pypinyin's heteronyms, the polyphone model's classes
(the readings the model may choose), those of the character it folds to in simplified
script (the reading of 寶 is that of 宝), and the few readings pypinyin's phrase table gives
a character beyond its heteronyms (PHRASE_ONLY). Tones are not indexed: a reading in context
may take the neutral tone in a word (朋友 péngyou), so only the in-context reading decides one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from reader.language.pinyin import is_han, load_pypinyin
from reader.language.pinyin_query import canonical

if TYPE_CHECKING:
    from reader.language.polyphones import PolyphoneModel

PHRASE_ONLY = {"乐": ("lao",), "着": ("zhu",), "干": ("qian",), "燵": ("ta",)}
"""Syllables pypinyin's phrase table gives these characters and its heteronyms do not (a
test checks this against pypinyin's data)."""


class SyllableIndex:
    """Toneless syllable → the offsets of the characters of one text that may be read so."""

    def __init__(
        self, text: str, model: PolyphoneModel, fold: Callable[[str], str] | None = None
    ) -> None:
        self.text = text
        self._model = model
        self._fold = fold
        self._by_char: dict[str, list[int]] = {}
        for offset, char in enumerate(text):
            if char >= "\u3007" and is_han(char):
                places = self._by_char.get(char)
                if places is None:
                    self._by_char[char] = [offset]
                else:
                    places.append(offset)
        self._by_syllable: dict[str, frozenset[str]] | None = None
        self._certain: dict[str, bool] = {}
        self._lock = threading.Lock()

    def places(self, base: str) -> set[int]:
        """Offsets of the characters that may be read `base` (toneless, canonical)."""
        found: set[int] = set()
        for char in self._chars_by_syllable().get(base, ()):
            found.update(self._by_char[char])
        return found

    def certain(self, char: str) -> bool:
        """True if `char` is read the same toneless syllable in every context (a polyphone
        whose readings differ in tone only, 先 xiān/xiàn, is: the model's classes are
        among its possible syllables)."""
        known = self._certain.get(char)
        if known is None:
            known = len(self.possible(char)) == 1
            self._certain[char] = known
        return known

    def possible(self, char: str) -> frozenset[str]:
        return _possible(char, self._folded(char), self._model)

    def _folded(self, char: str) -> str:
        return self._fold(char) if self._fold is not None else char

    def _chars_by_syllable(self) -> dict[str, frozenset[str]]:
        with self._lock:
            if self._by_syllable is None:
                grouped: dict[str, set[str]] = {}
                for char in self._by_char:
                    for base in self.possible(char):
                        grouped.setdefault(base, set()).add(char)
                self._by_syllable = {base: frozenset(c) for base, c in grouped.items()}
            return self._by_syllable


def _possible(char: str, folded: str, model: PolyphoneModel) -> frozenset[str]:
    bases = set(_heteronyms(char)) | set(_heteronyms(folded))
    for reading in (*model.candidates(char), *model.candidates(folded)):
        bases.add(canonical(reading[:-1]))
    return frozenset(bases)


@cache
def _heteronyms(char: str) -> tuple[str, ...]:
    load_pypinyin()
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal

    value = PINYIN_DICT.get(ord(char))
    readings = value.split(",") if value else []
    bases = {canonical(to_normal(reading)) for reading in readings}
    bases.update(PHRASE_ONLY.get(char, ()))
    return tuple(sorted(bases))
