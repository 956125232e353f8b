"""Which words the marks underline: Chinese words, not numbers."""

from __future__ import annotations

import pytest

from reader.language.study_words import is_number, is_study_word


@pytest.mark.parametrize("word", ["三", "三十", "1998年", "第二", "5个", "两年", "十五万"])
def test_numbers_with_or_without_their_unit(word):
    assert is_number(word)
    assert not is_study_word(word)


@pytest.mark.parametrize("word", ["学习", "网民", "座谈会", "卡拉OK", "第一次见面"])
def test_chinese_words_are_studied(word):
    assert not is_number(word)
    assert is_study_word(word)


@pytest.mark.parametrize("word", ["2016", "Reader", "，", " ", ""])
def test_words_without_a_chinese_character_are_not(word):
    assert not is_study_word(word)
