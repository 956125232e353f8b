"""Collocations: the running words just left and right of a word, by simplified form."""

from __future__ import annotations

from reader.document import build_document
from reader.language.segmentation import Segmentation
from reader.library.collocations import collocations

TEXT = "小说\n\n我们学习中文。他们学习中文，今天也学习。學習，学习！\n"


def test_neighbours_are_counted_left_and_right(tools) -> None:
    document = build_document(TEXT)
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(document.text, spans, tools.segmenter)
    found = collocations(document, segmentation, "学习", tools)
    assert found.occurrences == 5
    assert found.right == [("中文", 2)]  # punctuation is no neighbour
    assert found.left == [("也", 1), ("他们", 1), ("我们", 1)]


def test_a_span_limits_the_occurrences(tools) -> None:
    document = build_document(TEXT)
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(document.text, spans, tools.segmenter)
    start = document.text.index("他们")
    found = collocations(document, segmentation, "学习", tools, (start, start + 6))
    assert found.occurrences == 1 and found.left == [("他们", 1)]
