"""One reading per character of the seed, whoever shows it: the pinyin view, the pop-up,
`reader pinyin --json` and find by pinyin (issue 13, "one reading per word per context").

The pinyin view's readings (`span_readings` over the document's paragraphs with its
segmentation) are the reference; each other way of reading the seed must give every Han
character the same syllable.
"""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.document import Document, open_document
from reader.language.find import Finder
from reader.language.pinyin import is_han
from reader.language.readings import span_readings
from reader.language.segmentation import Segmentation


@pytest.fixture(scope="module")
def seed(request) -> Document:
    return open_document(request.config.rootpath / "seeds" / SEED_NAME)


SEED_NAME = "xinhua-2016-04-19-cybersecurity-symposium.txt"


@pytest.fixture(scope="module")
def segmentation(seed, tools) -> Segmentation:
    spans = [(block.start, block.end) for block in seed.blocks]
    segmentation = Segmentation(seed.text, spans, tools.segmenter)
    segmentation.segment_all()
    return segmentation


@pytest.fixture(scope="module")
def view(seed, segmentation, tools) -> dict[int, str]:
    """The pinyin view's syllable of every Han character of the seed, by offset."""
    syllables: dict[int, str] = {}
    for block in seed.blocks:
        span = (block.start, block.end)
        read = span_readings(seed.text, span, segmentation.tokens(*span), tools, tools.hsk)
        for offset, syllable in enumerate(read.syllables, block.start):
            if is_han(seed.text[offset]):
                syllables[offset] = syllable
    assert len(syllables) > 3000 and None not in syllables.values()
    return syllables


def disagreements(seed: Document, view: dict[int, str], other: dict[int, str | None]) -> list:
    return [
        (offset, seed.text[max(offset - 6, 0) : offset + 6], view[offset], other.get(offset))
        for offset in sorted(view)
        if other.get(offset) != view[offset]
    ]


def test_the_pop_up_reads_every_word_as_the_pinyin_view(seed, segmentation, tools, view):
    popup: dict[int, str | None] = {}
    for offset in view:
        if offset not in popup:
            found = tools.lookup.at(seed.text, offset, segmentation)
            popup.update(enumerate(found.syllables, found.start))
    assert disagreements(seed, view, popup) == []


def test_reader_pinyin_reads_every_character_as_the_pinyin_view(seed, view, capsys, request):
    path = request.config.rootpath / "seeds" / SEED_NAME
    assert main(["pinyin", "--json", "--style", "numbers", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(row) for row in capsys.readouterr().out.splitlines()]
    assert [len(row) for row in rows] == [len(line) for line in lines]
    printed = [
        (char, syllable)
        for line, row in zip(lines, rows, strict=True)
        for char, syllable in zip(line, row, strict=True)
        if is_han(char)
    ]
    # The file's Han characters are the document's, in order: pair them up.
    assert [char for char, _ in printed] == [seed.text[offset] for offset in view]
    cli = {offset: syllable for offset, (_, syllable) in zip(view, printed, strict=True)}
    assert disagreements(seed, view, cli) == []


def test_find_by_pinyin_finds_every_character_where_the_pinyin_view_reads_its_query(
    seed, segmentation, tools, view
):
    finder = Finder(seed.text)
    found: dict[int, str] = {}
    for syllable in sorted(set(view.values()) - {"r5"}):
        result = finder.find_pinyin(syllable, segmentation.tokens, tools)
        assert result.complete
        for start, end in result.matches:
            assert end == start + 1
            found[start] = syllable
    erhua = {offset: "r5" for offset, syllable in view.items() if syllable == "r5"}
    assert disagreements(seed, view, found | erhua) == []  # a query has no erhua r


def test_find_by_pinyin_finds_each_word_at_its_place_toned_and_toneless(
    seed, segmentation, tools, view
):
    finder = Finder(seed.text)
    missed = []
    for block in seed.blocks:
        for word in segmentation.tokens(block.start, block.end):
            offsets = range(word.start, word.end)
            if word.end - word.start < 2 or not all(view.get(o, "r5") != "r5" for o in offsets):
                continue
            toned = " ".join(view[offset] for offset in offsets)
            for query in (toned, toned.translate(str.maketrans("", "", "12345"))):
                matches = finder.find_pinyin(query, segmentation.tokens, tools).matches
                if not any(start <= word.start < end for start, end in matches):
                    missed.append((seed.text[word.start : word.end], word.start, query))
    assert missed == []
