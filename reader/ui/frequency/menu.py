"""Words ▸ Word Frequency…: the dialog made on first use and kept; each time it is shown it
lists the document shown then (and the section being read)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document import Section
from reader.ui.frequency.computing import FrequencyComputing
from reader.ui.frequency.dialog import FrequencyDialog, ShowMessage
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.session.current import CurrentSession

FREQUENCY_TEXT = "Word &Frequency…"


class FrequencyMenu(QtCore.QObject):
    concordance_requested = QtCore.Signal(str, object)
    """The dialog's: a word and the FrequencyScope it was listed in."""

    def __init__(
        self,
        menu: QtWidgets.QMenu,
        session: CurrentSession,
        data_dir: Path,
        current_section: Callable[[], Section | None],
        show_message: ShowMessage,
        window: QtWidgets.QWidget,
    ) -> None:
        """`current_section`: the section being read (the tree's current one), offered as
        a scope of its own; `show_message`: the window's message box."""
        super().__init__(window)
        self._session = session
        self._current_section = current_section
        self._show_message = show_message
        self._window = window
        self.computing = FrequencyComputing(session.runner, session.warm_up.tools, data_dir, self)
        self.dialog: FrequencyDialog | None = None
        menu.addSeparator()
        self.action = menu.addAction(FREQUENCY_TEXT)
        self.action.triggered.connect(self.show_dialog)

    def show_dialog(self) -> FrequencyDialog:
        if self.dialog is None:
            self.dialog = FrequencyDialog(
                self.computing,
                lambda: self._session.session,
                self._current_section,
                self._show_message,
                self._window,
            )
            self.dialog.concordance_requested.connect(self.concordance_requested)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog
