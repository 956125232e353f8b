"""The saved words the vocabulary panel lists: a flat table model over the store's records
with each word's status, filtered by the panel's choices (reader.store.vocabulary_filter).

Everything in it is plain text from the document or the reader; Qt shows a model's text as
it is, and tooltips go through `tooltip`, which keeps them plain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reader.store import SavedWord, Status
from reader.store.vocabulary_filter import VocabularyFilter
from reader.ui.plain_text import tooltip
from reader.ui.qt import QtCore
from reader.ui.words.status_names import STATUS_TEXT

COLUMNS = ("Word", "Pinyin", "Meaning", "Status")
ID_ROLE = QtCore.Qt.UserRole + 1


class VocabularyModel(QtCore.QAbstractTableModel):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[SavedWord] = []
        self._statuses: dict[str, Status] = {}
        self._filter = VocabularyFilter()
        self._rows: list[SavedWord] = []

    def set_words(self, saved_words: Iterable[SavedWord], statuses: Mapping[str, Status]) -> None:
        """The store's saved words (newest first) and their words' statuses."""
        self.beginResetModel()
        self._all = list(saved_words)
        self._statuses = dict(statuses)
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, chosen: VocabularyFilter) -> None:
        self.beginResetModel()
        self._filter = chosen
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[SavedWord]:
        return [w for w in self._all if self._filter.matches(w, self.status(w))]

    def status(self, saved: SavedWord) -> Status:
        return self._statuses.get(saved.word, Status.NEW)

    @property
    def all_words(self) -> list[SavedWord]:
        return list(self._all)

    def total(self) -> int:
        return len(self._all)

    def saved_word(self, index: QtCore.QModelIndex) -> SavedWord | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def index_of(self, saved_id: str) -> QtCore.QModelIndex:
        row = next((n for n, w in enumerate(self._rows) if w.id == saved_id), None)
        return QtCore.QModelIndex() if row is None else self.index(row, 0)

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = QtCore.Qt.DisplayRole
    ) -> object:
        if orientation == QtCore.Qt.Horizontal and role == QtCore.Qt.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: QtCore.QModelIndex, role: int = QtCore.Qt.DisplayRole) -> object:
        saved = self.saved_word(index)
        if saved is None:
            return None
        if role == QtCore.Qt.DisplayRole:
            return self._cell(saved, index.column())
        if role == QtCore.Qt.ToolTipRole:
            lines = [saved.written, saved.pinyin, *saved.meaning.splitlines(), saved.sentence]
            return tooltip("\n".join(line for line in lines if line))
        if role == ID_ROLE:
            return saved.id
        return None

    def _cell(self, saved: SavedWord, column: int) -> str:
        if column == 0:
            return saved.written
        if column == 1:
            return saved.pinyin
        if column == 2:
            return "; ".join(saved.meaning.splitlines())
        return STATUS_TEXT[self.status(saved)]
