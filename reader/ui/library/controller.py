"""File ▸ Library… and what keeps the library current from the window.

The Library window is made when first asked for. Opening it reads the store's list and
starts a scan on a worker (missing files marked, changed files re-indexed). Adding files
and folders runs on a worker with its progress under the table and a Cancel button; files
that could not be read are told once, at the end. The document shown is indexed once its
session has segmented it, and its progress and share known are written as the reader reads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from reader.library.index_file import LibraryIndex, index_path
from reader.store import Store, StoreError, open_store
from reader.store.library import LibraryEntry
from reader.ui.coverage.menu import CoverageMenu
from reader.ui.library.adding import AddReport, LibraryAdding
from reader.ui.library.jobs import LibraryJobs
from reader.ui.library.library_window import LibraryWindow
from reader.ui.library.open_indexing import OpenDocumentIndexing
from reader.ui.library.reading_progress import ReadingProgress
from reader.ui.library.relinking import Relinking
from reader.ui.library.scan import ScanReport, scan
from reader.ui.plain_text import make_plain, menu_text
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.views.text_surface import TextSurface
from reader.ui.window.file_formats import OPEN_FILTERS

SHORTCUT = "Ctrl+Shift+O"
LISTED_FAILURES = 20
"""Files that could not be added, named one by one in the message; the rest counted."""


def after(menu: QtWidgets.QMenu, action: QtGui.QAction) -> QtGui.QAction | None:
    """The entry following `action` in `menu` (None at its end)."""
    actions = menu.actions()
    place = actions.index(action) + 1
    return actions[place] if place < len(actions) else None


def failures_text(failed: list[tuple[Path, str]]) -> str:
    lines = [f"{path.name}: {reason}" for path, reason in failed[:LISTED_FAILURES]]
    if len(failed) > LISTED_FAILURES:
        lines.append(f"… and {len(failed) - LISTED_FAILURES:,} more")
    return "\n".join(lines)


class LibraryController(QtCore.QObject):
    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        file_menu: QtWidgets.QMenu,
        recent: QtGui.QAction,
        sessions: CurrentSession,
        data_dir: Path,
        store: Callable[[], Store],
        open_path: Callable[[Path], object],
        shown_view: Callable[[], TextSurface],
    ) -> None:
        """`recent`: File ▸ Open Recent, which Library… follows; `store`: the window's
        store (raises StoreError when there is none); `open_path`: File ▸ Open's."""
        super().__init__(window)
        self._main = window
        self._data_dir = data_dir
        self._store = store
        self._open_path = open_path
        self.jobs = LibraryJobs(sessions.runner, sessions.activity, self)
        self._window: LibraryWindow | None = None
        self._scan_cancel: threading.Event | None = None
        self.action = QtGui.QAction("&Library…", window)
        self.action.setShortcut(QtGui.QKeySequence(SHORTCUT))
        self.action.setStatusTip("Every document you have opened or added")
        self.action.triggered.connect(self.show)
        file_menu.insertAction(after(file_menu, recent), self.action)
        self.adding = LibraryAdding(data_dir, self.jobs, self)
        self.adding.progressed.connect(self._progressed)
        self.adding.percent.connect(
            lambda percent: self._window.show_percent(percent) if self._window else None
        )
        self.adding.finished.connect(self._added)
        self.adding.failed.connect(self._adding_failed)
        self.indexing = OpenDocumentIndexing(sessions, self.jobs, data_dir, self)
        self.progress = ReadingProgress(store, shown_view, self)
        sessions.changed.connect(self.progress.show_session)
        sessions.changed.connect(lambda _: self.refresh())

    def follow(self, moved: QtCore.SignalInstance, coverage: CoverageMenu | None) -> None:
        """`moved`: the view shown scrolled; `coverage`: the figures of the share known."""
        moved.connect(self.progress.moved)
        if coverage is not None:
            counter = coverage.coverage
            counter.changed.connect(lambda: self.progress.coverage_weighed(counter))

    @property
    def library_window(self) -> LibraryWindow:
        """The Library window, made on first use."""
        if self._window is None:
            self._window = LibraryWindow(self._main)
            self._window.open_requested.connect(self._open)
            self._window.remove_requested.connect(self.confirm_removal)
            self._window.locate_requested.connect(lambda entry: self.relinking.choose_file(entry))
            self._window.add_files_requested.connect(self.choose_files)
            self._window.add_folder_requested.connect(self.choose_folder)
            self._window.cancel_requested.connect(self._cancel)
            self.relinking = Relinking(self._window, self._store, self._warn)
            self.relinking.relinked.connect(lambda _: self.refresh(scan_too=True))
            self.relinking.text_changed.connect(lambda path: self.add([path]))
        return self._window

    def show(self) -> LibraryWindow:
        """Show the library, read anew, and scan its files in the background."""
        shown = self.library_window
        shown.show()
        self.refresh(scan_too=True)
        shown.raise_()
        shown.activateWindow()
        shown.table.setFocus()
        return shown

    def refresh(self, scan_too: bool = False) -> None:
        """The table filled again from the store (if the window is shown)."""
        if self._window is None or not self._window.isVisible():
            return
        try:
            entries = self._store().library.entries()
        except StoreError as error:
            self._warn("Reader cannot read its library.", str(error))
            return
        self._window.set_entries(entries)
        if scan_too:
            self._scan()

    # Opening

    def _open(self, entry: LibraryEntry) -> None:
        if entry.path is not None and self._open_path(entry.path):
            self.library_window.hide()

    # Removing

    def confirm_removal(self, entries: list[LibraryEntry]) -> QtWidgets.QMessageBox:
        """Ask before taking `entries` out of the library; their files are never touched."""
        what = (
            f"“{menu_text(entries[0].title or str(entries[0].path))}”"
            if len(entries) == 1
            else f"{len(entries):,} documents"
        )
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Question,
            "Remove from Library",
            f"Remove {what} from the library?",
            QtWidgets.QMessageBox.Yes | QtWidgets.QMessageBox.Cancel,
            self.library_window,
        )
        box.setInformativeText(
            "The files are not touched, and highlights and notes are kept: opening a file "
            "again lists it again."
        )
        remove = box.button(QtWidgets.QMessageBox.Yes)
        remove.setText("Remove")
        remove.clicked.connect(lambda: self.remove(entries))
        make_plain(box)
        box.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        box.open()
        return box

    def remove(self, entries: list[LibraryEntry]) -> None:
        ids = [entry.id for entry in entries]
        try:
            store = self._store()
            for id_ in ids:
                store.library.remove(id_)
        except StoreError as error:
            self._warn("Reader could not change the library.", str(error))
        self.refresh()
        self.jobs.run(lambda: _forget(self._data_dir, ids))

    # Adding

    def choose_files(self) -> QtWidgets.QFileDialog:
        dialog = QtWidgets.QFileDialog(self.library_window, "Add Files", "", OPEN_FILTERS)
        dialog.setFileMode(QtWidgets.QFileDialog.ExistingFiles)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda chosen: self.add([Path(p) for p in chosen]))
        dialog.open()
        return dialog

    def choose_folder(self) -> QtWidgets.QFileDialog:
        dialog = QtWidgets.QFileDialog(self.library_window, "Add Folder")
        dialog.setFileMode(QtWidgets.QFileDialog.Directory)
        dialog.setOption(QtWidgets.QFileDialog.ShowDirsOnly)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: self.add([Path(chosen)]))
        dialog.open()
        return dialog

    def add(self, paths: list[Path]) -> bool:
        """Add files and folders in the background; False while another adding runs."""
        if self.adding.running:
            self._warn("Reader is still adding files.", "Wait for it, or cancel it, first.")
            return False
        self.library_window.show_progress((0, 0, ""))
        return self.adding.start(paths)

    def _progressed(self, done: int, total: int, name: str) -> None:
        """Each book is listed as soon as it is in: a large folder fills the table as it goes."""
        if self._window is not None:
            self._window.show_progress((done, total, name))
            if done and name:
                self.refresh()

    def _cancel(self) -> None:
        self.adding.cancel()
        self.library_window.show_cancelling()

    def _added(self, report: AddReport) -> None:
        self.library_window.show_progress(None)
        self.refresh()
        if report.failed:
            self._warn(
                f"{len(report.failed):,} of the files could not be added."
                + (f" {len(report.added):,} were." if report.added else ""),
                failures_text(report.failed),
            )

    def _adding_failed(self, reason: str) -> None:
        self.library_window.show_progress(None)
        self._warn("Reader could not add the files.", reason)

    # Scanning

    def _scan(self) -> None:
        if self._scan_cancel is not None:
            return  # one scan at a time: the one under way sees the same files
        cancel = self._scan_cancel = threading.Event()
        self.jobs.run(
            lambda: scan(self._data_dir, self.jobs.polite(cancel.is_set)),
            self._scanned,
            self._scan_failed,
        )

    def _scan_failed(self, _error: BaseException) -> None:
        """The store or the index could not be read: the next opening scans again."""
        self._scan_cancel = None

    def _scanned(self, report: ScanReport) -> None:
        self._scan_cancel = None
        if self._window is None:
            return
        if report.updated:
            self.refresh()
        else:
            self._window.mark_missing(report.missing)

    # Messages

    def _warn(self, text: str, details: str) -> QtWidgets.QMessageBox:
        parent = self._window if self._window is not None and self._window.isVisible() else None
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Warning,
            "Reader",
            text,
            QtWidgets.QMessageBox.Ok,
            parent or self._main,
        )
        box.setInformativeText(details)
        make_plain(box)
        box.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        box.open()
        return box

    def shutdown(self) -> None:
        """Before the workers are waited for: the adding and the scan stop at their next
        file, the progress of the document shown is written."""
        self.progress.save()
        self.jobs.clear()
        self.adding.cancel()
        if self._scan_cancel is not None:
            self._scan_cancel.set()
        self.indexing.shutdown()


def _forget(data_dir: Path, ids: list[int]) -> None:
    """On a worker: the removed documents out of the index too."""
    with open_store(data_dir) as store, LibraryIndex.open(index_path(store.path)) as index:
        for id_ in ids:
            index.forget(id_)
