"""Each line of a plain-text file found in its document's text, as `reader pinyin` needs."""

from __future__ import annotations

import pytest

from reader.document import build_document, open_document
from reader.document.encoding import decode_text
from reader.document.line_places import line_places


def test_every_line_of_the_seed_is_found_where_the_document_holds_it(seed_path):
    text = decode_text(seed_path.read_bytes()).text
    document = open_document(seed_path)
    lines = text.splitlines()
    places = line_places(lines, document.text)
    for line, place in zip(lines, places, strict=True):
        if line.strip():
            assert place is not None, line
            assert document.text[place : place + len(line.strip())] == line.strip()
        else:
            assert place is None
    continued = [document.text[p - 3 : p + 1] for p in places if p and document.text[p - 1] != "\n"]
    assert continued == ["进展厅前", "讲,习主", "近平的著"]  # lines the web export cut


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他说，他还没还\n钱。", [0, 7]),
        ("  他说，\u3000\n\n\n标题\n", [0, None, None, 4]),
        ("one line that goes\non in English.", [0, 19]),
        ("甲。\r\n乙。\u2028丙。", [0, 3, 6]),
    ],
)
def test_lines_are_placed_after_their_joins_blanks_and_trimmed_space(text, expected):
    assert line_places(text.splitlines(), build_document(text).text) == expected


def test_a_line_the_document_does_not_hold_as_it_is_is_none_and_the_next_is_found():
    text = "第一行。\n他还\x00没还钱。\n下一行还在。"
    document = build_document(text)
    places = line_places(text.splitlines(), document.text)
    assert places[0] == 0 and places[1] is None
    assert document.text[places[2] :] == "下一行还在。"
