"""The library's frequency lists, as the CLI and the window ask for them: from the index's
stored counts, for the documents the store's library lists (a document removed from the
library leaves the list even before its index rows are gone)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.frequency import (
    CharacterRow,
    FrequencyRow,
    library_character_frequencies,
    library_word_frequencies,
)

if TYPE_CHECKING:
    from reader.language.tools import LanguageTools


class NoLibraryIndex(LookupError):
    """No index file yet: nothing was added to the library."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: the library has no index yet (add documents to it first)")
        self.path = path


def library_lists(
    data_dir: Path, characters: bool = False, tools: LanguageTools | None = None
) -> list[FrequencyRow] | list[CharacterRow]:
    """The word (or character) list of the library kept in `data_dir`. Raises NoLibraryIndex,
    StoreError, OSError or sqlite3.Error (the index cannot be read)."""
    from reader.library.index_file import LibraryIndex, index_path
    from reader.store import STORE_FILE, open_store

    path = index_path(data_dir / STORE_FILE)
    if not path.exists():
        raise NoLibraryIndex(path)
    with open_store(data_dir, read_only=True) as store:
        listed = [entry.id for entry in store.library.entries()]
    with LibraryIndex.open(path) as index:
        if characters:
            return library_character_frequencies(index, listed)
        return library_word_frequencies(index, listed, tools)
