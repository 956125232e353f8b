"""Export and import of a document's annotations through file dialogs.

The dialogs never block the window and start where the reader last exported or imported
(reader.ui.dialog_folders); what is written and read is reader.store.exchange's. A finished
export says so in the status bar: nothing needs the reader's answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from reader.document import Document
from reader.store import (
    ExchangeError,
    OpenedDocument,
    Store,
    StoreError,
    export_annotations,
    import_annotations,
    read_import_file,
)
from reader.ui.annotations.host import AnnotationsHost
from reader.ui.dialog_folders import Purpose, remember_folder, start_folder
from reader.ui.export_dialog import open_export_dialog
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.settings import Settings

EXPORT_FILTERS = {
    "W3C Web Annotation JSON (*.json)": "json",
    "Markdown (*.md)": "md",
    "CSV (*.csv)": "csv",
}
IMPORT_FILTERS = "W3C Web Annotation JSON (*.json *.jsonld);;All files (*)"
EXPORTED_MS = 10_000
"""How long the status bar says where the annotations were exported."""


class ExchangeTarget(Protocol):
    """What exchange needs of the window's annotations."""

    @property
    def document(self) -> Document | None: ...

    def writable_store(self) -> Store:
        """The open store; raises StoreError when there is none to write to."""

    def saved_count(self) -> int: ...

    def show_opened(self, opened: OpenedDocument) -> None:
        """Show the document's annotations as the store now holds them."""


class AnnotationExchange:
    def __init__(self, window: AnnotationsHost, target: ExchangeTarget) -> None:
        self._window = window
        self._target = target
        self._settings = Settings()

    def choose_export_file(self) -> QtWidgets.QFileDialog | None:
        """Ask where to export without blocking; the filter chosen gives the format."""
        document = self._target.document
        if document is None:
            return None
        folder = start_folder(self._settings, Purpose.ANNOTATIONS)
        stem = document.path.stem if document.path else "annotations"
        return open_export_dialog(
            self._window.window(),
            "Export Annotations",
            folder / f"{stem}.annotations.json",
            EXPORT_FILTERS,
            self.export_to,
        )

    def export_to(self, path: Path, format: str) -> bool:
        """Write the document's annotations to `path`; CSV gets a byte-order mark, which
        spreadsheet programs need to read Chinese as UTF-8."""
        document = self._target.document
        if document is None:
            return False
        try:
            store = self._target.writable_store()
            text = export_annotations(store, document, format)
            path.write_text(text, encoding="utf-8-sig" if format == "csv" else "utf-8", newline="")
        except (StoreError, OSError) as error:
            self._window.show_message(
                QtWidgets.QMessageBox.Critical,
                f"Reader could not export the annotations to {path.name}.",
                str(error),
            )
            return False
        remember_folder(self._settings, Purpose.ANNOTATIONS, path)
        count = self._target.saved_count()
        self._window.statusBar().showMessage(
            f"Exported {count} annotation{'' if count == 1 else 's'} to {path}.", EXPORTED_MS
        )
        return True

    def choose_import_file(self) -> QtWidgets.QFileDialog | None:
        document = self._target.document
        if document is None:
            return None
        folder = str(start_folder(self._settings, Purpose.ANNOTATIONS))
        dialog = QtWidgets.QFileDialog(
            self._window.window(), "Import Annotations", folder, IMPORT_FILTERS
        )
        dialog.setFileMode(QtWidgets.QFileDialog.ExistingFile)
        dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptOpen)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()
        return dialog

    def import_from(self, path: Path) -> bool:
        """Add the W3C JSON file's annotations to the document (one transaction) and show
        the document's annotations anew. The file is read within the import's limits: a
        device or a pipe, or a file too large, is refused with the reason."""
        document = self._target.document
        if document is None:
            return False
        try:
            data = read_import_file(path)
            store = self._target.writable_store()
            report = import_annotations(store, document, data, path)
            opened = store.open_document(document)
        except (StoreError, ExchangeError) as error:
            self._window.show_message(
                QtWidgets.QMessageBox.Critical,
                f"Reader could not import annotations from {path.name}.",
                str(error),
            )
            return False
        remember_folder(self._settings, Purpose.ANNOTATIONS, path)
        self._target.show_opened(opened)
        self._window.show_message(
            QtWidgets.QMessageBox.Information,
            f"Imported annotations from {path.name}.",
            report.message,
        )
        return True
