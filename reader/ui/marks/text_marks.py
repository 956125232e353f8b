"""The new and learning words of one document's text, found where a view asks: its words
(the session's segmentation, with the reader's corrections) that are words to study
(reader.language.study_words), with the status the reader gave them.

Asked at every paint of the part in view, so the answers are kept, a few ranges' worth,
until the statuses or the words change. A range whose paragraphs are not segmented yet has
no answer (None): nothing here segments on the ui thread.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable

from reader.language.segmentation import Segmentation
from reader.language.study_words import is_study_word
from reader.store import Status
from reader.ui.views.status_marks import WordMark

_studied = functools.lru_cache(maxsize=65_536)(is_study_word)
"""Asked for every word in view at every scroll: the same few thousand words, remembered."""
KEPT_RANGES = 64
"""Ranges whose marks are kept: the blocks of a few screens."""
StatusOf = Callable[[str], Status]
"""A word as written to its status (the session's status holder)."""


class TextMarks:
    """A WordMarkSource over one text and its segmentation."""

    def __init__(self, segmentation: Segmentation, status: StatusOf) -> None:
        self._segmentation = segmentation
        self._status = status
        self._kept: OrderedDict[tuple[int, int], list[WordMark]] = OrderedDict()

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
        segmentation = self._segmentation
        if not all(segmentation.is_segmented(i) for i in segmentation.span_indexes(start, end)):
            return None
        text = segmentation.text
        status, studied = self._status, _studied
        marks = []
        for first, last in segmentation.tokens(start, end):
            word = text[first:last]
            if studied(word):
                found = status(word)
                if found <= Status.LEARNING_4:  # new (0) or learning (1-4)
                    marks.append(WordMark(first, last, found))
        self._kept[(start, end)] = marks
        while len(self._kept) > KEPT_RANGES:
            self._kept.popitem(last=False)
        return marks

    def forget(self) -> None:
        """The statuses or the words changed: every range is found again when asked."""
        self._kept.clear()
