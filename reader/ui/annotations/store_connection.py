"""The annotation store as the window uses it: opened on first use, let go when the window
closes, opened again when needed. A store that cannot be opened or written is told once,
then retried quietly at each use; highlights are still made and shown meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document import Document
from reader.store import OpenedDocument, Store, StoreError, open_store
from reader.ui.annotations.host import MessageHost
from reader.ui.qt import QtCore, QtWidgets


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
            self._store = open_store(self.data_dir)
        except StoreError as error:
            if self._error is None or str(error) != str(self._error):
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

    def load(self, document: Document) -> OpenedDocument | None:
        """The document's record and annotations; from a store that cannot be written, what
        it holds (nothing is re-anchored then)."""
        store = self.open()
        if store is None:
            return None
        try:
            return store.open_document(document)
        except StoreError as error:
            if str(error) not in self._told:
                self._told.add(str(error))
                self._window.show_message(
                    QtWidgets.QMessageBox.Warning,
                    "Reader cannot write to its annotation store.",
                    f"{error}\n\nThe document's highlights are shown; new ones cannot be saved "
                    "until this is put right.",
                )
        try:
            record = store.documents.find(document)
            if record is None:
                return None
            return OpenedDocument(record, store.annotations.for_document(record.id))
        except StoreError:
            return None
