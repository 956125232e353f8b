"""How a highlight looks wherever it is shown: its colour, its note's shade, and a swatch of
both for menus and lists. The reading view, the pinyin view, the panel and the menus use
these, so a colour looks the same in all of them.

A colour is painted as the theme needs it: the store's light tints on the light page; deeper
ones on sepia paper, where a pale yellow would vanish; on the dark page dark, desaturated
tints (the highlight's hue mixed into the paper) under which the light ink stays readable
(a contrast of at least 4.5), and the note's shade lighter rather than darker."""

from __future__ import annotations

from reader.store import HIGHLIGHT_RGB
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.page_style import theme

UNDERLINE_DARKER = 180
"""QColor.darker factor for a note's underline: the highlight's hue, dark enough to see."""
UNDERLINE_LIGHTER = 190
"""QColor.lighter factor for a note's underline on a dark page."""

THEMED_RGB = {
    "sepia": {
        "yellow": "#efd35a",
        "red": "#e58f82",
        "green": "#9ec68d",
        "blue": "#8abbd3",
        "purple": "#c98cbb",
    },
    "dark": {
        "yellow": "#5c5839",
        "red": "#6d4d4f",
        "green": "#4a5b4e",
        "blue": "#465b6d",
        "purple": "#604a66",
    },
}
"""The highlight colours of the themes whose paper the store's (HIGHLIGHT_RGB) do not suit."""


def highlight_rgb(colour: str) -> str:
    """The highlight's colour (#rrggbb) in the current theme."""
    return THEMED_RGB.get(theme().name, HIGHLIGHT_RGB)[colour]


def highlight_colour(colour: str) -> QtGui.QColor:
    return QtGui.QColor(highlight_rgb(colour))


def note_colour(colour: str) -> QtGui.QColor:
    if theme().dark:
        return highlight_colour(colour).lighter(UNDERLINE_LIGHTER)
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
