"""The words that raise a section's share known the most, until 95%."""

from __future__ import annotations

from collections import Counter

import pytest

from reader.language.coverage import SectionCounts
from reader.language.tools import LanguageTools
from reader.language.words_to_learn import word_details, words_to_learn

WORDS = Counter({"的": 50, "我们": 20, "学习": 15, "中文": 10, "苹果": 3, "饕餮": 2})
BANDS = {"的": "1", "我们": "1", "学习": "1", "中文": "1", "苹果": "3", "饕餮": "beyond"}
TOTAL = sum(WORDS.values())  # 100


def _section() -> SectionCounts:
    return SectionCounts(None, 0, 1000, WORDS)


def test_new_words_come_most_frequent_first_until_the_target() -> None:
    found = words_to_learn(_section(), BANDS, {"的": 99})
    assert [w.word for w in found] == ["我们", "学习", "中文"]
    assert [w.count for w in found] == [20, 15, 10]
    assert [w.share_after for w in found] == pytest.approx([0.70, 0.85, 0.95])
    assert [w.band for w in found] == ["1", "1", "1"]


def test_a_section_known_well_enough_has_nothing_to_learn() -> None:
    statuses = dict.fromkeys(["的", "我们", "学习"], 99)
    assert words_to_learn(_section(), BANDS, statuses | {"中文": 99}) == []
    found = words_to_learn(_section(), BANDS, statuses | {"中文": 1})
    assert [w.word for w in found] == ["苹果", "饕餮"]  # learning is not known: 90% at most


def test_learning_and_ignored_words_are_not_offered() -> None:
    found = words_to_learn(_section(), BANDS, {"的": 3, "我们": 98})
    assert "的" not in [w.word for w in found] and "我们" not in [w.word for w in found]
    # 我们 ignored: 80 words counted; 的 learning is not known, so every new word is needed.
    assert [w.word for w in found] == ["学习", "中文", "苹果", "饕餮"]
    assert found[-1].share_after == pytest.approx(30 / 80)


def test_the_list_is_cut_at_most_words() -> None:
    assert len(words_to_learn(_section(), BANDS, {}, most=2)) == 2


def test_details_give_the_usual_reading_and_the_first_sense(tools: LanguageTools) -> None:
    details = word_details(["学习", "网络安全", "以"], tools.lookup)
    assert not details["以"].gloss.startswith("old variant")
    assert details["学习"].pinyin == "xuéxí"
    assert details["学习"].gloss.startswith("to learn")
    # A word CC-CEDICT lacks, by the words it is made of.
    assert details["网络安全"].pinyin == "wǎngluò'ānquán"
    assert details["网络安全"].gloss.startswith("网络 network")
    assert " + 安全 safe" in details["网络安全"].gloss
