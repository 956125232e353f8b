"""File ▸ Library…: every document Reader has opened or been given, in a sortable,
filterable table, with the adding of files and folders and its progress under it.

The window only shows and asks: what the reader does goes out through signals named as
intents, and the controller acts on them and fills the table again.
"""

from __future__ import annotations

from reader.store.library import LibraryEntry
from reader.ui.library.path_cell import PathCell
from reader.ui.library.share_bar import ShareBar
from reader.ui.library.table_model import (
    LAST_OPENED,
    PATH,
    PROGRESS,
    TITLE,
    LibraryFilter,
    LibraryTableModel,
)
from reader.ui.plain_text import plain_label
from reader.ui.qt import QtCore, QtGui, QtWidgets

WINDOW_SIZE = QtCore.QSize(1000, 560)
TITLE_WIDTH = 260
PROGRESS_WIDTH = 72


class LibraryWindow(QtWidgets.QDialog):
    open_requested = QtCore.Signal(object)
    """A LibraryEntry to open in the main window."""
    remove_requested = QtCore.Signal(list)
    """LibraryEntries to take out of the library (their files untouched)."""
    locate_requested = QtCore.Signal(object)
    """A LibraryEntry whose file is to be found again."""
    add_files_requested = QtCore.Signal()
    add_folder_requested = QtCore.Signal()
    cancel_requested = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library")
        self.setModal(False)
        self.resize(WINDOW_SIZE)
        self.model = LibraryTableModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QtWidgets.QLineEdit()
        self.filter_box.setPlaceholderText("Filter by title or path")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter)
        self.add_files_button = QtWidgets.QPushButton("Add &Files…")
        self.add_files_button.clicked.connect(self.add_files_requested)
        self.add_folder_button = QtWidgets.QPushButton("Add F&older…")
        self.add_folder_button.clicked.connect(self.add_folder_requested)
        for button in (self.add_files_button, self.add_folder_button):
            button.setAutoDefault(False)  # Enter in the filter box adds nothing

        self.table = self._make_table()
        self.open_action = self._table_action("&Open", "Return", self._open_current)
        self.remove_action = self._table_action(
            "&Remove from Library", QtGui.QKeySequence.Delete, self._remove_selected
        )
        self.locate_action = self._table_action("&Locate File…", "", self._locate_current)
        for action in (self.open_action, self.remove_action, self.locate_action):
            self.table.addAction(action)
        self.table.setContextMenuPolicy(QtCore.Qt.ActionsContextMenu)
        self.table.installEventFilter(self)

        self.count_label = plain_label()
        self.empty_label = plain_label(
            "No documents yet. Every document you open is listed here; Add Folder… "
            "brings in a folder of books."
        )
        self.empty_label.setWordWrap(True)
        self.progress_label = plain_label()
        self.progress_bar = QtWidgets.QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QtWidgets.QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.setAutoDefault(False)
        self.open_button = self._button(self.open_action)
        self.remove_button = self._button(self.remove_action)
        self.locate_button = self._button(self.locate_action)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.add_files_button)
        top.addWidget(self.add_folder_button)
        working = QtWidgets.QHBoxLayout()
        working.addWidget(self.progress_label, 1)
        working.addWidget(self.progress_bar, 1)
        working.addWidget(self.cancel_button)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.locate_button)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.open_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(working)
        layout.addLayout(bottom)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._adding = (0, 0, "")
        self.show_progress(None)
        self._selection_changed()

    def _make_table(self) -> QtWidgets.QTableView:
        table = QtWidgets.QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(LAST_OPENED, QtCore.Qt.DescendingOrder)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        table.setSelectionMode(QtWidgets.QAbstractItemView.ExtendedSelection)
        table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        table.setTextElideMode(QtCore.Qt.ElideRight)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = table.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(QtWidgets.QHeaderView.ResizeToContents)
        columns.setSectionResizeMode(TITLE, QtWidgets.QHeaderView.Interactive)
        columns.setSectionResizeMode(PATH, QtWidgets.QHeaderView.Stretch)
        columns.resizeSection(TITLE, TITLE_WIDTH)
        columns.setMinimumSectionSize(PROGRESS_WIDTH)
        table.setItemDelegateForColumn(PROGRESS, ShareBar(table))
        table.setItemDelegateForColumn(PATH, PathCell(table))
        table.doubleClicked.connect(lambda _: self._open_current())
        return table

    def _table_action(
        self, text: str, shortcut: str | QtGui.QKeySequence.StandardKey, slot: object
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self.table)
        action.setShortcut(QtGui.QKeySequence(shortcut))
        action.setShortcutContext(QtCore.Qt.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    @staticmethod
    def _button(action: QtGui.QAction) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(action.text())
        button.clicked.connect(action.trigger)
        button.setAutoDefault(False)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """Enter opens and Delete removes in the table, as its actions' shortcuts do when
        the window is active (a key that reaches the table is not one a shortcut took)."""
        if watched is self.table and event.type() == QtCore.QEvent.KeyPress:
            key = event.key()
            if key in (QtCore.Qt.Key_Return, QtCore.Qt.Key_Enter) and self.open_action.isEnabled():
                self.open_action.trigger()
                return True
            if key == QtCore.Qt.Key_Delete and self.remove_action.isEnabled():
                self.remove_action.trigger()
                return True
        return super().eventFilter(watched, event)

    # What it shows

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """The listed documents (those whose file is gone marked); the selection kept."""
        chosen = {entry.id for entry in self.selected_entries()}
        self.model.set_entries(entries)
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            entry = self.model.entry(self.proxy.mapToSource(index).row())
            if entry is not None and entry.id in chosen:
                selection.select(
                    index,
                    QtCore.QItemSelectionModel.Select | QtCore.QItemSelectionModel.Rows,
                )
        self._counted()
        self._selection_changed()

    def mark_missing(self, missing: set[int]) -> None:
        self.model.mark_missing(missing)
        self._counted()
        self._selection_changed()

    def show_progress(self, progress: tuple[int, int, str] | None) -> None:
        """Adding under way: files done, files in all, the file being read; None: idle."""
        working = progress is not None
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(working)
        self.cancel_button.setEnabled(working)
        if progress is None:
            return
        done, total, name = progress
        if not total:
            self.progress_bar.setRange(0, 0)  # busy: the files not counted yet
            self.progress_label.setText("Looking for books…")
            return
        self._adding = (done, total, name)
        self.progress_bar.setRange(0, total * 100)
        self.show_percent(0)

    def show_percent(self, percent: int) -> None:
        """How far the file being added is read (the bar moves within its file's share)."""
        done, total, name = self._adding
        if not total:
            return
        self.progress_bar.setValue(done * 100 + (percent if name else 0))
        self.progress_label.setText(
            f"Adding {done + 1:,} of {total:,}: {name} — {percent}%"
            if name
            else f"Added {done:,} of {total:,}"
        )

    def show_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress_label.setText("Cancelling after this file…")

    def _counted(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        missing = sum(1 for entry in self.model.entries() if self.model.is_missing(entry))
        text = f"{total:,} document{'s' if total != 1 else ''}"
        if shown != total:
            text = f"{shown:,} of {text}"
        if missing:
            text += f", {missing:,} missing"
        self.count_label.setText(text)
        self.empty_label.setVisible(total == 0)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._counted()

    # What the reader chose

    def selected_entries(self) -> list[LibraryEntry]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        sources = (self.proxy.mapToSource(self.proxy.index(row, 0)).row() for row in rows)
        found = (self.model.entry(source) for source in sources)
        return [entry for entry in found if entry is not None]

    def current_entry(self) -> LibraryEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.proxy.mapToSource(index).row())

    def _selection_changed(self) -> None:
        chosen = self.selected_entries()
        one = len(chosen) == 1
        self.open_action.setEnabled(one)
        self.remove_action.setEnabled(bool(chosen))
        self.locate_action.setEnabled(one and self.model.is_missing(chosen[0]))

    def _open_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if self.model.is_missing(entry):
            self.locate_requested.emit(entry)
        else:
            self.open_requested.emit(entry)

    def _remove_selected(self) -> None:
        chosen = self.selected_entries()
        if chosen:
            self.remove_requested.emit(chosen)

    def _locate_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.locate_requested.emit(entry)
