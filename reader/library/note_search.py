"""Search across every annotation in the store: quotes, notes and tags.

Script-blind and by pinyin as the text search is (reader.library.search), filtered by
document, tag and colour. Annotations are few (thousands, not millions), so they are read
from the store each time and their readings made on the fly: each quote or note segmented
and every word read by the dictionary, as the index reads the documents' words.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.language.pinyin import word_syllables
from reader.language.script import fold
from reader.library.chunks import HAN, readings_text, search_form
from reader.library.index_file import NO_READING, LibraryIndex
from reader.library.indexing import shared_segmenter
from reader.library.matching import (
    PinyinMatcher,
    character_places,
    context,
    needle_pattern,
    parse_pinyin,
)
from reader.library.query import Hit, LibraryQuery

if TYPE_CHECKING:
    from reader.language.pinyin_query import PinyinQuery
    from reader.store import Store
    from reader.store.annotations import Annotation
    from reader.store.documents import DocumentRecord


def note_hits(
    index: LibraryIndex,
    store: Store,
    query: LibraryQuery,
    limit: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Hit]:
    """One hit per annotation that matches, at the annotation's place in its document, its
    context from the quote, else the note, else the tags (whichever holds the match first).
    An empty query lists every annotation the filters let through."""
    parsed = parse_pinyin(query.text) if query.pinyin and query.text.strip() else None
    needle = search_form(query.text.strip())
    hits: list[Hit] = []
    for record, annotation in _annotations(store, query):
        if cancelled is not None and cancelled():
            break
        found = _first_match(annotation, needle, parsed)
        if found is None:
            continue
        text, begin, end = found
        left, match, right = context(text, begin, end)
        section = index_section(index, annotation.document_id, annotation.start)
        hits.append(
            Hit(
                annotation.document_id,
                record.path,
                record.title,
                annotation.start,
                annotation.end,
                section,
                left,
                match,
                right,
                annotation.id,
            )
        )
        if limit is not None and len(hits) >= limit:
            break
    return hits


def _annotations(store: Store, query: LibraryQuery) -> Iterator[tuple[DocumentRecord, Annotation]]:
    tags = {tag.casefold() for tag in query.tags}
    records = sorted(store.documents.all(), key=lambda record: record.id)
    for record in records:
        if query.documents is not None and record.id not in query.documents:
            continue
        for annotation in store.annotations.for_document(record.id):
            if query.colours and annotation.colour not in query.colours:
                continue
            if tags and not tags & {tag.casefold() for tag in annotation.tags}:
                continue
            yield record, annotation


def _first_match(
    annotation: Annotation, needle: str, parsed: PinyinQuery | None
) -> tuple[str, int, int] | None:
    fields = (annotation.quote, annotation.note, " ".join(annotation.tags))
    if not needle:
        return annotation.quote, 0, len(annotation.quote)
    for text in fields:
        if parsed is not None:
            readings, names = _readings(text)
            places = PinyinMatcher(parsed, names).places(readings)
        else:
            places = character_places(text, needle_pattern(needle))
        if places:
            return text, *places[0]
    return None


def _readings(text: str) -> tuple[str, list[str]]:
    """A reading per character of `text` (0 for none), as ids into the list of names
    returned with them, read as the index reads a document's words."""
    names = [NO_READING]
    ids: dict[str, int] = {}
    readings = array("H", bytes(2 * len(text)))
    for start, end in shared_segmenter().segment(text):
        word = text[start:end]
        if not HAN.search(word):
            continue
        for offset, name in enumerate(word_syllables(fold(word)), start):
            if name is not None:
                if name not in ids:
                    ids[name] = len(names)
                    names.append(name)
                readings[offset] = ids[name]
    return readings_text(readings.tobytes()), names


def index_section(index: LibraryIndex, document_id: int, offset: int) -> str:
    """The heading of the deepest indexed section at `offset`; "" if not indexed."""
    row = index.connection.execute(
        "SELECT title FROM sections WHERE document_id = ? AND start <= ? AND end > ? "
        "ORDER BY start DESC, level DESC LIMIT 1",
        (document_id, offset, offset),
    ).fetchone()
    return row[0] if row else ""
