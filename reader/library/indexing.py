"""Putting documents into the library index: their chunks, readings, sections and counts.

Readings here are cheap on purpose: each word of the reader's segmentation (jieba with their
word corrections) is read by the dictionary alone, pypinyin's phrase table then its
characters' first readings (reader.language.pinyin.word_syllables, of the word folded to
simplified script), heteronym-free and without the context model, which reads a novel in
most of a minute and a library in hours. A word is read once however often it occurs (a
novel has some 40,000 distinct words), and its reading kept for the next document. So a
library pinyin search finds what "jieba + pypinyin" reads, where the single-document find
reads in context.

A document is indexed in one transaction that first deletes its old rows: a crash leaves
either the old rows or the new ones.
"""

from __future__ import annotations

import threading
from array import array
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document import Document, open_document
from reader.language.pinyin import word_syllables
from reader.language.script import fold
from reader.language.segmentation import Segmentation, Segmenter, SegmentingCancelled
from reader.library.chunks import HAN, cut, fts_row, pack_readings, pack_text, search_form
from reader.library.index_file import LibraryIndex, StaleSyllables

if TYPE_CHECKING:
    from reader.language.corrections import Corrections
    from reader.store import Store
    from reader.store.library import LibraryEntry

BOOK_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub"})
WORDS_KEPT = 500_000
"""Words whose readings the index keeps between documents at most (some 50 MB)."""
Progress = Callable[[int, int], None]
"""Called with (characters done, characters in all) while a document is segmented."""

_segmenter_lock = threading.Lock()
_segmenter: Segmenter | None = None


def shared_segmenter() -> Segmenter:
    """One segmenter for every document indexed in this process (its dictionary loads once)."""
    global _segmenter
    with _segmenter_lock:
        if _segmenter is None:
            _segmenter = Segmenter()
        return _segmenter


def user_corrections(index: LibraryIndex) -> Corrections:
    """The reader's word corrections, from the data folder the index lives in (a damaged
    file is the window's and the CLI's to report: none are used here then)."""
    from reader.language.corrections import CORRECTIONS_FILE, Corrections, CorrectionsError

    try:
        return Corrections.load(index.path.with_name(CORRECTIONS_FILE))
    except CorrectionsError:
        return Corrections()


def files_in_folder(folder: Path | str) -> list[Path]:
    """The book files under `folder` (recursively, sorted), by their suffix."""
    return sorted(
        path
        for path in Path(folder).rglob("*")
        if path.suffix.lower() in BOOK_SUFFIXES and path.is_file()
    )


def add_to_library(
    store: Store,
    index: LibraryIndex,
    path: Path | str,
    *,
    segmenter: Segmenter | None = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> LibraryEntry:
    """Opens the file, lists it in the store's library and indexes it unless its text is
    indexed already. The path is made absolute first: the library opens it again later,
    from wherever. Raises DocumentError for a file that cannot be opened."""
    path = Path(path).absolute()
    document = open_document(path)
    entry = store.library.add(document)
    if not index.is_current(entry.id, document.fingerprint):
        index_document(index, entry.id, document, None, cancelled, progress, segmenter=segmenter)
    return entry


def index_document(
    index: LibraryIndex,
    document_id: int,
    document: Document,
    segmentation: Segmentation | None = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
    *,
    segmenter: Segmenter | None = None,
    give_way: Callable[[], None] | None = None,
) -> None:
    """Indexes the document under `document_id`, replacing what was indexed for it.

    Segments with the user's corrections when no segmentation is given. `cancelled` is
    asked between paragraphs: if it says True nothing is written (the document is then
    not current, and is indexed on its next open or scan). `give_way` is called between
    paragraphs and between chunks written: the window's worker waits there while the
    reader acts, so that a hover never waits for the interpreter behind the indexing."""
    if give_way is not None:
        asked = cancelled

        def cancelled() -> bool:
            give_way()
            return asked is not None and asked()

    text = document.text
    if segmentation is None:
        spans = [(block.start, block.end) for block in document.blocks]
        segmentation = Segmentation(
            text, spans, segmenter or shared_segmenter(), user_corrections(index)
        )
    for attempt in (1, 2):
        try:
            walked = _walk_words(index, document, segmentation, cancelled, progress)
        except SegmentingCancelled:
            return
        if walked is None:
            return
        readings, words, sections = walked
        chars = Counter({char: n for char, n in Counter(text).items() if HAN.match(char)})
        try:
            _write(index, document_id, document, readings, words, sections, chars, give_way)
            index.compact_if_needed()  # the rows of an older text are orphans now
            return
        except StaleSyllables:
            index.reload_syllables()  # another connection named syllables meanwhile
            if attempt == 2:
                raise
        except BaseException:
            index.reload_syllables()
            raise


def _walk_words(
    index: LibraryIndex,
    document: Document,
    segmentation: Segmentation,
    cancelled: Callable[[], bool] | None,
    progress: Progress | None,
) -> tuple[bytes, Counter[str], Counter[str]] | None:
    """Every character's syllable id (`array("H")` bytes, 0 for none), each word's count
    and the number of sections it occurs in; None if cancelled.

    The readings of a book are joined from each distinct word's, made once: a loop over a
    book's half a million words in Python would cost a third of its segmenting."""
    text = document.text
    parts: list[bytes] = []
    done = 0
    words: Counter[str] = Counter()
    by_section: dict[int, set[str]] = {}
    section_of = _SectionWalk(document)
    cache = index.word_readings
    if len(cache) > WORDS_KEPT:
        cache.clear()
    for number in range(len(segmentation)):
        if cancelled is not None and cancelled():
            return None
        span_start, span_end = segmentation.span(number)
        if segmentation.is_segmented(number):
            starts = segmentation.span_word_starts(number)
        else:
            starts = segmentation.segment_span(number, cancelled)
        pieces = [text[a:b] for a, b in zip(starts, [*starts[1:], span_end], strict=True)]
        words.update(pieces)
        distinct = set(pieces)
        by_section.setdefault(section_of(span_start), set()).update(distinct)
        for word in distinct.difference(cache):
            cache[word] = _reading_ids(index, word)
        parts.append(bytes(2 * (span_start - done)))
        parts.extend(map(cache.__getitem__, pieces))
        done = span_end
        if progress is not None:
            progress(span_end, len(text))
    parts.append(bytes(2 * (len(text) - done)))
    sections: Counter[str] = Counter()
    for found in by_section.values():
        sections.update(found)
    for word in [word for word in words if not any(char.isalnum() for char in word)]:
        del words[word]
    return b"".join(parts), words, sections


def _reading_ids(index: LibraryIndex, word: str) -> bytes:
    """The syllable id of each character of `word` (0 for none), as `array("H")` bytes."""
    if not HAN.search(word):
        return bytes(2 * len(word))
    syllables = word_syllables(fold(word))
    return array("H", (index.syllable_id(name) for name in syllables)).tobytes()


class _SectionWalk:
    """The deepest section at each of a rising series of offsets (the spans, in order)."""

    def __init__(self, document: Document) -> None:
        bounds = sorted(
            {s.start for s in document.sections()} | {s.end for s in document.sections()}
        )
        self._bounds = bounds
        self._document = document
        self._at = -1
        self._current = id(document.root)

    def __call__(self, offset: int) -> int:
        moved = False
        while self._at + 1 < len(self._bounds) and self._bounds[self._at + 1] <= offset:
            self._at += 1
            moved = True
        if moved:
            self._current = id(self._document.section_at(offset))
        return self._current


def _write(
    index: LibraryIndex,
    document_id: int,
    document: Document,
    readings: bytes,
    words: Counter[str],
    sections: Counter[str],
    chars: Counter[str],
    give_way: Callable[[], None] | None,
) -> None:
    connection = index.connection
    execute = connection.execute
    with index.transaction():
        index.remove_rows(document_id)
        index.store_new_syllables()
        connection.executemany(
            "INSERT INTO sections VALUES (?, ?, ?, ?, ?)",
            [(document_id, s.start, s.end, s.level, s.heading) for s in document.sections()],
        )
        fts = []
        tokens = index.syllable_tokens()
        for chunk in cut(document.text):
            if give_way is not None:
                give_way()
            ids = readings[2 * chunk.start : 2 * (chunk.start + len(chunk.text))]
            cursor = execute(
                "INSERT INTO chunks (document_id, start, length, text, readings) "
                "VALUES (?, ?, ?, ?, ?)",
                (document_id, chunk.start, chunk.length, pack_text(chunk.text), pack_readings(ids)),
            )
            fts.append(fts_row(cursor.lastrowid, search_form(chunk.text), array("H", ids), tokens))
        index.insert_fts(fts)
        path = str(document.path) if document.path is not None else None
        execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                path,
                document.title,
                document.fingerprint,
                len(document.text),
                fts[0][0] if fts else 0,
                fts[-1][0] if fts else -1,
            ),
        )
        connection.executemany(
            "INSERT INTO words VALUES (?, ?, ?, ?)",
            [(document_id, word, count, sections[word]) for word, count in words.items()],
        )
        connection.executemany(
            "INSERT INTO chars VALUES (?, ?, ?)",
            [(document_id, char, count) for char, count in chars.items()],
        )
