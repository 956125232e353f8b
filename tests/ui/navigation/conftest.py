from __future__ import annotations

from pathlib import Path

import pytest

CHAPTERS = 30
NUMERALS = "一二三四五六七八九十"


def numeral(number: int) -> str:
    """1–30 as a chapter heading writes them (一, 十, 十一, 二十, 二十一, 三十)."""
    tens, units = divmod(number, 10)
    text = ("" if tens < 2 else NUMERALS[tens - 1]) + ("十" if tens else "")
    return text + (NUMERALS[units - 1] if units else "")


@pytest.fixture
def book(tmp_path) -> Path:
    """A book of CHAPTERS chapters, each longer than a page."""
    parts = ["测试之书\n"]
    for number in range(1, CHAPTERS + 1):
        name = "宝玉读书" if number in (7, 21) else "风雨归来"
        parts.append(f"第{numeral(number)}回 {name}第{number}\n")
        parts.extend(f"这是第{number}回的第{p}段，讲的是一件事情。\n" for p in range(1, 31))
    path = tmp_path / "book.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
