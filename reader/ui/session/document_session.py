"""One opened document and everything Reader works out about it.

A session is made for each document shown and closed when another takes its place. It owns
the `Document`, its words (jieba's, with the reader's word corrections applied) and the
workers that segment it; features (word lookup, the pinyin view, word corrections, and what
comes later) ask the session, never each other. A worker stops when its session closes:
that is the one way background work is cancelled, so no result of an old document ever
reaches a new one.

The language work itself is Qt-free (reader.language); the session adds the worker runner,
the readings kept for the pinyin view, and the signal that tells the views which
paragraphs' words changed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.document import Document
from reader.language.corrections import Corrections
from reader.language.lookup import WordLookup
from reader.language.segmentation import (
    Segmentation,
    Token,
    UserActivity,
    short_switch_interval,
)
from reader.ui.qt import QtCore
from reader.ui.session.language import LanguageWarmUp
from reader.ui.session.pinyin_preparation import PinyinPreparation
from reader.ui.session.readings_worker import ReadingsWorker
from reader.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.language.find import Finder
    from reader.language.pinyin_find import PinyinProgress, PinyinResult


class DocumentSession(QtCore.QObject):
    """The open document, its words and its workers; closed when the document is."""

    words_changed = QtCore.Signal(list, object)
    """The reader corrected words: these spans' (paragraphs') words changed; the offset where
    the reader made the correction, or None."""

    def __init__(
        self,
        document: Document,
        warm_up: LanguageWarmUp,
        corrections: Corrections,
        runner: TaskRunner,
        activity: UserActivity,
    ) -> None:
        super().__init__(runner)
        self.document = document
        self.corrections = corrections
        self._warm_up = warm_up
        self._tools = warm_up.tools
        self._runner = runner
        self._activity = activity
        self._closed = False
        self.segmentation = Segmentation(
            document.text,
            [(block.start, block.end) for block in document.blocks],
            self._tools.segmenter,
            corrections,
        )
        self.readings = ReadingsWorker(
            document,
            runner,
            self._tools,
            lambda: self.segmentation,
            corrections,
            self.cancelled,
            self,
        )
        """Readings in context for the pinyin view, kept per paragraph."""
        self._finder: Finder | None = None
        self._finder_lock = threading.Lock()
        self.pinyin_preparation = PinyinPreparation(
            [(block.start, block.end) for block in document.blocks],
            lambda: self.finder,
            lambda: self.segmentation,
            self._tools,
            runner,
            activity,
            self.cancelled,
            self,
        )
        """The whole document read in context for find by pinyin, once a query asks."""

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def ready(self) -> bool:
        """Lookups are answered: the language tools are warmed up."""
        return self._warm_up.is_ready and not self._closed

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Stop this document's workers at their next paragraph; nothing they find is kept."""
        self._closed = True

    def cancelled(self) -> bool:
        """Asked by a worker between paragraphs; it also lets the ui thread have the GIL,
        which it would otherwise wait for up to the switch interval on every call."""
        time.sleep(0)
        return self._closed

    # Find

    @property
    def finder(self) -> Finder:
        """The document's finder (characters in either script, pinyin), made on first use
        (a worker may make it ahead: `prepare_finder`) and kept while the document is open."""
        with self._finder_lock:
            if self._finder is None:
                from reader.language.find import Finder  # its script tables: on the first find

                self._finder = Finder(self.document.text)
            return self._finder

    def prepare_finder(self) -> None:
        """Make the finder on a worker (half a second on a novel, the first time), so that
        the first keystroke of a find does not wait for it."""
        if self._finder is None:
            self._runner.run(lambda: self.finder)

    def find_pinyin(
        self,
        query: str,
        cancelled: Callable[[], bool],
        progress: Callable[[PinyinProgress], None],
        first_at: int = 0,
    ) -> PinyinResult:
        """On a worker: the runs of characters read `query` in context, with this
        document's words (the reader's corrections applied), those from `first_at` on
        found first; given up once `cancelled` or the document closed. PinyinQueryError if
        `query` is not pinyin."""
        self.pinyin_preparation.finding += 1
        try:
            return self.finder.find_pinyin(
                query,
                self.segmentation.tokens,
                self._tools,
                lambda: cancelled() or self.cancelled(),
                progress,
                known=self._known_readings,
                first_at=first_at,
            )
        finally:
            self.pinyin_preparation.finding -= 1

    def _known_readings(self, start: int, end: int) -> list[str | None] | None:
        """The syllables of `[start, end)` if the pinyin view has read its paragraph: the
        same readings, so a find need not make them again."""
        spans = self.segmentation.span_indexes(start, end)
        read = self.readings.readings(spans[0]) if len(spans) == 1 else None
        if read is None:
            return None
        first = self.segmentation.span(spans[0])[0]
        return read.syllables[start - first : end - first]

    # Words

    def look_up(self, offset: int) -> WordLookup | None:
        """The word at `offset`, as the pop-up shows it; None before the tools are ready."""
        if not self.ready:
            return None
        return self._tools.lookup.at(self.document.text, offset, self.segmentation)

    def word_tokens(self, offset: int) -> list[Token] | None:
        """The words that make up the word at `offset`, as a lookup there finds them."""
        if not self.ready:
            return None
        return self._tools.lookup.word_at(self.document.text, offset, self.segmentation)

    def spans_between(self, start: int, end: int) -> range:
        """The paragraphs (segmentation spans) holding `[start, end)`."""
        return self.segmentation.span_indexes(start, max(start, end) + 1)

    def segment_all(self, first: list[int]) -> None:
        """Jieba and the whole document, by a worker, paragraphs `first` first."""
        if self.ready:
            segmentation = self.segmentation
            self._runner.run(lambda: self._segment_all(segmentation, first))

    def segment(self, spans: list[int]) -> None:
        """These paragraphs (just scrolled into view) by a worker, before the rest."""
        waiting = [i for i in spans if not self.segmentation.is_segmented(i)]
        if waiting and self.ready:
            segmentation = self.segmentation
            self._runner.run(lambda: self._segment_spans(segmentation, waiting))

    @property
    def fully_segmented(self) -> bool:
        return self.segmentation.all_segmented()

    def words_corrected(self, words: list[str], visible: range, at: int | None) -> list[int]:
        """The reader corrected `words` (at offset `at`): their paragraphs are segmented
        again, the `visible` ones now and the others by a worker; returns those paragraphs."""
        segmentation = self.segmentation
        stale = segmentation.invalidate_containing(words)
        if self._tools.segmenter.ready:
            for index in set(stale).intersection(visible):
                segmentation.segment_span(index)
        self._runner.run(lambda: self._segment_spans(segmentation, stale))
        self.readings.forget(stale)
        if self._finder is not None:  # its pinyin readings there, made before the correction
            self._finder.forget_readings([segmentation.span(index) for index in stale])
        self.words_changed.emit(stale, at)
        return stale

    def _segment_all(self, segmentation: Segmentation, first: list[int]) -> int:
        """On a worker: jieba first (a fifth of a second, once), then every paragraph, each
        once the user has paused: a hover meanwhile would wait for the GIL at every Qt call."""

        def stale() -> bool:
            self._activity.give_way()
            return self.cancelled()

        with short_switch_interval:
            self._tools.segmenter.ensure_ready(self._activity.give_way)
            return segmentation.segment_all(first, cancelled=stale)

    def _segment_spans(self, segmentation: Segmentation, spans: list[int]) -> None:
        with short_switch_interval:
            for index in spans:
                if self.cancelled():
                    return
                if not segmentation.is_segmented(index):
                    segmentation.segment_span(index)
