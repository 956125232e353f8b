"""The words a character is read with: its whole sentence windows and one word either side."""

from __future__ import annotations

from reader.language.pronunciation import MAX_WINDOW
from reader.language.reading_context import context_span, in_context, read_span, windows_span
from reader.language.segmentation import Segmentation, Token

TEXT = "他说，他还没还钱。\n她把头发剪短了。"


def test_the_windows_span_is_the_sentence_of_a_word():
    assert windows_span(TEXT, 6, 7) == (0, 9)  # 还 in 他说，他还没还钱。
    assert windows_span(TEXT, 10, 12) == (10, 18)  # 头发, after the line break


def test_a_long_sentence_is_read_in_the_pieces_that_hold_the_word():
    text = "甲" * (MAX_WINDOW + 10) + "。"
    assert windows_span(text, 2, 3) == (0, MAX_WINDOW)
    assert windows_span(text, MAX_WINDOW - 1, MAX_WINDOW + 1) == (0, len(text))


def test_the_context_is_the_windows_and_one_character_either_side():
    assert context_span(0, 9, len(TEXT)) == (0, 10)
    assert context_span(10, 18, len(TEXT)) == (9, 18)


def test_a_span_reads_as_its_paragraph_reads_it(tools):
    segmentation = Segmentation(TEXT, [(0, 9), (10, 18)], tools.segmenter)
    paragraph = tools.pronouncer.syllables(TEXT, segmentation.tokens(0, 9))
    asked: list[tuple[int, int]] = []

    def words(low: int, high: int) -> list[Token]:
        asked.append((low, high))
        return segmentation.tokens(low, high)

    read = read_span(tools.pronouncer, TEXT, 6, 8, words)
    assert asked == [(0, 10)]
    assert read.syllables == paragraph[6:8] == ["huan2", "qian2"]
    assert read.spoken == ["huan2", "qian2"]


def test_the_spoken_tones_are_decided_with_the_words_after_the_span(tools):
    text = "我很好。"
    segmentation = Segmentation(text, [(0, 4)], tools.segmenter)
    read = read_span(tools.pronouncer, text, 1, 2, segmentation.tokens)  # 很 before 好
    assert read.syllables == ["hen3"] and read.spoken == ["hen2"]


def test_only_the_words_inside_the_windows_were_read_with_both_neighbours():
    words = [Token(0, 2), Token(2, 3), Token(3, 5), Token(5, 6)]
    assert in_context(words, 2, 5) == [Token(2, 3), Token(3, 5)]
