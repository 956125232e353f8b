"""Library fixtures: three small books in tmp (traditional script, one beyond the BMP, one
HTML), a real store, a real index beside it, segmented by the session's jieba."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.document import Document, open_document
from reader.language.segmentation import Segmenter
from reader.language.tools import LanguageTools
from reader.library.index_file import LibraryIndex, index_path
from reader.library.indexing import index_document
from reader.store import DATA_DIR_VARIABLE, Store, open_store

TRADITIONAL = (
    "紅樓夢\n\n"
    "第一回 甄士隱夢幻識通靈\n"
    "賈寶玉說：“我們走吧。”寶玉笑了。\n\n"
    "第二回 林黛玉進賈府\n"
    "黛玉見了寶玉，寶玉也見了黛玉。\n"
)
SIMPLIFIED = (
    "石头记\n\n"
    "第一章 开端\n"
    "宝玉来了。贾宝玉在北京住了很久。\n\n"
    "第二章 后来\n"
    "𠀀宝玉𠀀是一个名字，宝玉说好。\n"
)
HTML = (
    "<html><head><title>西游</title></head><body><h1>西游记</h1>"
    "<h2>第一章 花果山</h2><p>孙悟空在花果山。宝玉不在这里。</p>"
    "<h2>第二章 水帘洞</h2><p>我们看见了宝玉。</p></body></html>"
)


@pytest.fixture(autouse=True)
def no_data_dir_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)


@pytest.fixture
def segmenter(tools: LanguageTools) -> Segmenter:
    return tools.segmenter


@pytest.fixture
def books(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "books"
    folder.mkdir()
    files = [folder / "hong.txt", folder / "shitou.txt", folder / "xiyou.html"]
    for path, text in zip(files, (TRADITIONAL, SIMPLIFIED, HTML), strict=True):
        path.write_text(text, encoding="utf-8")
    return files


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def index(store: Store) -> Iterator[LibraryIndex]:
    with LibraryIndex.open(index_path(store.path)) as opened:
        yield opened


@pytest.fixture
def index_books(
    index: LibraryIndex, store: Store, books: list[Path], segmenter: Segmenter
) -> Callable[[], dict[int, Document]]:
    """Registers and indexes the three books; returns id -> document."""

    def run() -> dict[int, Document]:
        documents = {}
        for path in books:
            document = open_document(path)
            document_id = store.documents.register(document).record.id
            index_document(index, document_id, document, segmenter=segmenter)
            documents[document_id] = document
        return documents

    return run
