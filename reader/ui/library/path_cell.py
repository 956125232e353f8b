"""The Path column elided at its start: the file's name and its folder are what tell two
books apart, and they are at the end of a path."""

from __future__ import annotations

from reader.ui.qt import QtCore, QtWidgets


class PathCell(QtWidgets.QStyledItemDelegate):
    def initStyleOption(
        self, option: QtWidgets.QStyleOptionViewItem, index: QtCore.QModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = QtCore.Qt.ElideLeft
