"""Words ▸ Import Known Words…: "I know HSK 1–3", or a word list of the reader's own.

The dialog only asks; the words are read and marked by KnownWordsExchange. It never blocks
the window (`open`), and says what each choice reads before anything is marked.
"""

from __future__ import annotations

from pathlib import Path

from reader.language.known_words import HSK_VERSIONS
from reader.ui.qt import QtCore, QtWidgets

VERSION_LABELS = {"3.0": "HSK 3.0 (2021)", "2.0": "HSK 2.0 (2010)"}
"""The versions the lists are of, newest first; levels 7–9 of HSK 3.0 are one band."""
LIST_HINT = (
    "One word a line, in any encoding Reader reads, or an Anki or Pleco export "
    "(tab-separated: the first column with Chinese in it)."
)
KEPT_HINT = "Words you have marked already (learning, known, ignored) keep their status."


class ImportKnownDialog(QtWidgets.QDialog):
    hsk_chosen = QtCore.Signal(int, str)
    """Mark HSK levels 1 to this level of this version ("2.0", "3.0") known."""
    file_chosen = QtCore.Signal(object)
    """Mark the words of this word list (a Path) known."""

    def __init__(self, start_folder: Path, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Known Words")
        self._start_folder = start_folder
        self.hsk_button = QtWidgets.QRadioButton("Words of &HSK")
        self.hsk_button.setChecked(True)
        self.version_box = QtWidgets.QComboBox()
        for version, label in VERSION_LABELS.items():
            self.version_box.addItem(label, version)
        self.level_box = QtWidgets.QComboBox()
        self.version_box.currentIndexChanged.connect(self._fill_levels)
        self._fill_levels()
        hsk_row = QtWidgets.QHBoxLayout()
        hsk_row.addWidget(self.hsk_button)
        hsk_row.addWidget(self.version_box)
        hsk_row.addWidget(QtWidgets.QLabel("levels 1 to"))
        hsk_row.addWidget(self.level_box)
        hsk_row.addStretch(1)

        self.file_button = QtWidgets.QRadioButton("A &word list:")
        self.path_edit = QtWidgets.QLineEdit()
        self.path_edit.setPlaceholderText("a .txt, .tsv or .csv file")
        self.path_edit.textEdited.connect(lambda: self.file_button.setChecked(True))
        self.path_edit.textChanged.connect(self._update)
        self.browse_button = QtWidgets.QPushButton("&Choose…")
        self.browse_button.clicked.connect(self.choose_file)
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.file_button)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        hint = QtWidgets.QLabel(f"{LIST_HINT}\n{KEPT_HINT}")
        hint.setTextFormat(QtCore.Qt.PlainText)
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed, as a note

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.Ok | QtWidgets.QDialogButtonBox.Cancel
        )
        self.import_button = self.buttons.button(QtWidgets.QDialogButtonBox.Ok)
        self.import_button.setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for button in (self.hsk_button, self.file_button):
            button.toggled.connect(self._update)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel("Mark as known the words you already know:"))
        layout.addLayout(hsk_row)
        layout.addLayout(file_row)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update()

    def _fill_levels(self) -> None:
        version = self.version_box.currentData()
        chosen = self.level_box.currentData() or 3
        self.level_box.clear()
        for level in range(1, HSK_VERSIONS[version] + 1):
            label = "7–9" if version == "3.0" and level == 7 else str(level)
            if version == "3.0" and level > 7:
                break  # one band: 7, 8 and 9 are the same list
            self.level_box.addItem(label, level)
        self.level_box.setCurrentIndex(max(0, self.level_box.findData(chosen)))

    def _update(self) -> None:
        ready = self.hsk_button.isChecked() or bool(self.path_edit.text().strip())
        self.import_button.setEnabled(ready)

    def choose_file(self) -> QtWidgets.QFileDialog:
        """Ask for the word list without blocking; the one chosen fills the field."""
        dialog = QtWidgets.QFileDialog(
            self,
            "Import Known Words",
            str(self._start_folder),
            "Word lists (*.txt *.tsv *.csv);;All files (*)",
        )
        dialog.setFileMode(QtWidgets.QFileDialog.ExistingFile)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.set_path)
        dialog.open()
        return dialog

    def set_path(self, name: str) -> None:
        self.path_edit.setText(name)
        self.file_button.setChecked(True)

    def accept(self) -> None:
        if self.hsk_button.isChecked():
            self.hsk_chosen.emit(self.level_box.currentData(), self.version_box.currentData())
        else:
            path = self.path_edit.text().strip()
            if not path:
                return
            self.file_chosen.emit(Path(path).expanduser())
        super().accept()
