"""Small books to bring into the library, and the library of a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import open_store, resolve_data_dir
from reader.store.library import LibraryEntry
from reader.ui.library.controller import LibraryController

BOOKS = {
    "chunfeng.txt": "春风\n\n第一章 春天\n\n春风吹过山谷，桃花开了。小明和朋友去山上看花。\n",
    "qiuye.txt": "秋夜\n\n第一章 月亮\n\n秋天的夜晚，月亮很亮。老人坐在门口讲故事。\n",
    "dongxue.txt": "冬雪\n\n第一章 下雪\n\n冬天下了大雪，孩子们在院子里堆雪人。\n",
}


@pytest.fixture
def books(tmp_path: Path) -> Path:
    """A folder of three small books, one of them in a subfolder."""
    folder = tmp_path / "books"
    (folder / "winter").mkdir(parents=True)
    for name, text in BOOKS.items():
        place = folder / "winter" / name if name.startswith("dong") else folder / name
        place.write_text(text, encoding="utf-8")
    return folder


def library_of(window) -> LibraryController:
    controller = window.findChild(LibraryController)
    assert controller is not None
    return controller


def stored_entries() -> list[LibraryEntry]:
    """The library as the store on disk lists it (a connection of the test's own)."""
    with open_store(resolve_data_dir(None)) as store:
        return store.library.entries()


def shown_titles(controller: LibraryController) -> list[str]:
    """The Title column as the table shows it, top to bottom."""
    table = controller.library_window.table
    model = table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]
