"""Where a query matches inside one piece of text: by characters (in either script), or by
pinyin over a reading per character; and the context shown around a match."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from reader.language.pinyin_query import PinyinQuery, PinyinQueryError, parse_query
from reader.language.script import fold_table
from reader.library.query import QueryError

CONTEXT = 30
"""Characters of context on each side of a hit."""


def parse_pinyin(text: str) -> PinyinQuery:
    """The query's splits into syllables; QueryError (its message for the user) if the
    query is not pinyin."""
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
    """A parsed pinyin query against readings stored as syllable ids, one per character
    (reader.library.chunks.readings_text: each id a character of a string, 0 for none):
    made once per search, a pattern of the ids each syllable accepts, so the places are
    found by the regular expression engine, in C, leftmost and longest first."""

    def __init__(self, parsed: PinyinQuery, names: Sequence[str]) -> None:
        """`names`: the numbered syllable ("bao3") of each id."""
        parses = sorted(parsed.parses, key=len, reverse=True)
        alternatives = [
            "".join(
                _one_of(id_ for id_, name in enumerate(names) if id_ and s.matches(name))
                for s in parse
            )
            for parse in parses
        ]
        self._pattern = re.compile("|".join(alternatives))

    def places(self, readings: str) -> list[tuple[int, int]]:
        """The runs of characters whose readings are one of the query's splits, in order,
        not overlapping (of two at one place, the longer): Han characters side by side,
        since any other character has no reading."""
        return [match.span() for match in self._pattern.finditer(readings)]


def _one_of(ids: Iterable[int]) -> str:
    chars = "".join(re.escape(chr(id_)) for id_ in ids)
    return f"[{chars}]" if chars else "(?!)"


def one_line(text: str) -> str:
    """Context is shown on one line: a line break reads as a space."""
    return text.replace("\r", " ").replace("\n", " ")


def context(text: str, begin: int, end: int) -> tuple[str, str, str]:
    """(left, match, right) of `text[begin:end]`, CONTEXT characters each side, on one line."""
    return (
        one_line(text[max(0, begin - CONTEXT) : begin]),
        one_line(text[begin:end]),
        one_line(text[end : end + CONTEXT]),
    )
