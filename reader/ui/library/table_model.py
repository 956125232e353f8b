"""The library's documents as a table: one row per listed document, a column per fact.

Each cell shows text made for reading (sizes in KB and MB, shares as percentages, dates
without seconds) and sorts by the value under it (SORT_ROLE), so 9 KB sorts before 10 KB.
A document whose file is gone is greyed and marked "missing". Everything shown is plain
text: titles and paths come from files.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from reader.store.library import LibraryEntry
from reader.ui.plain_text import tooltip
from reader.ui.qt import QtCore, QtGui, QtWidgets

COLUMNS = (
    "Title",
    "Path",
    "Format",
    "Size",
    "Characters",
    "Progress",
    "Known",
    "Last Opened",
)
TITLE, PATH, FORMAT, SIZE, CHARACTERS, PROGRESS, KNOWN, LAST_OPENED = range(len(COLUMNS))
SORT_ROLE = QtCore.Qt.UserRole + 1
ID_ROLE = QtCore.Qt.UserRole + 2
MISSING = "missing"
NUMERIC = (SIZE, CHARACTERS, PROGRESS, KNOWN)


def size_label(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def share_label(share: float | None) -> str:
    return "" if share is None else f"{share:.0%}"


def when(value: object) -> datetime | None:
    """A stored time (ISO text or a datetime) as a datetime; None if there is none."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def when_label(value: object) -> str:
    moment = when(value)
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def display_title(entry: LibraryEntry) -> str:
    """The document's title, else its file's name; on one line."""
    title = entry.title or (entry.path.name if entry.path is not None else "")
    return " ".join(title.split())


class LibraryTableModel(QtCore.QAbstractTableModel):
    """The entries, in the store's order (last opened first) until the view sorts them."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []
        self._missing: set[int] = set()

    def set_entries(self, entries: Iterable[LibraryEntry]) -> None:
        """The listed documents; whether each file is there is looked at here, once (not at
        every paint), and again by each scan."""
        self.beginResetModel()
        self._entries = list(entries)
        self._missing = {entry.id for entry in self._entries if entry.missing}
        self.endResetModel()

    def mark_missing(self, missing: Iterable[int]) -> None:
        """A scan found these files gone (and the others there): rows greyed and marked."""
        self._missing = set(missing)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._entries) - 1, len(COLUMNS) - 1)
            )

    def entries(self) -> list[LibraryEntry]:
        return list(self._entries)

    def entry(self, row: int) -> LibraryEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def is_missing(self, entry: LibraryEntry) -> bool:
        return entry.id in self._missing

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = QtCore.Qt.DisplayRole
    ) -> object:
        if orientation != QtCore.Qt.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == QtCore.Qt.DisplayRole:
            return COLUMNS[section]
        if role == QtCore.Qt.ToolTipRole and section == KNOWN:
            return "The share of the text's words you know, as last counted when it was open"
        return None

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.DisplayRole) -> object:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == QtCore.Qt.DisplayRole:
            return self._text(entry, column)
        if role == SORT_ROLE:
            return self._sort_value(entry, column)
        if role == ID_ROLE:
            return entry.id
        if role == QtCore.Qt.ToolTipRole:
            if column == PATH and entry.path is not None:
                missing = self.is_missing(entry)
                gone = " (the file is missing: Locate File… finds it)" if missing else ""
                return tooltip(f"{entry.path}{gone}")
            if column == TITLE:
                return tooltip(display_title(entry))
            return None
        if role == QtCore.Qt.ForegroundRole and self.is_missing(entry):
            return QtWidgets.QApplication.palette().brush(
                QtGui.QPalette.Disabled, QtGui.QPalette.Text
            )
        if role == QtCore.Qt.TextAlignmentRole and column in NUMERIC:
            return int(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter)
        return None

    def _text(self, entry: LibraryEntry, column: int) -> str:
        if column == TITLE:
            title = display_title(entry)
            return f"{title} ({MISSING})" if self.is_missing(entry) else title
        if column == PATH:
            return str(entry.path) if entry.path is not None else ""
        if column == FORMAT:
            return (entry.format or "").upper()
        if column == SIZE:
            return size_label(entry.size)
        if column == CHARACTERS:
            return f"{entry.length:,}" if entry.length else ""
        if column == PROGRESS:
            return share_label(entry.progress)
        if column == KNOWN:
            return share_label(entry.coverage)
        return when_label(entry.last_opened)

    def _sort_value(self, entry: LibraryEntry, column: int) -> object:
        """Numbers as numbers, text folded; an unknown value sorts first."""
        if column == TITLE:
            return display_title(entry).casefold()
        if column == PATH:
            return str(entry.path or Path()).casefold()
        if column == FORMAT:
            return (entry.format or "").casefold()
        if column == SIZE:
            return entry.size or 0
        if column == CHARACTERS:
            return entry.length or 0
        if column == PROGRESS:
            return -1.0 if entry.progress is None else entry.progress
        if column == KNOWN:
            return -1.0 if entry.coverage is None else entry.coverage
        moment = when(entry.last_opened)
        return moment.timestamp() if moment is not None else 0.0


class LibraryFilter(QtCore.QSortFilterProxyModel):
    """Sorts by SORT_ROLE; the filter box's words must each appear in the title or path."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QtCore.QModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, LibraryTableModel)
        entry = model.entry(row)
        if entry is None or not self._words:
            return entry is not None
        haystack = f"{display_title(entry)}\n{entry.path or ''}".casefold()
        return all(word in haystack for word in self._words)
