"""HSK levels from the shipped lists."""

from __future__ import annotations

from reader.language.hsk import HskLevel, HskLevels
from reader.resources import find


def test_levels_of_listed_words():
    levels = HskLevels()
    assert len(levels) > 10_000
    assert levels.level("网络") == HskLevel(new="4", old="6")
    assert levels.level("爱") == HskLevel(new="1", old="1")
    assert levels.level("阿拉伯语") == HskLevel(new="7-9", old=None)
    assert levels.level("鲁炜") is None


def test_labels():
    assert HskLevel("4", "6").label() == "HSK 4 (HSK 2.0: 6)"
    assert HskLevel("7-9", None).label() == "HSK 7–9"
    assert HskLevel(None, "5").label() == "HSK 2.0: 5"


def test_the_lists_ship_with_their_licence():
    licence = find("resources/hsk/LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence
    assert "complete-hsk-vocabulary" in find("resources/hsk/README.md").read_text(encoding="utf-8")
