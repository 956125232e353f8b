"""Looking up a word: forms, reading in context, level, senses; and `reader lookup`'s lines."""

from __future__ import annotations

import threading

import pytest

from reader.document import build_document
from reader.language.corrections import Corrections
from reader.language.lookup import WordNotFound, entry_pinyin, lookup_lines
from reader.language.pinyin import PinyinStyle, is_han
from reader.language.segmentation import Segmentation
from reader.language.tools import LanguageTools
from reader.resources import seed_article


@pytest.fixture(scope="module")
def seed_document():
    return build_document(seed_article().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_segmentation(seed_document, tools) -> Segmentation:
    spans = [(block.start, block.end) for block in seed_document.blocks]
    segmentation = Segmentation(seed_document.text, spans, tools.segmenter)
    segmentation.segment_all()
    return segmentation


def test_lookup_lines_for_a_word_in_either_script(tools):
    lines = lookup_lines(tools.lookup, "网络")
    assert lines == [
        "网络 (網絡)",
        "HSK 4 (HSK 2.0: 6)",
        "wǎngluò",
        "  1. network (computing, telecommunications, transport etc)",
        "Wǎngluò",
        "  1. Internet",
    ]
    assert lookup_lines(tools.lookup, "網絡") == lines


def test_a_character_with_several_readings_lists_each_with_numbered_senses(tools):
    lines = lookup_lines(tools.lookup, "行")
    assert lines[0] == "行"
    assert lines[1] == "HSK 1 (HSK 2.0: 4)"
    assert "xíng" in lines and "háng" in lines
    assert lines[lines.index("háng") + 1] == "  1. row"


def test_a_word_the_dictionary_lacks_is_shown_by_its_characters(tools):
    lines = lookup_lines(tools.lookup, "鲁炜")
    assert lines[:3] == ["鲁炜 (魯煒)", "lǔwěi", "Not in CC-CEDICT as a word; its characters:"]
    assert lines[3] == "鲁"
    assert "炜" in lines
    assert "    1. glowing" in lines


def test_lookup_lines_read_the_dictionary_markup(tools):
    lines = lookup_lines(tools.lookup, "技术")
    assert lines[2:] == [
        "jìshù",
        "  1. technology; technique; skill",
        "  measure words: 门 mén, 种 zhǒng, 项 xiàng",
    ]
    lines = lookup_lines(tools.lookup, "中共")
    assert (
        "  1. abbr. for 中国共产党（中國共產黨）Zhōngguó Gòngchǎndǎng, Chinese Communist Party"
        in (lines)
    )
    assert lookup_lines(tools.lookup, "冰棍", PinyinStyle.NUMBERS)[-1] == "  measure word: 根 gen1"


def test_unknown_words_are_an_error(tools):
    with pytest.raises(WordNotFound, match="'abc' is not in the dictionary"):
        lookup_lines(tools.lookup, "abc")


def test_names_keep_their_capitals_and_spaces(tools):
    (entry,) = tools.dictionary.lookup("习近平")
    assert entry_pinyin(entry) == "Xí Jìnpíng"
    assert entry_pinyin(entry, PinyinStyle.NUMBERS) == "xi2 jin4 ping2"


def test_the_reading_in_context_is_capitalised_as_the_entry(
    tools, seed_document, seed_segmentation
):
    text = seed_document.text
    found = tools.lookup.at(text, text.index("习近平"), seed_segmentation)
    assert found.word == "习近平"
    assert found.pinyin() == "Xí Jìnpíng"
    assert found.pinyin(PinyinStyle.NUMBERS) == "xi2 jin4 ping2"
    assert [part.syllable for part in found.written()] == ["xi2", "jin4", "ping2"]
    assert tools.lookup.word("北京").pinyin() == "Běijīng"
    assert tools.lookup.word("一个").pinyin(spoken=True) == "yígè"  # no entry: as read


def test_a_word_is_read_as_a_sense_refers_to_it(tools):
    assert tools.lookup.word("行").pinyin() == "xíng"
    found = tools.lookup.word("行", ("hang2",))
    assert found.pinyin() == "háng"
    assert found.entries[0].pinyin == "hang2"


def test_the_word_at_an_offset_is_read_in_its_sentence(tools):
    text = "他还没还钱。"
    first = tools.lookup.at(text, 1)
    second = tools.lookup.at(text, 3)
    assert first.pinyin() == "hái"
    assert second.pinyin() == "huán"
    assert first.entries[0].pinyin == "hai2"
    assert second.entries[0].pinyin == "huan2"
    assert tools.lookup.at(text, 5) is None  # punctuation


def test_a_word_is_read_with_the_words_of_its_sentence_as_its_paragraph_reads_it(
    tools, seed_document, seed_segmentation
):
    text = seed_document.text
    for block in seed_document.blocks[:12]:
        words = seed_segmentation.tokens(block.start, block.end)
        paragraph = tools.pronouncer.syllables(text, words)
        for word in words:
            if is_han(text[word.start]):
                found = tools.lookup.at(text, word.start, seed_segmentation)
                start, end = found.start - words[0].start, found.end - words[0].start
                assert list(found.syllables) == paragraph[start:end], text[found.start : found.end]


@pytest.mark.parametrize("segmented", [True, False])
def test_the_spoken_tones_of_a_word_hear_the_word_after_it(tools, segmented):
    text = "我很好。"
    segmentation = Segmentation(text, [(0, len(text))], tools.segmenter)
    if segmented:
        segmentation.segment_all()
    found = tools.lookup.at(text, 1, segmentation)
    assert (found.word, found.syllables, found.spoken) == ("很", ("hen3",), ("hen2",))
    assert found.pinyin(spoken=True) == "hén"


def test_before_segmentation_the_longest_dictionary_word_stands_in(tools, seed_document):
    text = seed_document.text
    offset = text.index("网络安全和信息化")
    tokens = tools.lookup.word_at(text, offset)
    assert [text[t.start : t.end] for t in tokens] == ["网络"]


@pytest.mark.parametrize(
    ("text", "hovered", "word"),
    [
        ("新技术的应用", "用", "应用"),
        ("银行行长", 1, "银行"),
        ("银行行长", 2, "行长"),
        ("中华人民共和国成立", "和", "中华人民共和国"),
    ],
)
def test_before_segmentation_the_word_covering_the_offset_stands_in(tools, text, hovered, word):
    offset = text.index(hovered) if isinstance(hovered, str) else hovered
    tokens = tools.lookup.word_at(text, offset)
    assert [text[t.start : t.end] for t in tokens] == [word]
    every = {
        text[t.start : t.end]
        for inside in range(tokens[0].start, tokens[0].end)
        for t in tools.lookup.word_at(text, inside)
    }
    assert every == {word}


def test_a_name_jieba_splits_is_looked_up_whole(tools, seed_document, seed_segmentation):
    text = seed_document.text
    offset = text.index("扎克伯格")
    for inside in range(offset, offset + 4):
        found = tools.lookup.at(text, inside, seed_segmentation)
        assert found.word == "扎克伯格"
        assert (found.start, found.end) == (offset, offset + 4)
    assert found.entries[0].senses[0].startswith("Mark Zuckerberg")


def test_a_name_the_reader_split_stays_split(tools, seed_document):
    text = seed_document.text
    offset = text.index("扎克伯格")
    corrections = Corrections()
    corrections.split("扎克伯格", 2)
    spans = [(block.start, block.end) for block in seed_document.blocks]
    segmentation = Segmentation(text, spans, tools.segmenter, corrections)
    segmentation.segment_all()
    assert tools.lookup.at(text, offset + 1, segmentation).word == "扎克"
    assert tools.lookup.at(text, offset + 2, segmentation).word == "伯格"


def test_a_name_jieba_knows_and_the_dictionary_lacks(tools, seed_document, seed_segmentation):
    text = seed_document.text
    found = tools.lookup.at(text, text.index("鲁炜") + 1, seed_segmentation)
    assert found.word == "鲁炜"
    assert found.entries == ()
    assert [c.char for c in found.characters] == ["鲁", "炜"]
    assert found.pinyin() == "lǔwěi"


def test_character_entries_put_the_reading_in_context_first(tools):
    found = tools.lookup.word("银行")
    assert [c.syllable for c in found.characters] == ["yin2", "hang2"]
    assert found.characters[1].entries[0].pinyin == "hang2"
    assert found.hsk is not None and found.traditional == "銀行"


def test_every_han_character_of_the_seed_gets_a_reading_and_a_meaning(
    tools, seed_document, seed_segmentation
):
    text = seed_document.text
    missing = []
    for offset, char in enumerate(text):
        if not is_han(char):
            continue
        found = tools.lookup.at(text, offset, seed_segmentation)
        index = offset - found.start
        character = found.characters[[c.char for c in found.characters].index(char)]
        has_reading = found.syllables[index] is not None
        has_meaning = bool(found.entries) or bool(character.entries)
        if not (has_reading and has_meaning):
            missing.append((offset, char))
    assert missing == []


def test_the_tools_warm_up_on_a_worker_thread(language_cache):
    fresh = LanguageTools(language_cache)
    assert not fresh.ready
    worker = threading.Thread(target=fresh.warm_up)
    worker.start()
    worker.join()
    assert fresh.ready
    assert fresh.lookup.word("网络").hsk is not None
    fresh.close()
