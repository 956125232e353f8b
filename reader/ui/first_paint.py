"""Work that waits for a widget's first paint: the window's features, the end of an open,
the start-up report. Each runs once the paint is over, not as it starts, so the page is on
the screen before anything else takes the interpreter."""

from __future__ import annotations

from collections.abc import Callable

from reader.ui.qt import QtCore, QtWidgets


class _PaintWatcher(QtCore.QObject):
    def __init__(
        self, widget: QtWidgets.QWidget, callback: Callable[[], object], parent: QtCore.QObject
    ) -> None:
        super().__init__(parent)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self._widget and event.type() == QtCore.QEvent.Paint:
            watched.removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self, self._painted)
        return False

    def _painted(self) -> None:
        self.deleteLater()
        self._callback()


def after_first_paint(
    widget: QtWidgets.QWidget, callback: Callable[[], object], parent: QtCore.QObject
) -> None:
    """Call `callback` once, after `widget` next paints; never if `parent` goes first."""
    _PaintWatcher(widget, callback, parent)
