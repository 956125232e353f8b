"""Find by characters: either script, every occurrence, offsets into the text as written."""

from __future__ import annotations

from reader.language.find import Finder


def test_traditional_finds_simplified_and_the_other_way_round():
    text = "诸葛亮曰：諸葛亮在此。"
    finder = Finder(text)
    assert finder.find_characters("諸葛亮") == [(0, 3), (5, 8)]
    assert finder.find_characters("诸葛亮") == [(0, 3), (5, 8)]
    assert [text[s:e] for s, e in finder.find_characters("葛亮")] == ["葛亮", "葛亮"]


def test_a_character_with_two_traditional_forms_finds_both():
    text = "乾淨的衣服，干净的碗"
    assert Finder(text).find_characters("干净") == [(0, 2), (6, 8)]


def test_matches_do_not_overlap_and_come_in_text_order():
    assert Finder("了了了了了").find_characters("了了") == [(0, 2), (2, 4)]


def test_the_query_is_trimmed_and_an_empty_one_finds_nothing():
    finder = Finder("他说：宝玉。\n宝玉来了")
    assert finder.find_characters("  宝玉\n") == [(3, 5), (7, 9)]
    assert finder.find_characters("") == []
    assert finder.find_characters(" \t") == []


def test_a_match_spans_a_line_break_only_if_the_query_holds_one():
    finder = Finder("宝\n玉 宝玉")
    assert finder.find_characters("宝玉") == [(4, 6)]
    assert finder.find_characters("宝\n玉") == [(0, 3)]


def test_latin_letters_compare_without_case():
    finder = Finder("用 Python 和 PYTHON 写")
    assert finder.find_characters("python") == [(2, 8), (11, 17)]


def test_offsets_count_code_points_past_the_basic_plane():
    text = "𠀀宝玉𠀀宝玉"
    assert Finder(text).find_characters("寶玉") == [(1, 3), (4, 6)]


def test_nothing_found_is_an_empty_list():
    assert Finder("宝玉").find_characters("黛玉") == []
