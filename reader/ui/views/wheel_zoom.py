"""Ctrl+wheel zooms both views in whole steps, one per notch of the wheel.

QTextEdit would zoom by changing the font alone, leaving spacing and settings behind; and a
touchpad sends many small deltas, which add up here to a notch before a step is taken."""

from __future__ import annotations

from reader.ui.qt import QtCore, QtGui

NOTCH = 120
"""angleDelta() of one notch of a common mouse wheel (Qt's documented eighths of a degree)."""


class WheelZoom:
    def __init__(self) -> None:
        self._delta = 0

    def steps(self, event: QtGui.QWheelEvent) -> int | None:
        """Zoom steps the event asks for (often 0, until a notch adds up); None when it is
        not for zooming (no Ctrl held), and so is the view's to scroll."""
        if not event.modifiers() & QtCore.Qt.ControlModifier:
            return None
        event.accept()
        self._delta += event.angleDelta().y()
        steps = int(self._delta / NOTCH)
        self._delta -= steps * NOTCH
        return steps
