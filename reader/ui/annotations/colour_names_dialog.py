"""Naming the five highlight colours (yellow = vocabulary, red = question ...).

The names are the reader's own; they label the colour actions and filters, and travel with
exports as a tag.
"""

from __future__ import annotations

from reader.store import COLOURS, DEFAULT_NAMES
from reader.ui.annotations.panel import swatch
from reader.ui.qt import QtCore, QtWidgets


class ColourNamesDialog(QtWidgets.QDialog):
    """Says `names_chosen` with every colour's name when accepted; an empty name brings
    back the default."""

    names_chosen = QtCore.Signal(dict)

    def __init__(self, names: dict[str, str], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Highlight Colour Names")
        self.edits: dict[str, QtWidgets.QLineEdit] = {}
        grid = QtWidgets.QGridLayout()
        for row, colour in enumerate(COLOURS):
            edit = QtWidgets.QLineEdit(names.get(colour, DEFAULT_NAMES[colour]))
            edit.setPlaceholderText(DEFAULT_NAMES[colour])
            sample = QtWidgets.QLabel()
            sample.setPixmap(swatch(colour, 16).pixmap(16, 16))
            grid.addWidget(sample, row, 0)
            grid.addWidget(QtWidgets.QLabel(colour.capitalize()), row, 1)
            grid.addWidget(edit, row, 2)
            self.edits[colour] = edit
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.Ok | QtWidgets.QDialogButtonBox.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(
            QtWidgets.QLabel("What each colour means to you; exports carry the name as a tag.")
        )
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def names(self) -> dict[str, str]:
        return {
            colour: " ".join(edit.text().split()) or DEFAULT_NAMES[colour]
            for colour, edit in self.edits.items()
        }

    def accept(self) -> None:
        self.names_chosen.emit(self.names())
        super().accept()
