"""The library's table: what each column shows, how it sorts (by the value, not the text)
and what the filter keeps, over entries a real store made."""

from __future__ import annotations

from pathlib import Path

from reader.document import open_document
from reader.store import open_store
from reader.ui.library.table_model import (
    CHARACTERS,
    KNOWN,
    LAST_OPENED,
    MISSING,
    PATH,
    PROGRESS,
    SIZE,
    TITLE,
    LibraryFilter,
    LibraryTableModel,
    size_label,
)
from reader.ui.qt import QtCore


def _entries(tmp_path: Path, sizes: dict[str, int]):
    """A store listing one file per name, each of about `sizes[name]` characters."""
    with open_store(tmp_path / "data") as store:
        for name, length in sizes.items():
            path = tmp_path / f"{name}.txt"
            path.write_text(f"{name}\n\n" + "书" * length, encoding="utf-8")
            entry = store.library.add(open_document(path))
            store.library.set_progress(entry.id, length / 20_000)
        return store.library.entries()


def test_the_model_passes_the_model_tester(qtmodeltester, tmp_path):
    model = LibraryTableModel()
    model.set_entries(_entries(tmp_path, {"甲": 10, "乙": 2000}))
    qtmodeltester.check(model)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_sizes_and_counts_sort_by_their_values_not_their_text(tmp_path):
    model = LibraryTableModel()
    model.set_entries(_entries(tmp_path, {"短": 300, "长": 12_000, "中": 3_000}))
    proxy = LibraryFilter()
    proxy.setSourceModel(model)

    def column(number: int) -> list[str]:
        return [proxy.index(row, number).data() for row in range(proxy.rowCount())]

    proxy.sort(SIZE, QtCore.Qt.AscendingOrder)
    assert column(TITLE) == ["短", "中", "长"]
    assert column(SIZE) == ["905 B", "9 KB", "35 KB"]  # 905 B sorts before 9 KB
    proxy.sort(CHARACTERS, QtCore.Qt.DescendingOrder)
    assert column(CHARACTERS) == ["12,002", "3,002", "302"]
    proxy.sort(PROGRESS, QtCore.Qt.AscendingOrder)
    assert column(PROGRESS) == ["2%", "15%", "60%"]
    assert column(KNOWN) == ["", "", ""]  # never counted
    assert column(LAST_OPENED) == ["", "", ""]  # added, never opened


def test_the_filter_keeps_rows_whose_title_or_path_hold_every_word(tmp_path):
    model = LibraryTableModel()
    model.set_entries(_entries(tmp_path, {"春风": 10, "秋夜": 10}))
    proxy = LibraryFilter()
    proxy.setSourceModel(model)

    proxy.set_text("秋")
    assert [proxy.index(r, TITLE).data() for r in range(proxy.rowCount())] == ["秋夜"]
    proxy.set_text(f"{tmp_path.name} 春风.TXT")  # words of the path, any case
    assert [proxy.index(r, TITLE).data() for r in range(proxy.rowCount())] == ["春风"]
    proxy.set_text("冬")
    assert proxy.rowCount() == 0


def test_a_missing_file_is_marked_greyed_and_told_in_its_tooltip(tmp_path):
    [entry] = _entries(tmp_path, {"春风": 10})
    model = LibraryTableModel()
    model.set_entries([entry])
    assert model.index(0, TITLE).data() == "春风"
    assert model.index(0, TITLE).data(QtCore.Qt.ForegroundRole) is None

    entry.path.unlink()
    model.set_entries([entry])

    assert model.index(0, TITLE).data() == f"春风 ({MISSING})"
    assert model.index(0, PATH).data(QtCore.Qt.ForegroundRole) is not None
    assert "missing" in model.index(0, PATH).data(QtCore.Qt.ToolTipRole)


def test_size_labels():
    assert [size_label(n) for n in (0, 1023, 1024, 5 * 1024 * 1024)] == [
        "0 B",
        "1023 B",
        "1 KB",
        "5.0 MB",
    ]
