"""The pinyin view's underlines, line by line: one a word a line, from the first of its
boxes there to the last, short of the word's own ends only; kept while the piece's layout
and marks are the same."""

from __future__ import annotations

from reader.document import BlockKind
from reader.store import Status
from reader.ui.views.page_style import BLOCK_STYLES, point_size
from reader.ui.views.pinyin_fonts import RubyFonts
from reader.ui.views.pinyin_underlines import PieceUnderlines
from reader.ui.views.ruby_layout import BlockLayout, Box, Line
from reader.ui.views.status_marks import GAP_EMS, WordMark

WIDTH = 20.0


def line(y: float, start: int, end: int) -> Line:
    boxes = [Box(i, i + 1, (i - start) * WIDTH, WIDTH, WIDTH, None) for i in range(start, end)]
    return Line(y, start, end, boxes)


def test_a_word_over_two_lines_has_an_underline_on_each_gapped_at_its_ends_only(qapp):
    fonts = RubyFonts(BLOCK_STYLES[(BlockKind.PARAGRAPH, 0)], point_size(0))
    layout = BlockLayout(0, 8, [line(0.0, 0, 4), line(40.0, 4, 8)], 40.0, 80.0)
    marks = [WordMark(0, 2, Status.NEW), WordMark(3, 6, Status.LEARNING_2)]
    lines = PieceUnderlines().of(0, layout, marks, fonts)
    gap = GAP_EMS * fonts.em
    first, second = lines.line(0), lines.line(1)
    (new,) = first[Status.NEW]
    assert (new.left(), new.right()) == (gap, 2 * WIDTH - gap)
    (end_of_line,) = first[Status.LEARNING_2]  # 3: on to the line's end, no gap there
    assert (end_of_line.left(), end_of_line.right()) == (3 * WIDTH + gap, 4 * WIDTH)
    (start_of_line,) = second[Status.LEARNING_2]  # 4-5: from the line's start
    assert (start_of_line.left(), start_of_line.right()) == (0.0, 2 * WIDTH - gap)
    assert start_of_line.top() - end_of_line.top() == 40.0
    assert Status.NEW not in second


def test_kept_while_layout_and_marks_are_the_same(qapp):
    fonts = RubyFonts(BLOCK_STYLES[(BlockKind.PARAGRAPH, 0)], point_size(0))
    layout = BlockLayout(0, 4, [line(0.0, 0, 4)], 40.0, 40.0)
    marks = [WordMark(0, 2, Status.NEW)]
    underlines = PieceUnderlines()
    kept = underlines.of(0, layout, marks, fonts)
    assert underlines.of(0, layout, marks, fonts) is kept
    changed = underlines.of(0, layout, [WordMark(0, 2, Status.LEARNING_1)], fonts)
    assert changed is not kept and Status.LEARNING_1 in changed.line(0)
