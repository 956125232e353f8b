"""Words ▸ Word Frequency… in the window: the list of the open document (and of the section
being read), sorted by a header click, filtered by HSK level and by text, exported as CSV
and read back, a double-click or Enter asking for the word's concordance, the collocations
of the word selected."""

from __future__ import annotations

import csv

import pytest

from reader.library.frequency import word_frequencies
from reader.store import STORE_FILE, open_store, resolve_data_dir
from reader.ui.frequency.dialog import FrequencyDialog
from reader.ui.frequency.menu import FREQUENCY_TEXT, FrequencyMenu
from reader.ui.frequency.scope import ScopeKind
from reader.ui.frequency.table_model import WORD_COLUMNS
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.search.controller import SearchController
from tests.ui.mouse import double_click

BOOK = (
    "学习之书\n\n第一章 开始\n\n我们今天学习中文。我们学习汉字，他们也学习。\n\n"
    "第二章 结束\n\n我们明天学习中文，明天也学习。丫鬟笑了。\n"
)


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.txt"
    path.write_text(BOOK, encoding="utf-8")
    return path


def _dialog(qtbot, window) -> FrequencyDialog:
    menu = window.findChild(FrequencyMenu)
    assert menu is not None
    action = next(a for a in window.words_menu.actions() if a.text() == FREQUENCY_TEXT)
    action.trigger()
    dialog = menu.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    return dialog


def _column(dialog: FrequencyDialog, name: str) -> list[str]:
    column = dialog.model.columns().index(name)
    model = dialog.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _click_header(qtbot, dialog: FrequencyDialog, name: str) -> None:
    header = dialog.table.horizontalHeader()
    column = dialog.model.columns().index(name)
    point = QtCore.QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), QtCore.Qt.LeftButton, pos=point)


def test_the_list_is_the_cores_most_frequent_first(qtbot, make_window, book, tools):
    window = make_window(book)
    dialog = _dialog(qtbot, window)
    expected = word_frequencies(window.reader_document, tools=tools)
    assert _column(dialog, "Word") == [row.word for row in expected]
    assert _column(dialog, "Word")[:2] == ["学习", "我们"]
    assert _column(dialog, "Count")[:2] == ["6", "3"]
    assert dialog.model.columns() == WORD_COLUMNS
    assert not dialog.progress.isVisible()
    assert dialog.summary.text().startswith(f"{len(expected)} different words")
    model = dialog.model
    right = int(QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter)
    for name in ("Count", "Per 10k", "Sections", "HSK", "Cumulative"):
        index = model.index(0, model.columns().index(name))
        assert model.data(index, QtCore.Qt.TextAlignmentRole) == right


def test_the_model_passes_qts_checks(qtbot, make_window, book, qtmodeltester):
    dialog = _dialog(qtbot, make_window(book))
    qtmodeltester.check(dialog.model)
    dialog.hsk_box.setCurrentIndex(dialog.hsk_box.findText("HSK 1"))
    qtmodeltester.check(dialog.model)


def test_a_header_click_sorts_numbers_as_numbers(qtbot, make_window, book):
    dialog = _dialog(qtbot, make_window(book))
    _click_header(qtbot, dialog, "Count")
    first = [int(count) for count in _column(dialog, "Count")]
    ascending = first == sorted(first)
    assert ascending or first == sorted(first, reverse=True)
    _click_header(qtbot, dialog, "Count")  # the other way
    second = [int(count) for count in _column(dialog, "Count")]
    assert second == sorted(first, reverse=ascending) and second != first
    _click_header(qtbot, dialog, "Per 10k")  # "10,000.0" after "833.3" as numbers
    shares = [float(share.replace(",", "")) for share in _column(dialog, "Per 10k")]
    assert shares in (sorted(shares), sorted(shares, reverse=True)) and shares[0] != shares[-1]
    _click_header(qtbot, dialog, "HSK")
    levels = [int(level[0]) if level else 99 for level in _column(dialog, "HSK")]  # 7–9: 7
    assert levels in (sorted(levels), sorted(levels, reverse=True))
    assert len(set(levels)) > 3  # 1, 3, 7-9 and unlisted: a real order was checked
    _click_header(qtbot, dialog, "Word")
    words = _column(dialog, "Word")
    assert words in (sorted(words), sorted(words, reverse=True))


def test_the_hsk_and_text_filters(qtbot, make_window, book):
    dialog = _dialog(qtbot, make_window(book))
    everything = dialog.model.rowCount()
    dialog.hsk_box.setCurrentIndex(dialog.hsk_box.findText("HSK 1"))
    assert set(_column(dialog, "HSK")) == {"1"}
    assert "学习" in _column(dialog, "Word")
    dialog.hsk_box.setCurrentIndex(dialog.hsk_box.findText("Not in HSK"))
    assert set(_column(dialog, "HSK")) == {""} and "丫鬟" in _column(dialog, "Word")
    dialog.hsk_box.setCurrentIndex(dialog.hsk_box.findText("Above HSK 1"))
    levels = _column(dialog, "HSK")
    assert "1" not in levels and "" in levels and "3" in levels and "7–9" in levels
    assert "shown" in dialog.summary.text()
    dialog.hsk_box.setCurrentIndex(dialog.hsk_box.findText("All words"))
    assert dialog.model.rowCount() == everything
    qtbot.keyClicks(dialog.filter_field, "xuexi")  # pinyin without tones
    assert _column(dialog, "Word") == ["学习"]
    dialog.filter_field.clear()
    qtbot.keyClicks(dialog.filter_field, "servant")  # the gloss
    assert _column(dialog, "Word") == ["丫鬟"]


def test_export_csv_writes_the_rows_shown_and_reads_back(qtbot, make_window, book, tmp_path):
    dialog = _dialog(qtbot, make_window(book))
    dialog.hsk_box.setCurrentIndex(dialog.hsk_box.findText("HSK 1"))
    shown = _column(dialog, "Word")
    files = dialog.choose_export_file()
    target = tmp_path / "out" / "list"
    target.parent.mkdir()
    files.selectFile(str(target))
    files.accept()
    written = target.with_name("list.csv")
    with written.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == [
        "word",
        "count",
        "per_10k",
        "sections",
        "hsk",
        "pinyin",
        "gloss",
        "cumulative",
    ]
    assert [row["word"] for row in rows] == shown
    assert rows[0]["word"] == "学习" and rows[0]["count"] == "6" and rows[0]["hsk"] == "1"
    assert rows[0]["pinyin"] == "xuéxí"


def test_double_click_and_enter_ask_for_the_concordance(qtbot, make_window, book):
    window = make_window(book)
    dialog = _dialog(qtbot, window)
    menu = window.findChild(FrequencyMenu)
    table = dialog.table
    rect = table.visualRect(dialog.model.index(1, 0))
    with qtbot.waitSignal(menu.concordance_requested) as asked:
        double_click(qtbot, table.viewport(), rect.center())
    word, scope = asked.args
    assert word == "我们" and scope.kind is ScopeKind.DOCUMENT and scope.path == book
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(0, 0))
    with qtbot.waitSignal(dialog.concordance_requested) as asked:
        qtbot.keyClick(table, QtCore.Qt.Key_Return)
    assert asked.args[0] == "学习"


def test_the_word_selected_shows_its_collocations(qtbot, make_window, book):
    dialog = _dialog(qtbot, make_window(book))
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))  # 学习
    qtbot.waitUntil(lambda: dialog.right_table.rowCount() > 0)
    right = {
        dialog.right_table.item(row, 0).text(): dialog.right_table.item(row, 1).text()
        for row in range(dialog.right_table.rowCount())
    }
    left = {dialog.left_table.item(row, 0).text() for row in range(dialog.left_table.rowCount())}
    assert right["中文"] == "2" and right["汉字"] == "1"
    assert {"我们", "今天", "也", "明天"} <= left
    assert "6 times" in dialog.neighbours_title.text()


def test_this_section_and_characters(qtbot, make_window, book):
    window = make_window(book)
    section = next(s for s in window.reader_document.sections() if s.heading == "第二章 结束")
    window.section_tree.show_section(section)
    dialog = _dialog(qtbot, window)
    index = dialog.scope_box.findText("This section: 第二章 结束")
    assert index > 0
    dialog.scope_box.setCurrentIndex(index)
    qtbot.waitUntil(lambda: "汉字" not in _column(dialog, "Word"))
    assert _column(dialog, "Count")[0] == "2" and _column(dialog, "Word")[0] == "学习"
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findText("Characters"))
    qtbot.waitUntil(lambda: dialog.model.characters)
    chars = dict(zip(_column(dialog, "Character"), _column(dialog, "Count"), strict=True))
    assert chars["学"] == "2" and "汉" not in chars
    assert not dialog.hsk_box.isEnabled()


def test_the_library_without_an_index_says_so(qtbot, make_window, book):
    pytest.importorskip("reader.library.index_file")  # the index helper's part, merged later
    dialog = _dialog(qtbot, make_window(book))
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findText("The library"))
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.summary.text() == "Nothing has been added to the library yet."
    assert not dialog.progress.isVisible()
    assert isinstance(dialog.summary, QtWidgets.QLabel)


def test_the_librarys_list_comes_from_its_index(qtbot, make_window, book, tmp_path):
    indexing = pytest.importorskip("reader.library.indexing")  # the index helper's part
    from reader.library.index_file import LibraryIndex, index_path

    data = resolve_data_dir()
    other = tmp_path / "other.txt"
    other.write_text("别的书\n\n丫鬟笑了，丫鬟又笑了。\n", encoding="utf-8")
    with open_store(data) as store, LibraryIndex.open(index_path(data / STORE_FILE)) as index:
        indexing.add_to_library(store, index, book)
        indexing.add_to_library(store, index, other)
    dialog = _dialog(qtbot, make_window(book))
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findText("The library"))
    qtbot.waitUntil(lambda: "in the library" in dialog.summary.text())
    counts = dict(zip(_column(dialog, "Word"), _column(dialog, "Count"), strict=True))
    assert counts["学习"] == "6" and counts["丫鬟"] == "3"
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    assert "a document's or a section's list only" in dialog.neighbours_title.text()


def test_a_double_click_shows_the_words_concordance_in_search_library(qtbot, make_window, book):
    window = make_window(book)
    dialog = _dialog(qtbot, window)
    rect = dialog.table.visualRect(dialog.model.index(0, 0))
    double_click(qtbot, dialog.table.viewport(), rect.center())
    search = window.findChild(SearchController)
    qtbot.waitUntil(lambda: search.window.isVisible())
    assert search.window.query() == "学习"
