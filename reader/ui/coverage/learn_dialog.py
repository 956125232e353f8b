"""Words to Learn: a section's new words, most frequent first, until 95% of it is known.

Each row gives the word, its usual reading, its first sense, its HSK band, how often it
occurs and the share known once it and the words above it are learned. The reader selects
rows and marks them known, learning (1) or ignored (a name the dictionaries do not know):
they leave the list, and the section tree and Text Difficulty follow. Readings and senses
are looked up on a worker; the list shows at once, they follow.
"""

from __future__ import annotations

from reader.document import Section
from reader.language.coverage import SectionCounts
from reader.language.words_to_learn import (
    MOST_WORDS,
    TARGET_SHARE,
    WordDetails,
    word_details,
    words_to_learn,
)
from reader.ui.coverage.controller import CoverageController
from reader.ui.coverage.difficulty_dialog import band_label, section_heading
from reader.ui.plain_text import plain_label, shortened
from reader.ui.qt import QtCore, QtWidgets

COLUMNS = ("Word", "Pinyin", "Meaning", "HSK", "Count", "Reaches")
SIZE = QtCore.QSize(720, 560)
MARKS = (("Mark &Known", 99), ("Mark &Learning", 1), ("&Ignore", 98))
"""The buttons and the statuses they give (Lute's numbers)."""


class WordsToLearnDialog(QtWidgets.QDialog):
    def __init__(self, coverage: CoverageController, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Words to Learn")
        self._coverage = coverage
        self._details: dict[str, WordDetails] = {}
        self._words: list[str] = []
        layout = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(plain_label("Section:"))
        self.section_box = QtWidgets.QComboBox()
        self.section_box.setSizeAdjustPolicy(
            QtWidgets.QComboBox.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_box.setMinimumContentsLength(30)
        self.section_box.currentIndexChanged.connect(lambda _: self.fill())
        top.addWidget(self.section_box, 1)
        layout.addLayout(top)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.ExtendedSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        buttons = QtWidgets.QDialogButtonBox()
        self.mark_buttons: dict[int, QtWidgets.QPushButton] = {}
        for text, status in MARKS:
            button = buttons.addButton(text, QtWidgets.QDialogButtonBox.ActionRole)
            button.clicked.connect(lambda _=False, s=status: self.mark_selected(s))
            self.mark_buttons[status] = button
        buttons.addButton(QtWidgets.QDialogButtonBox.Close).clicked.connect(self.close)
        layout.addWidget(buttons)
        self.resize(SIZE)
        coverage.changed.connect(self._sections_changed)
        self._sections_changed()

    def choose(self, section: Section | None) -> None:
        """Show the words of `section` (the whole document for the title's or None)."""
        for number in range(self.section_box.count()):
            counts = self.section_box.itemData(number)
            if isinstance(counts, SectionCounts) and counts.section is section:
                self.section_box.setCurrentIndex(number)
                return
        self.section_box.setCurrentIndex(0)

    def counts(self) -> SectionCounts | None:
        counts = self.section_box.currentData()
        return counts if isinstance(counts, SectionCounts) else None

    def words(self) -> list[str]:
        """The words listed, in order."""
        return list(self._words)

    def mark_selected(self, status: int) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        chosen = {self._words[row]: status for row in rows}
        if chosen:
            self._coverage.mark(chosen)

    def _sections_changed(self) -> None:
        """The counts arrived or changed: the sections offered, keeping the one chosen."""
        chosen = self.counts()
        counts = self._coverage.counts
        self.section_box.blockSignals(True)
        self.section_box.clear()
        if counts is not None:
            title = shortened(" ".join(self._coverage.document_title().split()))
            self.section_box.addItem(f"{title} (whole document)", counts.document)
            for item in counts.sections:
                assert item.section is not None
                self.section_box.addItem(section_heading(item.section), item)
        self.section_box.blockSignals(False)
        self.choose(chosen.section if chosen is not None else None)
        self.fill()

    def fill(self) -> None:
        counts = self.counts()
        self.table.setRowCount(0)
        self._words = []
        if counts is None:
            self.summary.setText("Counting the document's words…")
            self._selection_changed()
            return
        coverage = self._coverage
        figures = coverage.coverage_of(counts)
        found = words_to_learn(counts, coverage.counts.bands, coverage.statuses)
        self._words = [item.word for item in found]
        self.summary.setText(
            _summary(
                figures.known_share if figures else 0.0,
                len(found),
                found[-1].share_after if found else None,
            )
        )
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            details = self._details.get(item.word)
            cells = (
                item.word,
                details.pinyin if details else "…",
                details.gloss if details else "",
                band_label(item.band),
                f"{item.count:,}",
                f"{item.share_after:.1%}",
            )
            for column, text in enumerate(cells):
                cell = QtWidgets.QTableWidgetItem(text)
                if column >= 4:
                    cell.setTextAlignment(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter)
                self.table.setItem(row, column, cell)
        self._selection_changed()
        missing = [word for word in self._words if word not in self._details]
        if missing:
            lookup = coverage.tools.lookup
            coverage.runner.run(lambda: word_details(missing, lookup), self._details_found)

    def _details_found(self, found: dict[str, WordDetails]) -> None:
        self._details.update(found)
        for row, word in enumerate(self._words):
            details = found.get(word)
            if details is not None:
                self.table.item(row, 1).setText(details.pinyin)
                self.table.item(row, 2).setText(details.gloss)

    def _selection_changed(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        for button in self.mark_buttons.values():
            button.setEnabled(chosen)


def _summary(known: float, count: int, reached: float | None) -> str:
    target = f"{TARGET_SHARE:.0%}"
    now = f"{known:.1%} of the running words here are known."
    if reached is None:
        return f"{now} Nothing to learn: {target} or more."
    if reached >= TARGET_SHARE:
        return f"{now} Learning the {count:,} words below brings it to {target}."
    if count >= MOST_WORDS:
        return (
            f"{now} The {count:,} most frequent new words below bring it to {reached:.1%}; "
            f"{target} takes more."
        )
    return (
        f"{now} Its {count:,} new words below bring it to {reached:.1%}: the rest are words "
        "being learned, counted once known."
    )
