"""A word-wrapped label of fixed width for the pop-up's senses, measured once per text."""

from __future__ import annotations

from reader.ui.qt import QtCore, QtWidgets


class WrappedLabel(QtWidgets.QLabel):
    """A word-wrapped label of fixed width that lays its text out once per width.

    QLabel lays a rich text out anew for every size question, and placing the pop-up asks
    about eight (its ideal width, its narrowest, its height at the width given, again and
    again); at a fixed width only the height at that width decides the pop-up's size.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def heightForWidth(self, width: int) -> int:
        # The pop-up's layout asks at its own width, wider than the label when the word
        # and its reading are: the label is as wide as it may be, and as tall as that makes it.
        width = min(max(width, self.minimumWidth()), self.maximumWidth())
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def sizeHint(self) -> QtCore.QSize:
        width = self.maximumWidth()
        if width != self.minimumWidth():
            return super().sizeHint()
        return QtCore.QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QtCore.QSize:
        width = self.maximumWidth()
        if width != self.minimumWidth():
            return super().minimumSizeHint()
        return self.sizeHint()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() in (QtCore.QEvent.FontChange, QtCore.QEvent.StyleChange):
            self._heights.clear()
        super().changeEvent(event)
