"""bench/library_index.py: the library it builds from the shared novels."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.library_index import FILE_CHARS, NOVELS, SOURCES, build_library


@pytest.fixture
def novels(shared_data: Path) -> Path:
    if not all((NOVELS / name).is_file() for name in SOURCES):
        pytest.skip(f"the novels are not in {NOVELS}")
    return NOVELS


def test_the_library_is_the_novels_chapters_in_orders_of_their_own(novels, tmp_path):
    first = build_library(tmp_path / "a", 3_000_000)
    again = build_library(tmp_path / "b", 3_000_000)
    texts = [path.read_text(encoding="utf-8") for path in first]
    assert len(first) == 2
    assert texts == [path.read_text(encoding="utf-8") for path in again]
    assert texts[0] != texts[1]
    for text in texts:
        assert FILE_CHARS <= len(text) < FILE_CHARS + 100_000
        assert "第一回 灵根育孕源流出" in text
        assert "第一回  甄士隐梦幻识通灵" in text
