"""The frequency list as a table: every row kept, the ones the filters let through shown,
sorted in Python by the raw values (numbers as numbers), not through a proxy's thousands of
data() calls, so a novel's 40,000 words sort at once.

The filters: an HSK choice (all, not in HSK, one level, above a level: the words a learner
at that level has not met, the unlisted ones too) and a text (in the word, its pinyin, with
or without tones, or its gloss).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any

from reader.library.frequency import TOP_BAND, CharacterRow, FrequencyRow
from reader.ui.qt import QtCore

WORD_COLUMNS = ("Word", "Count", "Per 10k", "Sections", "HSK", "Pinyin", "Gloss", "Cumulative")
CHAR_COLUMNS = ("Character", "Count", "Per 10k", "Cumulative")
WORD_FIELDS = tuple(field.name for field in fields(FrequencyRow))
CHAR_FIELDS = tuple(field.name for field in fields(CharacterRow))
NUMBERS = frozenset({"Count", "Per 10k", "Sections", "HSK", "Cumulative"})
"""The columns shown right-aligned."""
SORT_ROLE = QtCore.Qt.UserRole
"""The raw value a column sorts by."""
UNLISTED = TOP_BAND + 1
"""Where a word without an HSK level sorts: after the 7-9 band."""

HskFilter = Callable[[int | None], bool]


def hsk_label(level: int | None) -> str:
    if level is None:
        return ""
    return "7–9" if level == TOP_BAND else str(level)


def toneless(text: str) -> str:
    """Pinyin without its tone marks (ǚ stays ü): "bǎoyù" → "baoyu"."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


class FrequencyTableModel(QtCore.QAbstractTableModel):
    """Words (FrequencyRow) or characters (CharacterRow), filtered and sorted."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[FrequencyRow | CharacterRow] = []
        self._shown: list[FrequencyRow | CharacterRow] = []
        self._characters = False
        self._hsk: HskFilter | None = None
        self._text = ""
        self._sort: tuple[int, QtCore.Qt.SortOrder] | None = None

    @property
    def characters(self) -> bool:
        return self._characters

    def columns(self) -> tuple[str, ...]:
        return CHAR_COLUMNS if self._characters else WORD_COLUMNS

    def _fields(self) -> tuple[str, ...]:
        return CHAR_FIELDS if self._characters else WORD_FIELDS

    def set_rows(
        self, rows: Sequence[FrequencyRow] | Sequence[CharacterRow], characters: bool
    ) -> None:
        """A new list (most frequent first); the filters and the sort chosen are kept."""
        self.beginResetModel()
        self._rows = rows
        self._characters = characters
        self._refilter()
        self.endResetModel()

    def set_hsk_filter(self, accepts: HskFilter | None) -> None:
        self.beginResetModel()
        self._hsk = accepts
        self._refilter()
        self.endResetModel()

    def set_text_filter(self, text: str) -> None:
        self.beginResetModel()
        self._text = text.strip().casefold()
        self._refilter()
        self.endResetModel()

    def all_rows(self) -> int:
        return len(self._rows)

    def shown(self) -> list[FrequencyRow | CharacterRow]:
        """The rows shown, in the order shown (what Export CSV writes)."""
        return list(self._shown)

    def row_at(self, row: int) -> FrequencyRow | CharacterRow:
        return self._shown[row]

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = QtCore.Qt.DisplayRole
    ) -> Any:
        columns = self.columns()
        wanted = orientation == QtCore.Qt.Horizontal and role == QtCore.Qt.DisplayRole
        return columns[section] if wanted and 0 <= section < len(columns) else None

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        name = self.columns()[index.column()]
        value = getattr(self._shown[index.row()], self._fields()[index.column()])
        if role == QtCore.Qt.DisplayRole:
            return _shown(name, value)
        if role == SORT_ROLE:
            return UNLISTED if name == "HSK" and value is None else value
        if role == QtCore.Qt.TextAlignmentRole and name in NUMBERS:
            return int(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter)
        return None

    def sort(self, column: int, order: QtCore.Qt.SortOrder = QtCore.Qt.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_shown()
        self.layoutChanged.emit()

    def _refilter(self) -> None:
        hsk, text = self._hsk, self._text
        rows: list[FrequencyRow | CharacterRow] = list(self._rows)
        if hsk is not None and not self._characters:
            rows = [row for row in rows if hsk(row.hsk)]  # type: ignore[union-attr]
        if text:
            rows = [row for row in rows if _matches(row, text)]
        self._shown = rows
        self._sort_shown()

    def _sort_shown(self) -> None:
        if self._sort is None or not 0 <= self._sort[0] < len(self.columns()):
            return
        column, order = self._sort
        unlisted = self.columns()[column] == "HSK"
        field = self._fields()[column]

        def key(row: FrequencyRow | CharacterRow) -> Any:
            value = getattr(row, field)
            return UNLISTED if unlisted and value is None else value

        # Python's sort is stable: ties keep the list's order (most frequent first).
        self._shown.sort(key=key, reverse=order == QtCore.Qt.DescendingOrder)


def _shown(name: str, value: Any) -> str:
    if name == "HSK":
        return hsk_label(value)
    if name == "Per 10k":
        return f"{value:,.1f}"
    if name == "Cumulative":
        return f"{value:.1%}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _matches(row: FrequencyRow | CharacterRow, text: str) -> bool:
    if isinstance(row, CharacterRow):
        return text in row.char
    pinyin = row.pinyin.casefold()
    return (
        text in row.word
        or text in pinyin
        or text in toneless(pinyin)
        or text in row.gloss.casefold()
    )
