"""The Search Library window (Ctrl+Shift+F): one box over every document of the library or
every annotation, read as characters or pinyin as the find bar reads it, filters by
document, tag and colour, and the hits as a concordance (keyword in context) below.

The window only shows and asks; the search controller searches, opens and exports.
Everything it shows from documents and notes is plain text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

from reader.library.search import Hit
from reader.ui.find.bar import NO_MATCH_COLOUR, NO_MATCH_DARK_COLOUR, FindMode
from reader.ui.find.mode_box import FindModeBox
from reader.ui.plain_text import plain_label, shortened
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.search.results_model import DOCUMENT, LEFT, MATCH, SECTION, ConcordanceModel
from reader.ui.views.page_style import theme

DEFAULT_SIZE = QtCore.QSize(1000, 620)
COLUMN_EMS = {DOCUMENT: 6, SECTION: 10}
"""The document's and the section's columns' first widths, in characters."""


class SearchScope(str, Enum):
    """What is searched: the documents' text, or the annotations (quotes, notes, tags)."""

    TEXT = "text"
    NOTES = "notes"

    @property
    def label(self) -> str:
        return {"text": "Text", "notes": "Notes"}[self.value]


class _ElideLeft(QtWidgets.QStyledItemDelegate):
    """The left context loses its far end, not the characters next to the match."""

    def initStyleOption(self, option: QtWidgets.QStyleOptionViewItem, index: object) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = QtCore.Qt.ElideLeft


class LibrarySearchWindow(QtWidgets.QWidget):
    """The query, the filters, what the search found and the concordance."""

    query_changed = QtCore.Signal()
    """The query, how it is read, the scope or a filter changed."""
    hit_chosen = QtCore.Signal(int)
    """The reader clicked a row, or pressed Enter on it: its number as shown."""
    export_requested = QtCore.Signal()
    hidden = QtCore.Signal()
    """Closed or hidden: where it stood is worth keeping."""
    search_requested = QtCore.Signal()
    """Enter in the query box: search now, not after the pause for the next keystroke."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, QtCore.Qt.Window)
        self.setObjectName("library-search")
        self.setWindowTitle("Search Library")
        self.resize(DEFAULT_SIZE)
        self.edit = QtWidgets.QLineEdit()
        self.edit.setObjectName("library-search-field")
        self.edit.setPlaceholderText("Search the library: characters or pinyin")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.returnPressed.connect(self._to_results)
        self.mode_box = FindModeBox()
        self.mode_box.currentIndexChanged.connect(lambda _: self.show_mode_used(None))
        self.mode_box.currentIndexChanged.connect(lambda _: self.query_changed.emit())
        self.mode_box.currentIndexChanged.connect(lambda _: self.show_mode_used(None))
        self.scope_box = self._box(
            "Text: the documents' text; Notes: the highlights' quotes, notes and tags",
            [(scope.label, scope) for scope in SearchScope],
        )
        self.scope_box.currentIndexChanged.connect(self._scope_chosen)
        self.document_box = self._box("Search one document, or all of them", [])
        self.tag_box = self._box("Only the annotations with this tag", [])
        self.colour_box = self._box("Only the highlights of this colour", [])
        self.set_documents([])
        self.set_tags([])
        self.set_colours({})
        self.status = plain_label()
        self.status.setObjectName("library-search-status")
        self.export_button = QtWidgets.QPushButton("Export CSV…")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_requested)
        self.model = ConcordanceModel(self)
        self.table = self._make_table()
        self._lay_out()
        self._scope_chosen()

    def _box(self, tip: str, items: Iterable[tuple[str, object]]) -> QtWidgets.QComboBox:
        box = QtWidgets.QComboBox()
        box.setToolTip(tip)
        for text, data in items:
            box.addItem(text, data)
        box.currentIndexChanged.connect(lambda _: self.query_changed.emit())
        return box

    def _make_table(self) -> QtWidgets.QTableView:
        table = QtWidgets.QTableView()
        table.setObjectName("concordance")
        table.setModel(self.model)
        table.setItemDelegateForColumn(LEFT, _ElideLeft(table))
        table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        table.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        # Rows of one height: the view never measures thousands of them.
        table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.Interactive)
        header.setSectionResizeMode(LEFT, QtWidgets.QHeaderView.Stretch)
        header.setSectionResizeMode(LEFT + 2, QtWidgets.QHeaderView.Stretch)
        header.setHighlightSections(False)
        for column, ems in COLUMN_EMS.items():
            table.setColumnWidth(column, table.fontMetrics().averageCharWidth() * ems * 2)
        table.setSortingEnabled(True)
        header.setSortIndicator(DOCUMENT, QtCore.Qt.AscendingOrder)
        table.clicked.connect(lambda index: self.hit_chosen.emit(index.row()))
        table.installEventFilter(self)
        return table

    def _lay_out(self) -> None:
        search_row = QtWidgets.QHBoxLayout()
        search_row.addWidget(self.mode_box)
        search_row.addWidget(self.edit, 1)
        search_row.addWidget(QtWidgets.QLabel("in"))
        search_row.addWidget(self.scope_box)
        filter_row = QtWidgets.QHBoxLayout()
        for label, box in (
            ("Document:", self.document_box),
            ("Tag:", self.tag_box),
            ("Colour:", self.colour_box),
        ):
            filter_row.addWidget(QtWidgets.QLabel(label))
            filter_row.addWidget(box, 1 if box is self.document_box else 0)
        filter_row.addStretch(0)
        status_row = QtWidgets.QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.export_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)

    # What the reader typed and chose

    def query(self) -> str:
        return self.edit.text()

    def set_query(self, text: str) -> None:
        self.edit.setText(text)

    def mode(self) -> FindMode:
        return self.mode_box.mode()

    def set_mode(self, mode: FindMode) -> None:
        self.mode_box.set_mode(mode)

    def scope(self) -> SearchScope:
        return SearchScope(self.scope_box.currentData())

    def set_scope(self, scope: SearchScope) -> None:
        self.scope_box.setCurrentIndex(list(SearchScope).index(scope))

    def _scope_chosen(self) -> None:
        """Tags and colours belong to annotations: offered in the Notes scope alone."""
        notes = self.scope() is SearchScope.NOTES
        self.tag_box.setEnabled(notes)
        self.colour_box.setEnabled(notes)

    def focus_query(self) -> None:
        self.edit.setFocus(QtCore.Qt.ShortcutFocusReason)
        self.edit.selectAll()

    # The filters

    def set_documents(self, documents: Sequence[tuple[int, str]]) -> None:
        """The library's documents, `(id, title)`, to choose one from; the choice is kept."""
        self._refill(
            self.document_box,
            [("All documents", None)]
            + [(shortened(title), frozenset({id})) for id, title in documents],
        )

    def choose_documents(self, ids: frozenset[int] | None) -> None:
        """Search these documents (None: all); a set of several is offered as one item."""
        box = self.document_box
        found = box.findData(ids)
        if found < 0 and ids is not None:
            box.addItem(f"{len(ids):,} documents", ids)
            found = box.count() - 1
        box.setCurrentIndex(max(0, found))

    def chosen_documents(self) -> frozenset[int] | None:
        return self.document_box.currentData()

    def set_tags(self, tags: Sequence[str]) -> None:
        self._refill(self.tag_box, [("Any tag", None)] + [(shortened(t), t) for t in tags])

    def chosen_tags(self) -> frozenset[str]:
        tag = self.tag_box.currentData() if self.tag_box.isEnabled() else None
        return frozenset({tag}) if tag else frozenset()

    def set_colours(self, names: dict[str, str]) -> None:
        """The colours, each with the reader's name for it (yellow — vocabulary)."""
        items = [(f"{colour} — {name}", colour) for colour, name in names.items()]
        self._refill(self.colour_box, [("Any colour", None), *items])

    def chosen_colours(self) -> frozenset[str]:
        colour = self.colour_box.currentData() if self.colour_box.isEnabled() else None
        return frozenset({colour}) if colour else frozenset()

    def _refill(self, box: QtWidgets.QComboBox, items: list[tuple[str, object]]) -> None:
        """New items, the one chosen before chosen still if it is among them; quietly."""
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    # What the window says

    def show_mode_used(self, used: FindMode | None) -> None:
        """In Auto, which way the query is read: "Auto: Pinyin", as the find bar says."""
        self.mode_box.show_used(used)

    def show_hits(self, hits: Sequence[Hit], more: bool = False, searching: bool = False) -> None:
        """The concordance, and "1,234 matches in 3 documents"; `more`: there are more
        than these, which are the first in the library's order; `searching`: the rest are
        being found."""
        self.model.set_hits(hits)
        self._fit_match_column(hits)
        self.export_button.setEnabled(bool(hits))
        if not hits:
            self._say("No matches", no_match=True)
            return
        documents = len({hit.document_id for hit in hits})
        matches = f"{len(hits):,} match{'' if len(hits) == 1 else 'es'}"
        said = f"{matches} in {documents:,} document{'' if documents == 1 else 's'}"
        if searching:
            said = f"The first {said} are shown; searching for the rest…"
        elif more:
            said = f"The first {said} are shown; there are more: narrow the search"
        self._say(said)

    def _fit_match_column(self, hits: Sequence[Hit]) -> None:
        """As wide as the longest match, measured once rather than row by row."""
        metrics = QtGui.QFontMetrics(self.table.font())
        longest = max((hit.match for hit in hits), key=len, default="")
        width = max(metrics.horizontalAdvance(longest) * 6 // 5, metrics.averageCharWidth() * 6)
        self.table.setColumnWidth(MATCH, width + 16)

    def clear_hits(self, note: str = "") -> None:
        self.model.set_hits([])
        self.export_button.setEnabled(False)
        self._say(note)

    def show_progress(self, text: str) -> None:
        self._say(text)

    def show_error(self, text: str) -> None:
        """The query cannot be searched for, and why: said here, no message box."""
        self.model.set_hits([])
        self.export_button.setEnabled(False)
        self._say(text, no_match=True, error=True)

    def _say(self, text: str, no_match: bool = False, error: bool = False) -> None:
        self.status.setText(text)
        colours = theme()
        self.status.setStyleSheet(f"color: {colours.accent_ink};" if error else "")
        background = NO_MATCH_DARK_COLOUR if colours.dark else NO_MATCH_COLOUR
        self.edit.setStyleSheet(
            f"QLineEdit#library-search-field {{ background: {background}; }}" if no_match else ""
        )

    # Keys

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        enter = (QtCore.Qt.Key_Return, QtCore.Qt.Key_Enter)
        if (
            watched is self.table
            and event.type() == QtCore.QEvent.KeyPress
            and event.key() in enter
            and self.table.currentIndex().isValid()
        ):
            self.hit_chosen.emit(self.table.currentIndex().row())
            return True
        return False

    def _to_results(self) -> None:
        """Enter in the box: on to the results, the first chosen; Enter again opens it."""
        self.search_requested.emit()
        if self.model.rowCount():
            self.table.setFocus(QtCore.Qt.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, DOCUMENT))

    def hideEvent(self, event: QtGui.QHideEvent) -> None:
        super().hideEvent(event)
        self.hidden.emit()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
