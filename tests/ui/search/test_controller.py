"""Search Library as a reader uses it: Ctrl+Shift+F, a query typed, the concordance of
every book in the library, sorted by its right context, a hit clicked open at its place,
the hits exported as CSV, the notes searched, a bad pinyin query told in the window."""

from __future__ import annotations

import csv

import pytest

from reader.document import open_document
from reader.library.index_file import LibraryIndex, index_path
from reader.library.indexing import add_to_library
from reader.store import STORE_FILE, open_store, resolve_data_dir
from reader.ui.find.bar import FindMode
from reader.ui.qt import QtCore
from reader.ui.search import controller
from reader.ui.search.results_model import LEFT, MATCH, RIGHT
from reader.ui.search.window import SearchScope
from reader.ui.views.page_style import LIGHT
from tests.library.index_damage import damage_stored_text
from tests.ui.find.conftest import pixel_under
from tests.ui.message_boxes import message_boxes
from tests.ui.search.conftest import BAOYU, occurrences, open_search, type_query, wait_searched

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)"
)


def test_a_word_is_found_in_every_book_and_shown_in_context(qtbot, window, books):
    search = open_search(qtbot, window)
    qtbot.waitUntil(search.window.edit.hasFocus)
    type_query(qtbot, search, BAOYU)

    model = search.window.model
    assert model.rowCount() == occurrences(books, BAOYU) == 6
    assert search.window.status.text() == "6 matches in 2 documents"
    assert search.window.mode_box.currentText() == "Auto: Characters"
    for row in range(model.rowCount()):
        hit = model.hit(row)
        text = open_document(hit.path).text
        assert text[hit.start : hit.end] == BAOYU == model.index(row, MATCH).data()
        assert text[: hit.start].replace("\n", " ").endswith(hit.left)
        assert "\n" not in hit.left + hit.right
    first = model.index(0, LEFT)
    assert first.data(QtCore.Qt.TextAlignmentRole) & QtCore.Qt.AlignRight
    assert model.index(0, MATCH).data(QtCore.Qt.FontRole).bold()


def test_a_traditional_query_finds_the_simplified_text(qtbot, window, books):
    search = open_search(qtbot, window)
    type_query(qtbot, search, "寶玉")

    assert search.window.model.rowCount() == occurrences(books, BAOYU)


def test_pinyin_typed_finds_the_word_in_every_book(qtbot, window, books):
    search = open_search(qtbot, window)
    type_query(qtbot, search, "baoyu")

    assert search.window.mode_box.currentText() == "Auto: Pinyin"
    matches = [hit.match for hit in search.window.model.hits]
    assert matches.count(BAOYU) == occurrences(books, BAOYU)
    assert search.window.status.text().endswith("in 2 documents")


def test_latin_letters_that_are_not_pinyin_are_searched_as_written(qtbot, window, books):
    books[0].write_text(books[0].read_text(encoding="utf-8") + "\nGDP 增长。\n", encoding="utf-8")
    store = open_store(resolve_data_dir(None))
    with store, LibraryIndex.open(index_path(store.path)) as index:
        add_to_library(store, index, books[0])
    search = open_search(qtbot, window)
    type_query(qtbot, search, "GDP")

    assert search.window.mode_box.currentText() == "Auto: Characters"
    assert [hit.match for hit in search.window.model.hits] == ["GDP"]


def test_the_concordance_sorts_by_right_context_and_by_left(qtbot, window):
    search = open_search(qtbot, window)
    type_query(qtbot, search, BAOYU)
    table = search.window.table
    header = table.horizontalHeader()

    header_click(qtbot, header, RIGHT)
    rights = [hit.right for hit in search.window.model.hits]
    assert rights == sorted(rights)
    assert rights[0].startswith("又问")  # 宝玉又问 ... before 宝玉只是, 宝玉见了 ...

    header_click(qtbot, header, LEFT)
    lefts = [hit.left[::-1] for hit in search.window.model.hits]
    assert lefts == sorted(lefts)


def header_click(qtbot, header, column: int) -> None:
    point = QtCore.QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), QtCore.Qt.LeftButton, pos=point)


def test_a_click_opens_the_other_book_at_the_match(qtbot, window, books):
    search = open_search(qtbot, window)
    type_query(qtbot, search, "晴雯")
    model = search.window.model
    assert model.rowCount() == 1
    table = search.window.table

    rect = table.visualRect(model.index(0, MATCH))
    qtbot.mouseClick(table.viewport(), QtCore.Qt.LeftButton, pos=rect.center())

    document = window.reader_document
    assert document.path == books[1]
    hit = model.hit(0)
    assert document.text[hit.start : hit.end] == "晴雯"
    view = window.shown_view()
    assert view.caret_offset() == hit.start
    top, bottom = view.visible_range()
    assert top <= hit.start <= bottom
    qtbot.waitUntil(lambda: pixel_under(view, hit.start) == LIGHT.found_current)


def test_a_hit_in_the_book_shown_is_a_jump_that_back_returns_from(qtbot, window, tmp_path):
    long_book = tmp_path / "long.txt"
    long_book.write_text("长卷\n\n" + "天下大势，分久必合。\n\n" * 400 + "结尾有麒麟。\n", "utf-8")
    store = open_store(resolve_data_dir(None))
    with store, LibraryIndex.open(index_path(store.path)) as index:
        add_to_library(store, index, long_book)
    assert window.open_path(long_book)
    view = window.shown_view()
    top = view.top_offset()
    search = open_search(qtbot, window)
    type_query(qtbot, search, "麒麟")
    assert search.window.model.rowCount() == 1

    search.choose(0)

    assert window.reader_document.path == long_book
    assert view.top_offset() > top
    window.navigation.jumps.back()
    assert view.top_offset() == top


def test_enter_in_the_box_goes_to_the_hits_and_enter_opens_one(qtbot, window, books):
    search = open_search(qtbot, window)
    search.window.edit.setText("袭人")
    qtbot.keyClick(search.window.edit, QtCore.Qt.Key_Return)
    wait_searched(qtbot, search)
    assert search.window.table.hasFocus()

    qtbot.keyClick(search.window.table, QtCore.Qt.Key_Return)

    assert window.reader_document.path == books[1]
    assert window.shown_view().caret_offset() == search.window.model.hit(0).start


def test_the_hits_export_as_csv_in_the_order_shown(qtbot, window, books, tmp_path):
    search = open_search(qtbot, window)
    type_query(qtbot, search, BAOYU)
    header_click(qtbot, search.window.table.horizontalHeader(), RIGHT)
    target = tmp_path / "宝玉.csv"

    dialog = search.export()
    dialog.selectFile(str(target))
    dialog.accept()

    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["document", "path", "section", "start", "end", "left", "match", "right"]
    hits = search.window.model.hits
    assert len(rows) == 1 + len(hits) == 1 + occurrences(books, BAOYU)
    assert [row[7] for row in rows[1:]] == [hit.right for hit in hits]
    assert {row[1] for row in rows[1:]} == {str(path) for path in books}
    assert all(row[6] == BAOYU for row in rows[1:])
    assert "6 lines written" in search.window.status.text()


def test_the_notes_scope_finds_a_note_and_filters_by_tag(qtbot, window, books):
    with open_store(resolve_data_dir(None)) as store:
        record = store.documents.find(window.reader_document)
        text = window.reader_document.text
        start = text.index("痴狂病")
        store.annotations.create(
            record.id, text, start, start + 3, note="疯病的来历", tags=["病"], colour="red"
        )
        store.annotations.create(record.id, text, 0, 3, note="书名", tags=["书"])
    search = open_search(qtbot, window)
    search.window.set_scope(SearchScope.NOTES)
    assert search.window.tag_box.isEnabled()
    type_query(qtbot, search, "疯病")

    model = search.window.model
    assert model.rowCount() == 1
    assert model.hit(0).annotation_id is not None
    assert model.hit(0).start == start

    search.window.tag_box.setCurrentIndex(search.window.tag_box.findData("书"))
    wait_searched(qtbot, search)
    assert model.rowCount() == 0


def test_a_bad_pinyin_query_is_told_in_the_window_not_in_a_box(qtbot, window):
    search = open_search(qtbot, window)
    search.window.set_mode(FindMode.PINYIN)
    type_query(qtbot, search, "baoyux")
    assert search.window.status.text() == "Go on typing: “baoyux” ends inside a syllable"

    type_query(qtbot, search, "bao7yu")

    assert search.window.model.rowCount() == 0
    assert search.window.status.text().startswith("'bao7yu' is not pinyin")
    assert not message_boxes()


def test_a_word_s_concordance_opens_for_one_book(qtbot, window, books):
    with open_store(resolve_data_dir(None), read_only=True) as store:
        dream = next(e.id for e in store.library.entries() if e.path == books[1])
    search = open_search(qtbot, window)
    search.window.close()

    search.show_concordance(BAOYU, frozenset({dream}))
    wait_searched(qtbot, search)

    assert search.window.isVisible()
    assert search.window.query() == BAOYU
    assert {hit.document_id for hit in search.window.model.hits} == {dream}
    assert search.window.model.rowCount() == books[1].read_text(encoding="utf-8").count(BAOYU)


def test_the_filters_offer_the_library_s_books_its_tags_and_colours(qtbot, window):
    with open_store(resolve_data_dir(None)) as store:
        record = store.documents.find(window.reader_document)
        store.annotations.create(record.id, window.reader_document.text, 0, 2, tags=["人物"])
    search = open_search(qtbot, window)
    window_ = search.window

    documents = [window_.document_box.itemText(i) for i in range(window_.document_box.count())]
    assert documents == ["All documents", "梦中人", "石头记"]
    tags = [window_.tag_box.itemText(i) for i in range(window_.tag_box.count())]
    assert tags == ["Any tag", "人物"]
    assert window_.colour_box.itemText(1) == "yellow — vocabulary"
    assert not window_.tag_box.isEnabled()  # tags and colours are the notes'

    window_.document_box.setCurrentIndex(1)
    type_query(qtbot, search, BAOYU)
    assert {hit.title for hit in window_.model.hits} == {"梦中人"}


def test_the_search_window_closes_with_the_main_window(qtbot, window):
    search = open_search(qtbot, window)

    window.close()

    assert not search.window.isVisible()


def test_an_empty_library_says_how_to_fill_it(qtbot, make_window):
    window = make_window(active=True)
    search = open_search(qtbot, window)
    type_query(qtbot, search, BAOYU)

    assert search.window.model.rowCount() == 0
    assert search.window.status.text().startswith("The library is empty")


def test_past_the_most_hits_shown_the_first_are_shown_and_more_said(
    qtbot, window, books, monkeypatch
):
    monkeypatch.setattr(controller, "MOST_HITS", 4)
    search = open_search(qtbot, window)
    type_query(qtbot, search, BAOYU)

    assert search.window.model.rowCount() == 4
    assert search.window.status.text() == (
        "The first 4 matches in 2 documents are shown; there are more: narrow the search"
    )


def test_the_first_hits_come_first_and_then_every_hit(qtbot, window, books, monkeypatch):
    monkeypatch.setattr(controller, "FIRST_HITS", 2)
    search = open_search(qtbot, window)
    shown: list[int] = []
    search.window.model.modelReset.connect(lambda: shown.append(search.window.model.rowCount()))
    type_query(qtbot, search, BAOYU)

    every = occurrences(books, BAOYU)
    assert every > 2
    assert shown[-2:] == [2, every]
    assert search.window.status.text() == f"{every} matches in 2 documents"


def test_a_word_s_concordance_opens_for_a_file_of_the_library_or_says_it_is_not(
    qtbot, window, books, tmp_path
):
    search = open_search(qtbot, window)

    search.show_concordance_in(BAOYU, books[0])
    wait_searched(qtbot, search)
    assert {hit.path for hit in search.window.model.hits} == {books[0]}

    stray = tmp_path / "stray.txt"
    stray.write_text("宝玉\n", encoding="utf-8")
    search.show_concordance_in(BAOYU, stray)
    wait_searched(qtbot, search)
    assert (
        search.window.status.text() == "stray.txt is not in the library: add it with File ▸ Library"
    )
    assert search.window.model.rowCount() == 0


def test_a_hit_in_a_file_changed_since_it_was_indexed_opens_where_its_word_now_is(
    qtbot, window, books
):
    search = open_search(qtbot, window)
    type_query(qtbot, search, "晴雯")
    hit = search.window.model.hit(0)
    books[1].write_text("序言一段。\n\n" + books[1].read_text(encoding="utf-8"), encoding="utf-8")

    search.choose(0)

    text = window.reader_document.text
    caret = window.shown_view().caret_offset()
    assert caret != hit.start
    assert text[caret : caret + 2] == "晴雯"


def test_the_mode_scope_and_place_chosen_are_kept_for_the_next_window(qtbot, window, make_window):
    search = open_search(qtbot, window)
    qtbot.keyClick(search.window.mode_box, QtCore.Qt.Key_End)  # Pinyin, the last
    qtbot.keyClick(search.window.scope_box, QtCore.Qt.Key_Down)  # Text to Notes
    search.window.resize(700, 400)
    search.show_concordance(BAOYU)  # a concordance's own choices are not the reader's
    window.close()

    again = open_search(qtbot, make_window(active=True))

    assert again.window.mode() is FindMode.PINYIN
    assert again.window.scope() is SearchScope.NOTES
    assert again.window.size() == QtCore.QSize(700, 400)


def test_an_index_found_damaged_by_a_search_is_told_and_removed(qtbot, window, books):
    search = open_search(qtbot, window)
    type_query(qtbot, search, "baoyu")
    assert search.window.model.rowCount() > 0
    path = index_path(resolve_data_dir(None) / STORE_FILE)
    damage_stored_text(path)

    type_query(qtbot, search, "daiyu")

    assert "index was damaged and has been removed" in search.window.status.text()
    assert not message_boxes()
