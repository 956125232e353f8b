"""The library kept current from the window: a file changed on disk is indexed again by the
scan the Library window starts, and the share known of the document shown is written."""

from __future__ import annotations

from reader.library.index_file import LibraryIndex, index_path
from reader.library.search import LibraryQuery, search
from reader.store import open_store, resolve_data_dir
from reader.store.word_status import Status
from reader.ui.coverage.menu import CoverageMenu
from reader.ui.library.table_model import KNOWN
from reader.ui.words.status_holder import StatusHolder
from tests.ui.library.conftest import library_of, stored_entries


def _hits(word: str) -> list[str]:
    data_dir = resolve_data_dir(None)
    with open_store(data_dir) as store, LibraryIndex.open(index_path(store.path)) as index:
        return [hit.path.name for hit in search(index, store, LibraryQuery(word))]


def test_a_file_changed_on_disk_is_indexed_again_by_the_scan(qtbot, make_window, books):
    window = make_window()
    controller = library_of(window)
    controller.add([books])
    qtbot.waitUntil(lambda: not controller.adding.running)
    assert _hits("樱花") == []
    book = books / "chunfeng.txt"
    book.write_text(book.read_text(encoding="utf-8") + "樱花也开了。\n", encoding="utf-8")

    controller.show()  # the scan: on a worker, at once here

    assert _hits("樱花") == ["chunfeng.txt"]
    [entry] = [e for e in stored_entries() if e.title == "春风"]
    assert not entry.changed_on_disk


def test_the_share_known_of_the_document_shown_is_written(qtbot, make_window, seed_path):
    with open_store(resolve_data_dir()) as store:
        store.word_statuses.set(dict.fromkeys(["我们", "网络", "发展", "的"], Status.KNOWN))
    window = make_window(seed_path)
    menu = window.findChild(CoverageMenu)
    holder = window.findChild(StatusHolder)
    qtbot.waitUntil(lambda: menu.coverage.counts is not None and holder.loaded)
    counter = menu.coverage
    qtbot.waitUntil(lambda: counter.coverage_of(counter.counts.document) is not None)
    share = counter.coverage_of(counter.counts.document).known_share

    qtbot.waitUntil(lambda: stored_entries()[0].coverage is not None)
    assert stored_entries()[0].coverage == share and 0 < share < 1
    library = library_of(window).show()
    assert library.table.model().index(0, KNOWN).data() == f"{share:.0%}"


def test_progress_is_the_furthest_place_and_kept_when_another_document_follows_at_once(
    qtbot, make_window, seed_path, books
):
    window = make_window(seed_path, size=(900, 600))
    bar = window.shown_view().verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    bar.setValue(0)  # back to the start: the furthest place is what counts

    window.open_path(books / "chunfeng.txt")  # before the delay's write

    [seed] = [e for e in stored_entries() if e.path == seed_path]
    assert 0.3 < seed.progress < 0.7
