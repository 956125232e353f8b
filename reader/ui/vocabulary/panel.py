"""The vocabulary panel: filters (document, status, date, tag), the saved words, the chosen
word's sentence and source, and its buttons. It asks for what the reader does through
signals named as intents; the controller acts on them and fills it anew."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

from reader.store import SavedWord, Status
from reader.store.vocabulary_filter import (
    PERIODS,
    STATUS_GROUPS,
    VocabularyFilter,
    period_start,
)
from reader.ui.plain_text import plain_label, shortened
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.vocabulary.panel_model import COLUMNS, VocabularyModel

LEAST_ROWS = 6
"""Rows of the list kept in view however the dock's column is shared."""
NO_WORDS = "No saved words yet: rest the mouse on a word and press S, or click Save."


class VocabularyPanel(QtWidgets.QWidget):
    jump_requested = QtCore.Signal(str)
    edit_requested = QtCore.Signal(str)
    delete_requested = QtCore.Signal(str)
    undo_requested = QtCore.Signal()

    def __init__(
        self,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self.model = VocabularyModel(self)
        self.document_filter = self._combo("Show the words of one document only")
        self.status_filter = self._combo("Show the words of one status only")
        self.status_filter.addItem("All statuses", None)
        for group in STATUS_GROUPS:
            self.status_filter.addItem(group.capitalize(), group)
        self.date_filter = self._combo("Show the words saved lately only")
        self.date_filter.addItem("Any time", None)
        for period in PERIODS:
            self.date_filter.addItem(
                period.capitalize() if period == "today" else f"Last {period}", period
            )
        self.tag_filter = self._combo("Show one tag only")

        self.view = QtWidgets.QTableView()
        self.view.setModel(self.model)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        self.view.setTextElideMode(QtCore.Qt.ElideRight)
        self.view.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOff)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Stacked under the annotations panel, the list still shows a few words.
        self.view.setMinimumHeight(rows.defaultSectionSize() * LEAST_ROWS)
        columns = self.view.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(QtWidgets.QHeaderView.ResizeToContents)
        columns.setSectionResizeMode(COLUMNS.index("Meaning"), QtWidgets.QHeaderView.Stretch)
        self.view.doubleClicked.connect(self._go)
        self.view.setContextMenuPolicy(QtCore.Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)

        self.sentence_label = plain_label()
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setTextInteractionFlags(QtCore.Qt.TextSelectableByMouse)
        self.source_label = plain_label()
        self.source_label.setObjectName("muted")
        self.go_button = QtWidgets.QPushButton("Go to Sentence")
        self.edit_button = QtWidgets.QPushButton("Edit…")
        self.delete_button = QtWidgets.QPushButton("Delete")
        self.go_button.clicked.connect(self._go)
        self.edit_button.clicked.connect(lambda: self._ask(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._ask(self.delete_requested))
        self.notice_label = plain_label()
        self.undo_button = QtWidgets.QPushButton("Undo")
        self.undo_button.clicked.connect(self.undo_requested)
        self.notice = QtWidgets.QWidget()
        notice_layout = QtWidgets.QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(0, 0, 0, 0)
        notice_layout.addWidget(self.notice_label, 1)
        notice_layout.addWidget(self.undo_button)
        self.notice.hide()
        self.count_label = plain_label()
        # Delete in the list deletes the word chosen, not the highlight Edit ▸ Delete
        # Highlight would (the list takes the key before the window's shortcut).
        self.view.installEventFilter(self)

        filters = QtWidgets.QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.document_filter, 0, 0, 1, 2)
        filters.addWidget(self.status_filter, 1, 0)
        filters.addWidget(self.date_filter, 1, 1)
        filters.addWidget(self.tag_filter, 2, 0, 1, 2)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.sentence_label)
        layout.addWidget(self.source_label)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.count_label)

        for combo in (self.document_filter, self.status_filter, self.date_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.model.modelReset.connect(self._after_reset)
        self._fill_choices()

    def _combo(self, tip: str) -> QtWidgets.QComboBox:
        combo = QtWidgets.QComboBox()
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QtWidgets.QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def set_words(self, saved_words: Iterable[SavedWord], statuses: Mapping[str, Status]) -> None:
        """Show the store's saved words anew, keeping the word chosen and the filters."""
        chosen = self.current_id()
        self.model.set_words(saved_words, statuses)
        self._fill_choices()
        if chosen is not None:
            self.select(chosen)

    def select(self, saved_id: str) -> None:
        index = self.model.index_of(saved_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def current_id(self) -> str | None:
        saved = self.model.saved_word(self.view.currentIndex())
        return saved.id if saved is not None else None

    def show_notice(self, text: str, undo: bool = False) -> None:
        """A line under the list until replaced; an empty text hides it."""
        self.notice_label.setText(text)
        self.undo_button.setVisible(undo)
        self.notice.setVisible(bool(text))

    def show_last_change(self, undo_text: str) -> None:
        """The change undo would take back, with its Undo button; nothing if none."""
        self.show_notice(f"Last change: {undo_text}" if undo_text else "", undo=bool(undo_text))

    def _fill_choices(self) -> None:
        words = self.model.all_words
        documents: dict[str, str] = {}
        for saved in words:
            documents.setdefault(saved.document_path, saved.document_title or saved.document_path)
        self._refill(
            self.document_filter,
            "All documents",
            sorted(documents.items(), key=lambda item: item[1].casefold()),
        )
        tags = sorted({tag for saved in words for tag in saved.tags}, key=str.casefold)
        self._refill(self.tag_filter, "All tags", [(tag, tag) for tag in tags])

    def _refill(self, combo: QtWidgets.QComboBox, every: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(every, None)
        for key, label in items:
            combo.addItem(shortened(label) or "(no title)", key)
        found = combo.findData(chosen) if chosen is not None else -1
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)
        if chosen is not None and found < 0:
            self._filter_changed()

    def _filter_changed(self) -> None:
        period = self.date_filter.currentData()
        self.model.set_filter(
            VocabularyFilter(
                document=self.document_filter.currentData(),
                status=self.status_filter.currentData(),
                since=period_start(period, self._now()) if period else None,
                tag=self.tag_filter.currentData(),
            )
        )

    def _after_reset(self) -> None:
        total, shown = self.model.total(), self.model.rowCount()
        noun = "saved word" if total == 1 else "saved words"
        if not total:
            self.count_label.setText(NO_WORDS)
        else:
            self.count_label.setText(
                f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}"
            )
        self.count_label.setWordWrap(not total)
        self._show_current()

    def _show_current(self) -> None:
        saved = self.model.saved_word(self.view.currentIndex())
        self.sentence_label.setText(saved.sentence if saved else "")
        self.source_label.setText(shortened(saved.source) if saved else "")
        for button in (self.go_button, self.edit_button, self.delete_button):
            button.setEnabled(saved is not None)

    def _ask(self, signal: QtCore.SignalInstance) -> None:
        saved_id = self.current_id()
        if saved_id is not None:
            signal.emit(saved_id)

    def _go(self, *_: object) -> None:
        self._ask(self.jump_requested)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        keys = (QtCore.QEvent.ShortcutOverride, QtCore.QEvent.KeyPress)
        if watched is not self.view or kind not in keys:
            return False
        if not event.matches(QtGui.QKeySequence.Delete):
            return False
        event.accept()
        if kind == QtCore.QEvent.KeyPress:
            self._ask(self.delete_requested)
            return True
        return False

    def _menu(self, point: QtCore.QPoint) -> QtWidgets.QMenu | None:
        saved = self.model.saved_word(self.view.indexAt(point))
        if saved is None:
            return None
        menu = QtWidgets.QMenu(self)
        menu.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        menu.addAction("&Go to Sentence").triggered.connect(
            lambda: self.jump_requested.emit(saved.id)
        )
        menu.addAction("&Edit…").triggered.connect(lambda: self.edit_requested.emit(saved.id))
        menu.addSeparator()
        menu.addAction("&Delete").triggered.connect(lambda: self.delete_requested.emit(saved.id))
        menu.popup(self.view.viewport().mapToGlobal(point))
        return menu
