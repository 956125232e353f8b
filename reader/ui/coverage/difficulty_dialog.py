"""Text Difficulty: how much of the open document the reader knows, in all and per section.

Shown while the words are still being counted (with the progress), and kept up to date as
the statuses change. Headings are shown as plain text, as everywhere.
"""

from __future__ import annotations

from reader.document import Section
from reader.language.counted_words import BANDS, BEYOND
from reader.language.coverage import Coverage
from reader.ui.coverage.controller import CoverageController
from reader.ui.plain_text import plain_label, shortened
from reader.ui.qt import QtCore, QtWidgets

SECTION_COLUMNS = ("Section", "Words", "Known", "Learning", "New words")
SIZE = QtCore.QSize(640, 560)


def section_heading(section: Section) -> str:
    """A heading on one line, indented by its level, shortened if long."""
    return "    " * (section.level - 1) + shortened(" ".join(section.heading.split()))


def band_label(band: str) -> str:
    return "Beyond" if band == BEYOND else f"HSK {band.replace('-', '–')}"


class TextDifficultyDialog(QtWidgets.QDialog):
    """The document's figures, its HSK profile, and a table of its sections."""

    def __init__(self, coverage: CoverageController, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Text Difficulty")
        self._coverage = coverage
        layout = QtWidgets.QVBoxLayout(self)
        self.title = plain_label()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFormat("Counting words… %p%")
        layout.addWidget(self.progress)
        form = QtWidgets.QFormLayout()
        self.words = plain_label()
        self.known = plain_label()
        self.learning = plain_label()
        self.new_words = plain_label()
        form.addRow("Running words:", self.words)
        form.addRow("Known:", self.known)
        form.addRow("Being learned:", self.learning)
        form.addRow("New words:", self.new_words)
        layout.addLayout(form)
        note = plain_label(
            "Running words: every occurrence of a word with Chinese characters; numbers, "
            "names and words you ignore are not counted."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(plain_label("HSK profile (new HSK, share of the running words):"))
        self.profile = QtWidgets.QTableWidget(1, len(BANDS))
        self.profile.setHorizontalHeaderLabels([band_label(band) for band in BANDS])
        self.profile.verticalHeader().hide()
        self.profile.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.profile.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.Stretch)
        self.profile.setFixedHeight(
            self.profile.horizontalHeader().sizeHint().height()
            + self.profile.verticalHeader().defaultSectionSize()
            + 2 * self.profile.frameWidth()
        )
        layout.addWidget(self.profile)
        self.sections = QtWidgets.QTableWidget(0, len(SECTION_COLUMNS))
        self.sections.setHorizontalHeaderLabels(list(SECTION_COLUMNS))
        self.sections.verticalHeader().hide()
        self.sections.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.sections.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        header = self.sections.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.Stretch)
        for column in range(1, len(SECTION_COLUMNS)):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeToContents)
        self.sections.setWordWrap(False)
        layout.addWidget(self.sections, 1)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(SIZE)
        coverage.changed.connect(self.fill)
        coverage.counting.progressed.connect(self._progressed)
        self.fill()

    def _progressed(self, share: float) -> None:
        self.progress.setValue(round(share * 100))

    def fill(self) -> None:
        """Show the figures there are: the progress until the words are counted."""
        counts = self._coverage.counts
        self.progress.setVisible(counts is None)
        self.progress.setValue(round(self._coverage.counting.share * 100))
        found = self._coverage.coverage_of(counts.document) if counts is not None else None
        if counts is None or found is None:
            self.title.setText("")
            for label in (self.words, self.known, self.learning, self.new_words):
                label.setText("…")
            self.sections.setRowCount(0)
            return
        self.title.setText(shortened(self._coverage.document_title()))
        self._show_figures(found)
        self.sections.setRowCount(len(counts.sections))
        for row, item in enumerate(counts.sections):
            figures = self._coverage.coverage_of(item)
            assert item.section is not None and figures is not None
            heading = section_heading(item.section)
            cells = (
                heading,
                f"{figures.words:,}",
                f"{figures.known_share:.0%}" if figures.words else "–",
                f"{figures.learning_share:.0%}" if figures.words else "–",
                f"{figures.new_words:,}",
            )
            for column, text in enumerate(cells):
                cell = QtWidgets.QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter)
                self.sections.setItem(row, column, cell)

    def _show_figures(self, found: Coverage) -> None:
        self.words.setText(f"{found.words:,}")
        self.known.setText(f"{found.known_share:.1%} ({found.known:,} running words)")
        self.learning.setText(f"{found.learning_share:.1%} ({found.learning:,} running words)")
        self.new_words.setText(f"{found.new_words:,} different words")
        for column, band in enumerate(BANDS):
            share = found.hsk[band] / found.words if found.words else 0.0
            cell = QtWidgets.QTableWidgetItem(f"{share:.0%}")
            cell.setTextAlignment(QtCore.Qt.AlignCenter)
            cell.setToolTip(f"{found.hsk[band]:,} running words")
            self.profile.setItem(0, column, cell)
