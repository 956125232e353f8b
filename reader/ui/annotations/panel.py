"""The annotations panel: a document's annotations grouped by section in reading order,
filtered by colour, tag and text; orphans (not found in the text) in a group of their own.

One model over plain Annotation records, not a widget per row: 10,000 annotations filter by
a pass of filter_annotations and a model reset. Notes are shown as plain text: item views
draw text as it is, and tooltips escape it.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterable
from dataclasses import dataclass

from reader.document import Document, Section
from reader.store import COLOURS, Annotation, filter_annotations
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.reading_view_highlights import highlight_colour, note_colour

_NO_INDEX = QtCore.QModelIndex()
ANNOTATION_ROLE = QtCore.Qt.UserRole + 1
"""The Annotation record of a row (None for a group)."""
COLUMNS = ("Quote", "Note", "Tags")
_NO_FLAGS = QtCore.Qt.NoItemFlags
_HEADING_FLAGS = QtCore.Qt.ItemIsEnabled | QtCore.Qt.ItemNeverHasChildren
_ITEM_FLAGS = _HEADING_FLAGS | QtCore.Qt.ItemIsSelectable
HEADING_BACKGROUND = QtGui.QColor("#eeebe3")
ORPHANS_HEADING = "Not found in the text"
QUOTE_CHARS = 80
"""Characters of a quote shown in its row; the tooltip has the whole of it."""
NOTE_CHARS = 200


def _one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def plain_html(text: str) -> str:
    """Plain text inside rich text: nothing in it is read as markup."""
    return html.escape(text).replace("\n", "<br>")


def escaped(text: str) -> str:
    """Plain text as a tooltip shows it, line breaks and spaces kept."""
    return f"<p style='white-space:pre-wrap'>{plain_html(text)}</p>"


def swatch(colour: str, size: int = 14, noted: bool = False) -> QtGui.QIcon:
    """A square of the highlight colour; a note shows as a dark corner."""
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(QtCore.Qt.transparent)
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.Antialiasing)
    painter.setPen(QtGui.QPen(note_colour(colour), 1))
    painter.setBrush(highlight_colour(colour))
    painter.drawRoundedRect(QtCore.QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    if noted:
        painter.setPen(QtCore.Qt.NoPen)
        painter.setBrush(note_colour(colour))
        corner = QtGui.QPolygonF(
            [
                QtCore.QPointF(size * 0.45, size - 0.5),
                QtCore.QPointF(size - 0.5, size - 0.5),
                QtCore.QPointF(size - 0.5, size * 0.45),
            ]
        )
        painter.drawPolygon(corner)
    painter.end()
    return QtGui.QIcon(pixmap)


def _reading_key(annotation: Annotation) -> tuple:
    return (annotation.start, annotation.end, annotation.created, annotation.id)


def _first(pair: tuple) -> tuple:
    return pair[0]


@dataclass
class _Heading:
    """The row that starts a group: a section, or the orphans."""

    key: int
    """The section's place in reading order; orphans have the key after the last."""
    text: str
    count: int = 0


class AnnotationModel(QtCore.QAbstractTableModel):
    """One flat list: each group's heading row, then its annotations in reading order.

    Flat rather than a tree: a table view asks only for the rows it shows, while a tree view
    walks every row of every expanded group, which for 10,000 rows cost more than the 100 ms
    a filter may take.
    """

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._sections: list[Section] = []
        self._starts: list[int] = []
        self._numbers: dict[int, int] = {}
        self._all: dict[str, Annotation] = {}
        self._rows: list[_Heading | Annotation] = []
        self._filter: dict[str, str | None] = {"colour": None, "tag": None, "text": None}
        self._names: dict[str, str] = {}
        self._unsaved: set[str] = set()
        self._icons: dict[tuple[str, bool], QtGui.QIcon] = {}
        self._sort_keys: dict[str, tuple[Annotation, tuple[int, tuple]]] = {}

    # Content

    def set_document(self, document: Document | None, annotations: Iterable[Annotation]) -> None:
        self._sections = list(document.sections()) if document else []
        self._starts = [section.start for section in self._sections]
        self._numbers = {id(section): number for number, section in enumerate(self._sections)}
        self._all = {a.id: a for a in annotations}
        self._sort_keys = {}
        self._unsaved = set()
        self._regroup()

    def set_filter(
        self, colour: str | None = None, tag: str | None = None, text: str | None = None
    ) -> None:
        self._filter = {"colour": colour or None, "tag": tag or None, "text": text or None}
        self._regroup()

    def set_colour_names(self, names: dict[str, str]) -> None:
        self._names = dict(names)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    def set_unsaved(self, ids: set[str]) -> None:
        changed = self._unsaved ^ ids
        self._unsaved = set(ids)
        for annotation_id in changed:
            index = self.index_of(annotation_id)
            if index.isValid():
                self.dataChanged.emit(index, index.siblingAtColumn(len(COLUMNS) - 1))

    def annotations(self) -> list[Annotation]:
        """All of the document's annotations, shown or filtered out."""
        return list(self._all.values())

    def shown_count(self) -> int:
        return sum(1 for row in self._rows if isinstance(row, Annotation))

    def headings(self) -> list[int]:
        """The rows that head a group."""
        return [number for number, row in enumerate(self._rows) if isinstance(row, _Heading)]

    def tags(self) -> list[str]:
        """Every tag used in the document, each once."""
        seen: dict[str, None] = {}
        for annotation in self._all.values():
            for tag in annotation.tags:
                seen.setdefault(tag, None)
        return list(seen)

    def put(self, annotation: Annotation) -> None:
        """Add an annotation, or show it as it now is; rows move only when they must."""
        before = self._all.get(annotation.id)
        self._all[annotation.id] = annotation
        row = self._row_of(annotation.id)
        wanted = self._matches(annotation)
        if (
            row is not None
            and wanted
            and before is not None
            and self._group_key(before) == self._group_key(annotation)
            and _reading_key(before) == _reading_key(annotation)
        ):
            self._rows[row] = annotation
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return
        if row is not None:
            self._take(row)
        if wanted:
            self._insert(annotation)

    def remove(self, annotation_id: str) -> None:
        self._sort_keys.pop(annotation_id, None)
        if self._all.pop(annotation_id, None) is not None:
            row = self._row_of(annotation_id)
            if row is not None:
                self._take(row)

    def annotation(self, index: QtCore.QModelIndex) -> Annotation | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        return row if isinstance(row, Annotation) else None

    def index_of(self, annotation_id: str) -> QtCore.QModelIndex:
        row = self._row_of(annotation_id)
        return self.index(row, 0) if row is not None else QtCore.QModelIndex()

    # Grouping

    def _group_key(self, annotation: Annotation) -> int:
        if annotation.orphan or not self._sections:
            return len(self._sections)
        number = max(0, bisect.bisect_right(self._starts, annotation.start) - 1)
        section = self._sections[number]
        while section.parent is not None and not section.start <= annotation.start < section.end:
            section = section.parent
        return self._numbers[id(section)]

    def _sort_key(self, annotation: Annotation) -> tuple[int, tuple]:
        """Group, then place in the text; kept per record, so a filter sorts without
        looking sections up again."""
        found = self._sort_keys.get(annotation.id)
        if found is None or found[0] is not annotation:
            found = (annotation, (self._group_key(annotation), _reading_key(annotation)))
            self._sort_keys[annotation.id] = found
        return found[1]

    def _heading(self, key: int) -> _Heading:
        if key >= len(self._sections):
            return _Heading(key, ORPHANS_HEADING)
        return _Heading(key, " ".join(self._sections[key].heading.split()))

    def _matches(self, annotation: Annotation) -> bool:
        return bool(filter_annotations([annotation], **self._filter))

    def _regroup(self) -> None:
        self.beginResetModel()
        shown = filter_annotations(self._all.values(), **self._filter)
        keyed = sorted(((self._sort_key(a), a) for a in shown), key=_first)
        self._rows = []
        heading: _Heading | None = None
        for (key, _), annotation in keyed:
            if heading is None or heading.key != key:
                heading = self._heading(key)
                self._rows.append(heading)
            heading.count += 1
            self._rows.append(annotation)
        self.endResetModel()

    def _row_of(self, annotation_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if isinstance(row, Annotation) and row.id == annotation_id:
                return number
        return None

    def _heading_above(self, row: int) -> int:
        while not isinstance(self._rows[row], _Heading):
            row -= 1
        return row

    def _insert(self, annotation: Annotation) -> None:
        key = self._group_key(annotation)
        heading_row = next(
            (n for n, row in enumerate(self._rows) if isinstance(row, _Heading) and row.key >= key),
            len(self._rows),
        )
        heading = self._rows[heading_row] if heading_row < len(self._rows) else None
        if not isinstance(heading, _Heading) or heading.key != key:
            self.beginInsertRows(_NO_INDEX, heading_row, heading_row + 1)
            self._rows[heading_row:heading_row] = [
                _Heading(key, self._heading(key).text, 1),
                annotation,
            ]
            self.endInsertRows()
            return
        end = heading_row + 1
        while end < len(self._rows) and not isinstance(self._rows[end], _Heading):
            end += 1
        keys = [_reading_key(row) for row in self._rows[heading_row + 1 : end]]  # type: ignore[arg-type]
        row = heading_row + 1 + bisect.bisect_left(keys, _reading_key(annotation))
        self.beginInsertRows(_NO_INDEX, row, row)
        self._rows.insert(row, annotation)
        self.endInsertRows()
        heading.count += 1  # after the insertion: a row's data changes by dataChanged only
        self._heading_changed(heading_row)

    def _take(self, row: int) -> None:
        heading_row = self._heading_above(row)
        heading = self._rows[heading_row]
        assert isinstance(heading, _Heading)
        if heading.count == 1:
            self.beginRemoveRows(_NO_INDEX, heading_row, heading_row + 1)
            del self._rows[heading_row : heading_row + 2]
            self.endRemoveRows()
            return
        self.beginRemoveRows(_NO_INDEX, row, row)
        del self._rows[row]
        self.endRemoveRows()
        heading.count -= 1
        self._heading_changed(heading_row)

    def _heading_changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # QAbstractTableModel

    def rowCount(self, parent: QtCore.QModelIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QtCore.QModelIndex) -> QtCore.Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _ITEM_FLAGS if isinstance(self._rows[index.row()], Annotation) else _HEADING_FLAGS

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = QtCore.Qt.DisplayRole
    ) -> object:
        if orientation == QtCore.Qt.Horizontal and role == QtCore.Qt.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, _Heading):
            return self._heading_data(row, index.column(), role)
        return self._annotation_data(row, index.column(), role)

    def _heading_data(self, heading: _Heading, column: int, role: int) -> object:
        if role == QtCore.Qt.BackgroundRole:
            return HEADING_BACKGROUND
        if column != 0:
            return None
        if role == QtCore.Qt.DisplayRole:
            return f"{heading.text}  ({heading.count})"
        if role == QtCore.Qt.ToolTipRole:
            return escaped(heading.text)
        if role == QtCore.Qt.FontRole:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None

    def _annotation_data(self, annotation: Annotation, column: int, role: int) -> object:
        if role == ANNOTATION_ROLE:
            return annotation
        if role == QtCore.Qt.DisplayRole:
            if column == 0:
                return _one_line(annotation.quote, QUOTE_CHARS)
            if column == 1:
                return _one_line(annotation.note, NOTE_CHARS)
            return ", ".join(annotation.tags)
        if role == QtCore.Qt.DecorationRole and column == 0:
            key = (annotation.colour, bool(annotation.note.strip()))
            if key not in self._icons:
                self._icons[key] = swatch(annotation.colour, noted=key[1])
            return self._icons[key]
        if role == QtCore.Qt.ToolTipRole:
            return self._tooltip(annotation)
        if role == QtCore.Qt.FontRole and annotation.id in self._unsaved:
            font = QtGui.QFont()
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, annotation: Annotation) -> str:
        name = self._names.get(annotation.colour, annotation.colour)
        lines = [annotation.quote, ""]
        if annotation.note:
            lines += [annotation.note, ""]
        lines.append(" · ".join([name, *annotation.tags]))
        if annotation.orphan:
            lines.append("Not found in the text as it is now.")
        if annotation.id in self._unsaved:
            lines.append("Not saved yet.")
        return escaped("\n".join(lines))


class AnnotationsPanel(QtWidgets.QWidget):
    """The dock's contents: filters, a notice line, and the grouped list.

    Its signals are intents; the controller acts on them.
    """

    jump_requested = QtCore.Signal(str)
    edit_requested = QtCore.Signal(str)
    delete_requested = QtCore.Signal(str)
    attach_requested = QtCore.Signal(str)
    retry_requested = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationModel(self)

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
        columns = self.view.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setStretchLastSection(True)
        columns.resizeSection(0, 170)
        columns.resizeSection(1, 130)
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

    def set_document(self, document: Document | None, annotations: Iterable[Annotation]) -> None:
        self.model.set_document(document, annotations)
        self._fill_tags()

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

    def put(self, annotation: Annotation) -> None:
        self.model.put(annotation)
        self._fill_tags()
        self._count()

    def remove(self, annotation_id: str) -> None:
        self.model.remove(annotation_id)
        self._fill_tags()
        self._count()

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
        total = len(self.model.annotations())
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
