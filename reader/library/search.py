"""Search across the library: the text of every indexed document, or every annotation.

The query rules are those of the single-document find (reader.language.find), so a reader
learns one syntax: characters are script-blind (both sides folded to simplified script,
Latin letters without case), found as typed (plain text, never a pattern), matches in text
order and not overlapping; pinyin follows reader.language.pinyin_query (toneless, tone
numbers or marks, `xian` one syllable, `xi'an` two). Pinyin matches the index's readings:
the dictionary's reading of each word of the reader's segmentation (reader.library.indexing),
where the single-document find reads in context.

FTS5 gives the candidate chunks (reader.library.index_file): the Han-character column (a
phrase of single characters) for the query's runs of Han characters, the trigram table for
its other runs of three characters or more, the syllable column (a phrase) for pinyin; then
the exact places are found within each candidate chunk by a pattern (the needle escaped,
each character standing for its variants in either script). A short query of no Han
characters (`AI`, `3`) reads every chunk: slower, and rare.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.language.pinyin_query import PinyinQuery
from reader.library.chunks import HAN_RUNS, search_form, unpack_readings, unpack_text
from reader.library.index_file import LibraryIndex
from reader.library.matching import (
    CONTEXT,
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
    if not query.text.strip():
        return []
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
    documents = index.connection.execute(
        "SELECT id, first_chunk, last_chunk FROM documents ORDER BY id"
    ).fetchall()
    wanted = query.documents
    rows = (
        row
        for document_id, first, last in documents
        if wanted is None or document_id in wanted
        for row in index.connection.execute(
            f"SELECT document_id, start, length, text, {'readings' if parsed else 'NULL'} "
            f"FROM chunks WHERE id BETWEEN ? AND ? AND {where} ORDER BY id",
            (first, last, *(value for match in parameters for value in (match, first, last))),
        )
    )
    places = _Places(index)
    matcher = PinyinMatcher(parsed, index.syllable_names()) if parsed is not None else None
    pattern = needle_pattern(needle)
    last_end = (-1, 0)
    for document_id, start, length, packed_text, packed_readings in rows:
        if cancelled is not None and cancelled():
            return
        if matcher is not None:
            found = matcher.places(unpack_readings(packed_readings))
            if not found:
                continue
            text = unpack_text(packed_text)
        else:
            text = unpack_text(packed_text)
            found = character_places(text, pattern)
        for begin, end in found:
            if begin >= length:
                break
            if (document_id, start + begin) < last_end:
                continue
            last_end = (document_id, start + end)
            yield places.hit(document_id, start, text, begin, end)


_IN_HAN = "id IN (SELECT rowid FROM han_fts WHERE han_fts MATCH ? AND rowid BETWEEN ? AND ?)"
_IN_TEXT = "id IN (SELECT rowid FROM text_fts WHERE text_fts MATCH ? AND rowid BETWEEN ? AND ?)"
"""A clause of the chunks of one document (its chunk ids, a range) an FTS query finds."""


def _character_candidates(needle: str) -> tuple[str, tuple[str, ...]]:
    """The chunks that may hold `needle`: those holding each of its runs of Han characters
    as a phrase and each of its other runs of three characters or more as trigrams; every
    chunk for a short query of other characters alone (`AI`, `3`)."""
    clauses = []
    parameters = []
    for run in HAN_RUNS.findall(needle):
        clauses.append(_IN_HAN)
        parameters.append("hans : " + _phrase(" ".join(run)))
    for run in HAN_RUNS.split(needle):
        if len(run) >= 3:
            trigrams = dict.fromkeys(run[at : at + 3] for at in range(len(run) - 2))
            clauses.append(_IN_TEXT)
            parameters.append(" AND ".join(_phrase(trigram) for trigram in trigrams))
    return " AND ".join(clauses) or "1", tuple(parameters)


def _pinyin_candidates(parsed: PinyinQuery) -> tuple[str, tuple[str, ...]]:
    phrases = " OR ".join(
        "(syls : " + _phrase(" ".join(s.base for s in parse)) + ")" for parse in parsed.parses
    )
    return _IN_HAN, (phrases,)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class _Places:
    """Hits made of chunk places: the document's path and title, the section's heading."""

    def __init__(self, index: LibraryIndex) -> None:
        self._index = index
        self._documents = {d.id: d for d in index.documents()}
        self._sections: dict[int, tuple[list[tuple[int, int]], list[tuple[int, str]]]] = {}

    def hit(self, document_id: int, chunk_start: int, text: str, begin: int, end: int) -> Hit:
        if begin < CONTEXT and chunk_start > 0:
            before = self._neighbour(document_id, chunk_start, before=True)[-CONTEXT:]
            text, begin, end = before + text, begin + len(before), end + len(before)
            chunk_start -= len(before)
        if end + CONTEXT > len(text):
            after = self._neighbour(document_id, chunk_start + len(text), before=False)
            text += after[: end + CONTEXT - len(text)]
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

    def _neighbour(self, document_id: int, offset: int, before: bool) -> str:
        """The text of the document just before `offset` (a chunk's start) or from it on:
        a hit near a chunk's edge takes its context across it."""
        if before:
            sql = "start < ? ORDER BY start DESC"
        else:
            sql = "start <= ? AND start + length > ? ORDER BY start"
        parameters = (document_id, offset) if before else (document_id, offset, offset)
        row = self._index.connection.execute(
            f"SELECT start, length, text FROM chunks WHERE document_id = ? AND {sql} LIMIT 1",
            parameters,
        ).fetchone()
        if row is None:
            return ""
        start, length, packed = row
        text = unpack_text(packed)
        return text[: offset - start] if before else text[offset - start : length]

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
