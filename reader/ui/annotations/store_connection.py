"""The annotation store as the window uses it: opened on first use, let go when the window
closes, opened again when needed. A store that cannot be opened or written is told once,
then retried quietly at each use; highlights are still made and shown meanwhile.

The window's connection waits at most WINDOW_BUSY_TIMEOUT for another process's write (a
long `reader notes import`): a longer wait would freeze the window. A store busy past it is
never told in a message box; the window keeps its edits and tries again (see saving.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.document import Document
from reader.store import OpenedDocument, Store, StoreBusyError, StoreError, open_store
from reader.ui.annotations.host import MessageHost
from reader.ui.qt import QtCore, QtWidgets

WINDOW_BUSY_TIMEOUT = 0.05
"""Seconds a write from the window waits for another process's transaction: enough for
another window's highlight (one small commit), short enough that no click stalls."""


@dataclass(frozen=True)
class Loaded:
    """What the store holds of a document, and whether it has its record."""

    opened: OpenedDocument | None
    """Its record and annotations (None: the store has none, or cannot be read)."""
    error: StoreError | None = None
    """Why the document could not be registered (its record made, its annotations
    re-anchored in the store); None: `opened` is the registered record."""


class StoreConnection:
    def __init__(
        self,
        data_dir: Path,
        window: MessageHost,
        opened: Callable[[Store], object],
    ) -> None:
        """`opened` hears of each store opened (to read what it keeps, the colour names)."""
        self.data_dir = data_dir
        self._window = window
        self._opened = opened
        self._store: Store | None = None
        self._error: StoreError | None = None
        self._told: set[str] = set()
        """Problems writing already told when a document opened: each is told once."""

    @property
    def store(self) -> Store | None:
        """The store if it is open; never opens it."""
        return self._store

    @property
    def error(self) -> StoreError | None:
        """Why the store could not be opened, the last time it was tried."""
        return self._error

    def open(self) -> Store | None:
        """The store, opened on first use; a problem is told once, then retried quietly."""
        if self._store is not None:
            return self._store
        try:
            self._store = open_store(self.data_dir, busy_timeout=WINDOW_BUSY_TIMEOUT)
        except StoreError as error:
            told = self._error is not None and str(error) == str(self._error)
            if not told and not isinstance(error, StoreBusyError):
                self._window.show_message(
                    QtWidgets.QMessageBox.Warning,
                    "Reader cannot use its annotation store.",
                    f"{error}\n\nHighlights and notes can be made but not saved until this "
                    "is put right.",
                )
            self._error = error
            return None
        self._error = None
        if self._store.notice:
            notice = self._store.notice
            QtCore.QTimer.singleShot(
                0,
                lambda: self._window.show_message(
                    QtWidgets.QMessageBox.Warning, "Reader's annotation store was damaged.", notice
                ),
            )
        self._opened(self._store)
        return self._store

    def writable(self) -> Store:
        """The store to write to; raises StoreError when it cannot be opened."""
        store = self.open()
        if store is None:
            assert self._error is not None
            raise self._error
        return store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def load(self, document: Document) -> Loaded:
        """Register the document and read its annotations; from a store that cannot be
        written now, what it holds (re-anchored in memory only), and why."""
        store = self.open()
        if store is None:
            return Loaded(None, self._error)
        try:
            return Loaded(store.open_document(document))
        except StoreError as error:
            refused = error
            if str(error) not in self._told and not isinstance(error, StoreBusyError):
                self._told.add(str(error))
                self._window.show_message(
                    QtWidgets.QMessageBox.Warning,
                    "Reader cannot write to its annotation store.",
                    f"{error}\n\nThe document's highlights are shown; new ones cannot be saved "
                    "until this is put right.",
                )
        try:
            return Loaded(store.read_document(document), refused)
        except StoreError:
            return Loaded(None, refused)
