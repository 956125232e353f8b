"""The section tree: a Qt item model over Document.root, and the view that navigates by it."""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document, Section
from reader.ui.plain_text import shortened, tooltip
from reader.ui.qt import QtCore, QtWidgets

_NO_INDEX = QtCore.QModelIndex()
FIGURE_COLUMN = 1


class SectionModel(QtCore.QAbstractItemModel):
    """Headings, and beside them a short figure per section (the share of its words the
    reader knows: reader.ui.coverage), empty until one is given; the title's section is the
    single top-level row.

    An index carries its section's place in reading order as its internal id, so the
    model holds plain integers for Qt and the sections stay plain Python objects.
    """

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._sections: list[Section] = []
        self._ids: dict[int, int] = {}
        self._rows: dict[int, int] = {}
        self._shown: Callable[[str], str] = lambda heading: heading
        self._figures: dict[int, tuple[str, str]] = {}
        """Section number -> the second column's text and tooltip."""

    def set_shown(self, shown: Callable[[str], str]) -> None:
        """Headings shown as `shown` gives them (in the script the reader chose)."""
        self._shown = shown
        for section in self._sections:
            index = self.index_of(section)
            self.dataChanged.emit(index, index, [QtCore.Qt.DisplayRole, QtCore.Qt.ToolTipRole])

    def set_figures(self, figure: Callable[[Section], tuple[str, str] | None]) -> None:
        """The second column: each section's short text and its tooltip (None: empty)."""
        before = self._figures
        self._figures = {}
        for number, section in enumerate(self._sections):
            found = figure(section)
            if found is not None:
                self._figures[number] = found
        # One signal for each parent's rows that changed, not one a section: a signal makes
        # the view measure its column again (120 of them took 0.8 s on a novel's opening).
        changed: dict[int, list[int]] = {}
        for number, section in enumerate(self._sections):
            if before.get(number) != self._figures.get(number):
                changed.setdefault(id(section.parent), []).append(number)
        for numbers in changed.values():
            rows = [self._rows[id(self._sections[number])] for number in numbers]
            first = numbers[rows.index(min(rows))]
            last = numbers[rows.index(max(rows))]
            self.dataChanged.emit(
                self.createIndex(min(rows), FIGURE_COLUMN, first),
                self.createIndex(max(rows), FIGURE_COLUMN, last),
                [QtCore.Qt.DisplayRole, QtCore.Qt.ToolTipRole],
            )

    @property
    def has_figures(self) -> bool:
        """Whether any section has a figure (a reader who tracks no words has none)."""
        return bool(self._figures)

    def set_document(self, document: Document | None) -> None:
        self.beginResetModel()
        self._figures = {}
        self._sections = list(document.sections()) if document else []
        self._ids = {id(section): number for number, section in enumerate(self._sections)}
        self._rows = {}
        for section in self._sections:
            for row, child in enumerate(section.children):
                self._rows[id(child)] = row
        if self._sections:
            self._rows[id(self._sections[0])] = 0
        self.endResetModel()

    def section(self, index: QtCore.QModelIndex) -> Section | None:
        if not index.isValid():
            return None
        return self._sections[index.internalId()]

    def index_of(self, section: Section) -> QtCore.QModelIndex:
        number = self._ids.get(id(section))
        if number is None:
            return QtCore.QModelIndex()
        return self.createIndex(self._rows[id(section)], 0, number)

    def index(
        self, row: int, column: int, parent: QtCore.QModelIndex = _NO_INDEX
    ) -> QtCore.QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QtCore.QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        child = self._sections[parent.internalId()].children[row]
        return self.createIndex(row, column, self._ids[id(child)])

    def parent(self, index: QtCore.QModelIndex = _NO_INDEX) -> QtCore.QModelIndex:
        if not index.isValid():
            return QtCore.QModelIndex()
        owner = self._sections[index.internalId()].parent
        if owner is None:
            return QtCore.QModelIndex()
        return self.createIndex(self._rows[id(owner)], 0, self._ids[id(owner)])

    def rowCount(self, parent: QtCore.QModelIndex = _NO_INDEX) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return 1 if self._sections else 0
        return len(self._sections[parent.internalId()].children)

    def columnCount(self, parent: QtCore.QModelIndex = _NO_INDEX) -> int:
        return 2

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.DisplayRole) -> object:
        section = self.section(index)
        if section is None:
            return None
        if index.column() == FIGURE_COLUMN:
            return self._figure(index.internalId(), role)
        if role == QtCore.Qt.DisplayRole:
            return self._shown(shortened(section.heading))
        if role == QtCore.Qt.ToolTipRole:
            return tooltip(self._shown(shortened(section.heading)))
        return None

    def _figure(self, number: int, role: int) -> object:
        figure = self._figures.get(number)
        if figure is None:
            return None
        if role == QtCore.Qt.DisplayRole:
            return figure[0]
        if role == QtCore.Qt.ToolTipRole:
            return tooltip(figure[1])
        if role == QtCore.Qt.TextAlignmentRole:
            return int(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = QtCore.Qt.DisplayRole
    ) -> object:
        if orientation == QtCore.Qt.Horizontal and role == QtCore.Qt.DisplayRole:
            return ("Sections", "Known")[section] if section in (0, 1) else None
        return None


class SectionTree(QtWidgets.QTreeView):
    """Emits `section_chosen` when the reader picks a section, by mouse or keyboard.

    `show_section` moves the current item without emitting, so the reading view can make
    the tree follow its scrolling without the tree scrolling the view back.
    """

    section_chosen = QtCore.Signal(object)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._following = False
        self.setModel(SectionModel(self))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        self.setTextElideMode(QtCore.Qt.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.Stretch)
        header.setSectionResizeMode(FIGURE_COLUMN, QtWidgets.QHeaderView.ResizeToContents)
        # An empty column would still take its minimum width from the headings.
        model = self.section_model()
        self.setColumnHidden(FIGURE_COLUMN, True)
        model.dataChanged.connect(self._show_figures_if_any)
        model.modelReset.connect(self._show_figures_if_any)
        self.clicked.connect(self._choose)

    def _show_figures_if_any(self) -> None:
        hidden = not self.section_model().has_figures
        if self.isColumnHidden(FIGURE_COLUMN) != hidden:
            self.setColumnHidden(FIGURE_COLUMN, hidden)

    def section_model(self) -> SectionModel:
        model = self.model()
        assert isinstance(model, SectionModel)
        return model

    def set_document(self, document: Document) -> None:
        self._following = True
        try:
            self.section_model().set_document(document)
            self.expandAll()
            self.setCurrentIndex(self.section_model().index(0, 0))
        finally:
            self._following = False

    def current_section(self) -> Section | None:
        return self.section_model().section(self.currentIndex())

    def show_section(self, section: Section) -> None:
        index = self.section_model().index_of(section)
        if not index.isValid() or index == self.currentIndex():
            return
        self._following = True
        try:
            self.setCurrentIndex(index)
            self.scrollTo(index)
        finally:
            self._following = False

    def currentChanged(self, current: QtCore.QModelIndex, previous: QtCore.QModelIndex) -> None:
        super().currentChanged(current, previous)
        if not self._following and current.isValid():
            self._choose(current)

    def _choose(self, index: QtCore.QModelIndex) -> None:
        section = self.section_model().section(index)
        if section is not None:
            self.section_chosen.emit(section)
