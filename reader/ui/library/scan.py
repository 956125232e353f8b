"""The library scan: run on a worker when the Library window opens, it keeps the index
current with the files on disk.

A file that is gone is reported missing (its row greyed, its annotations kept). A file whose
size or modification time changed since the library last read it is read again and
re-indexed; so is a document the index does not hold as it is now (its fingerprint). Files
that did not change are not read at all: a scan of a large library costs a `stat` a book.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.document import DocumentError
from reader.library.index_file import LibraryIndex, index_path
from reader.library.indexing import add_to_library
from reader.store import StoreError, open_store


@dataclass(frozen=True)
class ScanReport:
    missing: set[int] = field(default_factory=set)
    """The ids of the documents whose file is gone."""
    updated: list[int] = field(default_factory=list)
    """The ids of the documents read and indexed again."""
    failed: list[tuple[Path, str]] = field(default_factory=list)


def scan(data_dir: Path, cancelled: Callable[[], bool]) -> ScanReport:
    """Check every listed document's file against the library and the index; runs on a worker."""
    report = ScanReport()
    with open_store(data_dir) as store, LibraryIndex.open(index_path(store.path)) as index:
        indexed = index.indexed()
        for entry in store.library.entries():
            if cancelled():
                break
            path = entry.path
            try:
                if path is None or not path.is_file():
                    report.missing.add(entry.id)
                    continue
                stale = indexed.get(entry.id) != entry.fingerprint
                if not (stale or entry.changed_on_disk):
                    continue
                add_to_library(store, index, path, cancelled=cancelled)
            except (DocumentError, StoreError, OSError, ValueError) as error:
                report.failed.append((path or Path(entry.title), str(error)))
                continue
            report.updated.append(entry.id)
    return report
