"""Issue 13's table through the pop-up: each sentence opened in the window, the word at each
named character hovered, its reading read off the pop-up (tests/everyday_table.py)."""

from __future__ import annotations

import pytest

from reader.language.pinyin import PinyinStyle
from tests.everyday_table import ROW_IDS, ROWS
from tests.ui.lookup_helpers import char_point, hover_word, open_ready_window


@pytest.fixture
def table_file(tmp_path):
    path = tmp_path / "everyday.txt"
    path.write_text("".join(sentence + "\n\n" for sentence, _ in ROWS), encoding="utf-8")
    return path


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_the_pop_up_reads_the_row_right(qtbot, make_window, table_file, row):
    sentence, expected = row
    window = open_ready_window(qtbot, make_window, table_file, delay_ms=0)
    view, lookup = window.reading_view, window.word_lookup
    start = window.reader_document.text.index(sentence)
    shown = {}
    for index in expected:
        offset = start + index
        hover_word(qtbot, view, lookup, offset, char_point(view, offset))
        word = lookup.current
        word_shown, pinyin_shown = lookup.popup.plain_text().splitlines()[0].split("  ")[:2]
        syllables = word.written(PinyinStyle.MARKS)
        assert word_shown == word.word
        assert pinyin_shown == "".join(part.before + part.text for part in syllables)
        shown[index] = syllables[offset - word.start].text.lower()
    assert shown == expected
