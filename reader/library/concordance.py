"""Concordance lines (keyword in context) of a word, and their orders.

A concordance is a list of hits (reader.library.search.Hit): the word with the characters
before and after it on one line. Sorted by left context, lines group by the characters
nearest the word first (the left context read backwards), as concordancers sort, so the
words that come just before it stand together; by right context, by what follows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from reader.document import Document
from reader.language.find import Finder
from reader.library.index_file import LibraryIndex
from reader.library.matching import context
from reader.library.query import Hit, LibraryQuery
from reader.library.search import search

SortKey = Literal["document", "left", "right"]


def sort_hits(hits: Iterable[Hit], key: SortKey) -> list[Hit]:
    """The hits by document and place, by left context (nearest character first) or by
    right context; ties keep document order."""
    ordered = sorted(hits, key=lambda hit: (hit.document_id, hit.start))
    if key == "left":
        return sorted(ordered, key=lambda hit: hit.left[::-1])
    if key == "right":
        return sorted(ordered, key=lambda hit: hit.right)
    if key == "document":
        return ordered
    raise ValueError(f"no such order: {key!r}")


def concordance(
    source: Document | LibraryIndex,
    word: str,
    *,
    pinyin: bool = False,
    documents: frozenset[int] | None = None,
    limit: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Hit]:
    """The lines of `word` in one document (by characters, document_id 0) or in the
    library's index (by characters or pinyin, as reader.library.search finds them)."""
    if isinstance(source, LibraryIndex):
        query = LibraryQuery(word, pinyin=pinyin, documents=documents)
        return search(source, None, query, limit, cancelled)
    if pinyin:
        raise ValueError("a single document's concordance is by characters")
    text = source.text
    hits = []
    for start, end in Finder(text).find_characters(word)[:limit]:
        left, match, right = context(text, start, end)
        section = source.section_at(start).heading
        hits.append(Hit(0, source.path, source.title, start, end, section, left, match, right))
    return hits
