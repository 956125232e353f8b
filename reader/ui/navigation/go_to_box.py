"""Go To (Ctrl+G): a small box where the reader types a percentage, a chapter's number or part
of a heading, with the headings offered as they type; Enter goes there, or the box says why
it cannot."""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document
from reader.document.places import PlaceError, headings, offset_for
from reader.ui.plain_text import plain_label, shortened
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.views.page_style import theme

WIDTH_EMS = 32
"""Room for a 回's heading (第一百二十回 and two lines of seven), in the box and its completions."""
HINT = "45%, a chapter's number (10), or part of a title (第十回, 宝玉)"


class GoToBox(QtWidgets.QDialog):
    """`chosen(offset)` when the reader's words name a place; the box then closes."""

    chosen = QtCore.Signal(int)

    def __init__(
        self, document: Document, here: Callable[[], int], parent: QtWidgets.QWidget
    ) -> None:
        """`here`: the reader's place, where a title is looked for from."""
        super().__init__(parent)
        self._document = document
        self._here = here
        self.setWindowTitle("Go To")
        self.field = QtWidgets.QLineEdit(self)
        self.field.setPlaceholderText(HINT)
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * WIDTH_EMS)
        titles = list(dict.fromkeys(shortened(s.heading) for s in headings(document)))
        completer = QtWidgets.QCompleter(titles, self)
        completer.setCaseSensitivity(QtCore.Qt.CaseInsensitive)
        completer.setFilterMode(QtCore.Qt.MatchContains)
        completer.setMaxVisibleItems(12)
        self.field.setCompleter(completer)
        self.message = plain_label("", self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme().accent_ink};")
        self.message.hide()
        self.field.textEdited.connect(lambda _: self.message.hide())
        # Enter on a completion: the line's Enter comes first, with the words typed, then
        # the completion chosen (the line keeps the words: the completions hold them).
        self.field.returnPressed.connect(self._entered)
        completer.activated.connect(self._completed)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(plain_label("Go to a percentage, a chapter or a title:", self))
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.setSizeConstraint(QtWidgets.QLayout.SetFixedSize)

    def _entered(self) -> None:
        popup = self.field.completer().popup()
        if not (popup.isVisible() and popup.currentIndex().isValid()):
            self.accept()

    def _completed(self, heading: str) -> None:
        self.field.setText(heading)
        self.accept()

    def accept(self) -> None:
        """Enter: go if the words name a place, else say why and stay open."""
        try:
            offset = offset_for(self.field.text(), self._document, self._here())
        except PlaceError as error:
            self.message.setText(str(error))
            self.message.show()
            self.field.setFocus()
            return
        super().accept()
        self.chosen.emit(offset)
