"""How far through a document: the percentage and the chapter's number of how many."""

from __future__ import annotations

import pytest

from reader.document import build_document
from reader.document.progress import chapter_of, percent_through, place_label

BOOK = "书名\n\n第一回 开头\n正文一。\n\n第二回 中间\n正文二。\n\n第三回 结尾\n正文三。\n"


@pytest.fixture
def book():
    return build_document(BOOK)


def test_the_percentage_is_the_share_above_the_top_and_100_at_the_end():
    assert percent_through(0, 1000, False) == 0
    assert percent_through(455, 1000, False) == 46
    assert percent_through(4499, 10000, False) == 45  # the line above Go To 45%'s offset
    assert percent_through(999, 1000, False) == 99
    assert percent_through(700, 1000, True) == 100
    assert percent_through(0, 0, False) == 100


def test_a_chapter_is_counted_among_the_title_s_children(book):
    assert [s.heading for s in book.root.children] == ["第一回 开头", "第二回 中间", "第三回 结尾"]
    second = book.root.children[1]
    assert chapter_of(second) == (2, 3)
    assert place_label(second, second.heading) == "第二回 中间 · 2 / 3"


def test_the_title_s_own_section_has_no_number(book):
    assert chapter_of(book.root) is None
    assert place_label(book.root, "书名") == "书名"


def test_a_nested_section_counts_in_its_chapter(seed_path):
    from reader.document import open_document

    seed = open_document(seed_path)
    part = next(s for s in seed.sections() if s.heading == "延伸阅读")
    nested = part.children[0]
    number = seed.root.children.index(part) + 1
    assert chapter_of(nested) == (number, len(seed.root.children))
    assert place_label(nested, "x").endswith(f" · {number} / {len(seed.root.children)}")
