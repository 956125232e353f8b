"""The inline note editor: a small panel over the reading view, below the highlight it edits.

The note is plain text (Markdown is welcome, nothing is rendered); tags are typed separated
by commas, each completed from the tags already used.
"""

from __future__ import annotations

import re

from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.page_palette import panel_tint

TAG_SEPARATORS = re.compile("[,\uff0c\u3001;\uff1b]")
"""Between tags: a comma, a full-width comma or enumeration comma, a semicolon."""
EDITOR_WIDTH_EMS = 24
EDITOR_MARGIN = 8
"""Pixels kept between the editor and the edges of the view."""


def split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in TAG_SEPARATORS.split(text) if tag.strip()]


class TagCompleter(QtWidgets.QCompleter):
    """Completes the tag being typed, the one after the last separator, keeping the others."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._tags = QtCore.QStringListModel(self)
        self.setModel(self._tags)
        self.setCaseSensitivity(QtCore.Qt.CaseInsensitive)
        self.setFilterMode(QtCore.Qt.MatchContains)
        self.setCompletionMode(QtWidgets.QCompleter.PopupCompletion)

    def set_tags(self, tags: list[str]) -> None:
        self._tags.setStringList(sorted(set(tags), key=str.casefold))

    def tags(self) -> list[str]:
        return self._tags.stringList()

    def splitPath(self, path: str) -> list[str]:
        return [TAG_SEPARATORS.split(path)[-1].strip()]

    def pathFromIndex(self, index: QtCore.QModelIndex) -> str:
        line_edit = self.widget()
        typed = line_edit.text() if isinstance(line_edit, QtWidgets.QLineEdit) else ""
        done = [match.end() for match in TAG_SEPARATORS.finditer(typed)]
        kept = typed[: done[-1]] if done else ""
        return f"{kept} {index.data()}".lstrip() if kept else str(index.data())


BACKGROUND = "#f3f1ea"
"""The editor's paper in a light window."""


class NoteEditor(QtWidgets.QFrame):
    """Edits one annotation's note and tags; says `saved` or `cancelled`, never writes."""

    saved = QtCore.Signal(str, list)
    """The note and the tags, as typed (the store tidies the tags)."""
    cancelled = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("note-editor")
        self.setFrameShape(QtWidgets.QFrame.StyledPanel)
        self.setFrameShadow(QtWidgets.QFrame.Raised)
        self.setAutoFillBackground(True)
        # The window's font, not the reading view's (its parent's) large reading size.
        self.setFont(QtWidgets.QApplication.font())
        self._tint()
        self.annotation_id: str | None = None

        self.heading = QtWidgets.QLabel()
        self.heading.setTextFormat(QtCore.Qt.PlainText)
        self.heading.setWordWrap(True)
        self.note_edit = QtWidgets.QPlainTextEdit()
        self.note_edit.setPlaceholderText("Note (plain text; Markdown is fine)")
        self.note_edit.setTabChangesFocus(True)
        self.tags_edit = QtWidgets.QLineEdit()
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        self.completer = TagCompleter(self)
        self.tags_edit.setCompleter(self.completer)
        self.tags_edit.returnPressed.connect(self._tags_entered)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.Save | QtWidgets.QDialogButtonBox.Cancel
        )
        self.save_button = buttons.button(QtWidgets.QDialogButtonBox.Save)
        self.save_button.setToolTip("Save the note (Ctrl+Return)")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.cancel)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(self.tags_edit)
        layout.addWidget(buttons)

        for keys, slot in (
            (QtGui.QKeySequence("Ctrl+Return"), self.save),
            (QtGui.QKeySequence("Ctrl+Enter"), self.save),
            (QtGui.QKeySequence(QtCore.Qt.Key_Escape), self.cancel),
        ):
            shortcut = QtGui.QShortcut(keys, self)
            shortcut.setContext(QtCore.Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.hide()

    def _tint(self) -> None:
        """Set apart from the page it stands on, in the window's theme."""
        palette = self.palette()
        palette.setColor(QtGui.QPalette.Window, panel_tint(BACKGROUND))
        self.setPalette(palette)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.ApplicationPaletteChange:
            self._tint()

    def edit(
        self,
        annotation_id: str,
        quote: str,
        note: str,
        tags: tuple[str, ...] | list[str],
        known_tags: list[str],
        *,
        tags_first: bool = False,
    ) -> None:
        """Show the editor filled in; the place is set by `place_below`."""
        self.annotation_id = annotation_id
        one_line = " ".join(quote.split())
        self.heading.setText(f"“{one_line[:60]}{'…' if len(one_line) > 60 else ''}”")
        self.note_edit.setPlainText(note)
        self.tags_edit.setText(", ".join(tags))
        self.completer.set_tags(known_tags)
        em = self.fontMetrics().height()
        self.resize(round(EDITOR_WIDTH_EMS * em), round(12 * em))
        self.show()
        self.raise_()
        if tags_first:
            self.tags_edit.setFocus()
            self.tags_edit.end(False)
        else:
            self.note_edit.setFocus()
            self.note_edit.moveCursor(QtGui.QTextCursor.End)

    def place_below(self, anchor: QtCore.QRect) -> None:
        """Put the editor under `anchor` (the highlight's last line, in the parent's
        coordinates), or above it where there is no room below, inside the parent."""
        parent = self.parentWidget()
        area = parent.rect().adjusted(EDITOR_MARGIN, EDITOR_MARGIN, -EDITOR_MARGIN, -EDITOR_MARGIN)
        width = min(self.width(), area.width())
        height = min(self.height(), area.height())
        x = max(area.left(), min(anchor.left(), area.right() - width))
        y = anchor.bottom() + 4
        if y + height > area.bottom():
            y = anchor.top() - 4 - height
        y = max(area.top(), min(y, area.bottom() - height))
        self.setGeometry(x, y, width, height)

    def note(self) -> str:
        return self.note_edit.toPlainText()

    def tags(self) -> list[str]:
        return split_tags(self.tags_edit.text())

    def save(self) -> None:
        if self.isVisible():
            self.hide()
            self.saved.emit(self.note(), self.tags())

    def cancel(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()

    def _tags_entered(self) -> None:
        """Return in the tags saves, unless it only chose a completion."""
        popup = self.completer.popup()
        if popup is None or not popup.isVisible():
            self.save()
