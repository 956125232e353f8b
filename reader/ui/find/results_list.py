"""The list of every match under the page, above the find bar: its section and a line of
context, the match in the middle of it marked as on the page, so the reader can read the
word in each of its places (a concordance) and go to any of them.

The context is drawn as plain text by a delegate, never given to a widget that could read
it as rich text.
"""

from __future__ import annotations

from reader.ui.find.results_model import CONTEXT, PARTS_ROLE, SECTION, ResultsModel
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.page_style import theme

SECTION_WIDTH = 200
LIST_ROWS = 8
"""Rows the list shows when first opened."""


class ContextDelegate(QtWidgets.QStyledItemDelegate):
    """The context with its match centred and marked; what does not fit is elided outwards."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex,
    ) -> None:
        parts = index.data(PARTS_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        before, match, after = parts
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        rect = option.rect.adjusted(4, 0, -4, 0)
        match_width = min(metrics.horizontalAdvance(match), rect.width())
        side = max(0, (rect.width() - match_width) // 2)
        left = metrics.elidedText(before, QtCore.Qt.ElideLeft, side)
        right = metrics.elidedText(after, QtCore.Qt.ElideRight, side)
        left_width = metrics.horizontalAdvance(left)
        match_rect = QtCore.QRect(
            rect.left() + side, rect.top() + 2, match_width, rect.height() - 4
        )
        selected = bool(option.state & QtWidgets.QStyle.State_Selected)
        painter.save()
        mark = theme().found_current if selected else theme().found
        painter.fillRect(match_rect, QtGui.QColor(mark))
        text_colour = option.palette.color(
            QtGui.QPalette.HighlightedText if selected else QtGui.QPalette.Text
        )
        painter.setPen(text_colour)
        flags = QtCore.Qt.AlignVCenter | QtCore.Qt.TextSingleLine
        painter.drawText(
            QtCore.QRect(match_rect.left() - left_width, rect.top(), left_width, rect.height()),
            flags,
            left,
        )
        painter.setPen(option.palette.color(QtGui.QPalette.Text))
        painter.drawText(
            QtCore.QRect(match_rect.left(), rect.top(), match_width, rect.height()),
            flags,
            metrics.elidedText(match, QtCore.Qt.ElideRight, match_width),
        )
        painter.setPen(text_colour)
        painter.drawText(
            QtCore.QRect(match_rect.right() + 1, rect.top(), side, rect.height()), flags, right
        )
        painter.restore()


class ResultsList(QtWidgets.QTableView):
    """Rows of ResultsModel; a click or Enter on one asks to go there."""

    chosen = QtCore.Signal(int)
    """The reader chose this row: go to its match and make it current."""

    def __init__(self, model: ResultsModel, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-results")
        self.setModel(model)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        self.setTextElideMode(QtCore.Qt.ElideRight)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOff)
        self.setItemDelegateForColumn(CONTEXT, ContextDelegate(self))
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.horizontalHeader()
        columns.hide()
        columns.setSectionResizeMode(SECTION, QtWidgets.QHeaderView.Interactive)
        columns.setStretchLastSection(True)
        self.setColumnWidth(SECTION, SECTION_WIDTH)
        # Not `activated`: with some styles a click activates too, and the row would be
        # chosen twice.
        self.clicked.connect(lambda index: self.chosen.emit(index.row()))

    def sizeHint(self) -> QtCore.QSize:
        hint = super().sizeHint()
        return QtCore.QSize(hint.width(), LIST_ROWS * self.verticalHeader().defaultSectionSize())

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (QtCore.Qt.Key_Return, QtCore.Qt.Key_Enter) and index.isValid():
            self.chosen.emit(index.row())
            return
        super().keyPressEvent(event)

    def show_current(self, row: int | None) -> None:
        """Select `row` (the current match) and scroll to it, without choosing it."""
        if row is None:
            self.clearSelection()
            return
        index = self.model().index(row, CONTEXT)
        self.selectionModel().setCurrentIndex(
            index,
            QtCore.QItemSelectionModel.ClearAndSelect | QtCore.QItemSelectionModel.Rows,
        )
        self.scrollTo(index)
