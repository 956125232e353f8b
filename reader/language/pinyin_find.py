"""Find by pinyin: the runs of characters read, in context, as a query's syllables.

"Read in context" means the readings the pinyin view shows (reader.language.readings): each
word of the reader's segmentation (with their corrections) read by the Pronouncer. A query
of N syllables matches N consecutive characters with those readings, across word boundaries
(`zhuge liang` finds 诸葛亮 however jieba cut it); tones compare only where the query gives
them, and the spoken tone changes (sandhi) are not applied.

Reading the whole of a novel in context takes most of a minute, so a find does not: the
syllable index (reader.language.syllable_index) gives the candidates; a toneless candidate
whose characters each have one possible syllable matches without reading; the others are
confirmed by their words' readings in context: readings the caller already has (`known`,
e.g. the pinyin view's), readings this finder made before, or readings made now, in batches
with `progress` and `cancelled` heard between them. `prepare` reads the whole document
ahead (a worker's job, with progress), after which every find is a look-up.

What that gives on 红楼梦 (make bench): a name (baoyu, daiyu) answers in well under 300 ms
once the book is segmented; a common syllable with polyphones (xian: 见 reads jiàn or xiàn;
de, shi) must read thousands of matches, each with its neighbouring words and its sentence,
as the pinyin view reads them: seconds (xian about 2, de about 4). So such a
find reports its matches in batches as they are confirmed (those after the caret first) and
can be cancelled by the next keystroke; readings once made are kept for the document, and a
worker may `prepare` the whole book (about 45 s), after which even `de` is a look-up.

Everything here runs on a worker thread; nothing touches Qt. Two finds may run at once: the
readings they store are the same whichever stores them.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.language.pinyin_query import PinyinQuery, QuerySyllable
from reader.language.reading_context import context_span, in_context
from reader.language.readings import span_readings
from reader.language.segmentation import SegmentingCancelled, Token
from reader.language.syllable_index import SyllableIndex
from reader.language.tools import LanguageTools

CONFIRM_BATCH = 256
"""Candidates read in context per batch: progress and a cancel are heard between batches."""
PROGRESS_EVERY_S = 0.1
"""Progress (with the matches so far) is told at most this often: sorting the matches of a
common syllable each time would cost more than reading them."""
CLUSTER = 2_000
"""Candidates' words closer than this are read in one call to the Pronouncer, which reads
each sentence window once."""
_UNKNOWN = 0
_NO_READING = 1

TokensProvider = Callable[[int, int], list[Token]]
"""The words overlapping `[start, end)`, as the document's segmentation cuts them."""
KnownReadings = Callable[[int, int], Sequence[str | None] | None]
"""The in-context syllables of `text[start:end]` if the caller has read them, else None."""


@dataclass(frozen=True)
class PinyinProgress:
    """How far a find has got: candidates confirmed of those to confirm, matches so far."""

    done: int
    total: int
    matches: list[tuple[int, int]]


@dataclass(frozen=True)
class PinyinResult:
    """A find's matches in text order, not overlapping; `complete` is False if it was
    cancelled (the matches are then those found so far)."""

    matches: list[tuple[int, int]]
    complete: bool
    read_now: int
    """Candidates that had to be read in context by this find."""


class PinyinFinder:
    """Pinyin find over one document's text; made once, kept while the document is open."""

    def __init__(self, text: str, tools: LanguageTools, fold: Callable[[str], str]) -> None:
        self.text = text
        self._tools = tools
        self.index = SyllableIndex(text, tools.model, fold)
        self._names: list[str] = ["", ""]
        self._ids: dict[str, int] = {}
        self._ids_lock = threading.Lock()
        """A find and the reading ahead (two workers) may name a new syllable at once."""
        self._read = array("H", bytes(2 * len(text)))
        """Each character's reading in context once made: 0 unknown, 1 none, else a name."""

    def find(
        self,
        query: PinyinQuery,
        tokens: TokensProvider,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[PinyinProgress], None] | None = None,
        known: KnownReadings | None = None,
        first_at: int = 0,
    ) -> PinyinResult:
        """Every run of characters read as one of `query`'s splits (see the module).

        Candidates are read in context from `first_at` (the caret) to the end, then from the
        start, so the matches the reader steps to first arrive first; `progress` is called
        after a batch, at most every PROGRESS_EVERY_S, and after the last."""
        found: set[tuple[int, int]] = set()
        pending: dict[tuple[int, int], list[tuple[QuerySyllable, ...]]] = {}
        read = self._read
        certain = self.index.certain
        text = self.text
        for parse in query.parses:
            size = len(parse)
            accepted = self._accepted(parse)
            sure_by_index = not query.toned
            for start in self._candidates(parse):
                match = (start, start + size)
                ids = read[start : start + size]
                known_here = all(i in ok for i, ok in zip(ids, accepted, strict=True))
                if known_here or (
                    sure_by_index and all(certain(char) for char in text[start : start + size])
                ):
                    found.add(match)
                elif _UNKNOWN in ids:
                    pending.setdefault(match, []).append(parse)
                elif (now_read := self._stored(match)) is not None and _agrees(now_read, [parse]):
                    found.add(match)  # read meanwhile, in a syllable named since `accepted`
        waiting: list[tuple[int, int]] = []
        for match, parses in pending.items():
            readings = known(*match) if known is not None else None
            if readings is None:
                waiting.append(match)
            elif _agrees(readings, parses):
                found.add(match)
        waiting.sort(key=lambda match: (match[0] < first_at, match[0]))
        done = 0
        told = time.monotonic()
        for first in range(0, len(waiting), CONFIRM_BATCH):
            if cancelled is not None and cancelled():
                return PinyinResult(non_overlapping(found), False, done)
            batch = waiting[first : first + CONFIRM_BATCH]
            try:
                self._read_in_context(batch, tokens, cancelled)
            except SegmentingCancelled:
                return PinyinResult(non_overlapping(found), False, done)
            for match in batch:
                readings = self._stored(match)
                if readings is not None and _agrees(readings, pending[match]):
                    found.add(match)
            done += len(batch)
            now = time.monotonic()
            if progress is not None and (done == len(waiting) or now - told >= PROGRESS_EVERY_S):
                told = now
                progress(PinyinProgress(done, len(waiting), non_overlapping(found)))
        return PinyinResult(non_overlapping(found), True, done)

    def _accepted(self, parse: tuple[QuerySyllable, ...]) -> list[frozenset[int]]:
        """For each syllable of `parse`, the ids of the stored readings it matches."""
        return [
            frozenset(
                number
                for number, name in enumerate(self._names)
                if number > _NO_READING and syllable.matches(name)
            )
            for syllable in parse
        ]

    def prepare(
        self,
        spans: Sequence[tuple[int, int]],
        tokens: TokensProvider,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> bool:
        """Reads every span (the document's blocks) in context now, so that later finds are
        look-ups; `progress(done, total)` after each span. False if cancelled."""
        hsk = self._tools.hsk
        for number, span in enumerate(spans):
            if cancelled is not None and cancelled():
                return False
            if self._stored(span) is None:
                try:
                    words = tokens(*span)
                    read = span_readings(self.text, span, words, self._tools, hsk, cancelled)
                except SegmentingCancelled:
                    return False
                self._store(span[0], read.syllables)
            if progress is not None:
                progress(number + 1, len(spans))
        return True

    def forget(self, spans: Sequence[tuple[int, int]]) -> None:
        """The words of these spans changed (a word correction): their readings are made
        again when a find needs them."""
        for start, end in spans:
            self._read[start:end] = array("H", bytes(2 * (end - start)))

    def _candidates(self, parse: tuple[QuerySyllable, ...]) -> set[int]:
        """Starts of the runs whose characters may each be read as the parse's syllable."""
        shifted = sorted(
            ((self.index.places(syllable.base), k) for k, syllable in enumerate(parse)),
            key=lambda pair: len(pair[0]),
        )
        starts: set[int] | None = None
        for offsets, k in shifted:
            moved = {offset - k for offset in offsets} if k else offsets
            starts = moved if starts is None else starts & moved
            if not starts:
                return set()
        return starts or set()

    def _stored(self, span: tuple[int, int]) -> list[str | None] | None:
        ids = self._read[span[0] : span[1]]
        if _UNKNOWN in ids:
            return None
        return [self._names[i] if i != _NO_READING else None for i in ids]

    def _store(self, start: int, syllables: Sequence[str | None]) -> None:
        ids = array("H", (self._id(syllable) for syllable in syllables))
        self._read[start : start + len(ids)] = ids

    def _id(self, syllable: str | None) -> int:
        if syllable is None:
            return _NO_READING
        number = self._ids.get(syllable)
        if number is None:
            with self._ids_lock:
                number = self._ids.get(syllable)
                if number is None:
                    self._names.append(syllable)
                    number = self._ids[syllable] = len(self._names) - 1
        return number

    def _read_in_context(
        self,
        matches: list[tuple[int, int]],
        tokens: TokensProvider,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        """Reads the words holding `matches` and stores their readings.

        Each is read with the word before and the word after it, which the reading rules
        look at, and the model with its whole sentence window, which the text alone decides:
        as the pinyin view reads it in its paragraph. Reading each match's whole windows
        (reader.language.reading_context) made a first query of a common syllable four
        times slower for the same readings; only in a traditional text, whose words beyond
        the ones read are made simplified character by character for the model, may a
        reading differ. Matches near each other are read together, the words holding them
        stored.
        """
        text = self.text
        spans: list[tuple[int, int]] = []
        for start, end in sorted(matches):
            words = tokens(start, end)
            if not words:
                continue
            low, high = words[0].start, words[-1].end
            if spans and low <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(high, spans[-1][1]))
            else:
                spans.append((low, high))
        pronouncer = self._tools.pronouncer
        cluster: list[tuple[int, int]] = []
        for span in [*spans, None]:
            if cluster and (span is None or span[0] - cluster[-1][1] > CLUSTER):
                read = self._context_words(cluster, tokens)
                syllables = pronouncer.syllables(text, read, wanted=cluster)
                first = read[0].start
                for low, high in cluster:
                    for word in in_context(read, low, high):
                        self._store(word.start, syllables[word.start - first : word.end - first])
                cluster = []
                if cancelled is not None and cancelled():
                    raise SegmentingCancelled
            if span is not None:
                cluster.append(span)

    def _context_words(self, spans: list[tuple[int, int]], tokens: TokensProvider) -> list[Token]:
        """The words of the spans' contexts, in order, each once."""
        words: list[Token] = []
        for low, high in spans:
            for token in tokens(*context_span(low, high, len(self.text))):
                if not words or token.start >= words[-1].end:
                    words.append(token)
        return words


def _agrees(readings: Sequence[str | None], parses: list[tuple[QuerySyllable, ...]]) -> bool:
    return any(
        all(r is not None and s.matches(r) for r, s in zip(readings, parse, strict=True))
        for parse in parses
    )


def non_overlapping(matches: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Matches in text order, each starting after the one before ends (at one start the
    longer is kept): as a reader steps through them."""
    ordered = sorted(matches)
    if all(end - start == 1 for start, end in ordered):
        return ordered  # one character each: none can overlap
    kept: list[tuple[int, int]] = []
    for start, end in ordered:
        if kept and start == kept[-1][0]:
            kept[-1] = (start, end)  # sorted by end too: the longer comes last
        elif not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
