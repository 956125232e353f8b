"""Places asked for by a percentage, a chapter's number, part of a title, or the next and
previous section; and what the reader is told when the words name none."""

from __future__ import annotations

import pytest

from reader.document import build_document
from reader.document.places import (
    PlaceError,
    next_section,
    offset_for,
    previous_section,
    section_starts,
)

BOOK = (
    "书名\n\n第一回 宝玉初见\n正文一。\n\n第二回 黛玉进府\n正文二。\n\n"
    "第三回 宝玉挨打\n正文三。\n\n第十回 结尾\n正文十。\n"
)


@pytest.fixture
def book():
    return build_document(BOOK)


def _start(book, heading: str) -> int:
    return next(s.start for s in book.sections() if s.heading == heading)


def test_a_percentage_is_that_share_of_the_text(book):
    length = len(book.text)
    assert offset_for("0%", book) == 0
    assert offset_for("50%", book) == length // 2
    assert offset_for(" 45.5 % ", book) == int(length * 0.455)
    assert offset_for("100％", book) == length
    assert offset_for("５０%", book) == length // 2  # full-width digits


def test_a_number_is_a_chapter(book):
    assert offset_for("1", book) == _start(book, "第一回 宝玉初见")
    assert offset_for("4", book) == _start(book, "第十回 结尾")


def test_a_title_whole_first_then_a_beginning_then_anywhere(book):
    assert offset_for("第十回", book) == _start(book, "第十回 结尾")
    assert offset_for("第二回 黛玉进府", book) == _start(book, "第二回 黛玉进府")
    assert offset_for("黛玉", book) == _start(book, "第二回 黛玉进府")


def test_a_title_named_twice_is_found_after_the_reader_s_place_then_round(book):
    first, third = _start(book, "第一回 宝玉初见"), _start(book, "第三回 宝玉挨打")
    assert offset_for("宝玉", book, here=0) == first
    assert offset_for("宝玉", book, here=first) == third
    assert offset_for("宝玉", book, here=third) == first


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("", "Type a percentage"),
        ("   ", "Type a percentage"),
        ("150%", "past the end"),
        ("0", "no chapter 0"),
        ("5", "the chapters go from 1 to 4"),
        ("林冲", "No heading holds “林冲”"),
    ],
)
def test_words_that_name_no_place_say_why(book, query, says):
    with pytest.raises(PlaceError, match=says):
        offset_for(query, book)


def test_a_number_in_a_text_without_chapters_says_to_use_a_percentage():
    article = build_document("只有一段正文。\n")
    with pytest.raises(PlaceError, match="no chapters"):
        offset_for("3", article)


def test_next_and_previous_section(book):
    starts = section_starts(book)
    first, second = starts[0], starts[1]
    assert next_section(starts, 0) == first
    assert next_section(starts, first) == second
    assert next_section(starts, starts[-1]) is None
    assert previous_section(starts, second) == first
    assert previous_section(starts, second + 2) == second  # inside: back to its heading
    assert previous_section(starts, first) is None
