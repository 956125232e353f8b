"""The store and the library's index for one command, and the index brought up to date.

`reader library`, `reader search` and `reader concordance --library` all need both: the
store lists the documents, the index (a file beside the store, rebuildable) finds the words.
A damaged index is made anew by `LibraryIndex.open`; the command says so and indexes the
library's documents again before it searches.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reader.cli.common import opened_store, tell
from reader.cli.progress import Progress
from reader.document import DocumentError

if TYPE_CHECKING:
    from reader.library.index_file import LibraryIndex
    from reader.store import Store


@contextmanager
def opened_library(data_dir: str | None) -> Iterator[tuple[Store, LibraryIndex]]:
    """The store and its library index; a rebuilt index is told on stderr."""
    import sqlite3

    from reader.cli.common import CommandError
    from reader.library.index_file import LibraryIndex, index_path

    with opened_store(data_dir) as store:
        path = index_path(store.path)
        try:
            index = LibraryIndex.open(path)
        except (OSError, sqlite3.Error) as error:
            raise CommandError(f"{path}: the library index cannot be opened: {error}") from None
        with index:
            if index.rebuilt:
                tell(
                    f"the library index {path} was damaged or made by another version: "
                    "it was made anew, and the library's documents are indexed again"
                )
            try:
                yield store, index
            except sqlite3.DatabaseError as error:
                if not index.discard_if_damaged(error):
                    raise CommandError(
                        f"{path}: the library index cannot be read: {error}"
                    ) from None
                raise CommandError(
                    f"{path}: the library index is damaged: it was deleted, and the next "
                    "command makes it anew and indexes the library's documents again"
                ) from None


def bring_up_to_date(store: Store, index: LibraryIndex) -> None:
    """Index again every listed document whose file changed (its size or time) or that the
    index lacks, so that a search finds what the files hold now. A missing file keeps its
    old index (its hits still name it); a file that can no longer be read is told, skipped."""
    from reader.library.indexing import add_to_library

    stale = [
        entry
        for entry in store.library.entries()
        if not entry.missing
        and (entry.changed_on_disk or not index.is_current(entry.id, entry.fingerprint))
    ]
    progress = Progress("indexing")
    for number, entry in enumerate(stale, 1):
        progress.step(number, len(stale), str(entry.path))
        try:
            add_to_library(store, index, entry.path)
        except DocumentError as error:
            progress.clear()
            tell(f"warning: {error}")
    progress.clear()
