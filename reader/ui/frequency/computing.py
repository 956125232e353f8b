"""The frequency list (and a word's collocations) worked out on a worker, with progress.

A document's list reuses the session's segmentation, so the words the reader's view or the
coverage already cut are not cut again and a correction shows in the next list; the
library's list reads the index's stored counts. A newer request, or the document closing,
stops the work in progress at its next paragraph; its result, if any, is dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.language.tools import LanguageTools
from reader.library.collocations import Collocations, collocations
from reader.library.frequency import (
    CharacterRow,
    CountingCancelled,
    FrequencyRow,
    character_frequencies,
    word_frequencies,
)
from reader.library.library_frequency import NoLibraryIndex, library_lists
from reader.store import StoreError
from reader.ui.frequency.scope import FrequencyScope, ScopeKind
from reader.ui.qt import QtCore
from reader.ui.session.document_session import DocumentSession
from reader.ui.tasks import TaskRunner

PROGRESS_STEP = 0.01
"""Progress is told when it grew by this much (a novel has thousands of paragraphs)."""


@dataclass(frozen=True)
class FrequencyList:
    scope: FrequencyScope
    characters: bool
    rows: list[FrequencyRow] | list[CharacterRow]


class FrequencyComputing(QtCore.QObject):
    progressed = QtCore.Signal(float)
    computed = QtCore.Signal(object)
    """A FrequencyList."""
    collocated = QtCore.Signal(object)
    """A Collocations, for the word last asked."""
    failed = QtCore.Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        tools: LanguageTools,
        data_dir: Path,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._tools = tools
        self._data_dir = data_dir
        self._request = 0
        self._collocation_request = 0
        self._told = 0.0

    @property
    def busy(self) -> bool:
        return self._request > 0

    def start(
        self, scope: FrequencyScope, characters: bool, session: DocumentSession | None
    ) -> None:
        """Work out the list of `scope` (the session's document unless it is the library)."""
        self._request = request = abs(self._request) + 1
        self._told = 0.0
        cancelled = self._cancelled(lambda: self._request != request, session)
        tools, data_dir = self._tools, self._data_dir

        def work() -> FrequencyList | None:
            try:
                if scope.kind is ScopeKind.LIBRARY:
                    rows = library_lists(data_dir, characters, tools)
                elif session is None:
                    return None
                elif characters:
                    rows = character_frequencies(session.document, scope.span)
                else:
                    rows = word_frequencies(
                        session.document,
                        session.segmentation,
                        span=scope.span,
                        tools=tools,
                        cancelled=cancelled,
                        progress=self._progress,
                    )
            except CountingCancelled:
                return None
            return FrequencyList(scope, characters, rows)

        self._runner.run(work, lambda found: self._done(request, found), self._fail)

    def collocations_of(
        self, word: str, scope: FrequencyScope, session: DocumentSession | None
    ) -> None:
        """The neighbours of `word` in `scope` (a document's or a section's only: the
        library's index keeps counts, not the order of the words)."""
        self._collocation_request += 1
        request = self._collocation_request
        if session is None or scope.kind is ScopeKind.LIBRARY:
            return
        cancelled = self._cancelled(lambda: self._collocation_request != request, session)
        tools = self._tools

        def work() -> Collocations | None:
            try:
                return collocations(
                    session.document, session.segmentation, word, tools, scope.span, cancelled
                )
            except CountingCancelled:
                return None

        def done(found: Collocations | None) -> None:
            if found is not None and request == self._collocation_request:
                self.collocated.emit(found)

        self._runner.run(work, done, self._fail)

    def stop(self) -> None:
        """Drop the work in progress (the dialog closed)."""
        self._request = -abs(self._request) - 1
        self._collocation_request += 1

    @staticmethod
    def _cancelled(
        superseded: Callable[[], bool], session: DocumentSession | None
    ) -> Callable[[], bool]:
        if session is None:
            return superseded
        return lambda: superseded() or session.cancelled()

    def _progress(self, share: float) -> None:
        """On the worker: told through a queued signal, a step at a time."""
        if share - self._told >= PROGRESS_STEP or share >= 1.0:
            self._told = share
            self.progressed.emit(share)

    def _done(self, request: int, found: FrequencyList | None) -> None:
        if request != self._request or found is None:
            return
        self._request = -request
        self.computed.emit(found)

    def _fail(self, error: BaseException) -> None:
        self._request = -abs(self._request)
        if isinstance(error, NoLibraryIndex):
            self.failed.emit("Nothing has been added to the library yet.")
        elif isinstance(error, StoreError | OSError | sqlite3.Error):
            self.failed.emit(f"The library's index cannot be read: {error}")
        else:
            self.failed.emit(str(error) or type(error).__name__)
