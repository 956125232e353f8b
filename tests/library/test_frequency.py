"""Frequency lists: hand-counted words and characters, per 10,000, sections, cumulative share,
a section's list, the reader's corrections, and the library's stored counts."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from reader.document import Document, build_document
from reader.language.corrections import Corrections
from reader.language.segmentation import Segmentation
from reader.language.tools import LanguageTools
from reader.library.frequency import (
    CountingCancelled,
    character_frequencies,
    library_character_frequencies,
    library_word_frequencies,
    word_frequencies,
)

TEXT = (
    "小说\n\n第一章 开始\n\n我们今天学习中文。王夫人说：三十个人来了。\n\n"
    "第二章 结束\n\n我們明天學習中文，今天也学习。\n"
)
"""17 running words: 学习 3 (學習 once), 中文 2, 今天 2, 我们 2 (我們 once), then one each of
也 了 人来 小说 开始 明天 结束 说; 王夫人 (a name), 第一章, 第二章 and 三十个 (numbers) and
the punctuation left out."""
SECOND_CHAPTER = (32, 54)


def _segmentation(document: Document, tools: LanguageTools, corrections=None) -> Segmentation:
    spans = [(block.start, block.end) for block in document.blocks]
    return Segmentation(document.text, spans, tools.segmenter, corrections)


def test_words_are_counted_by_hand_most_frequent_first(tools) -> None:
    rows = word_frequencies(build_document(TEXT), tools=tools)
    counts = {row.word: row.count for row in rows}
    assert counts == {
        "学习": 3,
        "中文": 2,
        "今天": 2,
        "我们": 2,
        "也": 1,
        "了": 1,
        "人来": 1,
        "小说": 1,
        "开始": 1,
        "明天": 1,
        "结束": 1,
        "说": 1,
    }
    assert [row.word for row in rows[:4]] == ["学习", "中文", "今天", "我们"]  # ties by word
    assert "王夫人" not in counts and not any(word.startswith("第") for word in counts)


def test_per_10k_sections_and_cumulative_share(tools) -> None:
    rows = word_frequencies(build_document(TEXT), tools=tools)
    first, second = rows[0], rows[1]
    assert first.per_10k == pytest.approx(3 * 10_000 / 17)
    assert first.cumulative == pytest.approx(3 / 17)
    assert second.cumulative == pytest.approx(5 / 17)
    assert rows[-1].cumulative == pytest.approx(1.0)
    by_word = {row.word: row for row in rows}
    # The sections each word occurs in: both chapters, one, or only the title's part.
    assert by_word["学习"].sections == 2 and by_word["开始"].sections == 1
    assert by_word["小说"].sections == 1


def test_each_word_is_described(tools) -> None:
    by_word = {row.word: row for row in word_frequencies(build_document(TEXT), tools=tools)}
    study = by_word["学习"]
    assert (study.hsk, study.pinyin) == (1, "xuéxí")
    assert "study" in study.gloss or "learn" in study.gloss
    assert by_word["说"].gloss.startswith("to speak")  # shuō's sense, not shuì's
    assert by_word["人来"].hsk is None


def test_a_section_counts_only_its_own_words(tools) -> None:
    document = build_document(TEXT)
    rows = word_frequencies(document, span=SECOND_CHAPTER, tools=tools)
    counts = {row.word: row.count for row in rows}
    assert counts == {"学习": 2, "中文": 1, "也": 1, "今天": 1, "我们": 1, "明天": 1, "结束": 1}
    assert rows[0].per_10k == pytest.approx(2 * 10_000 / 8)
    assert all(row.sections == 1 for row in rows)


def test_the_readers_corrections_are_respected(tools) -> None:
    document = build_document(TEXT)
    corrections = Corrections()
    corrections.split("人来", 1)
    rows = word_frequencies(document, _segmentation(document, tools, corrections), tools=tools)
    counts = {row.word: row.count for row in rows}
    assert "人来" not in counts and counts["人"] == 1 and counts["来"] == 1


def test_cancelled_counting_gives_nothing(tools) -> None:
    with pytest.raises(CountingCancelled):
        word_frequencies(build_document(TEXT), tools=tools, cancelled=lambda: True)


def test_progress_is_told_up_to_the_end(tools) -> None:
    told: list[float] = []
    word_frequencies(build_document(TEXT), tools=tools, progress=told.append)
    assert told and told == sorted(told) and told[-1] == 1.0


def test_characters_are_counted_in_simplified_form(tools) -> None:
    rows = character_frequencies(build_document(TEXT))
    counts = {row.char: row.count for row in rows}
    total = 2 + 5 + 8 + 4 + 6 + 5 + 8 + 5  # the Han characters of TEXT's lines
    assert sum(counts.values()) == total
    assert counts["学"] == 3 and counts["习"] == 3  # 學習 folded
    assert counts["第"] == 2 and counts["王"] == 1  # numbers and names count here
    assert "。" not in counts and " " not in counts
    assert rows[0].per_10k == pytest.approx(rows[0].count * 10_000 / total)
    assert rows[-1].cumulative == pytest.approx(1.0)
    section = {
        row.char: row.count for row in character_frequencies(build_document(TEXT), SECOND_CHAPTER)
    }
    assert section["学"] == 2 and "王" not in section


class _Stored:
    """The index's stored counts, as reader.library.index_file gives them."""

    def __init__(self, words: list[tuple[str, int, int]], chars: list[tuple[str, int]]) -> None:
        self._words = words
        self._chars = chars
        self.asked: list[Iterable[int] | None] = []

    def word_counts(self, document_ids=None):
        self.asked.append(document_ids)
        return iter(self._words)

    def char_counts(self, document_ids=None):
        self.asked.append(document_ids)
        return iter(self._chars)


def test_the_library_list_sums_the_stored_counts_by_key(tools) -> None:
    stored = _Stored(
        [("学习", 5, 2), ("學習", 1, 1), ("我们", 3, 3), ("王夫人", 9, 1), ("。", 40, 3)],
        [("学", 4), ("學", 2), ("。", 9)],
    )
    rows = library_word_frequencies(stored, {1, 2}, tools=tools)
    assert [(row.word, row.count, row.sections) for row in rows] == [
        ("学习", 6, 3),
        ("我们", 3, 3),
    ]
    assert rows[0].per_10k == pytest.approx(6 * 10_000 / 9)
    chars = library_character_frequencies(stored, {1, 2})
    assert [(row.char, row.count) for row in chars] == [("学", 6)]
    assert stored.asked == [{1, 2}, {1, 2}]


def test_paragraphs_cut_before_are_reused_and_counted_once(tools) -> None:
    document = build_document(TEXT)
    fresh = word_frequencies(document, _segmentation(document, tools), tools=tools)
    partly = _segmentation(document, tools)
    partly.segment_span(len(partly) - 1)  # as a window's worker may have
    assert word_frequencies(document, partly, tools=tools) == fresh
