"""The new and learning words of one document's text, found where a view asks: its words
(the session's segmentation, with the reader's corrections) that are words to study
(reader.language.study_words), with the status the reader gave them.

Asked at every paint of the part in view, so two things are kept. Each paragraph's words
to study, found once from its word starts and kept while the segmentation keeps those
starts (a correction gives the paragraph new ones): they do not depend on the statuses, so
a status change costs a view only a look-up per word in view. And the answers to the last
few ranges asked, until the statuses or the words change. A range whose paragraphs are not
segmented yet has no answer (None): nothing here segments on the ui thread.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from array import array
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

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


class _StudyWords(NamedTuple):
    """One paragraph's words to study, in order, found from its word starts `made_from`."""

    made_from: array
    starts: list[int]
    ends: list[int]
    words: list[str]


class TextMarks:
    """A WordMarkSource over one text and its segmentation."""

    def __init__(self, segmentation: Segmentation, status: StatusOf) -> None:
        self._segmentation = segmentation
        self._status = status
        self._kept: OrderedDict[tuple[int, int], list[WordMark]] = OrderedDict()
        self._spans: OrderedDict[int, _StudyWords] = OrderedDict()
        """Span index: its words to study."""

    @property
    def segmentation(self) -> Segmentation:
        return self._segmentation

    def between(self, start: int, end: int) -> list[WordMark] | None:
        """The new and learning words reaching into `[start, end)`, in order; None while a
        paragraph there is not segmented."""
        kept = self._kept.get((start, end))
        if kept is not None:
            self._kept.move_to_end((start, end))
            return kept
        found: list[tuple[_StudyWords, int, int]] = []
        for index in self._segmentation.span_indexes(start, end):
            words = self._study_words(index)
            if words is None:
                return None
            first = bisect.bisect_right(words.ends, start)
            found.append((words, first, bisect.bisect_left(words.starts, end, lo=first)))
        status = self._status
        marks = []
        for words, first, last in found:
            starts, ends, texts = words.starts, words.ends, words.words
            for i in range(first, last):
                word_status = status(texts[i])
                if word_status <= Status.LEARNING_4:  # new (0) or learning (1-4)
                    marks.append(WordMark(starts[i], ends[i], word_status))
        self._kept[(start, end)] = marks
        while len(self._kept) > KEPT_RANGES:
            self._kept.popitem(last=False)
        return marks

    def forget(self) -> None:
        """The statuses or the words changed: every range is found again when asked (each
        paragraph's words to study again only if its words changed)."""
        self._kept.clear()

    def _study_words(self, index: int) -> _StudyWords | None:
        """The span's words to study; None while it is not segmented."""
        segmentation = self._segmentation
        if not segmentation.is_segmented(index):
            return None
        word_starts = segmentation.span_word_starts(index)  # as stored: segments nothing
        kept = self._spans.get(index)
        if kept is not None and kept.made_from is word_starts:
            self._spans.move_to_end(index)
            return kept
        text, span_end = segmentation.text, segmentation.span(index)[1]
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        bounds = list(word_starts)
        bounds.append(span_end)
        for word_start, word_end in itertools.pairwise(bounds):
            word = text[word_start:word_end]
            if _studied(word):
                starts.append(word_start)
                ends.append(word_end)
                words.append(word)
        made = self._spans[index] = _StudyWords(word_starts, starts, ends, words)
        while len(self._spans) > KEPT_SPANS:
            self._spans.popitem(last=False)
        return made
