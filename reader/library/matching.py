"""Where a query matches inside one piece of text: by characters, or by pinyin over one
reading per Han character; and the context shown around a match."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.language.pinyin_find import non_overlapping
from reader.language.pinyin_query import PinyinQuery, PinyinQueryError, QuerySyllable, parse_query
from reader.library.chunks import han_offsets, toneless
from reader.library.query import QueryError

CONTEXT = 30
"""Characters of context on each side of a hit."""


def parse_pinyin(text: str) -> PinyinQuery:
    try:
        return parse_query(text)
    except PinyinQueryError as error:
        raise QueryError(str(error)) from None


def character_places(form: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `form` (both in search form), in order, not overlapping."""
    found = []
    step = len(needle)
    at = form.find(needle)
    while at >= 0:
        found.append((at, at + step))
        at = form.find(needle, at + step)
    return found


def pinyin_places(
    text: str,
    readings: Sequence[int],
    parsed: PinyinQuery,
    syllable_name: Callable[[int], str],
) -> list[tuple[int, int]]:
    """The runs of consecutive Han characters of `text` whose readings (one syllable id per
    Han character) are one of the query's splits, in order, not overlapping."""
    offsets = han_offsets(text)
    names = [syllable_name(id_) for id_ in readings]
    bases = [toneless(name) for name in names]
    found: set[tuple[int, int]] = set()
    for parse in parsed.parses:
        size = len(parse)
        first = parse[0].base
        rank = _next(bases, first, 0)
        while rank >= 0 and rank + size <= len(offsets):
            begin = offsets[rank]
            if offsets[rank + size - 1] - begin == size - 1 and _agrees(
                names[rank : rank + size], parse
            ):
                found.add((begin, begin + size))
            rank = _next(bases, first, rank + 1)
    return non_overlapping(found)


def _next(bases: list[str], base: str, start: int) -> int:
    try:
        return bases.index(base, start)
    except ValueError:
        return -1


def _agrees(names: Sequence[str], parse: tuple[QuerySyllable, ...]) -> bool:
    return all(s.matches(name) for s, name in zip(parse, names, strict=True))


def one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def context(text: str, begin: int, end: int) -> tuple[str, str, str]:
    """(left, match, right) of `text[begin:end]`, CONTEXT characters each side, on one line."""
    return (
        one_line(text[max(0, begin - CONTEXT) : begin]),
        one_line(text[begin:end]),
        one_line(text[end : end + CONTEXT]),
    )
