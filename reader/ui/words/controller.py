"""The Words menu and the word statuses of one window: the holder every feature asks, the
keys and menus that set a status, the pop-up's status row, marking a section known, and
importing and exporting the known words.

Statuses share the annotations' store connection and undo stack (given here as callables
and the stack, not the annotations themselves), so Edit ▸ Undo takes back whatever the
reader did last, a highlight or a status.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from reader.store import Store
from reader.ui.annotations.host import MessageHost
from reader.ui.lookup.popup import WordPopup
from reader.ui.lookup.status_row import StatusRow
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.views.text_surface import TextSurface
from reader.ui.words import section_known
from reader.ui.words.known_exchange import KnownWordsExchange
from reader.ui.words.section_known import SectionKnown
from reader.ui.words.status_holder import StatusHolder
from reader.ui.words.status_keys import StatusKeys


class WordsWindow(MessageHost, Protocol):
    """What the words need of the window: messages, the status bar, a place for actions."""

    def statusBar(self) -> QtWidgets.QStatusBar: ...

    def addAction(self, action: QtGui.QAction) -> None: ...


class WordsController(QtCore.QObject):
    """Word statuses in one window; `holder` is what the other features ask."""

    def __init__(
        self,
        window: WordsWindow,
        words_menu: QtWidgets.QMenu,
        current: CurrentSession,
        data_dir: Path,
        writable_store: Callable[[], Store],
        undo_stack: QtGui.QUndoStack,
        popup: WordPopup,
        shown_view: Callable[[], TextSurface],
    ) -> None:
        super().__init__(window.window())
        self._window = window
        self.holder = StatusHolder(
            data_dir,
            writable_store,
            undo_stack,
            current.runner,
            lambda text, details: window.show_message(QtWidgets.QMessageBox.Warning, text, details),
            self._say,
            self,
        )
        self.keys = StatusKeys(self.holder, popup, current, shown_view, window.window())
        self.status_row = StatusRow(self.holder.status)
        popup.add_row(self.status_row)
        popup.lookup_shown.connect(self.status_row.show_lookup)
        self.holder.changed.connect(self.status_row.refresh)
        self.section_known = SectionKnown(self.holder, current, shown_view, self._say)
        self.exchange = KnownWordsExchange(self.holder, window, self._say)

        parent = window.window()
        self.mark_section_action = QtGui.QAction("Mark the Rest of This Section &Known", parent)
        self.mark_section_action.setShortcut(QtGui.QKeySequence(section_known.SHORTCUT))
        self.mark_section_action.setToolTip(
            "Every word of this section still new becomes known (names and numbers stay new)"
        )
        self.mark_section_action.triggered.connect(self.section_known.mark)
        self.import_action = QtGui.QAction("&Import Known Words…", parent)
        self.import_action.triggered.connect(self.exchange.choose_import)
        self.export_action = QtGui.QAction("&Export Known Words…", parent)
        self.export_action.triggered.connect(self.exchange.choose_export)
        words_menu.addMenu(self.keys.menu)
        words_menu.addSeparator()
        words_menu.addAction(self.mark_section_action)
        words_menu.addSeparator()
        words_menu.addAction(self.import_action)
        words_menu.addAction(self.export_action)

        self._top = window.window()
        self._top.installEventFilter(self)  # after the annotations': heard before them
        self.holder.load()

    def shutdown(self) -> None:
        """Stop listening, before the window and the pop-up go away."""
        self.keys.shutdown()
        self._top.removeEventFilter(self)

    def _say(self, line: str, ms: int) -> None:
        self._window.statusBar().showMessage(line, ms)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """The window closing: statuses not saved yet get their last try, before the
        annotations let the store go."""
        if watched is self._top and event.type() == QtCore.QEvent.Close:
            self.holder.close()
        return False
