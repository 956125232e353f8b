"""How much of a text its reader knows: per section and for the whole document.

Counting is split from judging, because the counts outlast the statuses. `WordTally`
walks the document's words once (the segmentation with the reader's corrections) and keeps,
for the document and for each section, how often each counted word occurs
(reader.language.counted_words: words with Han characters, numbers and names left out, by
simplified form). `coverage` then weighs those counts by the reader's statuses in one pass
over the different words: when a status changes, only that pass runs again.

The share known is weighted by occurrence (a word read forty times counts forty times), as
LingQ, Lute and Chinese Text Analyser weigh it: it is the share of the running words a
reader meets that they know. Words marked ignored are left out of every figure. Words being
learned (1-4) are not known: their share is given apart.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.document import Document, Section
from reader.language.counted_words import BANDS, CountedWords
from reader.language.segmentation import Segmentation

KNOWN = 99
IGNORED = 98
LEARNING = range(1, 5)
"""Lute's numbers, as reader.store.word_status stores them (0 or no row: new)."""


@dataclass(frozen=True)
class SectionCounts:
    """How often each counted word occurs in one section (or the whole document)."""

    section: Section | None
    """None for the whole document."""
    start: int
    end: int
    occurrences: Counter[str]
    """Key (simplified form) -> running words."""


@dataclass(frozen=True)
class WordCounts:
    """A document's counts: the whole, and each section below the title, in reading order."""

    document: SectionCounts
    sections: list[SectionCounts]
    bands: dict[str, str]
    """Key -> HSK band (counted_words.BANDS), for every key counted."""


@dataclass(frozen=True)
class Coverage:
    """What a reader knows of one stretch of text."""

    words: int
    """Running words counted (numbers, names and ignored words left out)."""
    known: int
    """Of those, the ones whose status is known."""
    learning: int
    """Of those, the ones being learned (statuses 1-4)."""
    new_words: int
    """Different words whose status is new."""
    hsk: dict[str, int] = field(default_factory=dict)
    """Running words per HSK band, in the order of counted_words.BANDS (all of them)."""

    @property
    def known_share(self) -> float:
        """Known running words over running words; 0 when there are none."""
        return self.known / self.words if self.words else 0.0

    @property
    def learning_share(self) -> float:
        return self.learning / self.words if self.words else 0.0


class WordTally:
    """The words of a document's paragraphs, counted a paragraph at a time, in any order
    (a worker does a slice at a time), then keyed and summed by `counts`."""

    def __init__(self, document: Document, segmentation: Segmentation) -> None:
        self._document = document
        self._segmentation = segmentation
        self._sections = [s for s in document.sections() if s.parent is not None]
        # The text is cut where any section starts or ends; a word belongs to the piece
        # where it starts, and a section is the pieces between its start and its end.
        ends = (s.end for s in self._sections)
        self._cuts = sorted({0, len(document.text), *(s.start for s in self._sections), *ends})
        self._pieces: list[Counter[str]] = [Counter() for _ in self._cuts]
        self._whole: Counter[str] = Counter()

    def __len__(self) -> int:
        """The paragraphs to count."""
        return len(self._segmentation)

    def add(self, index: int) -> None:
        """Counts the words of paragraph `index` (segmenting it first if need be), once."""
        text, cuts = self._document.text, self._cuts
        starts = self._segmentation.span_word_starts(index)
        span_start, span_end = self._segmentation.span(index)
        piece = bisect.bisect_right(cuts, span_start) - 1
        bound = cuts[piece + 1] if piece + 1 < len(cuts) else len(text)
        if span_end <= bound:  # the whole paragraph in one piece: counted in one go
            ends = [*starts[1:], span_end]
            words = [text[a:b] for a, b in zip(starts, ends, strict=True)]
            self._pieces[piece].update(words)
            self._whole.update(words)
            return
        for start, end in itertools.pairwise([*starts, span_end]):
            if start >= bound:
                piece = bisect.bisect_right(cuts, start) - 1
                bound = cuts[piece + 1] if piece + 1 < len(cuts) else len(text)
            self._pieces[piece][text[start:end]] += 1
            self._whole[text[start:end]] += 1

    def counts(self, counted: CountedWords) -> WordCounts:
        """The counts so far, words as written turned into counted keys (names, numbers and
        words without Han characters left out), per section and for the document."""
        whole = self._whole
        seen = counted.learn(whole)
        key_of = {word: found.key for word, found in seen.items() if found is not None}
        bands = {found.key: found.band for found in seen.values() if found is not None}
        keyed = [_keyed(piece, key_of) for piece in self._pieces]
        results = []
        for section in self._sections:
            first = bisect.bisect_left(self._cuts, section.start)
            last = bisect.bisect_left(self._cuts, section.end)
            if last - first == 1:
                occurrences = keyed[first]  # a section of one piece: a chapter
            else:
                occurrences = Counter()
                for keys in keyed[first:last]:
                    occurrences.update(keys)
            results.append(SectionCounts(section, section.start, section.end, occurrences))
        document = SectionCounts(None, 0, len(self._document.text), _keyed(whole, key_of))
        return WordCounts(document, results, bands)


def count_words(
    document: Document, segmentation: Segmentation, counted: CountedWords
) -> WordCounts:
    """The counts of `document` as `segmentation` cuts it (segmenting what is not yet)."""
    tally = WordTally(document, segmentation)
    for index in range(len(tally)):
        tally.add(index)
    return tally.counts(counted)


def coverage(
    counts: SectionCounts, bands: Mapping[str, str], statuses: Mapping[str, int]
) -> Coverage:
    """What a reader with `statuses` (simplified word -> status; missing: new) knows of
    `counts`: one dict lookup per different word."""
    words = known = learning = new_words = 0
    profile = dict.fromkeys(BANDS, 0)
    for key, times in counts.occurrences.items():
        status = statuses.get(key, 0)
        if status == IGNORED:
            continue
        words += times
        profile[bands[key]] += times
        if status == KNOWN:
            known += times
        elif status in LEARNING:
            learning += times
        else:
            new_words += 1
    return Coverage(words, known, learning, new_words, profile)


def _keyed(written: Counter[str], key_of: dict[str, str]) -> Counter[str]:
    """Occurrences by key: words left out dropped, words with one key (說, 说) added up."""
    kept = [(key_of[word], times) for word, times in written.items() if word in key_of]
    keys = Counter(dict(kept))
    if len(keys) < len(kept):  # two forms of one word: added up, not one in place of the other
        keys = Counter()
        for key, times in kept:
            keys[key] += times
    return keys
