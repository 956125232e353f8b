"""Word Frequency: the frequency list of the open document, the section being read or the
whole library; words or characters; sortable by each column, filtered by HSK level and by
text, exported as CSV. A double-click (or Enter) on a word asks for its concordance; the
panel beside the list gives the words most often just before and after the word selected.

The list is worked out on a worker (FrequencyComputing), with progress; the dialog stays
usable meanwhile, and a new choice drops the work in progress. Text from the document
(headings, words, glosses) is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document import Section
from reader.library.collocations import Collocations
from reader.library.frequency import CharacterRow, FrequencyRow
from reader.library.frequency_csv import write_frequency_csv
from reader.ui.dialog_folders import Purpose, remember_folder, start_folder
from reader.ui.export_dialog import open_export_dialog
from reader.ui.frequency.computing import FrequencyComputing, FrequencyList
from reader.ui.frequency.hsk_choice import hsk_choices
from reader.ui.frequency.scope import FrequencyScope, ScopeKind
from reader.ui.frequency.table_model import FrequencyTableModel
from reader.ui.plain_text import plain_label, shortened
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.session.document_session import DocumentSession
from reader.ui.settings import Settings

SIZE = QtCore.QSize(1040, 660)
NEIGHBOURS_SHOWN = 50
"""Collocates listed on each side."""
EXPORT_FILTERS = {"CSV (*.csv)": "csv"}
ShowMessage = Callable[[QtWidgets.QMessageBox.Icon, str, str], object]


class FrequencyDialog(QtWidgets.QDialog):
    concordance_requested = QtCore.Signal(str, object)
    """A word (or character) and the FrequencyScope it was listed in."""

    def __init__(
        self,
        computing: FrequencyComputing,
        session: Callable[[], DocumentSession | None],
        current_section: Callable[[], Section | None],
        show_message: ShowMessage,
        parent: QtWidgets.QWidget,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Word Frequency")
        self._computing = computing
        self._session = session
        self._current_section = current_section
        self._show_message = show_message
        self._settings = Settings()
        self._shown: FrequencyList | None = None
        self.model = FrequencyTableModel(self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(self._choices())
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFormat("Counting words… %p%")
        layout.addWidget(self.progress)
        self.summary = plain_label()
        layout.addWidget(self.summary)
        splitter = QtWidgets.QSplitter(QtCore.Qt.Horizontal)
        splitter.addWidget(self._table())
        splitter.addWidget(self._neighbours())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        buttons = QtWidgets.QDialogButtonBox()
        self.export_button = buttons.addButton("Export CSV…", QtWidgets.QDialogButtonBox.ActionRole)
        self.export_button.clicked.connect(self.choose_export_file)
        buttons.addButton(QtWidgets.QDialogButtonBox.Close).clicked.connect(self.close)
        layout.addWidget(buttons)
        self.resize(SIZE)
        computing.progressed.connect(lambda share: self.progress.setValue(round(share * 100)))
        computing.computed.connect(self._computed)
        computing.collocated.connect(self._collocated)
        computing.failed.connect(self._failed)

    def _choices(self) -> QtWidgets.QHBoxLayout:
        row = QtWidgets.QHBoxLayout()
        self.scope_box = QtWidgets.QComboBox()
        self.scope_box.setSizeAdjustPolicy(
            QtWidgets.QComboBox.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_box.setMinimumContentsLength(24)
        self.kind_box = QtWidgets.QComboBox()
        self.kind_box.addItem("Words", False)
        self.kind_box.addItem("Characters", True)
        self.hsk_box = QtWidgets.QComboBox()
        for label, accepts in hsk_choices():
            self.hsk_box.addItem(label, accepts)
        self.filter_field = QtWidgets.QLineEdit()
        self.filter_field.setPlaceholderText("Filter: word, pinyin or meaning")
        self.filter_field.setClearButtonEnabled(True)
        for label, widget in (
            ("&List of:", self.scope_box),
            ("&Count:", self.kind_box),
            ("&HSK:", self.hsk_box),
        ):
            caption = plain_label(label)
            caption.setTextFormat(QtCore.Qt.PlainText)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addWidget(self.filter_field, 1)
        self.scope_box.currentIndexChanged.connect(lambda _: self.compute())
        self.kind_box.currentIndexChanged.connect(lambda _: self.compute())
        self.hsk_box.currentIndexChanged.connect(self._hsk_chosen)
        self.filter_field.textChanged.connect(self._text_typed)
        return row

    def _table(self) -> QtWidgets.QTableView:
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, QtCore.Qt.DescendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_chosen())
        return self.table

    def _neighbours(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.neighbours_title = plain_label("Collocations")
        self.neighbours_title.setWordWrap(True)
        # Room for two lines from the start: a wrapped label that grows later is clipped by
        # the splitter's layout instead of pushing the tables down.
        lines = self.neighbours_title.fontMetrics().lineSpacing()
        self.neighbours_title.setMinimumHeight(2 * lines + 4)
        self.neighbours_title.setAlignment(QtCore.Qt.AlignLeft | QtCore.Qt.AlignTop)
        layout.addWidget(self.neighbours_title)
        self.left_table = _neighbour_table("Before it")
        self.right_table = _neighbour_table("After it")
        layout.addWidget(self.left_table, 1)
        layout.addWidget(self.right_table, 1)
        return panel

    def refresh(self) -> None:
        """The scopes of the document shown now (the section being read among them), and
        its list worked out again (its words may have been corrected since)."""
        session = self._session()
        self.scope_box.blockSignals(True)
        chosen = self.scope()
        self.scope_box.clear()
        if session is not None:
            path = session.document.path
            title = shortened(" ".join(session.document.title.split()))
            self.scope_box.addItem(
                f"{title} (whole document)",
                FrequencyScope(ScopeKind.DOCUMENT, path, None, "the whole document"),
            )
            section = self._current_section()
            if section is not None and section.parent is not None:
                heading = shortened(" ".join(section.heading.split()))
                self.scope_box.addItem(
                    f"This section: {heading}",
                    FrequencyScope(ScopeKind.SECTION, path, (section.start, section.end), heading),
                )
        self.scope_box.addItem(
            "The library", FrequencyScope(ScopeKind.LIBRARY, label="the library")
        )
        kinds = [self.scope_box.itemData(i).kind for i in range(self.scope_box.count())]
        if chosen is not None and chosen.kind in kinds:
            self.scope_box.setCurrentIndex(kinds.index(chosen.kind))
        self.scope_box.blockSignals(False)
        self.compute()

    def scope(self) -> FrequencyScope | None:
        found = self.scope_box.currentData()
        return found if isinstance(found, FrequencyScope) else None

    def characters(self) -> bool:
        return bool(self.kind_box.currentData())

    def compute(self) -> None:
        scope = self.scope()
        if scope is None:
            return
        self.progress.setValue(0)
        self.progress.setFormat(
            "Counting characters… %p%" if self.characters() else "Counting words… %p%"
        )
        self.progress.show()
        self.summary.setText(f"Counting {scope.label}…")
        self._computing.start(scope, self.characters(), self._session())

    def choose_export_file(self) -> QtWidgets.QFileDialog:
        folder = start_folder(self._settings, Purpose.FREQUENCY)
        kind = "characters" if self.model.characters else "words"
        return open_export_dialog(
            self,
            "Export Frequency List",
            folder / f"frequency {kind}.csv",
            EXPORT_FILTERS,
            self.export_to,
        )

    def export_to(self, path: Path, _format: str = "csv") -> bool:
        """Write the rows shown (filtered, in the order shown) to `path`."""
        try:
            write_frequency_csv(path, self.model.shown(), self.model.characters)
        except OSError as error:
            self._show_message(
                QtWidgets.QMessageBox.Critical,
                f"Reader could not export the frequency list to {path.name}.",
                str(error),
            )
            return False
        remember_folder(self._settings, Purpose.FREQUENCY, path)
        return True

    def hideEvent(self, event: QtCore.QEvent) -> None:
        """Closed (or Escape): the work in progress is dropped; shown again, it starts anew."""
        self._computing.stop()
        super().hideEvent(event)

    def _computed(self, found: FrequencyList) -> None:
        self._shown = found
        self.progress.hide()
        self.model.set_rows(found.rows, found.characters)
        self.filter_field.setPlaceholderText(
            "Filter: character" if found.characters else "Filter: word, pinyin or meaning"
        )
        self.hsk_box.setEnabled(not found.characters)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        gloss = len(self.model.columns()) - 2  # the words' gloss takes the room left
        for column in range(len(self.model.columns())):
            mode = QtWidgets.QHeaderView.Interactive
            if found.characters or column == gloss:  # four short columns share the width
                mode = QtWidgets.QHeaderView.Stretch
            header.setSectionResizeMode(column, mode)
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._update_summary()
        self._row_chosen()

    def _update_summary(self) -> None:
        found = self._shown
        if found is None:
            return
        total = sum(row.count for row in found.rows)
        what = "characters" if found.characters else "words"
        shown = self.model.rowCount()
        text = f"{len(found.rows):,} different {what}, {total:,} in all, in {found.scope.label}"
        if shown != len(found.rows):
            text += f"; {shown:,} shown"
        if not found.characters:
            text += ". Numbers and names are not counted."
        self.summary.setText(text)

    def _hsk_chosen(self) -> None:
        self.model.set_hsk_filter(self.hsk_box.currentData())
        self._update_summary()
        self._row_chosen()

    def _text_typed(self, text: str) -> None:
        self.model.set_text_filter(text)
        self._update_summary()
        self._row_chosen()

    def _activated(self, index: QtCore.QModelIndex) -> None:
        scope = self._shown.scope if self._shown is not None else self.scope()
        if index.isValid() and scope is not None:
            row = self.model.row_at(index.row())
            word = row.char if isinstance(row, CharacterRow) else row.word
            self.concordance_requested.emit(word, scope)

    def _row_chosen(self) -> None:
        """The collocations of the word selected (a document's or a section's list)."""
        for table in (self.left_table, self.right_table):
            table.setRowCount(0)
        index = self.table.currentIndex()
        found = self._shown
        row = self.model.row_at(index.row()) if index.isValid() else None
        if found is None or not isinstance(row, FrequencyRow):
            words = found is None or not found.characters
            self.neighbours_title.setText(
                "Collocations: select a word." if words else "Collocations: of words only."
            )
            return
        word = row.word
        if found.scope.kind is ScopeKind.LIBRARY:
            self.neighbours_title.setText(
                f"Collocations of {word}: in a document's or a section's list only."
            )
            return
        self.neighbours_title.setText(f"Collocations of {word}: counting…")
        self._computing.collocations_of(word, found.scope, self._session())

    def _collocated(self, found: Collocations) -> None:
        self.neighbours_title.setText(
            f"Collocations of {found.word} ({found.occurrences:,} times): the words just "
            "before and after it"
        )
        for table, neighbours in ((self.left_table, found.left), (self.right_table, found.right)):
            shown = neighbours[:NEIGHBOURS_SHOWN]
            table.setRowCount(len(shown))
            for row, (word, count) in enumerate(shown):
                table.setItem(row, 0, QtWidgets.QTableWidgetItem(word))
                cell = QtWidgets.QTableWidgetItem(f"{count:,}")
                cell.setTextAlignment(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter)
                table.setItem(row, 1, cell)

    def _failed(self, reason: str) -> None:
        self.progress.hide()
        self.summary.setText(reason)
        self.model.set_rows([], self.characters())
        self._shown = None


def _neighbour_table(title: str) -> QtWidgets.QTableWidget:
    table = QtWidgets.QTableWidget(0, 2)
    table.setHorizontalHeaderLabels([title, "Count"])
    table.verticalHeader().hide()
    table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
    table.setSelectionMode(QtWidgets.QAbstractItemView.NoSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QtWidgets.QHeaderView.Stretch)
    header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeToContents)
    return table
