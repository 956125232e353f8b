"""Saving a word: the record holds the word read in its sentence, as the pop-up reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import build_document, open_document
from reader.language.hsk import HskLevel
from reader.language.lookup import Lookup
from reader.language.saving import hsk_label, lookup_span, place_in, saved_word, word_span
from reader.language.segmentation import Segmentation
from reader.language.sentence import pinyin_line, sentence_span
from reader.language.tools import LanguageTools

TEXT = (
    "标题\n\n第一章\n\n　　他说：“银行行长来了。”我们都很高兴！\n\n"
    "第二章\n\n　　行长走了，大家都去银行。\n"
)


def segmentation_of(text: str, tools: LanguageTools) -> tuple:
    document = build_document(text)
    spans = [(block.start, block.end) for block in document.blocks]
    return document, Segmentation(document.text, spans, tools.segmenter)


def test_the_sentence_ends_at_its_mark_with_the_closing_quote_and_no_indent():
    start = TEXT.index("行长")
    low, high = sentence_span(TEXT, start, start + 2)
    assert TEXT[low:high] == "他说：“银行行长来了。”"
    start = TEXT.index("高兴")
    assert TEXT[slice(*sentence_span(TEXT, start, start + 2))] == "我们都很高兴！"


def test_a_sentence_without_marks_is_cut_around_the_word():
    text = "好" * 5000 + "银行" + "好" * 5000
    low, high = sentence_span(text, 5000, 5002)
    assert low <= 5000 and high >= 5002 and high - low <= 200


def test_the_pinyin_line_spaces_words_and_keeps_punctuation_after_them(tools):
    document, segmentation = segmentation_of(TEXT, tools)
    start = document.text.index("他说")
    low, high = sentence_span(document.text, start, start + 1)
    tokens = segmentation.tokens(low, high)
    syllables = tools.pronouncer.syllables(document.text, tokens)
    assert pinyin_line(document.text, tokens, syllables) == ('tā shuō: "yínhánghángzhǎng lái le."')


def test_a_saved_word_is_read_in_its_sentence_as_the_popup_reads_it(tools):
    document, segmentation = segmentation_of(TEXT, tools)
    lookup: Lookup = tools.lookup
    offset = document.text.index("行长走了")
    found = lookup.at(document.text, offset, segmentation)
    saved = saved_word(document, found, lookup, segmentation.tokens)
    assert (saved.word, saved.written, saved.pinyin) == ("行长", "行长", "hángzhǎng")
    assert saved.sentence == "行长走了，大家都去银行。"
    assert saved.sentence[saved.word_start : saved.word_end] == "行长"
    assert saved.sentence_pinyin == "hángzhǎng zǒu le, dàjiā dōu qù yínháng."
    assert saved.traditional == "行長"
    assert saved.meaning == "bank president"
    assert saved.offset == offset
    assert (saved.document_title, saved.section) == ("标题", "第二章")


def test_the_meaning_is_the_reading_in_contexts_senses_or_the_readers_choice(tools):
    document, segmentation = segmentation_of("他一直在银行工作。\n", tools)
    lookup: Lookup = tools.lookup
    found = lookup.at(document.text, document.text.index("银行"), segmentation)
    saved = saved_word(document, found, lookup, segmentation.tokens)
    assert "bank" in saved.meaning
    chosen = saved_word(document, found, lookup, segmentation.tokens, senses=["a bank"])
    assert chosen.meaning == "a bank"


def test_a_traditional_text_keeps_the_word_as_written_and_keys_it_simplified(tools):
    document, segmentation = segmentation_of("我們都去銀行。\n", tools)
    lookup: Lookup = tools.lookup
    found = lookup.at(document.text, document.text.index("銀行"), segmentation)
    saved = saved_word(document, found, lookup, segmentation.tokens)
    assert (saved.word, saved.written, saved.traditional) == ("银行", "銀行", "銀行")
    assert saved.sentence == "我們都去銀行。"


def test_the_word_at_an_offset_is_found_in_either_script_or_refused(tools):
    document, segmentation = segmentation_of(TEXT, tools)
    lookup: Lookup = tools.lookup
    offset = document.text.index("银行行长")
    assert word_span(lookup, segmentation, "银行行长", offset + 1) == (offset, offset + 4)
    assert word_span(lookup, segmentation, "銀行", offset) == (offset, offset + 2)
    assert word_span(lookup, segmentation, "高兴", offset) is None
    assert word_span(lookup, segmentation, "", offset) is None
    assert word_span(lookup, segmentation, "银行", len(document.text) + 5) is None


def test_a_span_reader_cuts_otherwise_is_read_in_context(tools):
    document, segmentation = segmentation_of(TEXT, tools)
    lookup: Lookup = tools.lookup
    offset = document.text.index("行长来了")
    found = lookup_span(lookup, segmentation, offset, offset + 2)
    assert (found.start, found.end, found.word) == (offset, offset + 2, "行长")
    assert found.pinyin() == "hángzhǎng"


@pytest.mark.parametrize(
    ("level", "label"),
    [
        (HskLevel("3", "2"), "3"),
        (HskLevel("7-9", None), "7–9"),
        (HskLevel(None, "5"), "2.0: 5"),
        (None, ""),
    ],
)
def test_the_hsk_label_is_the_new_level_else_the_old(level, label):
    assert hsk_label(level) == label


def test_the_seed_saves_with_its_path(tools, seed_path: Path):
    document = open_document(seed_path)
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(document.text, spans, tools.segmenter)
    offset = document.text.index("网络安全")
    found = tools.lookup.at(document.text, offset, segmentation)
    saved = saved_word(document, found, tools.lookup, segmentation.tokens)
    assert saved.document_path == str(seed_path)
    assert saved.word in saved.sentence and len(saved.sentence) <= 200


def test_a_name_in_the_sentence_pinyin_keeps_its_capitals(tools):
    document, segmentation = segmentation_of("习近平主持召开座谈会。\n", tools)
    found = tools.lookup.at(document.text, document.text.index("座谈会"), segmentation)
    saved = saved_word(document, found, tools.lookup, segmentation.tokens)
    assert saved.sentence_pinyin == "Xí Jìnpíng zhǔchí zhàokāi zuòtánhuì."


def test_a_saved_word_is_found_again_after_the_text_changed(tools):
    document, segmentation = segmentation_of(TEXT, tools)
    offset = document.text.index("行长走了")
    found = tools.lookup.at(document.text, offset, segmentation)
    saved = saved_word(document, found, tools.lookup, segmentation.tokens)
    assert place_in(document.text, saved) == offset
    changed = "新的一行。\n" + document.text
    assert place_in(changed, saved) == offset + len("新的一行。\n")
    assert place_in("别的。", saved) == 2
