"""Words CC-CEDICT lacks, answered by the dictionary words inside them, on the seed article."""

from __future__ import annotations

import pytest

from reader.document import open_document
from reader.language.cover import Answer, WordCover
from reader.language.segmentation import Segmentation


@pytest.fixture(scope="module")
def cover(tools) -> WordCover:
    return WordCover(tools.dictionary)


def parts(cover: WordCover, word: str) -> list[str]:
    return [word[start:end] for start, end in cover.parts(word)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("网络安全", ["网络", "安全"]),
        ("关键核心项目", ["关键", "核心", "项目"]),
        ("座谈会发言人员", ["座谈会", "发言", "人员"]),
        ("习近平总书记", ["习近平", "总书记"]),
        ("网信事业", ["网", "信", "事业"]),  # characters only where no entry covers them
    ],
)
def test_a_word_the_dictionary_lacks_is_split_as_a_reader_splits_it(cover, word, expected):
    assert word not in cover._dictionary
    assert cover.answer(word) is Answer.COVER
    assert parts(cover, word) == expected


def test_the_longest_entries_win_among_splits_of_as_many_parts(cover):
    # 中华人民共和国 + 国家, not 中华 + 人民 + 共和国 + 国家 nor 中华人民共和国 + 国 + 家.
    assert parts(cover, "中华人民共和国国家") == ["中华人民共和国", "国家"]


def test_an_entry_and_a_word_with_no_entry_inside_have_no_cover(cover):
    assert cover.answer("安全") is Answer.WORD and cover.parts("安全") == ()
    for word in ("一个", "很多", "更好", "揭榜"):
        assert cover.answer(word) is Answer.CHARACTERS and cover.parts(word) == ()


def test_no_word_of_the_seed_falls_back_to_characters_with_a_word_inside(cover, tools, seed_path):
    """Checked against every piece of every word, not by the cover's own search."""
    document = open_document(seed_path)
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(document.text, spans, tools.segmenter)
    answers = dict.fromkeys(Answer, 0)
    for span in spans:
        for token in segmentation.tokens(*span):
            word = document.text[token.start : token.end]
            if len(word) < 2 or not all("\u4e00" <= char <= "\u9fff" for char in word):
                continue
            answer = cover.answer(word)
            answers[answer] += 1
            pieces = [
                word[start:end]
                for start in range(len(word))
                for end in range(start + 2, len(word) + 1)
                if end - start < len(word)
            ]
            inside = [piece for piece in pieces if piece in tools.dictionary]
            if answer is Answer.CHARACTERS:
                assert inside == [], word
            if answer is Answer.COVER:
                spans_of = cover.parts(word)
                assert "".join(word[s:e] for s, e in spans_of) == word
                assert all(e - s == 1 or word[s:e] in tools.dictionary for s, e in spans_of)
    assert answers[Answer.COVER] >= 80  # 网络安全 and its kind: 169 words fell back before
    assert answers[Answer.CHARACTERS] < answers[Answer.COVER] + 10


def test_a_hovered_word_gets_its_parts_read_in_this_sentence(tools, seed_path):
    document = open_document(seed_path)
    text = document.text
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(text, spans, tools.segmenter)
    segmentation.segment_all()
    offset = text.index("网络安全和信息化")
    found = tools.lookup.at(text, offset, segmentation)
    assert found is not None and found.word == "网络安全" and found.entries == ()
    assert [(p.word, p.syllables) for p in found.parts] == [
        ("网络", ("wang3", "luo4")),
        ("安全", ("an1", "quan2")),
    ]
    network = found.parts[0]
    assert network.entries[0].senses[0].startswith("network")
    assert network.hsk is not None and network.hsk.new == "4"
    assert tools.lookup.word("一个").parts == ()  # its characters answer
    assert tools.lookup.word("安全").parts == ()
