"""The Chapter Pattern dialog: a regular expression for chapter headings, previewed as typed.

The preview runs the same code as opening the file does (structure.preview_headings on the
file's decoded text), so the headings listed are the sections the pattern will give. It runs
on a worker: a pattern such as `(a|aa)+$` searches for its whole time limit (two seconds)
before it is given up, and the dialog must answer meanwhile. One preview runs at a time;
typing cancels it (it stops at its next line), and closing the dialog cancels it and waits
for it. OK applies only a pattern whose preview has finished: Enter pressed before that
applies the pattern once its preview finishes, if it finds no fault.
"""

from __future__ import annotations

import functools

from reader.document.structure import PREVIEW_LIMIT, preview_headings
from reader.document.user_pattern import PatternCancelled
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.tasks import TaskRunner

PREVIEW_DELAY_MS = 250
"""Typing pauses this long before the preview runs again: a book has many lines to search."""
ERROR_INK = "#8f1d1d"
EXAMPLE_PATTERN = "^第.+章"
SEARCHING = "Searching\u2026"


class _Preview:
    """One preview: its pattern, and the flag its worker asks between lines."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.cancelled = False


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
        self.ok_button.setEnabled(False)  # until a preview has finished
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

        self._runner = TaskRunner(self, max_threads=1)
        self._preview: _Preview | None = None
        """The preview running, if one is."""
        self._previewed: str | None = None
        """The pattern whose preview finished without fault: the one OK applies."""
        self._accept_when_previewed = False
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.pattern_edit.textChanged.connect(self._typed)
        # Enter applies the pattern typed, whether or not OK (the default button) is enabled.
        self.pattern_edit.returnPressed.connect(self.accept)
        self.update_preview()

    def _typed(self, text: str) -> None:
        self._cancel_preview()
        self._previewed = None
        self._accept_when_previewed = False
        self.ok_button.setEnabled(False)
        if text:
            self._timer.start()
        else:
            self.update_preview()

    def update_preview(self) -> None:
        """Start the preview of the pattern typed, unless it is running already."""
        self._timer.stop()
        pattern = self.pattern_edit.text()
        if self._preview is not None and self._preview.pattern == pattern:
            return
        self._cancel_preview()
        self.preview_list.clear()
        if not pattern:
            self._show_status("Type a regular expression that matches the chapter headings.")
            return
        preview = self._preview = _Preview(pattern)
        self._show_status(SEARCHING)
        text = self._text
        self._runner.run(
            # Every heading, to count them: a text has fewer lines than characters.
            lambda: preview_headings(
                text, pattern, limit=len(text), cancelled=lambda: preview.cancelled
            ),
            functools.partial(self._preview_done, preview),
            functools.partial(self._preview_failed, preview),
        )

    def _cancel_preview(self) -> None:
        if self._preview is not None:
            self._preview.cancelled = True
            self._preview = None

    def _preview_failed(self, preview: _Preview, error: BaseException) -> None:
        if preview is not self._preview:
            return  # cancelled: a newer preview, or none, has its place
        self._preview = None
        self._accept_when_previewed = False
        if not isinstance(error, PatternCancelled):
            self._show_status(str(error), error=True)

    def _preview_done(self, preview: _Preview, headings: list[str]) -> None:
        if preview is not self._preview:
            return
        self._preview = None
        self.preview_list.addItems(headings[:PREVIEW_LIMIT])
        if not headings:
            self._show_status("No line matches: the document would have no chapters.")
        elif len(headings) > PREVIEW_LIMIT:
            self._show_status(
                f"{len(headings):,} headings found; the first {PREVIEW_LIMIT} are listed."
            )
        else:
            self._show_status(f"{len(headings):,} heading{'s' if len(headings) > 1 else ''} found.")
        self._previewed = preview.pattern
        self.ok_button.setEnabled(True)
        if self._accept_when_previewed:
            self.accept()

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {ERROR_INK};" if error else "")

    def use_built_in_rules(self) -> None:
        super().accept()
        self.pattern_chosen.emit(None)

    def accept(self) -> None:
        """Apply the pattern typed once its preview has finished without fault (now, if it
        has): Enter may come before the preview has caught up with the typing."""
        pattern = self.pattern_edit.text()
        if not self.isVisible() or not pattern:
            return
        if pattern != self._previewed:
            self._accept_when_previewed = True
            self.update_preview()
            return
        super().accept()
        self.pattern_chosen.emit(pattern)

    def done(self, result: int) -> None:
        """However the dialog closes, its preview is cancelled and waited for: no worker
        outlives it."""
        self._timer.stop()
        self._cancel_preview()
        self._runner.wait()
        super().done(result)
