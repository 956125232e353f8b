"""Bringing files and folders of books into the library, on a worker, one file at a time.

The worker opens its own store and index connections (a SQLite connection belongs to the
thread that made it) and lets them go when it ends. A file that cannot be read does not stop
the others: it is listed, with why, in the report the window shows once at the end. Cancel
stops before the next file; the files already added stay added.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.document import DocumentError
from reader.library.index_file import LibraryIndex, index_path
from reader.library.indexing import add_to_library, files_in_folder
from reader.store import StoreError, open_store
from reader.ui.library.jobs import LibraryJobs
from reader.ui.qt import QtCore

Progress = Callable[[int, int, str], None]
"""Files done, files in all, the name of the file being read."""
Percent = Callable[[int], None]
"""How far the file being read is indexed, in whole percent."""


@dataclass(frozen=True)
class AddReport:
    added: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    """Each file that could not be added, and why."""
    cancelled: bool = False


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as the book files in them (recursively), without repeats."""
    found: list[Path] = []
    for path in paths:
        found.extend(files_in_folder(path) if path.is_dir() else [path])
    return list(dict.fromkeys(found))


def add_paths(
    data_dir: Path,
    paths: Iterable[Path],
    cancelled: Callable[[], bool],
    progress: Progress,
    percent: Percent = lambda _: None,
) -> AddReport:
    """Add `paths` (files and folders) to the library of the store in `data_dir`; runs on a
    worker. Raises StoreError if the store cannot be opened at all."""
    files = expand(paths)
    added: list[Path] = []
    failed: list[tuple[Path, str]] = []
    with open_store(data_dir) as store, LibraryIndex.open(index_path(store.path)) as index:
        for done, path in enumerate(files):
            progress(done, len(files), path.name)
            if cancelled():
                return AddReport(added, failed, cancelled=True)
            try:
                told = _in_percent(percent)
                add_to_library(store, index, path, cancelled=cancelled, progress=told)
            except (DocumentError, StoreError, OSError, ValueError) as error:
                failed.append((path, str(error)))
                continue
            added.append(path)
        progress(len(files), len(files), "")
    return AddReport(added, failed, cancelled=cancelled())


def _in_percent(percent: Percent) -> Callable[[int, int], None]:
    """The indexing's progress (characters done of all, at each paragraph) told only when
    its whole percent changes: a novel has thousands of paragraphs."""
    told = [-1]

    def tell(done: int, total: int) -> None:
        share = done * 100 // total if total else 100
        if share != told[0]:
            told[0] = share
            percent(share)

    return tell


class LibraryAdding(QtCore.QObject):
    """One adding at a time; `progressed` and `finished` arrive on the main thread."""

    progressed = QtCore.Signal(int, int, str)
    """Files done, files in all, the name of the file being read."""
    percent = QtCore.Signal(int)
    """How far the file being read is indexed."""
    finished = QtCore.Signal(object)
    """An AddReport."""
    failed = QtCore.Signal(str)
    """The store could not be opened: why."""

    def __init__(
        self, data_dir: Path, jobs: LibraryJobs, parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._jobs = jobs
        self._cancel: threading.Event | None = None

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self, paths: list[Path]) -> bool:
        """Add `paths` in the background; False if an adding is already under way."""
        if self._cancel is not None:
            return False
        cancel = self._cancel = threading.Event()
        self._jobs.run(
            lambda: add_paths(
                self._data_dir,
                paths,
                self._jobs.polite(cancel.is_set),
                self.progressed.emit,
                self.percent.emit,
            ),
            lambda report: self._done(cancel, report),
            lambda error: self._failed(cancel, error),
        )
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _done(self, cancel: threading.Event, report: AddReport) -> None:
        if cancel is self._cancel:
            self._cancel = None
        self.finished.emit(report)

    def _failed(self, cancel: threading.Event, error: BaseException) -> None:
        if cancel is self._cancel:
            self._cancel = None
        self.failed.emit(str(error))
