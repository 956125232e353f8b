"""Every match of a find as a row: its section and a line of context around it.

A query may match 20,000 times in a novel; the rows are made only as the list shows them:
a section title and a context are worked out for a row when the view first asks for it
(reader.document.match_places, as `reader find` prints them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.document import Document
from reader.document.match_places import MatchPlaces
from reader.ui.plain_text import shortened, tooltip
from reader.ui.qt import QtCore

SECTION, CONTEXT = range(2)
HEADERS = ("Section", "Context")
Span = tuple[int, int]
PARTS_ROLE = QtCore.Qt.UserRole + 1
"""The context's three parts (before, the match, after), for the delegate that marks it."""


class ResultsModel(QtCore.QAbstractTableModel):
    """The matches of the last find, in document order."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._places: MatchPlaces | None = None
        self._spans: Sequence[Span] = ()
        self._rows: dict[int, tuple[str, tuple[str, str, str]]] = {}

    def set_matches(self, document: Document | None, spans: Sequence[Span]) -> None:
        self.beginResetModel()
        if document is not self._document:
            self._places = MatchPlaces(document) if document is not None else None
        self._document = document
        self._spans = spans if document is not None else ()
        self._rows = {}
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = QtCore.Qt.DisplayRole
    ) -> Any:
        if orientation == QtCore.Qt.Horizontal and role == QtCore.Qt.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.DisplayRole) -> Any:
        if not index.isValid() or self._places is None:
            return None
        if role not in (QtCore.Qt.DisplayRole, QtCore.Qt.ToolTipRole, PARTS_ROLE):
            return None
        section, parts = self._row(index.row())
        if role == PARTS_ROLE:
            return parts if index.column() == CONTEXT else None
        shown = section if index.column() == SECTION else "".join(parts)
        return tooltip(shown) if role == QtCore.Qt.ToolTipRole else shown

    def _row(self, row: int) -> tuple[str, tuple[str, str, str]]:
        made = self._rows.get(row)
        if made is None:
            assert self._places is not None
            place = self._places.place(*self._spans[row])
            context = place.context
            parts = (
                context[: place.match_start],
                context[place.match_start : place.match_end],
                context[place.match_end :],
            )
            made = self._rows[row] = (shortened(" ".join(place.section.split())), parts)
        return made
