"""Where the find bar asks the language core for matches, section titles and context.

PROVISIONAL: plain `str.find` and a naive per-character pinyin match, until
reader.language.find and reader.language.pinyin_query land (branch find-core); this module
is the one place they will replace.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.document import Document

Span = tuple[int, int]
CONTEXT_CHARACTERS = 30
"""Characters of context either side of a match, within its line."""
_LATIN = re.compile(r"[A-Za-züÜvV1-5'’ āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+")


class QueryError(ValueError):
    """The query cannot be searched for; the message says why."""


def looks_like_pinyin(query: str) -> bool:
    return bool(_LATIN.fullmatch(query.strip()))


def check_pinyin(query: str) -> None:
    """Raise QueryError, saying why, if `query` cannot be read as pinyin."""
    if not re.sub(r"[\s'’1-5]", "", query).isalpha():
        raise QueryError(f"{query!r} is not pinyin")


def find_characters(text: str, query: str) -> list[Span]:
    found: list[Span] = []
    at = text.find(query)
    while at >= 0 and query:
        found.append((at, at + len(query)))
        at = text.find(query, at + len(query))
    return found


def find_pinyin(
    document: Document,
    query: str,
    cancelled: Callable[[], bool],
    progress: Callable[[float], None],
) -> list[Span] | None:
    """None if cancelled."""
    from pypinyin import Style, lazy_pinyin

    wanted = re.sub(r"[\s'’1-5]", "", query.lower()).replace("ü", "v")
    if not wanted.isalpha():
        raise QueryError(f"{query!r} is not pinyin")
    text = document.text
    readings: list[str] = []
    step = 20_000
    for begin in range(0, len(text), step):
        if cancelled():
            return None
        part = text[begin : begin + step]
        readings.extend(lazy_pinyin(part, style=Style.NORMAL, errors=lambda s: ["" for _ in s]))
        progress(begin / max(1, len(text)))
    found: list[Span] = []
    for start, reading in enumerate(readings):
        if not reading or not wanted.startswith(reading.replace("ü", "v")):
            continue
        joined, end = "", start
        while end < len(readings) and readings[end] and len(joined) < len(wanted):
            joined += readings[end].replace("ü", "v")
            end += 1
        if joined == wanted:
            found.append((start, end))
    return found


def section_title(document: Document, offset: int) -> str:
    return document.section_at(offset).heading


def context(document: Document, start: int, end: int) -> tuple[str, str, str]:
    """The text before the match on its line, the match, and the text after it."""
    text = document.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - CONTEXT_CHARACTERS) : start]
    after = text[end : min(line_end, end + CONTEXT_CHARACTERS)]
    return before, text[start:end], after
