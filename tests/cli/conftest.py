"""Fixtures of the library's commands: a folder of small books with known words in it."""

from __future__ import annotations

from pathlib import Path

import pytest

STONE = """石头记

第一回　甄士隐梦幻识通灵

宝玉笑道：这个妹妹我曾见过的。寶玉又说了一遍。

第二回　贾夫人仙逝扬州城

黛玉听了宝玉的话，便不言语。
"""
NOTES = """# 读书笔记

## 人物

宝玉是主角，王熙凤也是。
"""


@pytest.fixture
def books(tmp_path: Path) -> Path:
    """A folder of two books, one in a subfolder, and a picture that is no book."""
    folder = tmp_path / "books"
    (folder / "notes").mkdir(parents=True)
    (folder / "stone.txt").write_text(STONE, encoding="utf-8")
    (folder / "notes" / "reading.md").write_text(NOTES, encoding="utf-8")
    (folder / "notes" / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    return folder
