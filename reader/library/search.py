"""Search across the library: the text of every indexed document, or every annotation.

The query rules are those of the single-document find (reader.language.find), so a reader
learns one syntax: characters are script-blind (both sides folded to simplified script,
Latin letters without case), found as typed (plain text, never a pattern), matches in text
order and not overlapping; pinyin follows reader.language.pinyin_query (toneless, tone
numbers or marks, `xian` one syllable, `xi'an` two). Pinyin matches the index's readings:
the dictionary's reading of each word of the reader's segmentation (reader.library.indexing),
where the single-document find reads in context.

FTS5 gives the candidate chunks (reader.library.index_file): the trigram table for three
characters or more, the Han-character table (a phrase of single characters) for one or two,
the syllable column for pinyin; then the exact places are found in Python within each
candidate chunk. A short query that is not all Han characters (`AI`, `3月`) reads every
chunk: slower, and rare.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.language.pinyin_query import PinyinQuery
from reader.library.chunks import HAN, readings_of, search_form
from reader.library.index_file import LibraryIndex
from reader.library.matching import (
    PinyinMatcher,
    character_places,
    context,
    needle_pattern,
    parse_pinyin,
)
from reader.library.note_search import note_hits
from reader.library.query import Hit, LibraryQuery, QueryError

__all__ = ["Hit", "LibraryQuery", "QueryError", "search"]

if TYPE_CHECKING:
    from reader.store import Store


def search(
    index: LibraryIndex,
    store: Store | None,
    query: LibraryQuery,
    limit: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Hit]:
    """The hits of `query` in (document, start) order, at most `limit` of them; those found
    so far if `cancelled` says True. QueryError for a query that is not pinyin."""
    if query.notes:
        if store is None:
            return []
        return note_hits(index, store, query, limit, cancelled)
    parsed = parse_pinyin(query.text) if query.pinyin else None
    hits = []
    for hit in _text_hits(index, query, parsed, cancelled):
        hits.append(hit)
        if limit is not None and len(hits) >= limit:
            break
    return hits


def _text_hits(
    index: LibraryIndex,
    query: LibraryQuery,
    parsed: PinyinQuery | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Hit]:
    if parsed is not None:
        needle = ""
        candidates = _pinyin_candidates(parsed)
    else:
        needle = search_form(query.text.strip())
        if not needle:
            return
        candidates = _character_candidates(needle)
    where, parameters = candidates
    if query.documents is not None:
        ids = sorted(query.documents)
        where += f" AND document_id IN ({', '.join('?' * len(ids))})"
        parameters = (*parameters, *ids)
    rows = index.connection.execute(
        "SELECT document_id, start, length, text, readings FROM chunks "
        f"WHERE {where} ORDER BY document_id, start",
        parameters,
    )
    places = _Places(index)
    matcher = PinyinMatcher(parsed, index.syllable_names()) if parsed is not None else None
    pattern = needle_pattern(needle)
    last_end = (-1, 0)
    for document_id, start, length, text, blob in rows:
        if cancelled is not None and cancelled():
            return
        if matcher is not None:
            found = matcher.places(text, readings_of(blob))
        else:
            found = character_places(text, pattern)
        for begin, end in found:
            if begin >= length:
                break
            if (document_id, start + begin) < last_end:
                continue
            last_end = (document_id, start + end)
            yield places.hit(document_id, start, text, begin, end)


def _character_candidates(needle: str) -> tuple[str, tuple[str, ...]]:
    if len(needle) >= 3:
        trigrams = dict.fromkeys(needle[at : at + 3] for at in range(len(needle) - 2))
        wanted = " AND ".join(_phrase(trigram) for trigram in trigrams)
        return "id IN (SELECT rowid FROM text_fts WHERE text_fts MATCH ?)", (wanted,)
    if all(HAN.fullmatch(char) for char in needle):
        phrase = _phrase(" ".join(needle))
        return "id IN (SELECT rowid FROM han_fts WHERE han_fts MATCH ?)", (f"hans : {phrase}",)
    return "1", ()


def _pinyin_candidates(parsed: PinyinQuery) -> tuple[str, tuple[str, ...]]:
    phrases = " OR ".join(
        "(syls : " + _phrase(" ".join(s.base for s in parse)) + ")" for parse in parsed.parses
    )
    return "id IN (SELECT rowid FROM han_fts WHERE han_fts MATCH ?)", (phrases,)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class _Places:
    """Hits made of chunk places: the document's path and title, the section's heading."""

    def __init__(self, index: LibraryIndex) -> None:
        self._index = index
        self._documents = {d.id: d for d in index.documents()}
        self._sections: dict[int, tuple[list[tuple[int, int]], list[tuple[int, str]]]] = {}

    def hit(self, document_id: int, chunk_start: int, text: str, begin: int, end: int) -> Hit:
        left, match, right = context(text, begin, end)
        document = self._documents.get(document_id)
        start = chunk_start + begin
        return Hit(
            document_id,
            document.path if document is not None else None,
            document.title if document is not None else "",
            start,
            chunk_start + end,
            self.section(document_id, start),
            left,
            match,
            right,
        )

    def section(self, document_id: int, offset: int) -> str:
        """The heading of the deepest section holding `offset`."""
        found = self._sections.get(document_id)
        if found is None:
            rows = self._index.connection.execute(
                "SELECT start, level, end, title FROM sections WHERE document_id = ? "
                "ORDER BY start, level",
                (document_id,),
            ).fetchall()
            found = ([(r[0], r[1]) for r in rows], [(r[2], r[3]) for r in rows])
            self._sections[document_id] = found
        keys, ends = found
        position = bisect.bisect_right(keys, (offset, 1 << 30))
        for at in range(position - 1, -1, -1):
            if ends[at][0] > offset:
                return ends[at][1]
        return ""
