"""The find bar under the page, as in Firefox: what to find, how (characters or pinyin, or
chosen by what is typed), where the reader is among the matches, previous and next, the
list of all matches, and a close button.

The bar only shows and asks; the find controller searches and moves. Everything it says
is plain text.
"""

from __future__ import annotations

from reader.ui.find.find_mode import FindMode
from reader.ui.find.mode_box import FindModeBox
from reader.ui.plain_text import plain_label
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.page_style import theme

NO_MATCH_COLOUR = "#f6d3d3"
"""The field's background when nothing matches: a soft red, read at a glance."""
NO_MATCH_DARK_COLOUR = "#6b2b2b"
"""The same on a dark theme, where the field's ink is light."""
FIELD_WIDTH_EMS = 18
"""The query field's width, in characters of the window's font."""


class FindBar(QtWidgets.QFrame):
    """The bar's widgets and what the reader asks of them, as signals."""

    query_changed = QtCore.Signal()
    """The query or the mode changed."""
    next_requested = QtCore.Signal()
    previous_requested = QtCore.Signal()
    close_requested = QtCore.Signal()
    list_toggled = QtCore.Signal(bool)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        self.setFrameShape(QtWidgets.QFrame.NoFrame)
        self.setAutoFillBackground(True)
        self.edit = QtWidgets.QLineEdit()
        self.edit.setObjectName("find-field")
        self.edit.setPlaceholderText("Find characters or pinyin")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * FIELD_WIDTH_EMS)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self.query_changed)
        self.mode_box = FindModeBox()
        self.mode_box.currentIndexChanged.connect(self._mode_chosen)
        self.previous_button = self._arrow(QtCore.Qt.UpArrow, "Previous match (Shift+Enter)")
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = self._arrow(QtCore.Qt.DownArrow, "Next match (Enter)")
        self.next_button.clicked.connect(self.next_requested)
        self.status = plain_label()
        self.status.setObjectName("find-status")
        self.list_button = QtWidgets.QToolButton()
        self.list_button.setText("List")
        self.list_button.setCheckable(True)
        self.list_button.setToolTip("Every match with its section and context")
        self.list_button.toggled.connect(self.list_toggled)
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Close the find bar (Esc)")
        self.close_button.clicked.connect(self.close_requested)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.mode_box)
        layout.addWidget(self.edit, 2)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addSpacing(6)
        layout.addWidget(self.status, 3)
        layout.addWidget(self.list_button)
        layout.addWidget(self.close_button)

    def _arrow(self, arrow: QtCore.Qt.ArrowType, tip: str) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton()
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        return button

    # What the reader typed and chose

    def query(self) -> str:
        return self.edit.text()

    def set_query(self, text: str) -> None:
        self.edit.setText(text)

    def mode(self) -> FindMode:
        return self.mode_box.mode()

    def set_mode(self, mode: FindMode) -> None:
        self.mode_box.set_mode(mode)

    def _mode_chosen(self) -> None:
        self.show_mode_used(None)
        self.query_changed.emit()

    def focus_query(self) -> None:
        self.edit.setFocus(QtCore.Qt.ShortcutFocusReason)
        self.edit.selectAll()

    # What the bar says

    def show_mode_used(self, used: FindMode | None) -> None:
        """In Auto, which way the query is read: "Auto: Pinyin"."""
        self.mode_box.show_used(used)

    def show_count(self, current: int, total: int, note: str = "", more: bool = False) -> None:
        """Say "3 of 11", and a note such as a wrap round the end; "3 of 11+" while `more`
        are being looked for."""
        count = f"{current + 1} of {total}{'+' if more else ''}"
        self._say(count + (f" — {note}" if note else ""))

    def show_no_match(self) -> None:
        self._say("No matches", no_match=True)

    def show_progress(self, text: str) -> None:
        self._say(text)

    def show_error(self, text: str) -> None:
        """The query cannot be searched for, and why: said here, no message box."""
        self._say(text, no_match=True, error=True)

    def clear_status(self) -> None:
        self._say("")

    def _say(self, text: str, no_match: bool = False, error: bool = False) -> None:
        self.status.setText(text)
        colours = theme()
        self.status.setStyleSheet(f"color: {colours.accent_ink};" if error else "")
        background = NO_MATCH_DARK_COLOUR if colours.dark else NO_MATCH_COLOUR
        self.edit.setStyleSheet(
            f"QLineEdit#find-field {{ background: {background}; }}" if no_match else ""
        )
        self.edit.setProperty("no_match", no_match)

    def no_match_shown(self) -> bool:
        return bool(self.edit.property("no_match"))

    # Keys

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.edit and event.type() == QtCore.QEvent.KeyPress:
            key = event.key()
            if key in (QtCore.Qt.Key_Return, QtCore.Qt.Key_Enter):
                shifted = event.modifiers() & QtCore.Qt.ShiftModifier
                (self.previous_requested if shifted else self.next_requested).emit()
                return True
        return False

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)
