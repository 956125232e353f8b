"""Where a query matches inside one piece of text: by characters, or by pinyin over one
reading per Han character; and the context shown around a match."""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from functools import cache

from reader.language.pinyin_find import non_overlapping
from reader.language.pinyin_query import PinyinQuery, PinyinQueryError, parse_query
from reader.language.script import fold_table
from reader.library.chunks import HanRuns
from reader.library.query import QueryError

CONTEXT = 30
"""Characters of context on each side of a hit."""


def parse_pinyin(text: str) -> PinyinQuery:
    try:
        return parse_query(text)
    except PinyinQueryError as error:
        raise QueryError(str(error)) from None


def needle_pattern(needle: str) -> re.Pattern[str]:
    """A pattern that finds `needle` (in search form: reader.library.chunks.search_form) in
    a text as written: each character stands for every character that folds to it, a
    lowercase letter for its capital too. Matching the text as written spares folding
    every candidate chunk (str.translate is slow on a whole chunk); the needle is escaped,
    never read as a pattern."""
    variants = _variants()
    parts = []
    for char in needle:
        chars = {char, *variants.get(char, ())}
        upper = char.upper()
        if len(upper) == 1 and upper.lower() == char:
            chars.add(upper)
        if len(chars) == 1:
            parts.append(re.escape(char))
        else:
            parts.append("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
    return re.compile("".join(parts))


@cache
def _variants() -> dict[str, tuple[str, ...]]:
    """Simplified character -> the characters that fold to it."""
    found: dict[str, list[str]] = {}
    for code, simplified in fold_table().items():
        found.setdefault(simplified, []).append(chr(code))
    return {char: tuple(others) for char, others in found.items()}


def character_places(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the needle of `pattern` occurs in `text`, in order, not overlapping."""
    return [match.span() for match in pattern.finditer(text)]


class PinyinMatcher:
    """A parsed pinyin query against readings stored as syllable ids (one per Han
    character): made once per search, it knows which ids each syllable accepts."""

    def __init__(self, parsed: PinyinQuery, names: Sequence[str]) -> None:
        """`names`: the numbered syllable ("bao3") of each id."""
        self._parses = [
            [
                frozenset(id_ for id_, name in enumerate(names) if syllable.matches(name))
                for syllable in parse
            ]
            for parse in parsed.parses
        ]

    def places(self, text: str, readings: array) -> list[tuple[int, int]]:
        """The runs of side-by-side Han characters of `text` whose readings (one id per Han
        character) are one of the query's splits, in order, not overlapping."""
        blob = readings.tobytes()
        runs: HanRuns | None = None
        found: set[tuple[int, int]] = set()
        for parse in self._parses:
            size = len(parse)
            for rank in _ranks(blob, parse[0]):
                if rank + size > len(readings) or not all(
                    readings[rank + k] in accepted for k, accepted in enumerate(parse)
                ):
                    continue
                if runs is None:
                    runs = HanRuns(text)
                begin = runs.place(rank, size)
                if begin is not None:
                    found.add((begin, begin + size))
        return non_overlapping(found)


def _ranks(blob: bytes, accepted: frozenset[int]) -> list[int]:
    """The positions in `blob` (array("H") bytes) of the ids `accepted`, found in C."""
    ranks = []
    for id_ in accepted:
        pattern = array("H", [id_]).tobytes()
        at = blob.find(pattern)
        while at >= 0:
            if at % 2 == 0:
                ranks.append(at // 2)
                at = blob.find(pattern, at + 2)
            else:
                at = blob.find(pattern, at + 1)
    return ranks


def one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def context(text: str, begin: int, end: int) -> tuple[str, str, str]:
    """(left, match, right) of `text[begin:end]`, CONTEXT characters each side, on one line."""
    return (
        one_line(text[max(0, begin - CONTEXT) : begin]),
        one_line(text[begin:end]),
        one_line(text[end : end + CONTEXT]),
    )
