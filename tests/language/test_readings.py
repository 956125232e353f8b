"""Readings in context for a document's blocks: a syllable per character and its word's HSK
level, from the document's segmentation or, before there is one, from jieba with the
reader's corrections."""

from __future__ import annotations

import pytest

from reader.language import readings as readings_module
from reader.language.corrections import Corrections
from reader.language.readings import (
    UNKNOWN_LEVEL,
    read_spans,
    span_readings,
    span_words,
)
from reader.language.segmentation import Segmentation

TEXT = "\u6807\u9898\n\u6211\u4eec\u5728\u5ea7\u8c08\u4f1a\u4e0a\u53d1\u8a00\u3002"
"""标题 / 我们在座谈会上发言。: a heading and a paragraph."""
PARAGRAPH = (3, len(TEXT))


def words(text: str, tokens) -> list[str]:
    return [text[start:end] for start, end in tokens]


def test_each_character_gets_its_syllable_and_its_words_level(tools):
    tokens = span_words(TEXT, PARAGRAPH, None, tools.segmenter, Corrections())
    readings = span_readings(TEXT, PARAGRAPH, tokens, tools, tools.hsk)
    assert readings.syllables == [
        "wo3",
        "men5",
        "zai4",
        "zuo4",
        "tan2",
        "hui4",
        "shang4",
        "fa1",
        "yan2",
        None,
    ]
    # 我们 and 在 HSK 1, 座谈会 6, 上 1, 发言 3; the full stop is in no list.
    assert readings.levels == [1, 1, 1, 6, 6, 6, 1, 3, 3, UNKNOWN_LEVEL]


def test_a_band_of_levels_counts_as_its_first_level(tools):
    text = "\u4e00\u4e0d\u5c0f\u5fc3"  # 一不小心, HSK 7-9
    span = (0, len(text))
    tokens = span_words(text, span, None, tools.segmenter, Corrections())
    assert words(text, tokens) == [text]
    assert span_readings(text, span, tokens, tools, tools.hsk).levels == [7] * 4


def test_a_span_without_words_has_no_readings(tools):
    readings = span_readings(TEXT, (2, 2), [], tools, tools.hsk)
    assert readings.syllables == [] and readings.levels == []
    readings = span_readings(TEXT, PARAGRAPH, [], tools, tools.hsk)
    assert readings.syllables == [None] * 10 and readings.levels == [UNKNOWN_LEVEL] * 10


def test_the_words_are_the_segmentations_when_it_is_of_this_text(tools):
    corrections = Corrections()
    segmentation = Segmentation(TEXT, [(0, 2), PARAGRAPH], tools.segmenter, corrections)
    tokens = span_words(TEXT, PARAGRAPH, segmentation, tools.segmenter, Corrections())
    assert segmentation.is_segmented(1) and not segmentation.is_segmented(0)
    assert tokens == segmentation.tokens(*PARAGRAPH)
    other = Segmentation(TEXT[:1] + TEXT[1:], [PARAGRAPH], tools.segmenter)  # equal, not it
    span_words(TEXT, PARAGRAPH, other, tools.segmenter, corrections)
    assert not other.is_segmented(0)


def test_a_correction_applies_before_the_document_is_segmented(tools):
    """The fallback path, with no segmentation yet, cuts words as the reader corrected them:
    网络安全 split in two reads as 网络 (HSK 4) and 安全 (HSK 2), not one unlisted word."""
    text = "\u9c81\u709c\u53d1\u73b0\u7f51\u7edc\u5b89\u5168"  # 鲁炜发现网络安全
    span = (0, len(text))
    corrections = Corrections()
    before = span_words(text, span, None, tools.segmenter, corrections)
    assert "\u7f51\u7edc\u5b89\u5168" in words(text, before)
    assert span_readings(text, span, before, tools, tools.hsk).levels[4:] == [UNKNOWN_LEVEL] * 4

    corrections.split("\u7f51\u7edc\u5b89\u5168", 2)
    after = span_words(text, span, None, tools.segmenter, corrections)
    assert words(text, after)[-2:] == ["\u7f51\u7edc", "\u5b89\u5168"]
    assert span_readings(text, span, after, tools, tools.hsk).levels[4:] == [4, 4, 2, 2]
    found = read_spans(text, {0: span}, tools, None, corrections, lambda: False)
    assert found[0].levels[4:] == [4, 4, 2, 2]


def test_reading_stops_when_cancelled(tools):
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1

    spans = {0: (0, 2), 1: PARAGRAPH}
    found = read_spans(TEXT, spans, tools, None, Corrections(), cancelled)
    assert list(found) == [0]
    assert found[0].syllables == ["biao1", "ti2"]


def test_a_long_span_is_read_in_parts_as_it_would_be_whole(tools, seed_path, monkeypatch):
    """A one-line file is one span: read in parts, each word in its own context."""
    text = seed_path.read_text(encoding="utf-8").replace("\n", "")[:3_000]
    span = (0, len(text))
    tokens = span_words(text, span, None, tools.segmenter, Corrections())
    whole = span_readings(text, span, tokens, tools, tools.hsk)
    monkeypatch.setattr(readings_module, "READ_AT_ONCE", 200)
    assert span_readings(text, span, tokens, tools, tools.hsk, lambda: False) == whole


@pytest.mark.parametrize("segmented", [False, True], ids=["while-cutting", "while-reading"])
def test_reading_a_long_span_stops_when_cancelled_halfway(tools, segmented):
    """Cut into words, then read: either stops at the next piece once cancelled."""
    text = "\u4e2d\u6587" * 20_000  # 中文, no punctuation: one span, one sentence
    segmentation = None
    if segmented:
        segmentation = Segmentation(text, [(0, len(text))], tools.segmenter)
        segmentation.segment_all()
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 3

    spans = {0: (0, len(text))}
    assert read_spans(text, spans, tools, segmentation, Corrections(), cancelled) == {}
    assert len(asked) == 4
