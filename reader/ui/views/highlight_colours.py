"""How a highlight looks wherever it is shown: its colour, its note's darker shade, and a
swatch of both for menus and lists. The reading view, the pinyin view, the panel and the
menus use these, so a colour looks the same in all of them."""

from __future__ import annotations

from reader.store import HIGHLIGHT_RGB
from reader.ui.qt import QtCore, QtGui

UNDERLINE_DARKER = 180
"""QColor.darker factor for a note's underline: the highlight's hue, dark enough to see."""


def highlight_colour(colour: str) -> QtGui.QColor:
    return QtGui.QColor(HIGHLIGHT_RGB[colour])


def note_colour(colour: str) -> QtGui.QColor:
    return highlight_colour(colour).darker(UNDERLINE_DARKER)


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
