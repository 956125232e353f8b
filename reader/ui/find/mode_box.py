"""The choice of how a query is read (Auto, Characters, Pinyin), one widget for Find in the
document and Search Library, so that the two read and say it alike."""

from __future__ import annotations

from reader.ui.find.find_mode import FindMode
from reader.ui.qt import QtWidgets

TIP = "Auto: Latin letters are pinyin (baoyu, bao3yu4, bǎoyù), anything else characters"


class FindModeBox(QtWidgets.QComboBox):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(TIP)
        for mode in FindMode:
            self.addItem(mode.label, mode)
        self.setSizeAdjustPolicy(QtWidgets.QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(len("Auto: Characters") + 1)

    def mode(self) -> FindMode:
        return FindMode(self.currentData())

    def set_mode(self, mode: FindMode) -> None:
        self.setCurrentIndex(list(FindMode).index(mode))

    def show_used(self, used: FindMode | None) -> None:
        """In Auto, which way the query is read: "Auto: Pinyin"."""
        text = FindMode.AUTO.label
        if used is not None and self.mode() is FindMode.AUTO:
            text = f"{text}: {used.label}"
        self.setItemText(0, text)
