"""Coverage: running words counted per section and for the document, weighed by statuses."""

from __future__ import annotations

import pytest

from reader.document import Document, build_document
from reader.language.counted_words import BANDS, CountedWords
from reader.language.coverage import WordCounts, count_words, coverage
from reader.language.proper_names import ProperNames
from reader.language.segmentation import Segmentation
from reader.language.tools import LanguageTools

TEXT = (
    "小说\n\n第一章 开始\n\n我们今天学习中文。王夫人说：三十个人来了。\n\n"
    "第二章 结束\n\n我们明天学习中文，今天也学习。\n"
)


@pytest.fixture(scope="module")
def counted(tools: LanguageTools) -> CountedWords:
    return CountedWords(tools.hsk, ProperNames(tools.dictionary, tools.hsk))


def _counts(document: Document, tools: LanguageTools, counted: CountedWords) -> WordCounts:
    spans = [(block.start, block.end) for block in document.blocks]
    return count_words(document, Segmentation(document.text, spans, tools.segmenter), counted)


def test_each_section_counts_its_own_words_and_the_document_all(tools, counted) -> None:
    document = build_document(TEXT)
    counts = _counts(document, tools, counted)
    first, second = counts.sections
    assert [s.section.heading for s in counts.sections] == ["第一章 开始", "第二章 结束"]
    assert (first.start, first.end) == (3, 32) and (second.start, second.end) == (32, 54)
    assert second.occurrences["学习"] == 2 and first.occurrences["学习"] == 1
    assert counts.document.occurrences["学习"] == 3
    # The title's words belong to the document, not to a chapter.
    assert counts.document.occurrences["小说"] == 1 and "小说" not in first.occurrences


def test_names_numbers_and_punctuation_are_left_out(tools, counted) -> None:
    counts = _counts(build_document(TEXT), tools, counted)
    words = counts.document.occurrences
    assert "王夫人" not in words  # a name
    assert not any(word.startswith("三十") for word in words)  # a number with its unit
    assert "。" not in words and "，" not in words
    assert words["说"] == 1 and words["我们"] == 2


def test_the_share_known_is_weighed_by_occurrence(tools, counted) -> None:
    counts = _counts(build_document(TEXT), tools, counted)
    words = counts.document.occurrences
    total = sum(words.values())
    nothing = coverage(counts.document, counts.bands, {})
    assert nothing.words == total and nothing.known == 0 and nothing.known_share == 0.0
    assert nothing.new_words == len(words)
    some = coverage(counts.document, counts.bands, {"学习": 99, "我们": 2})
    assert some.known == 3 and some.known_share == pytest.approx(3 / total)
    assert some.learning == 2 and some.learning_share == pytest.approx(2 / total)
    assert some.new_words == len(words) - 2
    everything = coverage(counts.document, counts.bands, dict.fromkeys(words, 99))
    assert everything.known_share == 1.0 and everything.new_words == 0


def test_ignored_words_leave_every_figure(tools, counted) -> None:
    counts = _counts(build_document(TEXT), tools, counted)
    before = coverage(counts.document, counts.bands, {})
    after = coverage(counts.document, counts.bands, {"学习": 98})
    assert after.words == before.words - 3
    assert after.new_words == before.new_words - 1
    assert sum(after.hsk.values()) == after.words


def test_the_hsk_profile_has_every_band_and_adds_up(tools, counted) -> None:
    counts = _counts(build_document(TEXT), tools, counted)
    found = coverage(counts.document, counts.bands, {})
    assert list(found.hsk) == list(BANDS)
    assert sum(found.hsk.values()) == found.words
    assert counts.bands["我们"] == "1" and counts.bands["学习"] == "1"


def test_traditional_text_counts_under_the_simplified_key(tools, counted) -> None:
    traditional = _counts(build_document("我們學習中文。\n"), tools, counted)
    assert traditional.document.occurrences == {"我们": 1, "学习": 1, "中文": 1}
    known = coverage(traditional.document, traditional.bands, {"学习": 99, "我们": 99})
    assert known.known == 2


def test_the_readers_corrections_decide_the_words_counted(tools, counted) -> None:
    from reader.language.corrections import Corrections

    document = build_document("我们学习中文。\n")
    spans = [(block.start, block.end) for block in document.blocks]
    corrections = Corrections()
    corrections.join("学习", "中文")
    segmentation = Segmentation(document.text, spans, tools.segmenter, corrections)
    joined = count_words(document, segmentation, counted).document.occurrences
    assert joined["学习中文"] == 1 and "学习" not in joined


def test_a_document_without_headings_has_no_sections(tools, counted) -> None:
    counts = _counts(build_document("我们学习中文。\n"), tools, counted)
    assert counts.sections == []
    assert coverage(counts.document, counts.bands, {}).words == 3


def test_an_empty_section_has_a_share_of_zero(tools, counted) -> None:
    counts = _counts(build_document("..."), tools, counted)
    empty = coverage(counts.document, counts.bands, {})
    assert empty.words == 0 and empty.known_share == 0.0 and empty.new_words == 0
