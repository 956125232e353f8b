"""File ▸ Library… driven as a reader drives it: the documents opened are listed with their
progress, a folder of books comes in (in the background, with Cancel), a document is removed,
a missing file is marked and located again, a double-click opens a document, and a new
window on the same store still has the library."""

from __future__ import annotations

import shutil

from reader.library.index_file import LibraryIndex, index_path
from reader.library.search import LibraryQuery, search
from reader.store import open_store, resolve_data_dir
from reader.ui.library.table_model import MISSING, PROGRESS
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.tasks import TaskRunner
from tests.ui.library.conftest import BOOKS, library_of, shown_titles, stored_entries
from tests.ui.message_boxes import message_boxes, wait_for_message
from tests.ui.mouse import double_click


def _row_of(controller, title: str) -> int:
    titles = shown_titles(controller)
    matching = [row for row, shown in enumerate(titles) if shown.startswith(title)]
    assert len(matching) == 1, titles
    return matching[0]


def _select(qtbot, controller, title: str) -> QtCore.QPoint:
    """Click the row of `title`; where its title cell is."""
    table = controller.library_window.table
    index = table.model().index(_row_of(controller, title), 0)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), QtCore.Qt.LeftButton, pos=point)
    return point


def _wait_added(qtbot, controller) -> None:
    qtbot.waitUntil(lambda: not controller.adding.running, timeout=60_000)


def test_documents_opened_are_listed_with_their_progress(qtbot, make_window, seed_path):
    window = make_window(seed_path, size=(900, 600))
    bar = window.shown_view().verticalScrollBar()
    bar.setValue(bar.maximum())  # read to the end
    window.close()  # the progress written as the window closes

    [entry] = stored_entries()
    assert entry.path == seed_path and entry.progress == 1.0

    again = make_window(size=(900, 600))
    controller = library_of(again)
    entries = [action.text() for action in again.file_menu.actions()]
    assert entries[entries.index("Open &Recent") + 1] == "&Library…"
    controller.action.trigger()
    library = controller.library_window
    assert library.isVisible()
    assert shown_titles(controller) == [entry.title]
    assert library.table.model().index(0, PROGRESS).data() == "100%"
    assert library.count_label.text() == "1 document"


def test_a_folder_of_books_is_added_in_the_background_and_searchable(qtbot, make_window, books):
    window = make_window(runner=TaskRunner(max_threads=2))
    controller = library_of(window)
    controller.show()
    progress: list[tuple[int, int, str]] = []
    controller.adding.progressed.connect(lambda *step: progress.append(step))
    percents: list[int] = []
    controller.adding.percent.connect(percents.append)

    assert controller.add([books])
    assert controller.library_window.cancel_button.isVisible()
    _wait_added(qtbot, controller)

    assert [(box.text(), box.informativeText()) for box in message_boxes()] == []
    assert sorted(shown_titles(controller)) == sorted(t.split("\n")[0] for t in BOOKS.values())
    assert not controller.library_window.cancel_button.isVisible()
    assert progress[-1] == (3, 3, "")
    assert percents.count(100) == 3  # each book read to its end
    data_dir = resolve_data_dir(None)
    with open_store(data_dir) as store, LibraryIndex.open(index_path(store.path)) as index:
        hits = search(index, store, LibraryQuery("雪人"))
        assert [hit.path.name for hit in hits] == ["dongxue.txt"]
        moon = search(index, store, LibraryQuery("yueliang", pinyin=True))
        assert [(hit.path.name, hit.match) for hit in moon] == [("qiuye.txt", "月亮")] * 2


def test_cancel_stops_before_the_next_file_and_keeps_those_added(qtbot, make_window, books):
    window = make_window()  # tasks run at once: the cancel comes as the second file starts
    controller = library_of(window)
    controller.show()

    def cancel_at_second(done: int, _total: int, _name: str) -> None:
        if done == 1:
            controller.library_window.cancel_button.click()

    controller.adding.progressed.connect(cancel_at_second)
    controller.add([books])
    _wait_added(qtbot, controller)

    assert len(stored_entries()) == 1  # the second was not begun
    assert len(shown_titles(controller)) == 1
    assert not message_boxes()


def test_a_file_that_cannot_be_read_is_told_once_and_the_rest_are_added(qtbot, make_window, books):
    (books / "broken.epub").write_bytes(b"not a zip at all")
    window = make_window()
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)

    box = wait_for_message(qtbot)
    assert box.text().startswith("1 of the files could not be added.")
    assert "broken.epub" in box.informativeText()
    assert box.textFormat() == QtCore.Qt.PlainText
    assert len(shown_titles(controller)) == 3


def test_remove_with_the_delete_key_asks_then_unlists_and_leaves_the_file(
    qtbot, make_window, books
):
    window = make_window(active=True)
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)
    _select(qtbot, controller, "秋夜")
    qtbot.waitUntil(controller.library_window.isActiveWindow)  # not the main window's Delete

    qtbot.keyClick(controller.library_window.table, QtCore.Qt.Key_Delete)
    box = wait_for_message(qtbot)
    assert "秋夜" in box.text()
    box.button(QtWidgets.QMessageBox.Yes).click()

    assert sorted(shown_titles(controller)) == ["冬雪", "春风"]
    assert sorted(entry.title for entry in stored_entries()) == ["冬雪", "春风"]
    assert (books / "qiuye.txt").is_file()


def test_a_missing_file_is_marked_and_located_again(qtbot, make_window, books, tmp_path):
    window = make_window()
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)
    controller.library_window.hide()
    moved = tmp_path / "moved.txt"
    shutil.move(books / "chunfeng.txt", moved)

    controller.show()  # the scan finds it gone
    qtbot.waitUntil(lambda: any(MISSING in title for title in shown_titles(controller)))
    assert shown_titles(controller).count(f"春风 ({MISSING})") == 1
    assert "1 missing" in controller.library_window.count_label.text()
    _select(qtbot, controller, "春风")
    assert controller.library_window.locate_button.isEnabled()

    controller.library_window.locate_button.click()
    dialog = next(
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, QtWidgets.QFileDialog) and w.isVisible()
    )
    dialog.selectFile(str(moved))
    dialog.accept()

    qtbot.waitUntil(lambda: "春风" in shown_titles(controller))
    assert not message_boxes()
    [entry] = [e for e in stored_entries() if e.title == "春风"]
    assert entry.path == moved and not entry.missing


def test_locating_a_file_with_another_text_asks_first(qtbot, make_window, books):
    window = make_window()
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)
    [entry] = [e for e in stored_entries() if e.title == "春风"]

    box = controller.relinking.relink(entry, books / "qiuye.txt")

    assert box is not None and "is not the text" in box.text()
    box.button(QtWidgets.QMessageBox.Cancel).click()
    assert next(e for e in stored_entries() if e.id == entry.id).path == entry.path


def test_a_file_with_another_text_linked_anyway_is_read_and_indexed_again(
    qtbot, make_window, books, tmp_path
):
    window = make_window()
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)
    [entry] = [e for e in stored_entries() if e.title == "春风"]
    edited = tmp_path / "chunfeng-edited.txt"
    edited.write_text("春风\n\n第一章 春天\n\n樱花开了。\n", encoding="utf-8")

    box = controller.relinking.relink(entry, edited)
    box.button(QtWidgets.QMessageBox.Yes).click()
    _wait_added(qtbot, controller)

    [now] = [e for e in stored_entries() if e.id == entry.id]
    assert now.path == edited and now.fingerprint != entry.fingerprint
    data_dir = resolve_data_dir(None)
    with open_store(data_dir) as store, LibraryIndex.open(index_path(store.path)) as index:
        assert [hit.document_id for hit in search(index, store, LibraryQuery("樱花"))] == [entry.id]
        assert search(index, store, LibraryQuery("桃花")) == []


def test_a_double_click_opens_the_document_in_the_window(qtbot, make_window, books):
    window = make_window()
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)
    table = controller.library_window.table
    point = _select(qtbot, controller, "秋夜")

    double_click(qtbot, table.viewport(), point)

    assert window.reader_document is not None
    assert window.reader_document.path == books / "qiuye.txt"
    assert not controller.library_window.isVisible()


def test_enter_opens_the_chosen_document(qtbot, make_window, books):
    window = make_window(active=True)
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)
    _select(qtbot, controller, "冬雪")
    qtbot.waitUntil(controller.library_window.isActiveWindow)

    qtbot.keyClick(controller.library_window.table, QtCore.Qt.Key_Return)

    assert window.reader_document.path == books / "winter" / "dongxue.txt"


def test_a_new_window_on_the_same_store_still_has_the_library(qtbot, make_window, books):
    first = make_window()
    library_of(first).add([books])
    _wait_added(qtbot, library_of(first))
    first.close()

    again = make_window()
    controller = library_of(again)
    controller.show()

    assert sorted(shown_titles(controller)) == ["冬雪", "春风", "秋夜"]


def test_the_document_shown_is_indexed_once_segmented(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    session = window.session
    qtbot.waitUntil(lambda: session.fully_segmented, timeout=30_000)
    [entry] = stored_entries()

    def indexed() -> bool:
        data_dir = resolve_data_dir(None)
        with open_store(data_dir) as store, LibraryIndex.open(index_path(store.path)) as index:
            return index.is_current(entry.id, entry.fingerprint)

    qtbot.waitUntil(indexed, timeout=10_000)


def test_the_filter_box_keeps_the_rows_whose_title_or_path_match(qtbot, make_window, books):
    window = make_window()
    controller = library_of(window)
    controller.show()
    controller.add([books])
    _wait_added(qtbot, controller)
    library = controller.library_window

    qtbot.keyClicks(library.filter_box, "winter")

    assert shown_titles(controller) == ["冬雪"]
    assert library.count_label.text() == "1 of 3 documents"
    library.filter_box.clear()
    assert len(shown_titles(controller)) == 3


def test_no_document_yet_says_how_to_fill_the_library(qtbot, make_window):
    controller = library_of(make_window())
    library = controller.show()
    assert library.empty_label.isVisible()
    assert library.count_label.text() == "0 documents"


def test_ctrl_shift_o_shows_the_library(qtbot, make_window):
    window = make_window(active=True)

    qtbot.keyClick(
        window.reading_view, QtCore.Qt.Key_O, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier
    )

    qtbot.waitUntil(lambda: library_of(window).library_window.isVisible())
