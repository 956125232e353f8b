"""Which words count: Han words by simplified form; numbers and names left out."""

from __future__ import annotations

import pytest

from reader.language.counted_words import CountedWord, CountedWords
from reader.language.proper_names import ProperNames
from reader.language.tools import LanguageTools


@pytest.fixture(scope="module")
def counted(tools: LanguageTools) -> CountedWords:
    return CountedWords(tools.hsk, ProperNames(tools.dictionary, tools.hsk))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("学习", CountedWord("学习", "1")),
        ("學習", CountedWord("学习", "1")),
        ("宝玉", CountedWord("宝玉", "beyond")),  # CC-CEDICT's "precious jade" too
        ("中国", CountedWord("中国", "1")),  # a name learners learn: in the HSK lists
        ("一", CountedWord("一", "1")),  # a number the HSK lists teach
        ("十分", CountedWord("十分", "2")),
    ],
)
def test_counted_words_have_a_key_and_a_band(counted, word, expected) -> None:
    assert counted.get(word) == expected


@pytest.mark.parametrize(
    "word",
    [
        "，",
        "ABC",
        "2016",
        "三十",
        "三十个",
        "4月",
        "第十二回",
        "习近平",  # CC-CEDICT: only a name
        "林黛玉",
        "王夫人",  # CC-CEDICT lacks it; jieba tags it a person's name
        "刘姥姥",
    ],
)
def test_numbers_names_and_words_without_han_are_left_out(counted, word) -> None:
    assert counted.get(word) is None


def test_jiebas_name_tags_do_not_count_for_words_cedict_knows(tools) -> None:
    names = ProperNames(tools.dictionary, tools.hsk)
    # 武功 (nr), 东西 (ns), 明白 (nr) in jieba's dictionary; words in CC-CEDICT and HSK.
    assert names.names(["武功", "东西", "明白", "王夫人", "王"]) == {"王夫人"}


def test_words_are_worked_out_once_in_a_batch(counted) -> None:
    found = counted.learn(["我们", "我们", "王夫人"])
    assert found == {"我们": CountedWord("我们", "1"), "王夫人": None}


def test_the_names_are_kept_in_the_cache_folder_and_rebuilt_when_damaged(tools, tmp_path) -> None:
    first = ProperNames(tools.dictionary, tools.hsk, tmp_path)
    assert first.names(["王夫人", "林黛玉", "学习"]) == {"王夫人", "林黛玉"}
    (cache,) = tmp_path.glob("names-*.marshal")
    cache.write_bytes(cache.read_bytes()[:100])  # cut short
    again = ProperNames(tools.dictionary, tools.hsk, tmp_path)
    assert again.names(["王夫人", "林黛玉", "学习"]) == {"王夫人", "林黛玉"}
    assert cache.stat().st_size > 100_000
