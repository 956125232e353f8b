"""Editing a saved word: its pinyin, its meaning (one sense a line) and its tags. The word
and its sentence are what the document says, and stay as they are."""

from __future__ import annotations

from reader.store import SavedWord, saved_edit
from reader.ui.plain_text import plain_label, shortened
from reader.ui.qt import QtCore, QtWidgets

TAG_SEPARATOR = ","


class SavedWordDialog(QtWidgets.QDialog):
    """Opened without blocking; `edited` carries the changed record when the reader saves."""

    edited = QtCore.Signal(object)

    def __init__(self, saved: SavedWord, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = saved
        self.setWindowTitle(f"Edit {saved.written}")
        self.pinyin_edit = QtWidgets.QLineEdit(saved.pinyin)
        self.meaning_edit = QtWidgets.QPlainTextEdit(saved.meaning)
        self.meaning_edit.setTabChangesFocus(True)
        self.tags_edit = QtWidgets.QLineEdit(f"{TAG_SEPARATOR} ".join(saved.tags))
        self.tags_edit.setPlaceholderText("tags, separated by commas")
        sentence = plain_label(shortened(saved.sentence))
        sentence.setWordWrap(True)
        form = QtWidgets.QFormLayout()
        form.addRow("Word:", plain_label(saved.written))
        form.addRow("Sentence:", sentence)
        form.addRow("&Pinyin:", self.pinyin_edit)
        form.addRow("&Meaning:", self.meaning_edit)
        form.addRow("&Tags:", self.tags_edit)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.Save | QtWidgets.QDialogButtonBox.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, 320)

    def edited_word(self) -> SavedWord:
        """The record with what the reader typed, blank lines and tags dropped."""
        meaning = "\n".join(
            line.strip() for line in self.meaning_edit.toPlainText().splitlines() if line.strip()
        )
        tags = [tag.strip() for tag in self.tags_edit.text().split(TAG_SEPARATOR)]
        return saved_edit(
            self._saved,
            pinyin=self.pinyin_edit.text().strip(),
            meaning=meaning,
            tags=[tag for tag in tags if tag],
        )

    def accept(self) -> None:
        self.edited.emit(self.edited_word())
        super().accept()
