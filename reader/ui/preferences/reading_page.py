"""The dialog's Reading page: the page's face, size, line and paragraph spacing, measure,
margins and justification. Each change is applied to both views at once."""

from __future__ import annotations

from collections.abc import Callable

from reader.ui.fonts import SANS_FAMILIES
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.views.page_style import MAX_MEASURE_EMS, MIN_MEASURE_EMS, Page, page


def cjk_families() -> list[str]:
    """The installed families that write Chinese, Simplified first, then Traditional."""
    database = QtGui.QFontDatabase
    found: list[str] = []
    for system in (database.SimplifiedChinese, database.TraditionalChinese):
        found.extend(f for f in sorted(database.families(system)) if f not in found)
    return found


def default_family() -> str:
    """The family Reader sets running text in when none is chosen: its first one installed."""
    installed = set(QtGui.QFontDatabase.families())
    return next((f for f in SANS_FAMILIES if f in installed), QtGui.QFont().defaultFamily())


class ReadingPage(QtWidgets.QWidget):
    """Shows `page()`; every change goes to `apply` as a whole new Page."""

    def __init__(self, apply: Callable[[Page], None]) -> None:
        super().__init__()
        self._apply = apply
        self.family_box = QtWidgets.QComboBox()
        self.family_box.addItem(f"Reader's default ({default_family()})", "")
        for family in cjk_families():
            self.family_box.addItem(family, family)
        self.size_box = _number(QtWidgets.QDoubleSpinBox(), 9, 32, " pt", 0.5)
        self.line_box = _number(QtWidgets.QSpinBox(), 100, 250, " %", 5)
        self.paragraph_box = _number(QtWidgets.QDoubleSpinBox(), 0, 3, " em", 0.25)
        self.measure_box = _number(
            QtWidgets.QSpinBox(), MIN_MEASURE_EMS, MAX_MEASURE_EMS, " characters", 1
        )
        self.margins_box = _number(QtWidgets.QDoubleSpinBox(), 0.5, 6, " em", 0.5)
        self.justified_box = QtWidgets.QCheckBox("&Justify paragraphs (else ragged right)")
        form = QtWidgets.QFormLayout(self)
        form.addRow("&Font:", self.family_box)
        form.addRow("&Size:", self.size_box)
        form.addRow("&Line spacing:", self.line_box)
        form.addRow("&Paragraph spacing:", self.paragraph_box)
        form.addRow("&Column width:", self.measure_box)
        form.addRow("&Margins:", self.margins_box)
        form.addRow("", self.justified_box)
        self.measure_box.setToolTip(
            f"Characters per line at most; side panels give way while a line has fewer "
            f"than {MIN_MEASURE_EMS}."
        )
        self.show_page(page())
        self.family_box.currentIndexChanged.connect(self._changed)
        for box in (self.size_box, self.line_box, self.paragraph_box, self.margins_box):
            box.valueChanged.connect(self._changed)
        self.measure_box.valueChanged.connect(self._changed)
        self.justified_box.toggled.connect(self._changed)

    def show_page(self, shown: Page) -> None:
        """Show `shown` without applying it again."""
        widgets = (
            self.family_box,
            self.size_box,
            self.line_box,
            self.paragraph_box,
            self.measure_box,
            self.margins_box,
            self.justified_box,
        )
        for widget in widgets:
            widget.blockSignals(True)
        index = self.family_box.findData(shown.family)
        if index < 0:  # chosen once, no longer installed: shown, still chosen
            self.family_box.addItem(shown.family, shown.family)
            index = self.family_box.count() - 1
        self.family_box.setCurrentIndex(index)
        self.size_box.setValue(shown.size)
        self.line_box.setValue(shown.line_height)
        self.paragraph_box.setValue(shown.paragraph_gap)
        self.measure_box.setValue(shown.measure)
        self.margins_box.setValue(shown.margins)
        self.justified_box.setChecked(shown.justified)
        for widget in widgets:
            widget.blockSignals(False)

    def restore_defaults(self) -> None:
        self.show_page(Page())
        self._apply(Page())

    def _changed(self) -> None:
        self._apply(
            Page(
                family=self.family_box.currentData() or "",
                size=self.size_box.value(),
                line_height=self.line_box.value(),
                paragraph_gap=self.paragraph_box.value(),
                measure=self.measure_box.value(),
                margins=self.margins_box.value(),
                justified=self.justified_box.isChecked(),
            )
        )


def _number(
    box: QtWidgets.QAbstractSpinBox, least: float, most: float, suffix: str, step: float
) -> QtWidgets.QAbstractSpinBox:
    box.setRange(least, most)
    box.setSuffix(suffix)
    box.setSingleStep(step)
    if isinstance(box, QtWidgets.QDoubleSpinBox):
        box.setDecimals(2 if step < 0.5 else 1)
    box.setKeyboardTracking(False)  # applied when the reader stops typing, not at each digit
    return box
