"""Coverage in the window: each section's share known in the section tree, the Text
Difficulty summary and the Words to Learn list, kept up to date.

The words are counted once per document (and again after a correction of words) by
CoverageCounting on a worker; the statuses are weighed on a worker too (one pass over each
section's different words, a tenth of a second for a novel), whenever `refresh` is called:
after a word is marked here, and by whatever else changes statuses in the window.
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.document import Section
from reader.language.coverage import Coverage, SectionCounts, WordCounts, coverage
from reader.language.tools import LanguageTools
from reader.ui.annotations.host import MessageHost
from reader.ui.coverage.counting import CoverageCounting
from reader.ui.coverage.word_statuses import WordStatusSource
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.session.document_session import DocumentSession
from reader.ui.window.section_tree import SectionModel


def share_label(found: Coverage) -> str:
    """The share known as the tree shows it: "64%"; "–" where nothing is counted."""
    return f"{found.known_share:.0%}" if found.words else "–"


def coverage_tooltip(found: Coverage) -> str:
    if not found.words:
        return "No words counted here (numbers, names and ignored words are not counted)."
    return (
        f"{found.known_share:.0%} of its {found.words:,} running words known, "
        f"{found.learning_share:.0%} being learned; {found.new_words:,} different new words"
    )


class CoverageController(QtCore.QObject):
    """Counts each document shown and weighs it by the reader's statuses."""

    changed = QtCore.Signal()
    """New figures: the counts arrived, or the statuses changed."""

    def __init__(
        self,
        window: MessageHost,
        session: CurrentSession,
        sections: SectionModel,
        statuses: WordStatusSource,
        tools: LanguageTools,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._sections = sections
        self._statuses_source = statuses
        self.tools = tools
        self.runner = session.runner
        self.counting = CoverageCounting(session.runner, tools, session.activity, self)
        self.counting.counted.connect(lambda _: self.refresh())
        self.counting.failed.connect(self._counting_failed)
        self.statuses: Mapping[str, int] = {}
        self._coverages: dict[int, Coverage] = {}
        """id(section) -> its coverage; the document's under id(None)."""
        self._weighing = 0
        """The latest weighing asked for: an older one's result is dropped."""
        self._session: DocumentSession | None = None
        self._warm_up = session.warm_up
        self._warm_up.ready.connect(self._restart)
        session.changed.connect(self._start)
        session.words_changed.connect(lambda *_: self._restart())

    @property
    def counts(self) -> WordCounts | None:
        return self.counting.counts

    def document_title(self) -> str:
        return self._session.document.title if self._session is not None else ""

    def coverage_of(self, counts: SectionCounts) -> Coverage | None:
        """The figures of a section's (or the document's) counts, once counted."""
        return self._coverages.get(id(counts.section))

    @QtCore.Slot()
    def refresh(self) -> None:
        """Read the statuses again and weigh every section by them, on a worker (a tenth of
        a second for a novel with thousands of words known); call it after statuses change."""
        counts = self.counting.counts
        if counts is None:
            return
        statuses = dict(self._statuses_source.all())
        self._weighing += 1
        weighing = self._weighing
        self.runner.run(
            lambda: (weighing, counts, statuses, _weigh(counts, statuses)), self._weighed
        )

    def _weighed(self, result: tuple[int, WordCounts, dict[str, int], dict[int, Coverage]]) -> None:
        weighing, counts, statuses, coverages = result
        if weighing != self._weighing or counts is not self.counting.counts:
            return  # statuses changed again meanwhile, or another document is shown
        self.statuses = statuses
        self._coverages = coverages

        def figure(section: Section) -> tuple[str, str] | None:
            found = coverages.get(id(section if section.parent else None))
            return None if found is None else (share_label(found), coverage_tooltip(found))

        # A reader who marks no words sees the tree as it was: a column of 0% says nothing.
        self._sections.set_figures(figure if statuses else lambda _: None)
        self.changed.emit()

    def mark(self, changes: Mapping[str, int]) -> None:
        """Give words statuses (from a dialog): one undoable step; the figures follow when
        the statuses' holder says they changed."""
        self._statuses_source.set(changes)

    def _start(self, session: DocumentSession) -> None:
        self._session = session
        self._coverages = {}
        self._sections.set_figures(lambda _: None)
        self._restart()
        self.changed.emit()

    def _restart(self) -> None:
        """Count the document shown, once the language tools are warm (so that a first
        hover does not wait for this worker)."""
        session = self._session
        if session is not None and session.ready:
            self.counting.start(session)

    def _counting_failed(self, reason: str) -> None:
        self._window.show_message(
            QtWidgets.QMessageBox.Warning, "Reader could not count the document's words.", reason
        )


def _weigh(counts: WordCounts, statuses: Mapping[str, int]) -> dict[int, Coverage]:
    """On a worker: each section's coverage by id(section), the document's by id(None)."""
    return {
        id(item.section): coverage(item, counts.bands, statuses)
        for item in (counts.document, *counts.sections)
    }
