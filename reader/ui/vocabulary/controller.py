"""The vocabulary in the window: saving the word the pop-up shows (S, or its Save button),
the Vocabulary panel (View ▸ Vocabulary) that lists, edits, deletes and jumps to the saved
words, and File ▸ Export Vocabulary….

A saved word is built by reader.language.saving from the word as the pop-up shows it, so
its pinyin is the pop-up's; it is written through the annotations' store connection. The
panel reads the store when it is shown and after each change, so words saved by
`reader vocab save` meanwhile appear too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.language.lookup import WordLookup
from reader.language.saving import place_in, saved_word
from reader.store import SavedWord, Store, StoreError
from reader.ui.annotations.host import MessageHost
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.settings import open_qsettings
from reader.ui.vocabulary.changes import VocabularyChanges
from reader.ui.vocabulary.edit_dialog import SavedWordDialog
from reader.ui.vocabulary.export import VocabularyExport
from reader.ui.vocabulary.panel import VocabularyPanel

DOCK_NAME = "vocabulary-dock"
PANEL_WIDTH = 380
PANEL_LEAST_WIDTH = 240
SAVE_SHORTCUT = "S"
PANEL_SHORTCUT = "Ctrl+Shift+V"
STATUS_MS = 5_000
CHOICE_KEY = "panels/vocabulary"
"""Whether the reader last showed the panel ("shown") or closed it (""); it starts closed."""
SAVE_TEXT, SAVED_TEXT = f"Save ({SAVE_SHORTCUT})", "Saved"


class VocabularyController(QtCore.QObject):
    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        host: MessageHost,
        current: CurrentSession,
        store: Callable[[], Store],
        open_at: Callable[[Path, int], object],
        show_word_at: Callable[[int], object],
    ) -> None:
        """`store`: the open store (raises StoreError when there is none); `open_at`: opens
        a file with an offset in view; `show_word_at`: shows the pop-up of the word at an
        offset of the document shown, the caret at its start."""
        super().__init__(window)
        self._window = window
        self._current = current
        self._store = store
        self._open_at = open_at
        self._show_word_at = show_word_at
        self._shown: WordLookup | None = None
        self._popup: QtWidgets.QWidget | None = None
        self._places: set[tuple[str, int]] | None = None
        """Where saved words are (document path, offset), to tell the pop-up's button."""
        self.changes = VocabularyChanges(store, host, self._changed)
        self.export = VocabularyExport(
            host, store, lambda text, ms: window.statusBar().showMessage(text, ms)
        )
        self.panel = VocabularyPanel()
        self.dock = QtWidgets.QDockWidget("Vocabulary", window)
        self.dock.setObjectName(DOCK_NAME)
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QtWidgets.QDockWidget.DockWidgetClosable | QtWidgets.QDockWidget.DockWidgetMovable
        )
        window.addDockWidget(QtCore.Qt.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda shown: self.reload() if shown else None)
        self.panel.jump_requested.connect(self.go_to)
        self.panel.edit_requested.connect(self.edit)
        self.panel.delete_requested.connect(self.delete)
        self.panel.undo_requested.connect(self.changes.undo_stack.undo)
        # The text comes with the signal: the stack says so as it is destroyed, too.
        self.changes.undo_stack.undoTextChanged.connect(self.panel.show_last_change)

        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText("&Vocabulary")
        self.toggle_action.setShortcut(QtGui.QKeySequence(PANEL_SHORTCUT))
        self.export_action = QtGui.QAction("Export &Vocabulary…", window)
        self.export_action.triggered.connect(self.export.choose_file)
        self.undo_action = self.changes.undo_stack.createUndoAction(self.panel, "&Undo")
        self.undo_action.setShortcut(QtGui.QKeySequence.Undo)
        self.undo_action.setShortcutContext(QtCore.Qt.WidgetWithChildrenShortcut)
        self.panel.addAction(self.undo_action)
        self.save_action = QtGui.QAction("Save Word to Vocabulary", self)
        self.save_action.setShortcut(QtGui.QKeySequence(SAVE_SHORTCUT))
        # The pop-up never has the focus: its key works wherever the window has it (a text
        # field keeps its letters), and does something only while the pop-up is shown.
        self.save_action.setShortcutContext(QtCore.Qt.ApplicationShortcut)
        self.save_action.triggered.connect(self.save_shown)
        self.save_button = QtWidgets.QToolButton()
        self.save_button.setText(SAVE_TEXT)
        self.save_button.setToolTip(
            f"Save the word with its sentence to the vocabulary ({SAVE_SHORTCUT})"
        )
        self.save_button.clicked.connect(self.save_shown)
        current.changed.connect(lambda *_: self.reload() if self.dock.isVisible() else None)

    def add_menu_entries(
        self, file_menu: QtWidgets.QMenu, before: QtGui.QAction, view_menu: QtWidgets.QMenu
    ) -> None:
        """File ▸ Export Vocabulary… before `before` (Quit), between separators; View ▸
        Vocabulary at the end of the View menu."""
        file_menu.insertAction(before, self.export_action)
        file_menu.insertSeparator(before)
        view_menu.addAction(self.toggle_action)

    def serve_popup(
        self,
        popup: QtWidgets.QWidget,
        add_button: Callable[[QtWidgets.QToolButton], None],
        word_shown: QtCore.SignalInstance,
    ) -> None:
        """The pop-up's Save button and key; `word_shown` says which word it shows."""
        add_button(self.save_button)
        popup.addAction(self.save_action)
        word_shown.connect(self._word_shown)
        self._popup = popup

    @property
    def wanted(self) -> bool:
        """Whether the reader had the panel shown, the last time they chose."""
        return open_qsettings().value(CHOICE_KEY, "") == "shown"

    def reader_chose(self, shown: bool) -> None:
        settings = open_qsettings()
        settings.setValue(CHOICE_KEY, "shown" if shown else "")
        settings.sync()

    # Saving

    def _word_shown(self, found: WordLookup) -> None:
        self._shown = found
        saved = self._is_saved(found)
        self.save_button.setText(SAVED_TEXT if saved else SAVE_TEXT)
        self.save_button.setEnabled(not saved)

    def save_shown(self) -> SavedWord | None:
        """Save the word the pop-up shows, read in its sentence; None if none is shown."""
        found = self._shown
        session = self._current.session
        popup = self._popup
        if found is None or session is None or popup is None or not popup.isVisible():
            return None
        if getattr(popup, "lookup", found) is not found or self._is_saved(found):
            return None  # a word a sense refers to is shown, not one of the text
        lookup = self._current.warm_up.tools.lookup
        saved = saved_word(session.document, found, lookup, session.segmentation.tokens)
        if not self.changes.save(saved):
            return None
        self.save_button.setText(SAVED_TEXT)
        self.save_button.setEnabled(False)
        self._window.statusBar().showMessage(
            f"Saved “{saved.written}” ({saved.pinyin}) to the vocabulary.", STATUS_MS
        )
        return saved

    def _is_saved(self, found: WordLookup) -> bool:
        session = self._current.session
        if session is None:
            return False
        if self._places is None:
            self.reload()
        path = str(session.document.path) if session.document.path else ""
        return (path, found.start) in (self._places or set())

    # The panel

    def reload(self) -> None:
        """Read the saved words and their statuses from the store into the panel."""
        try:
            store = self._store()
            words = store.saved_words.all()
            statuses = store.word_statuses.statuses(saved.word for saved in words)
        except StoreError:
            # The annotations' connection has told the reader; the pop-up's button is not
            # to ask the store again at every word.
            self._places = self._places or set()
            return
        self._places = {(saved.document_path, saved.offset) for saved in words}
        self.panel.set_words(words, statuses)

    def statuses_changed(self) -> None:
        """A word's status changed (in the pop-up, the Words menu): the panel shows it at
        once if it is shown; a hidden panel reads the statuses when it is shown."""
        if self.dock.isVisible():
            self.reload()

    def _changed(self, saved_id: str | None) -> None:
        self.reload()
        if saved_id is not None:
            self.panel.select(saved_id)
        if self._shown is not None:
            self._word_shown(self._shown)

    def _saved(self, saved_id: str) -> SavedWord | None:
        return next((w for w in self.panel.model.all_words if w.id == saved_id), None)

    def edit(self, saved_id: str) -> SavedWordDialog | None:
        saved = self._saved(saved_id)
        if saved is None:
            return None
        dialog = SavedWordDialog(saved, self._window)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.edited.connect(lambda after: self.changes.edit(saved, after))
        dialog.open()
        return dialog

    def delete(self, saved_id: str) -> None:
        saved = self._saved(saved_id)
        if saved is not None:
            self.changes.delete(saved)

    def go_to(self, saved_id: str) -> bool:
        """Show the word in its sentence: in the document shown, or its file opened."""
        saved = self._saved(saved_id)
        if saved is None:
            return False
        session = self._current.session
        if session is None or not _same_file(session.document.path, saved.document_path):
            path = Path(saved.document_path) if saved.document_path else None
            if path is None or not path.is_file():
                where = saved.document_path or "any path"
                self._window.statusBar().showMessage(
                    f"The document of “{saved.written}” is not at {where}.", STATUS_MS
                )
                return False
            self._open_at(path, saved.offset)
            session = self._current.session
            if session is None or not _same_file(session.document.path, saved.document_path):
                return False
        offset = place_in(session.document.text, saved)
        self._show_word_at(offset)
        return True


def _same_file(path: Path | None, saved_path: str) -> bool:
    """Whether the document shown is the file the word was saved from."""
    if path is None or not saved_path:
        return False
    try:
        return path.resolve() == Path(saved_path).resolve()
    except OSError:
        return str(path) == saved_path
