"""The hits of a library search as a concordance: one row a hit, its document and section,
the context before it (shown right-aligned, so the matches line up), the match and the
context after it.

宝玉 is found some 3,800 times in one novel: the rows are the hits themselves, nothing is
made per row until the view asks for it. Sorting is the core's (`sort_hits`): by document,
by the left context read from the match outwards, or by the right context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from reader.library.concordance import sort_hits
from reader.library.search import Hit
from reader.ui.plain_text import shortened, tooltip
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.page_style import theme

DOCUMENT, SECTION, LEFT, MATCH, RIGHT = range(5)
HEADERS = ("Document", "Section", "Left context", "Match", "Right context")
SortKey = Literal["document", "left", "right"]
SORT_KEYS: dict[int, SortKey] = {LEFT: "left", RIGHT: "right"}
"""The columns sorted by their own text; the others in document order."""
ALIGNMENT = {
    LEFT: QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter,
    MATCH: QtCore.Qt.AlignHCenter | QtCore.Qt.AlignVCenter,
}


class ConcordanceModel(QtCore.QAbstractTableModel):
    """The hits of the last search, in the order the reader sorted them."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._key: SortKey = "document"
        self._descending = False

    # The hits

    def set_hits(self, hits: Sequence[Hit]) -> None:
        """Show `hits`, sorted as the reader last chose."""
        self.beginResetModel()
        self._hits = self._sorted(hits)
        self.endResetModel()

    @property
    def hits(self) -> list[Hit]:
        """As shown, top to bottom."""
        return self._hits

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    @property
    def sort_key(self) -> SortKey:
        return self._key

    def sort(self, column: int, order: QtCore.Qt.SortOrder = QtCore.Qt.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._key = SORT_KEYS.get(column, "document")
        self._descending = order == QtCore.Qt.DescendingOrder
        self._hits = self._sorted(self._hits)
        self.layoutChanged.emit()

    def _sorted(self, hits: Sequence[Hit]) -> list[Hit]:
        ordered = list(sort_hits(hits, self._key))
        return ordered[::-1] if self._descending else ordered

    # The table

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = QtCore.Qt.DisplayRole
    ) -> Any:
        if orientation == QtCore.Qt.Horizontal and role == QtCore.Qt.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        column = index.column()
        if role == QtCore.Qt.DisplayRole:
            return _shown(hit, column)
        if role == QtCore.Qt.ToolTipRole:
            return _tip(hit, column)
        if role == QtCore.Qt.TextAlignmentRole:
            return ALIGNMENT.get(column, QtCore.Qt.AlignLeft | QtCore.Qt.AlignVCenter)
        if column == MATCH and role == QtCore.Qt.FontRole:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if column == MATCH and role == QtCore.Qt.ForegroundRole:
            return QtGui.QColor(theme().accent_ink)
        return None


def _shown(hit: Hit, column: int) -> str:
    if column == DOCUMENT:
        return shortened(hit.title or (hit.path.name if hit.path is not None else ""))
    if column == SECTION:
        return shortened(" ".join(hit.section.split()))
    return (hit.left, hit.match, hit.right)[column - LEFT]


def _tip(hit: Hit, column: int) -> str:
    """The document's file, or the whole line: a plain-text tooltip."""
    if column == DOCUMENT:
        return tooltip(str(hit.path) if hit.path is not None else hit.title)
    if column == SECTION:
        return tooltip(hit.section)
    return tooltip(f"{hit.left}{hit.match}{hit.right}")
