"""Which words a learner studies: words with a Chinese character that are not numbers."""

from __future__ import annotations

import pytest

from reader.language.study_words import is_study_word


@pytest.mark.parametrize(
    "word", ["我们", "网络安全", "王夫人", "一点", "十分", "万一", "一个", "這個"]
)
def test_words_with_han_are_studied(word):
    assert is_study_word(word)


@pytest.mark.parametrize(
    "word",
    ["三百", "第十九", "4月", "19日", "两个", "三十年", "二十多岁", "一", "abc", "，", "2016"],
)
def test_numbers_punctuation_and_latin_are_not(word):
    assert not is_study_word(word)
