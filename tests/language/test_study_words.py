"""Which words a learner studies: Chinese words, not numbers, not names."""

from __future__ import annotations

import pytest

from reader.language.study_words import is_number, is_study_word, names, study_words


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


def test_names_are_those_the_dictionary_gives_only_as_names_and_hsk_not_at_all(tools):
    words = ["习近平", "北京", "学习", "林黛玉", "无此词语"]
    assert names(words, tools.dictionary, tools.hsk) == {
        "习近平",
        "林黛玉",
    }


def test_study_words_leave_numbers_and_names_out_and_keep_the_order(tools):
    words = ["网民", "习近平", "三十", "网民", "学习", "2016", "，"]
    assert study_words(words, tools.dictionary, tools.hsk) == ["网民", "学习"]
