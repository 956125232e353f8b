"""Library search tests: two small books in the library (a real store and index in the
test's data folder, indexed by the core), a shown window, and a query typed as a reader
types it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.index_file import LibraryIndex, index_path
from reader.library.indexing import add_to_library
from reader.store import open_store, resolve_data_dir
from reader.ui.qt import QtCore
from reader.ui.search.controller import SearchController
from reader.ui.window.main_window import MainWindow
from tests.ui.typing import type_text

STONE = """石头记

第一回 甄士隐梦幻识通灵

宝玉见了黛玉，笑道：“这个妹妹我曾见过的。”众人都笑了。

第二回 贾夫人仙逝扬州城

宝玉又问黛玉：“可也有玉没有？”黛玉答道：“我没有那个。”宝玉听了，登时发作起痴狂病来。
"""
DREAM = """梦中人

第一回 园中

袭人劝宝玉读书。宝玉只是不听，说道：“读书做什么？”

第二回 夜话

晴雯笑宝玉：“你又来了。”
"""
BAOYU = "宝玉"


@pytest.fixture
def books(tmp_path: Path) -> list[Path]:
    """The two books written and added to the library, as `reader library add` adds them."""
    paths = []
    for name, text in (("stone.txt", STONE), ("dream.txt", DREAM)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    store = open_store(resolve_data_dir(None))
    with store, LibraryIndex.open(index_path(store.path)) as index:
        for path in paths:
            add_to_library(store, index, path)
    return paths


@pytest.fixture
def window(qtbot, make_window, books) -> MainWindow:
    """Shown and active (the shortcuts need it), the first book open."""
    window = make_window(books[0], active=True)
    return window


def open_search(qtbot, window: MainWindow) -> SearchController:
    """Ctrl+Shift+F, as pressed in the page."""
    window.shown_view().setFocus()
    qtbot.keyClick(
        window.shown_view(), QtCore.Qt.Key_F, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier
    )
    search = window.findChild(SearchController)
    qtbot.waitUntil(search.window.isActiveWindow)
    return search


def type_query(qtbot, search: SearchController, text: str) -> None:
    """Typed into the box, then the search waited for."""
    search.window.edit.clear()
    type_text(qtbot, search.window.edit, text)
    wait_searched(qtbot, search)


def wait_searched(qtbot, search: SearchController) -> None:
    qtbot.waitUntil(lambda: not search.searching, timeout=60_000)


def occurrences(paths: list[Path], word: str) -> int:
    return sum(path.read_text(encoding="utf-8").count(word) for path in paths)
