"""The matches a view paints: those reaching into the part in view, of its own document."""

from __future__ import annotations

from reader.document import build_document
from reader.ui.views.found_spans import FoundSpans


def test_the_matches_between_two_offsets_are_found_among_many():
    document = build_document("宝玉" * 10)
    spans = [(n * 10, n * 10 + 2) for n in range(20_000)]
    found = FoundSpans()
    found.set(spans, 3, document)

    assert found.between(95, 121, document) == [(100, 102), (110, 112), (120, 122)]
    assert found.between(101, 102, document) == [(100, 102)]
    assert found.between(102, 110, document) == []
    assert found.current(document) == (30, 32)


def test_a_long_match_starting_before_the_range_reaches_into_it():
    document = build_document("宝玉" * 10)
    found = FoundSpans()
    found.set([(0, 50), (60, 61)], None, document)

    assert found.between(40, 70, document) == [(0, 50), (60, 61)]
    assert found.current(document) is None


def test_the_matches_of_another_document_are_not_painted():
    shown, other = build_document("宝玉"), build_document("宝玉")
    found = FoundSpans()
    found.set([(0, 2)], 0, other)

    assert found.between(0, 2, shown) == []
    assert found.current(shown) is None
    assert found.between(0, 2, other) == [(0, 2)]
    found.set([], None, other)
    assert not found
