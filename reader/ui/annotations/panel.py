"""The annotations panel: filters, a notice line, and the grouped list of the document's
annotations (AnnotationModel). It shows the window's AnnotationSet and asks for what the
reader does through signals named as intents; the controller acts on them."""

from __future__ import annotations

from collections.abc import Sequence

from reader.store import COLOURS, Annotation, AnnotationChange, AnnotationSet
from reader.ui.annotations.panel_model import COLUMNS, AnnotationModel
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.views.highlight_colours import swatch

TAGS_WIDTH = 80
"""The Tags column's width; Quote and Note share the rest."""


class AnnotationsPanel(QtWidgets.QWidget):
    """The dock's contents: filters, a notice line, and the grouped list.

    Its signals are intents; the controller acts on them.
    """

    jump_requested = QtCore.Signal(str)
    edit_requested = QtCore.Signal(str)
    delete_requested = QtCore.Signal(str)
    attach_requested = QtCore.Signal(str)
    retry_requested = QtCore.Signal()

    def __init__(self, annotations: AnnotationSet, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._annotations = annotations
        self.model = AnnotationModel(annotations, self)

        self.colour_filter = QtWidgets.QComboBox()
        self.colour_filter.setToolTip("Show one colour only")
        self.tag_filter = QtWidgets.QComboBox()
        self.tag_filter.setToolTip("Show one tag only")
        self.tag_filter.setSizeAdjustPolicy(QtWidgets.QComboBox.AdjustToContents)
        self.text_filter = QtWidgets.QLineEdit()
        self.text_filter.setPlaceholderText("Filter by text in quotes, notes and tags")
        self.text_filter.setClearButtonEnabled(True)
        self.count_label = QtWidgets.QLabel()
        self.count_label.setTextFormat(QtCore.Qt.PlainText)
        self.notice_label = QtWidgets.QLabel()
        self.notice_label.setTextFormat(QtCore.Qt.PlainText)
        self.notice_label.setWordWrap(True)
        self.retry_button = QtWidgets.QPushButton("Retry Saving")
        self.retry_button.clicked.connect(self.retry_requested)
        self.notice = QtWidgets.QFrame()
        self.notice.setObjectName("annotations-notice")
        self.notice.setStyleSheet(
            "#annotations-notice { background: #fff4d6; border: 1px solid #e0c97a; "
            "border-radius: 3px; }"
        )
        notice_layout = QtWidgets.QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(6, 4, 6, 4)
        notice_layout.addWidget(self.notice_label, 1)
        notice_layout.addWidget(self.retry_button)
        self.notice.hide()

        self.view = QtWidgets.QTableView()
        self.view.setModel(self.model)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        self.view.setTextElideMode(QtCore.Qt.ElideRight)
        # The last column stretches and long text is elided: nothing to scroll sideways to.
        self.view.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOff)
        self.view.setContextMenuPolicy(QtCore.Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(self._activated)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        # The columns share the panel's width, however narrow, so a long quote, note or
        # section heading ends in "…" rather than being cut off at the panel's edge.
        columns = self.view.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("…") * 3)
        columns.setSectionResizeMode(0, QtWidgets.QHeaderView.Stretch)
        columns.setSectionResizeMode(1, QtWidgets.QHeaderView.Stretch)
        columns.setSectionResizeMode(2, QtWidgets.QHeaderView.Interactive)
        columns.setStretchLastSection(False)
        columns.resizeSection(2, TAGS_WIDTH)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._after_insert)
        self.model.rowsRemoved.connect(self._count)

        filters = QtWidgets.QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.colour_filter)
        filters.addWidget(self.tag_filter)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.text_filter)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self.set_colour_names({colour: colour for colour in COLOURS})
        self._fill_tags()
        self.colour_filter.currentIndexChanged.connect(self._filter_changed)
        self.tag_filter.currentIndexChanged.connect(self._filter_changed)
        self.text_filter.textChanged.connect(self._filter_changed)
        annotations.add_listener(self)  # after the model: it hears of a change first

    def annotations_replaced(self, before: Sequence[Annotation]) -> None:
        self._fill_tags()

    def annotation_changed(self, change: AnnotationChange) -> None:
        if not change.draft:
            self._fill_tags()
            self._count()

    def set_colour_names(self, names: dict[str, str]) -> None:
        self.model.set_colour_names(names)
        chosen = self.colour_filter.currentData()
        self.colour_filter.blockSignals(True)
        self.colour_filter.clear()
        self.colour_filter.addItem("All colours", None)
        for colour in COLOURS:
            self.colour_filter.addItem(swatch(colour), names.get(colour, colour), colour)
        self.colour_filter.setCurrentIndex(max(0, self.colour_filter.findData(chosen)))
        self.colour_filter.blockSignals(False)

    def show_notice(self, text: str, retry: bool = False) -> None:
        """A line above the list that stays until replaced; an empty text hides it."""
        self.notice_label.setText(text)
        self.retry_button.setVisible(retry)
        self.notice.setVisible(bool(text))

    def select(self, annotation_id: str) -> None:
        index = self.model.index_of(annotation_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def current_annotation(self) -> Annotation | None:
        return self.model.annotation(self.view.currentIndex())

    def _fill_tags(self) -> None:
        tags = sorted(self.model.tags(), key=str.casefold)
        chosen = self.tag_filter.currentData()
        listed = [self.tag_filter.itemData(n) for n in range(1, self.tag_filter.count())]
        if self.tag_filter.count() and listed == tags:
            return
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        found = self.tag_filter.findData(chosen) if chosen is not None else -1
        self.tag_filter.setCurrentIndex(max(0, found))
        self.tag_filter.blockSignals(False)
        if chosen is not None and found < 0:
            self._filter_changed()

    def _filter_changed(self) -> None:
        self.model.set_filter(
            self.colour_filter.currentData(),
            self.tag_filter.currentData(),
            self.text_filter.text().strip(),
        )

    def _after_reset(self) -> None:
        self.view.clearSpans()
        for row in self.model.headings():
            self.view.setSpan(row, 0, 1, len(COLUMNS))
        self._count()

    def _after_insert(self, parent: QtCore.QModelIndex, first: int, last: int) -> None:
        for row in self.model.headings():  # rows below moved: span the headings again
            if first <= row <= last:
                self.view.setSpan(row, 0, 1, len(COLUMNS))
        self._count()

    def _count(self) -> None:
        total = len(self._annotations)
        shown = self.model.shown_count()
        noun = "annotation" if total == 1 else "annotations"
        self.count_label.setText(
            f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}"
        )

    def _activated(self, index: QtCore.QModelIndex) -> None:
        annotation = self.model.annotation(index)
        if annotation is not None:
            if annotation.orphan:
                self.edit_requested.emit(annotation.id)
            else:
                self.jump_requested.emit(annotation.id)

    def _menu(self, point: QtCore.QPoint) -> QtWidgets.QMenu | None:
        annotation = self.model.annotation(self.view.indexAt(point))
        if annotation is None:
            return None
        menu = QtWidgets.QMenu(self)
        menu.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        go = menu.addAction("&Go to Highlight")
        go.setEnabled(not annotation.orphan)
        go.triggered.connect(lambda: self.jump_requested.emit(annotation.id))
        menu.addAction("&Edit Note…").triggered.connect(
            lambda: self.edit_requested.emit(annotation.id)
        )
        if annotation.orphan:
            menu.addAction("&Attach to Selected Text").triggered.connect(
                lambda: self.attach_requested.emit(annotation.id)
            )
        menu.addSeparator()
        menu.addAction("&Delete").triggered.connect(
            lambda: self.delete_requested.emit(annotation.id)
        )
        menu.popup(self.view.viewport().mapToGlobal(point))
        return menu
