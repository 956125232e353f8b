"""The page's paper and inks as a widget's palette: both views paint their background, caret
and selection from it, so a change of theme is one call per view."""

from __future__ import annotations

from reader.ui.qt import QtGui, QtWidgets
from reader.ui.views.page_style import Theme, theme


def paint_paper(widget: QtWidgets.QWidget, colours: Theme) -> None:
    """Give `widget` the theme's paper, ink and selection."""
    palette = widget.palette()
    for role, colour in (
        (QtGui.QPalette.Base, colours.paper),
        (QtGui.QPalette.Window, colours.paper),
        (QtGui.QPalette.Text, colours.ink),
        (QtGui.QPalette.Highlight, colours.selection),
        (QtGui.QPalette.HighlightedText, colours.ink),
    ):
        palette.setColor(role, QtGui.QColor(colour))
    widget.setPalette(palette)


def panel_tint(light: str) -> QtGui.QColor:
    """A tint a panel sets something apart with: `light` (chosen for a light window) unless
    the theme is dark, where it is the window palette's alternate base."""
    if theme().dark:
        return QtWidgets.QApplication.palette().color(QtGui.QPalette.AlternateBase)
    return QtGui.QColor(light)
