"""Getting the window's annotation edits into the store: the document's record first, then
the edits, written by PendingChanges (reader.store) in the order they were made.

The window never waits long for the store (its connection gives another process's write
at most WINDOW_BUSY_TIMEOUT). While another process holds the store, as a long `reader
notes import` does, the document is shown with what the store last held and has no record
yet; the reader's highlights are shown and kept, marked not saved, and the panel says the
store is busy and they wait. Every RETRY_MS the document is registered and the edits
written, until the store takes them all. Other refusals (a read-only disk, a store that
cannot be opened) are told, and wait for the reader's Retry Saving.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reader.document import Document
from reader.store import (
    BUSY_TIMEOUT_SECONDS,
    AnnotationEdit,
    AnnotationSet,
    DocumentRecord,
    OpenedDocument,
    PendingChanges,
    Store,
    StoreBusyError,
    StoreError,
)
from reader.ui.annotations.host import AnnotationsHost
from reader.ui.annotations.panel import AnnotationsPanel
from reader.ui.annotations.store_connection import (
    WINDOW_BUSY_TIMEOUT,
    Loaded,
    StoreConnection,
)
from reader.ui.qt import QtCore, QtWidgets

RETRY_MS = 1000
"""How often the store is tried again while another process keeps it busy."""
STATUS_MS = 8000
BUSY_LINE = (
    "The annotation store is busy in another process: highlights are kept, and saved as "
    "soon as it is free."
)


class DocumentSaving(QtCore.QObject):
    """One per window: the shown document's record, and its edits on their way."""

    def __init__(
        self,
        connection: StoreConnection,
        annotations: AnnotationSet,
        window: AnnotationsHost,
        panel: AnnotationsPanel,
        saved: Callable[[AnnotationEdit], object],
    ) -> None:
        """`saved` takes each edit the store now holds (for the undo stack)."""
        super().__init__(window.window())
        self._connection = connection
        self._annotations = annotations
        self._window = window
        self._panel = panel
        self._record: DocumentRecord | None = None
        self._unregistered: StoreError | None = None
        """Why the document shown has no record in the store yet; None: it has one."""
        self._noticed = False
        """The panel's notice is ours: it goes when nothing waits any more."""
        self._busy = False
        """Said to wait for a busy store, and retrying."""
        self.changes = PendingChanges(
            annotations,
            self._store_for_edits,
            saved=saved,
            tell=self._tell,
            note=self.note,
            unsaved_changed=self._update,
        )
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self._retry_while_busy)

    @property
    def record(self) -> DocumentRecord | None:
        """The document's record: registered, or as read while the store was busy."""
        return self._record

    def document_id(self) -> int:
        """The record new annotations belong to; 0 while there is none (they are
        rebased when it is made)."""
        return self._record.id if self._record is not None else 0

    @property
    def waiting_for_busy_store(self) -> bool:
        """Edits (or the document's record) wait for another process to finish."""
        return self.changes.waiting_for_busy_store or isinstance(self._unregistered, StoreBusyError)

    def open(self, document: Document) -> DocumentRecord | None:
        """Show `document`'s annotations, as the store holds them, in place of the last
        document's (whose unsaved edits are dropped, and the reader told how many);
        returns its record, if the store has one."""
        dropped = self.changes.drop_all()
        loaded = self._connection.load(document)
        self._take(loaded)
        opened = loaded.opened
        self._annotations.replace(document, opened.annotations if opened else [])
        said = []
        if dropped:
            said.append(
                f"{dropped} unsaved change{'s' if dropped > 1 else ''} to the last "
                "document were not kept."
            )
        if opened is not None and opened.report is not None:
            said.append(opened.report.message)
            self._window.statusBar().showMessage(opened.report.message, 4 * STATUS_MS)
        self._update()
        if not self._noticed:  # what waits says more
            self._panel.show_notice(" ".join(said))
        return self._record

    def show_opened(self, opened: OpenedDocument) -> None:
        """Show what the store now holds of the document, which has its record, and the
        edits it has yet to take on top; a note being written on new text stays."""
        self._take(Loaded(opened))
        draft = self._annotations.draft
        self._annotations.replace(self._annotations.document, opened.annotations)
        if draft is not None:  # made while there may have been no record: now it has one
            self._annotations.set_draft(replace(draft, document_id=opened.record.id))
        self.changes.show_unsaved()
        self._update()

    def retry(self, *, quiet: bool = False) -> bool:
        """Register the document if it has no record yet, then write the unsaved edits in
        the order they were made; True once all is saved. A refusal is told unless `quiet`
        (a retry the reader did not ask for) or the store is only busy."""
        waiting = bool(self.changes.unsaved)
        if self._unregistered is not None and not self._register(quiet):
            return False
        if not self.changes.retry(quiet=quiet):
            return False
        if waiting or not quiet:
            self._window.statusBar().showMessage("Saved.", STATUS_MS)
        return True

    def close(self) -> None:
        """The window closes: no more retries, but what waits for a busy store gets a last
        one, waiting as long as the CLI waits (BUSY_TIMEOUT_SECONDS): a window closing may
        pause a few seconds; a highlight must not be lost."""
        self._timer.stop()
        store = self._connection.store
        if not self._busy or store is None:
            return
        self._window.statusBar().showMessage("Saving highlights: waiting for the store…")
        self._window.statusBar().repaint()
        store.database.wait_for_writes(BUSY_TIMEOUT_SECONDS)
        try:
            self.retry(quiet=True)
        finally:
            store.database.wait_for_writes(WINDOW_BUSY_TIMEOUT)

    def _retry_while_busy(self) -> None:
        if not self.retry(quiet=True) and self._busy:
            self._timer.start()

    def note(self, line: str) -> None:
        """Say one line in passing: in the status bar, and in the panel until replaced."""
        self._window.statusBar().showMessage(line, 2 * STATUS_MS)
        self._panel.show_notice(line)
        self._noticed = True

    def _register(self, quiet: bool) -> bool:
        document = self._annotations.document
        if document is None:
            return True
        loaded = self._connection.load(document)
        if loaded.error is not None:
            self._unregistered = loaded.error
            self._update()
            if not quiet and not isinstance(loaded.error, StoreBusyError):
                self._tell("Reader still cannot save.", str(loaded.error))
            return False
        assert loaded.opened is not None
        self.show_opened(loaded.opened)
        return True

    def _take(self, loaded: Loaded) -> None:
        """The record from what was loaded; a registered one is given to the edits made
        while there was none."""
        self._unregistered = loaded.error
        self._record = loaded.opened.record if loaded.opened is not None else None
        if loaded.error is None and self._record is not None:
            self.changes.rebase(self._record.id)

    def _store_for_edits(self) -> Store:
        """The store, once the document shown has its record (edits are written under it);
        raises StoreError until then."""
        if self._unregistered is not None:
            raise self._unregistered
        return self._connection.writable()

    def _tell(self, text: str, details: str) -> None:
        self._window.show_message(QtWidgets.QMessageBox.Warning, text, details)

    def _update(self) -> None:
        """The panel's marks and notice, the status bar, and the retries while the store
        is busy."""
        changes = self.changes
        self._panel.model.set_unsaved(changes.unsaved_ids())
        count = len(changes.unsaved)
        kept = f"{count} change{'s' if count != 1 else ''}"
        busy = self.waiting_for_busy_store
        if busy != self._busy:
            self._busy = busy
            status = self._window.statusBar()
            if busy:
                self._timer.start()
                status.showMessage(BUSY_LINE)  # until replaced: "Saved.", as a rule
            else:
                self._timer.stop()
                if status.currentMessage() == BUSY_LINE:
                    status.clearMessage()
        if busy:
            waiting = f"{kept} to highlights are kept here and" if count else "Its highlights"
            self._panel.show_notice(
                "The annotation store is busy in another process (such as reader notes "
                f"import). {waiting} will be saved as soon as it is free."
            )
            self._noticed = True
        elif count:
            self._panel.show_notice(f"{kept} not saved: {changes.error}", retry=True)
            self._noticed = True
        elif self._noticed:
            self._panel.show_notice("")
            self._noticed = False
