"""The Progress column drawn as a thin bar under its percentage: a column of bars is read
at a glance, a column of numbers has to be read one by one."""

from __future__ import annotations

from reader.ui.library.table_model import SORT_ROLE
from reader.ui.qt import QtCore, QtGui, QtWidgets

BAR_HEIGHT = 3
MARGIN = 4


class ShareBar(QtWidgets.QStyledItemDelegate):
    """Paints the cell as usual, then a bar as long as its share (SORT_ROLE, 0-1)."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        share = index.data(SORT_ROLE)
        if not isinstance(share, float) or share < 0:
            return
        palette = option.palette
        selected = bool(option.state & QtWidgets.QStyle.State_Selected)
        enabled = bool(index.data(QtCore.Qt.ForegroundRole) is None)
        track = option.rect.adjusted(MARGIN, 0, -MARGIN, -2)
        track.setTop(track.bottom() - BAR_HEIGHT + 1)
        fill = QtCore.QRect(track)
        fill.setWidth(round(track.width() * min(share, 1.0)))
        painter.save()
        ink = palette.color(QtGui.QPalette.HighlightedText if selected else QtGui.QPalette.Text)
        background = QtGui.QColor(ink)
        background.setAlpha(40)
        painter.fillRect(track, background)
        colour = palette.color(
            QtGui.QPalette.HighlightedText if selected else QtGui.QPalette.Highlight
        )
        if not enabled:
            colour.setAlpha(90)
        painter.fillRect(fill, colour)
        painter.restore()
