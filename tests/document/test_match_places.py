"""A match's section and its line of context, as the CLI and the window's list show them."""

from __future__ import annotations

from reader.document import build_document
from reader.document.match_places import MatchPlaces

BOOK = (
    "红楼梦\n\n第一回 甄士隐\n\n"
    + "甲" * 30
    + "宝玉来了"
    + "乙" * 30
    + "\n\n第二回 贾夫人\n\n宝玉\n"
)


def test_a_match_gets_its_section_heading():
    document = build_document(BOOK)
    places = MatchPlaces(document)
    first = document.text.index("宝玉")
    second = document.text.index("宝玉", first + 1)
    assert places.place(first, first + 2).section == "第一回 甄士隐"
    assert places.place(second, second + 2).section == "第二回 贾夫人"
    assert places.place(0, 3).section == document.title


def test_the_context_is_some_characters_either_side_within_the_line():
    document = build_document(BOOK)
    start = document.text.index("宝玉")
    place = MatchPlaces(document, context_chars=5).place(start, start + 2)
    assert place.context == "甲甲甲甲甲宝玉来了乙乙乙"
    assert place.context[place.match_start : place.match_end] == "宝玉"
    last = document.text.rindex("宝玉")
    alone = MatchPlaces(document, context_chars=5).place(last, last + 2)
    assert (alone.context, alone.match_start, alone.match_end) == ("宝玉", 0, 2)


def test_a_match_across_lines_is_shown_on_one_line():
    document = build_document("第一段宝\n玉第二段")
    start = document.text.index("宝")
    place = MatchPlaces(document).place(start, start + 3)
    assert "\n" not in place.context
    assert place.context[place.match_start : place.match_end] == "宝 玉"


def test_nested_sections_give_the_deepest_one():
    document = build_document(
        "书名\n\n第一卷\n\n第一回 甲\n\n文字\n\n第二回 乙\n\n文字\n\n第二卷\n\n第三回 丙\n\n文字"
    )
    assert max(section.level for section in document.sections()) == 2
    places = MatchPlaces(document)
    text = document.text
    for section in document.sections():
        assert places.section_at(section.start) is document.section_at(section.start)
    for offset in range(len(text)):
        assert places.section_at(offset) is document.section_at(offset)
