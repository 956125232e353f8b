"""Search Library (Ctrl+Shift+F): the window, the searches behind it and what its hits do.

Each query goes to a worker that opens the store and the library's index for itself (one
SQLite connection per thread) and runs the core's `search`; a new keystroke numbers a new
search, and the one under way sees it is no longer wanted and stops. Characters or pinyin
are told apart as the find bar tells them (reader.language.pinyin_query), so the reader
learns one syntax: in Auto, a query in Latin letters that is not pinyin (GDP) is searched
as written, and one that ends inside a syllable waits for the next letters.

Other features open a word's concordance through `show_concordance`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.language.pinyin_query import looks_like_pinyin, unfinished_pinyin
from reader.library.index_file import LibraryIndex, index_path
from reader.library.search import Hit, LibraryQuery, QueryError, search
from reader.store import StoreError, open_store
from reader.ui.export_dialog import open_export_dialog
from reader.ui.find.bar import FindMode
from reader.ui.plain_text import make_plain
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.search.csv_export import write_hits_csv
from reader.ui.search.settings import SearchSettings
from reader.ui.search.window import LibrarySearchWindow, SearchScope
from reader.ui.tasks import TaskRunner

TYPING_DELAY_MS = 150
"""A query waits this long for the next keystroke before a worker starts on it."""
EXPORT_FILTERS = {"CSV (*.csv)": "csv"}
MOST_HITS = 100_000
"""Hits shown at most: 的 in a library of novels is found millions of times, and a list of
them would cost the window seconds to sort and the reader nothing to read."""
FIRST_HITS = 200
"""Hits found and shown first, in a tenth of a second however common the query; the rest
(a common pinyin query in a large library takes a second or more) follow."""


@dataclass(frozen=True)
class Found:
    """What a search found, and how its query was read."""

    hits: list[Hit]
    mode: FindMode
    empty_library: bool = False
    limit: int = MOST_HITS
    """The most hits the search was to show."""

    @property
    def more(self) -> bool:
        """More were found than are shown."""
        return len(self.hits) > self.limit


@dataclass(frozen=True)
class Filters:
    """What the filters offer: the library's documents, the tags in use, the colours' names."""

    documents: list[tuple[int, str]]
    tags: list[str]
    colours: dict[str, str]


class SearchController(QtCore.QObject):
    """The Search Library action, its window and its searches, for one main window."""

    def __init__(
        self,
        parent: QtWidgets.QWidget,
        edit_menu: QtWidgets.QMenu,
        after: QtGui.QAction,
        data_dir: Path,
        runner: TaskRunner,
        open_hit: Callable[[Hit], bool],
    ) -> None:
        """The action goes in `edit_menu` after `after`; `data_dir`: the store's folder;
        `open_hit`: show a hit in the main window (False if its file could not be opened)."""
        super().__init__(parent)
        self._parent = parent
        self._data_dir = data_dir
        self._runner = runner
        self._open_hit = open_hit
        self._number = 0
        self._running: int | None = None
        self._window: LibrarySearchWindow | None = None
        self._settings = SearchSettings()
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.action = QtGui.QAction("Search &Library…", edit_menu)
        self.action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+F"))
        self.action.setStatusTip("Search every document in the library, or every note")
        self.action.triggered.connect(self.open)
        actions = edit_menu.actions()
        before = actions[actions.index(after) + 1] if after in actions[:-1] else None
        edit_menu.insertAction(before, self.action)

    @property
    def window(self) -> LibrarySearchWindow:
        """Made on first use: a reader who never searches the library never pays for it."""
        if self._window is None:
            window = self._window = LibrarySearchWindow(self._parent)
            window.set_mode(self._settings.mode)
            window.set_scope(self._settings.scope)
            if not self._settings.geometry.isEmpty():
                window.restoreGeometry(self._settings.geometry)
            window.hidden.connect(self._keep_geometry)
            # Kept as the reader chooses them (`activated`), not as a concordance sets them.
            window.mode_box.activated.connect(lambda _: self._keep_choices())
            window.scope_box.activated.connect(lambda _: self._keep_choices())
            window.addAction(self.action)  # Ctrl+Shift+F there too: back to the query
            window.query_changed.connect(self._query_changed)
            window.search_requested.connect(self._enter_pressed)
            window.hit_chosen.connect(self.choose)
            window.export_requested.connect(self.export)
        return self._window

    # What the reader asks

    def open(self) -> None:
        """Show the window, its filters as the library now is, the query ready to type."""
        window = self.window
        self._refresh_filters()
        window.show()
        window.raise_()
        window.activateWindow()
        window.focus_query()
        if window.query().strip() and self._running is None:
            self._timer.start(0)

    def show_concordance(self, word: str, document_ids: frozenset[int] | None = None) -> None:
        """Every place `word` occurs, as characters, in these documents (None: the whole
        library): the entry of other features (a word of the frequency list)."""
        self.open()
        window = self.window
        window.blockSignals(True)  # one search, for all of the changes
        window.set_scope(SearchScope.TEXT)
        window.set_mode(FindMode.CHARACTERS)
        window.choose_documents(document_ids)
        window.set_query(word)
        window.blockSignals(False)
        self.search_now()

    def show_concordance_in(self, word: str, path: Path | None) -> None:
        """The same for the document read from `path` (None: the whole library), as the
        library lists it; a file it does not list is said, not searched."""
        if path is None:
            self.show_concordance(word, None)
            return
        try:
            with open_store(self._data_dir, read_only=True) as store:
                entry = store.library.find_path(path)
        except StoreError as error:
            self._tell(f"The library cannot be read: {error}")
            return
        if entry is None:
            self._tell(f"{path.name} is not in the library: add it with File ▸ Library")
            return
        self.show_concordance(word, frozenset({entry.id}))

    def _tell(self, text: str) -> None:
        """The window shown saying `text`, no search started."""
        self.open()
        self._number += 1
        self._timer.stop()
        self.window.show_error(text)

    def choose(self, row: int) -> None:
        """The reader chose a hit: its document is shown at it, in front."""
        hit = self.window.model.hit(row)
        if hit is None:
            return
        if self._open_hit(hit):
            main = self._parent.window()
            main.raise_()
            main.activateWindow()

    def shutdown(self) -> None:
        """With the main window: the search window closes too (a window of its own, left
        open, would keep the app running), and a search under way is dropped."""
        self._number += 1
        self._timer.stop()
        if self._window is not None:
            self._window.close()

    # Searching

    @property
    def searching(self) -> bool:
        """A search waits for the next keystroke or runs on a worker."""
        return self._timer.isActive() or self._running is not None

    def _keep_choices(self) -> None:
        if self._window is not None:
            self._settings.mode = self._window.mode()
            self._settings.scope = self._window.scope()

    def _keep_geometry(self) -> None:
        if self._window is not None:
            self._settings.geometry = self._window.saveGeometry()

    def _query_changed(self) -> None:
        self._number += 1  # the search under way is no longer wanted
        self._timer.start()

    def _enter_pressed(self) -> None:
        if self._timer.isActive():
            self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        self._number += 1
        number = self._number
        window = self.window
        text = window.query().strip()
        if not text:
            window.show_mode_used(None)
            window.clear_hits()
            self._running = None
            return
        chosen = window.mode()
        auto = chosen is FindMode.AUTO
        mode = chosen
        if auto:
            mode = FindMode.PINYIN if looks_like_pinyin(text) else FindMode.CHARACTERS
        window.show_mode_used(mode)
        query = LibraryQuery(
            text,
            pinyin=mode is FindMode.PINYIN,
            notes=window.scope() is SearchScope.NOTES,
            documents=window.chosen_documents(),
            tags=window.chosen_tags(),
            colours=window.chosen_colours(),
        )
        data_dir = self._data_dir

        def first() -> Found:
            limit = min(FIRST_HITS, MOST_HITS)
            return _search(data_dir, query, auto, lambda: number != self._number, limit)

        def rest() -> Found:
            return _search(data_dir, query, auto, lambda: number != self._number, MOST_HITS)

        self._running = number
        window.show_progress("Searching…")
        self._runner.run(
            first, lambda found: self._first_done(number, found, rest), self._failed(number)
        )

    def _first_done(self, number: int, found: Found, rest: Callable[[], Found]) -> None:
        """The first hits shown at once; the search goes on for the rest if there are more."""
        final = not found.more or found.limit >= MOST_HITS
        if final or number != self._number or self._window is None:
            self._done(number, found)
            return
        self._window.show_hits(found.hits[: found.limit], more=True, searching=True)
        self._runner.run(
            rest, lambda all_found: self._done(number, all_found), self._failed(number)
        )

    def _done(self, number: int, found: Found) -> None:
        if self._running == number:
            self._running = None
        if number != self._number or self._window is None:
            return
        self._window.show_mode_used(found.mode)
        if found.empty_library:
            self._window.clear_hits(
                "The library is empty: add documents with File ▸ Library, or open them."
            )
        else:
            self._window.show_hits(found.hits[: found.limit], found.more)

    def _failed(self, number: int) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            if self._running == number:
                self._running = None
            window = self._window
            if number != self._number or window is None:
                return
            query = window.query().strip()
            if isinstance(error, QueryError) and unfinished_pinyin(query):
                window.clear_hits(f"Go on typing: “{query}” ends inside a syllable")
            elif isinstance(error, QueryError):
                window.show_error(str(error))
            else:  # a store or index that cannot be read (StoreError, sqlite3, OSError)
                window.show_error(f"The library cannot be searched: {error}")

        return failed

    def _refresh_filters(self) -> None:
        try:
            filters = _filters(self._data_dir)
        except (StoreError, sqlite3.Error) as error:
            self.window.show_error(f"The library cannot be read: {error}")
            return
        self.window.set_documents(filters.documents)
        self.window.set_tags(filters.tags)
        self.window.set_colours(filters.colours)

    # Export

    def export(self) -> QtWidgets.QFileDialog | None:
        """Ask where, then write the hits as shown (sorted as the reader sorted them)."""
        hits = list(self.window.model.hits)
        if not hits:
            return None
        name = "".join(c for c in self.window.query().strip() if c not in '/\\:*?"<>|')
        proposed = Path.home() / f"concordance {name or 'search'}.csv"
        return open_export_dialog(
            self.window,
            "Export Concordance",
            proposed,
            EXPORT_FILTERS,
            lambda path, _format: self.write_csv(path, hits),
        )

    def write_csv(self, path: Path, hits: list[Hit]) -> bool:
        try:
            count = write_hits_csv(path, hits)
        except OSError as error:
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Critical,
                "Reader",
                f"Reader could not write {path.name}.",
                QtWidgets.QMessageBox.Ok,
                self.window,
            )
            box.setInformativeText(error.strerror or str(error))
            make_plain(box)
            box.setAttribute(QtCore.Qt.WA_DeleteOnClose)
            box.open()
            return False
        self.window.show_progress(f"{count:,} lines written to {path.name}")
        return True


def _search(
    data_dir: Path,
    query: LibraryQuery,
    auto: bool,
    cancelled: Callable[[], bool],
    limit: int = MOST_HITS,
) -> Found:
    """On a worker: the store and the index opened for this thread, searched, closed."""
    mode = FindMode.PINYIN if query.pinyin else FindMode.CHARACTERS
    with open_store(data_dir, read_only=True) as store, _index(store.path) as index:
        try:
            if not index.indexed():
                return Found([], mode, empty_library=True)
            return Found(search(index, store, query, limit + 1, cancelled), mode, limit=limit)
        except sqlite3.DatabaseError as error:
            if index.discard_if_damaged(error):
                raise DamagedIndex() from None
            raise
        except QueryError:
            if not (auto and query.pinyin):
                raise
            # Latin letters that are not pinyin (GDP, iPhone): looked for as written.
            written = LibraryQuery(
                query.text, False, query.notes, query.documents, query.tags, query.colours
            )
            hits = search(index, store, written, limit + 1, cancelled)
            if not hits:
                raise
            return Found(hits, FindMode.CHARACTERS, limit=limit)


class DamagedIndex(Exception):
    """The index was found damaged while searching, and deleted to be made anew."""

    def __str__(self) -> str:
        return (
            "the library's index was damaged and has been removed; open File ▸ Library "
            "to index the books again"
        )


def _index(store_path: Path) -> LibraryIndex:
    return LibraryIndex.open(index_path(store_path))


def _filters(data_dir: Path) -> Filters:
    """Read on the ui thread: a few small queries."""
    with open_store(data_dir, read_only=True) as store:
        documents = [
            (entry.id, entry.title or entry.path.name) for entry in store.library.entries()
        ]
        documents.sort(key=lambda item: item[1].casefold())
        return Filters(documents, store.annotations.tags(), store.colours.all())
