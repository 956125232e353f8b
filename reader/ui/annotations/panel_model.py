"""The annotations panel's model: the open document's annotations grouped by section in
reading order, filtered by colour, tag and text; orphans (not found in the text) in a group
of their own.

One model over the window's AnnotationSet, not a widget per row: 10,000 annotations filter
by a pass of filter_annotations and a model reset. The set holds the annotations; the
model keeps only its rows' order and follows the set's changes, moving rows only when they
must. Notes are shown as plain text: item views draw text as it is, and tooltips escape it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from reader.document import Section
from reader.store import Annotation, AnnotationChange, AnnotationSet, filter_annotations
from reader.ui.annotations.tooltips import row_tooltip
from reader.ui.plain_text import tooltip
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.highlight_colours import swatch
from reader.ui.views.page_palette import panel_tint

_NO_INDEX = QtCore.QModelIndex()
ANNOTATION_ROLE = QtCore.Qt.UserRole + 1
"""The Annotation record of a row (None for a group)."""
COLUMNS = ("Quote", "Note", "Tags")
_NO_FLAGS = QtCore.Qt.NoItemFlags
_HEADING_FLAGS = QtCore.Qt.ItemIsEnabled | QtCore.Qt.ItemNeverHasChildren
_ITEM_FLAGS = _HEADING_FLAGS | QtCore.Qt.ItemIsSelectable
HEADING_BACKGROUND = "#eeebe3"
ORPHANS_HEADING = "Not found in the text"
QUOTE_CHARS = 80
"""Characters of a quote shown in its row; the tooltip has the whole of it."""
NOTE_CHARS = 200


def _one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


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

    def __init__(self, annotations: AnnotationSet, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._annotations = annotations
        self._sections: list[Section] = []
        self._starts: list[int] = []
        self._numbers: dict[int, int] = {}
        self._rows: list[_Heading | Annotation] = []
        self._filter: dict[str, str | None] = {"colour": None, "tag": None, "text": None}
        self._names: dict[str, str] = {}
        self._unsaved: set[str] = set()
        self._icons: dict[tuple[str, bool], QtGui.QIcon] = {}
        self._sort_keys: dict[str, tuple[Annotation, tuple[int, tuple]]] = {}
        annotations.add_listener(self)

    # Following the set

    def annotations_replaced(self, before: Sequence[Annotation]) -> None:
        """Another document's annotations, or the same read anew: grouped afresh."""
        document = self._annotations.document
        self._sections = list(document.sections()) if document else []
        self._starts = [section.start for section in self._sections]
        self._numbers = {id(section): number for number, section in enumerate(self._sections)}
        self._sort_keys = {}
        self._regroup()

    def annotation_changed(self, change: AnnotationChange) -> None:
        if change.draft:
            return  # not one of the document's annotations until it is saved
        if change.after is not None:
            self._put(change.before, change.after)
        elif change.before is not None:
            self._remove(change.before.id)

    # Content

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
        return self._annotations.all()

    def shown_count(self) -> int:
        return sum(1 for row in self._rows if isinstance(row, Annotation))

    def headings(self) -> list[int]:
        """The rows that head a group."""
        return [number for number, row in enumerate(self._rows) if isinstance(row, _Heading)]

    def tags(self) -> list[str]:
        """Every tag used in the document, each once."""
        seen: dict[str, None] = {}
        for annotation in self._annotations.all():
            for tag in annotation.tags:
                seen.setdefault(tag, None)
        return list(seen)

    def _put(self, before: Annotation | None, annotation: Annotation) -> None:
        """Add an annotation, or show it as it now is; rows move only when they must."""
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

    def _remove(self, annotation_id: str) -> None:
        self._sort_keys.pop(annotation_id, None)
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
        shown = filter_annotations(self._annotations.all(), **self._filter)
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
            return panel_tint(HEADING_BACKGROUND)
        if column != 0:
            return None
        if role == QtCore.Qt.DisplayRole:
            return f"{heading.text}  ({heading.count})"
        if role == QtCore.Qt.ToolTipRole:
            return tooltip(heading.text)
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
            name = self._names.get(annotation.colour, annotation.colour)
            return row_tooltip(annotation, name, annotation.id in self._unsaved)
        if role == QtCore.Qt.FontRole and annotation.id in self._unsaved:
            font = QtGui.QFont()
            font.setItalic(True)
            return font
        return None
