"""The Chapter Pattern dialog: a regular expression for chapter headings, previewed as typed.

The preview runs the same code as opening the file does (structure.preview_headings on the
file's decoded text), so the headings listed are the sections the pattern will give.
"""

from __future__ import annotations

from reader.document.structure import PREVIEW_LIMIT, preview_headings
from reader.ui.qt import QtCore, QtGui, QtWidgets

PREVIEW_DELAY_MS = 250
"""Typing pauses this long before the preview runs again: a book has many lines to search."""
ERROR_INK = "#8f1d1d"
EXAMPLE_PATTERN = "^第.+章"


class HeadingPatternDialog(QtWidgets.QDialog):
    """Asks for a pattern; `pattern_chosen` gives it, or None for the built-in rules."""

    pattern_chosen = QtCore.Signal(object)

    def __init__(
        self, text: str, pattern: str | None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._text = text
        self.setWindowTitle("Chapter Pattern")
        self.setWindowModality(QtCore.Qt.WindowModal)

        explanation = QtWidgets.QLabel(
            "A regular expression searched in each line of the file. The lines it finds "
            "become the chapters, in place of Reader's built-in rules."
        )
        explanation.setWordWrap(True)
        self.pattern_edit = QtWidgets.QLineEdit(pattern or "")
        self.pattern_edit.setPlaceholderText(f"for example  {EXAMPLE_PATTERN}")
        self.pattern_edit.setClearButtonEnabled(True)
        fixed = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.FixedFont)
        fixed.setPointSizeF(self.pattern_edit.font().pointSizeF())
        self.pattern_edit.setFont(fixed)
        pattern_label = QtWidgets.QLabel("&Pattern:")
        pattern_label.setBuddy(self.pattern_edit)

        self.status_label = QtWidgets.QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(QtCore.Qt.PlainText)
        self.preview_list = QtWidgets.QListWidget()
        self.preview_list.setSelectionMode(QtWidgets.QAbstractItemView.NoSelection)
        self.preview_list.setFocusPolicy(QtCore.Qt.NoFocus)

        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.Ok | QtWidgets.QDialogButtonBox.Cancel
        )
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.Ok)
        self.built_in_button = self.buttons.addButton(
            "Use &Built-in Rules", QtWidgets.QDialogButtonBox.ResetRole
        )
        self.built_in_button.setEnabled(pattern is not None)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.built_in_button.clicked.connect(self.use_built_in_rules)

        row = QtWidgets.QHBoxLayout()
        row.addWidget(pattern_label)
        row.addWidget(self.pattern_edit, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.preview_list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 460)

        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.pattern_edit.textChanged.connect(self._typed)
        self.update_preview()

    def _typed(self, text: str) -> None:
        # OK stays usable while the preview waits, so Enter right after typing works;
        # accept() checks the pattern then.
        self.ok_button.setEnabled(bool(text))
        self._timer.start()

    def update_preview(self) -> bool:
        """List the headings the pattern finds; False, with OK disabled, for no usable pattern."""
        self._timer.stop()
        pattern = self.pattern_edit.text()
        self.preview_list.clear()
        if not pattern:
            self._show_status("Type a regular expression that matches the chapter headings.")
            self.ok_button.setEnabled(False)
            return False
        try:
            # Every heading, to count them: a text has fewer lines than characters.
            headings = preview_headings(self._text, pattern, limit=len(self._text))
        except ValueError as error:
            self._show_status(str(error), error=True)
            self.ok_button.setEnabled(False)
            return False
        self.preview_list.addItems(headings[:PREVIEW_LIMIT])
        if not headings:
            self._show_status("No line matches: the document would have no chapters.")
        elif len(headings) > PREVIEW_LIMIT:
            self._show_status(
                f"{len(headings):,} headings found; the first {PREVIEW_LIMIT} are listed."
            )
        else:
            self._show_status(f"{len(headings):,} heading{'s' if len(headings) > 1 else ''} found.")
        self.ok_button.setEnabled(True)
        return True

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {ERROR_INK};" if error else "")

    def use_built_in_rules(self) -> None:
        super().accept()
        self.pattern_chosen.emit(None)

    def accept(self) -> None:
        # Enter may come before the preview has caught up with the typing.
        if not self.update_preview():
            return
        super().accept()
        self.pattern_chosen.emit(self.pattern_edit.text())
