"""Pinyin queries: every way a reader types them, and what is not pinyin."""

from __future__ import annotations

import pytest

from reader.language.pinyin_query import (
    PinyinQueryError,
    QuerySyllable,
    canonical,
    looks_like_pinyin,
    parse_query,
    unfinished_pinyin,
)


def splits(query: str) -> list[list[tuple[str, int | None]]]:
    return [[(s.base, s.tone) for s in parse] for parse in parse_query(query).parses]


@pytest.mark.parametrize(
    "query", ["zhugeliang", "zhuge liang", "ZhuGe Liang", "zhu-ge-liang", "zhu'ge'liang"]
)
def test_toneless_forms_give_the_same_syllables_without_tones(query):
    assert splits(query) == [[("zhu", None), ("ge", None), ("liang", None)]]


@pytest.mark.parametrize("query", ["zhu1ge3liang4", "zhūgěliàng", "Zhū Gě Liàng", "zhu1 gě liang4"])
def test_tone_numbers_and_marks_give_the_same_tones(query):
    assert splits(query) == [[("zhu", 1), ("ge", 3), ("liang", 4)]]


def test_decomposed_tone_marks_are_read_as_composed_ones():
    assert splits("zhu\u0304ge\u030cliang\u0300") == [[("zhu", 1), ("ge", 3), ("liang", 4)]]


@pytest.mark.parametrize("query", ["nv3", "nü3", "nu:3", "nǚ", "NÜ3"])
def test_u_umlaut_is_written_v_u_umlaut_or_u_colon(query):
    assert splits(query) == [[("nv", 3)]]


def test_after_j_q_x_y_the_umlaut_is_u_as_pinyin_writes_it():
    assert splits("jv") == splits("ju") == [[("ju", None)]]
    assert splits("xüe") == [[("xue", None)]]
    assert canonical("lue") == "lve"


def test_the_apostrophe_rule_keeps_xian_one_syllable():
    assert splits("xian") == [[("xian", None)]]
    assert splits("xi'an") == splits("xi an") == splits("xi’an") == [[("xi", None), ("an", None)]]
    assert splits("xi1an1") == [[("xi", 1), ("an", 1)]]  # a tone number ends a syllable too
    assert splits("fangan") == [[("fan", None), ("gan", None)]]


def test_syllabic_nasals_stand_only_as_a_whole_run():
    assert splits("hang") == [[("hang", None)]]
    assert splits("xin") == [[("xin", None)]]
    assert splits("ng") == [[("ng", None)]]


def test_a_run_the_rule_cannot_split_is_split_without_it():
    assert splits("dier") == [[("di", None), ("er", None)]]


def test_every_split_of_an_ambiguous_run_is_kept():
    assert splits("jiangan") == [[("jian", None), ("gan", None)]]
    assert len(parse_query("xianguo").parses) == 1
    assert {tuple(s for s, _ in parse) for parse in splits("shangan")} == {("shan", "gan")}


def test_in_a_query_with_marks_an_unmarked_syllable_is_neutral():
    assert splits("péngyou") == [[("peng", 2), ("you", 5)]]
    assert splits("peng2you") == [[("peng", 2), ("you", None)]]  # numbers: typed so far
    assert splits("de5") == splits("de0") == [[("de", 5)]]


def test_a_syllable_matches_a_numbered_reading_by_base_and_given_tone():
    assert QuerySyllable("nv", 3).matches("nv3")
    assert not QuerySyllable("nv", 3).matches("nv4")
    assert QuerySyllable("ju", None).matches("ju2")
    assert QuerySyllable("lve", 4).matches("lve4")


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("xyz", "'xyz' is not pinyin: it cannot be read as pinyin syllables"),
        ("诸ge", "'诸ge' mixes characters and pinyin, which find does not do"),
        ("bao!", "'bao!' is not pinyin: '!' is no pinyin letter"),
        ("zhu7", "'zhu7' is not pinyin: a tone is 1 to 5, not 7"),
        ("  ", "'  ' is not pinyin: it holds no letters"),
        ("1bao", "'1bao' is not pinyin"),
        ("zhù1", "'zhù1' is not pinyin"),
    ],
)
def test_what_is_not_pinyin_says_why(query, why):
    with pytest.raises(PinyinQueryError) as raised:
        parse_query(query)
    assert str(raised.value).startswith(why)


def test_latin_letters_look_like_pinyin_characters_do_not():
    assert looks_like_pinyin("zhūgě liàng")
    assert looks_like_pinyin("bao3yu4")
    assert not looks_like_pinyin("宝玉")
    assert not looks_like_pinyin("诸ge")
    assert not looks_like_pinyin("123")


@pytest.mark.parametrize(
    ("query", "unfinished"),
    [
        ("z", True),
        ("zh", True),
        ("zhug", True),
        ("zhu1g", True),
        ("wangl", True),
        ("xi'", False),
        ("zhug ", False),
        ("GDP", False),
        ("iPhone", False),
        ("xyz", False),
        ("5G", False),
    ],
)
def test_a_query_ending_inside_a_syllable_is_unfinished_pinyin(query, unfinished):
    assert unfinished_pinyin(query) is unfinished
