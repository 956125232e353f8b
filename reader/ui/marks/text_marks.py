"""The new and learning words of one document's text, found where a view asks: its words
(the session's segmentation, with the reader's corrections) that are words to study
(reader.language.study_words), with the status the reader gave them.

Asked at every paint of the part in view, so each paragraph's words to study are found once
from its word starts and kept while the segmentation keeps those starts (a correction gives
the paragraph new ones), with its marks and the statuses they were made from. After a status
change a paragraph's statuses are read again, a look-up a word, and where none of them
changed its marks are the same list as before: the views, which keep what they made from
it, make nothing again. The answers to the last few ranges asked are kept too, until the
statuses or the words change. A range whose paragraphs are not segmented yet has no answer
(None): nothing here segments on the ui thread.
"""

from __future__ import annotations

import functools
import itertools
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.language.segmentation import Segmentation
from reader.language.study_words import is_study_word
from reader.store import Status
from reader.ui.views.status_marks import WordMark

_studied = functools.lru_cache(maxsize=65_536)(is_study_word)
"""Asked for every word of a paragraph when it is first seen: the same few thousand words."""
KEPT_RANGES = 64
"""Ranges whose marks are kept: the blocks of a few screens."""
KEPT_SPANS = 4096
"""Paragraphs whose words to study are kept: many pages' worth, a few megabytes at most."""
StatusOf = Callable[[str], Status]
"""A word as written to its status (the session's status holder)."""


@dataclass
class _SpanMarks:
    """One paragraph's words to study, in order, found from its word starts `made_from`,
    and its marks as made from `statuses` (a byte a word to study)."""

    made_from: array
    starts: list[int]
    ends: list[int]
    words: list[str]
    statuses: bytes | None = None
    marks: list[WordMark] = field(default_factory=list)
    parts: dict[tuple[int, int], list[WordMark]] = field(default_factory=dict)
    """The marks of parts of the paragraph asked for (a pinyin view's pieces), by range:
    the same lists as long as `marks` is."""


class TextMarks:
    """A WordMarkSource over one text and its segmentation."""

    def __init__(self, segmentation: Segmentation, status: StatusOf) -> None:
        self._segmentation = segmentation
        self._status = status
        self._kept: OrderedDict[tuple[int, int], list[WordMark]] = OrderedDict()
        self._spans: OrderedDict[int, _SpanMarks] = OrderedDict()
        """Span index: its words to study and their marks."""

    @property
    def segmentation(self) -> Segmentation:
        return self._segmentation

    def between(self, start: int, end: int) -> list[WordMark] | None:
        """The new and learning words reaching into `[start, end)`, in order; None while a
        paragraph there is not segmented. A paragraph's, or a part's of one, are the same
        list as long as its words and their statuses stay the same."""
        kept = self._kept.get((start, end))
        if kept is not None:
            self._kept.move_to_end((start, end))
            return kept
        segmentation = self._segmentation
        found: list[list[WordMark]] = []
        for index in segmentation.span_indexes(start, end):
            span = self._span_marks(index)
            if span is None:
                return None
            span_start, span_end = segmentation.span(index)
            if start <= span_start and end >= span_end:
                found.append(span.marks)
                continue
            part = span.parts.get((start, end))
            if part is None:
                part = [mark for mark in span.marks if mark.end > start and mark.start < end]
                span.parts[(start, end)] = part
            found.append(part)
        marks = found[0] if len(found) == 1 else list(itertools.chain.from_iterable(found))
        self._kept[(start, end)] = marks
        while len(self._kept) > KEPT_RANGES:
            self._kept.popitem(last=False)
        return marks

    def forget(self) -> None:
        """The statuses or the words changed: every range is found again when asked, each
        paragraph's statuses read again (its words to study again only if its words
        changed)."""
        self._kept.clear()

    def _span_marks(self, index: int) -> _SpanMarks | None:
        """The span with its new and learning words as of now; None while it is not
        segmented."""
        span = self._study_words(index)
        if span is None:
            return None
        found = list(map(self._status, span.words))
        statuses = bytes(found)
        if statuses != span.statuses:
            span.statuses = statuses
            span.parts = {}
            span.marks = [
                WordMark(start, end, status)
                for start, end, status in zip(span.starts, span.ends, found, strict=True)
                if status <= Status.LEARNING_4  # new (0) or learning (1-4)
            ]
        return span

    def _study_words(self, index: int) -> _SpanMarks | None:
        """The span's words to study; None while it is not segmented."""
        segmentation = self._segmentation
        if not segmentation.is_segmented(index):
            return None
        word_starts = segmentation.span_word_starts(index)  # as stored: segments nothing
        kept = self._spans.get(index)
        if kept is not None and kept.made_from is word_starts:
            self._spans.move_to_end(index)
            return kept
        text = segmentation.text
        bounds = list(word_starts)
        bounds.append(segmentation.span(index)[1])
        made = _SpanMarks(word_starts, [], [], [])
        for word_start, word_end in itertools.pairwise(bounds):
            word = text[word_start:word_end]
            if _studied(word):
                made.starts.append(word_start)
                made.ends.append(word_end)
                made.words.append(word)
        self._spans[index] = made
        while len(self._spans) > KEPT_SPANS:
            self._spans.popitem(last=False)
        return made
