"""Syllables in the three styles, and the dictionary reading of a word."""

from __future__ import annotations

import pytest

from reader.language.pinyin import (
    PinyinStyle,
    format_syllable,
    format_word,
    is_han,
    numbered,
    word_syllables,
)


@pytest.mark.parametrize(
    ("syllable", "marks", "numbers", "zhuyin"),
    [
        ("wang3", "wǎng", "wang3", "ㄨㄤˇ"),
        ("lv4", "lǜ", "lv4", "ㄌㄩˋ"),
        ("nve4", "nüè", "nve4", "ㄋㄩㄝˋ"),
        ("le5", "le", "le5", "˙ㄌㄜ"),
        ("zhong1", "zhōng", "zhong1", "ㄓㄨㄥ"),
        ("er2", "ér", "er2", "ㄦˊ"),
        ("r5", "r", "r5", "˙ㄦ"),
    ],
)
def test_a_syllable_in_each_style(syllable, marks, numbers, zhuyin):
    assert format_syllable(syllable, PinyinStyle.MARKS) == marks
    assert format_syllable(syllable, PinyinStyle.NUMBERS) == numbers
    assert format_syllable(syllable, PinyinStyle.ZHUYIN) == zhuyin


def test_styles_are_stored_by_name():
    assert PinyinStyle("zhuyin") is PinyinStyle.ZHUYIN
    assert [style.value for style in PinyinStyle] == ["marks", "numbers", "zhuyin"]


def test_a_word_is_written_together_with_an_apostrophe_before_a_vowel():
    assert format_word(["wang3", "luo4"]) == "wǎngluò"
    assert format_word(["xi1", "an1"]) == "xī'ān"
    assert format_word(["wang3", "luo4"], PinyinStyle.NUMBERS) == "wang3 luo4"
    assert format_word(["nv3", "er2"], PinyinStyle.ZHUYIN) == "ㄋㄩˇ ㄦˊ"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("lu:4", "lv4"), ("Wang3", "wang3"), ("le5", "le5"), ("xx5", "xx5"), ("·", None), ("A", None)],
)
def test_readings_from_other_sources_become_numbered(raw, expected):
    assert numbered(raw) == expected


def test_a_word_is_read_with_pypinyin_phrases():
    assert word_syllables("银行行长") == ("yin2", "hang2", "hang2", "zhang3")
    assert word_syllables("绿色") == ("lv4", "se4")
    assert word_syllables("我们") == ("wo3", "men5")


def test_non_han_characters_have_no_reading_and_keep_their_place():
    assert word_syllables("a𠀀b行，") == (None, "he1", None, "xing2", None)


def test_spoken_tones_baked_into_phrases_go_back_to_the_dictionary_tone():
    assert word_syllables("一个") == ("yi1", "ge4")
    assert word_syllables("不要") == ("bu4", "yao4")
    assert word_syllables("对不起")[1] in ("bu4", "bu5")


@pytest.mark.parametrize("char", ["中", "〇", "㐀", "𠀀", "豈", "𰀀"])
def test_han_characters(char):
    assert is_han(char)


@pytest.mark.parametrize("char", ["a", "，", "。", "ー", "한", "😀", "\n"])
def test_other_characters(char):
    assert not is_han(char)
