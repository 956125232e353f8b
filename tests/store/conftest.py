"""Fixtures for the store: real SQLite files in a temporary folder, and the seed document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.document import Document, open_document
from reader.store import DATA_DIR_VARIABLE, Store, open_store


@pytest.fixture(autouse=True)
def no_data_dir_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the user's (or the CI's) READER_DATA_DIR by accident."""
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with open_store(data_dir) as opened:
        yield opened


@pytest.fixture
def seed(seed_path: Path) -> Document:
    return open_document(seed_path)


@pytest.fixture
def seed_copy(seed_path: Path, tmp_path: Path) -> Path:
    """A copy of the seed the test may edit: it stands for the reader's own file."""
    copy = tmp_path / "article.txt"
    copy.write_bytes(seed_path.read_bytes())
    return copy


@pytest.fixture
def span() -> Callable[[Document, str], tuple[int, int]]:
    """The offsets of a quote that occurs once in a document's text."""

    def find(document: Document, quote: str) -> tuple[int, int]:
        assert document.text.count(quote) == 1, f"{quote!r} is not unique in the text"
        start = document.text.index(quote)
        return start, start + len(quote)

    return find
