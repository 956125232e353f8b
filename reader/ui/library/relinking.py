"""Locate File…: a document whose file moved is linked to it again.

The file chosen is read and its text's fingerprint compared with the one the library knows:
the same text is linked at once; another text (an edited copy, or another book) only if the
reader says so, after being told, and it is then read and indexed again, as a file added.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document import DocumentError, open_document
from reader.store import Store, StoreError
from reader.store.library import LibraryEntry
from reader.ui.busy_cursor import busy_cursor
from reader.ui.library.table_model import display_title
from reader.ui.plain_text import make_plain
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.window.file_formats import OPEN_FILTERS

Tell = Callable[[str, str], object]
"""A warning for the reader: what happened, and why."""


class Relinking(QtCore.QObject):
    relinked = QtCore.Signal(object)
    """The LibraryEntry now linked to its new file."""
    text_changed = QtCore.Signal(object)
    """The Path just linked holds another text than the one indexed: to be read again."""

    def __init__(self, parent: QtWidgets.QWidget, store: Callable[[], Store], tell: Tell) -> None:
        super().__init__(parent)
        self._parent = parent
        self._store = store
        self._tell = tell

    def choose_file(self, entry: LibraryEntry) -> QtWidgets.QFileDialog:
        """Ask where the entry's file is now, without blocking."""
        folder = ""
        if entry.path is not None and entry.path.parent.is_dir():
            folder = str(entry.path.parent)
        dialog = QtWidgets.QFileDialog(
            self._parent, f"Locate {display_title(entry)}", folder, OPEN_FILTERS
        )
        dialog.setFileMode(QtWidgets.QFileDialog.ExistingFile)
        dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptOpen)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: self.relink(entry, Path(chosen)))
        dialog.open()
        return dialog

    def relink(self, entry: LibraryEntry, path: Path) -> QtWidgets.QMessageBox | None:
        """Link `entry` to `path` if its text is the entry's; else ask first (the box
        returned). Nothing changes for a file that cannot be read."""
        try:
            with busy_cursor():
                fingerprint = open_document(path).fingerprint
        except (DocumentError, ValueError, OSError) as error:
            self._tell(f"Reader could not read {path.name}.", str(error))
            return None
        if fingerprint == entry.fingerprint:
            self._link(entry, path, same_text=True)
            return None
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Question,
            "Locate File",
            f"The text of {path.name} is not the text of “{display_title(entry)}” in the library.",
            QtWidgets.QMessageBox.Yes | QtWidgets.QMessageBox.Cancel,
            self._parent,
        )
        box.setInformativeText(
            "Link it anyway? Its highlights and notes are placed again in the new text; "
            "those not found there are kept and listed."
        )
        link = box.button(QtWidgets.QMessageBox.Yes)
        link.setText("Link Anyway")
        link.clicked.connect(lambda: self._link(entry, path, same_text=False))
        box.setDefaultButton(QtWidgets.QMessageBox.Cancel)
        make_plain(box)
        box.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        box.open()
        return box

    def _link(self, entry: LibraryEntry, path: Path, same_text: bool) -> None:
        try:
            store = self._store()
            store.library.relink(entry.id, path)
            found = store.library.entry(entry.id)
        except (StoreError, ValueError) as error:
            self._tell(f"Reader could not link {path.name}.", str(error))
            return
        self.relinked.emit(found or entry)
        if not same_text:
            self.text_changed.emit(path)
