"""Ruby layout without Qt: boxes cover the text in order, lines break before an overflowing
box but never before closing punctuation, readings widen their boxes, alignment moves them."""

from __future__ import annotations

import pytest

from reader.ui.views.page_style import Align
from reader.ui.views.ruby_layout import BlockShape, layout_block

CHAR = 10.0


def measure(text: str) -> float:
    return CHAR * len(text) if text.isascii() and len(text) > 1 else CHAR


def measure_ruby(text: str) -> float:
    return 4.0 * len(text)


MEASURES = (measure, measure_ruby)


def rubies(text: str) -> list[tuple[str, int] | None]:
    return [("ab", 1) if "\u4e00" <= char <= "\u9fff" else None for char in text]


def test_boxes_cover_the_text_in_order_with_document_offsets():
    text = "\u6211\u4eec\u7231Python\u3002"  # 我们爱Python。
    layout = layout_block(text, 100, rubies(text), BlockShape(1000, 30), measure, measure_ruby)
    boxes = [box for line in layout.lines for box in line.boxes]
    assert [(box.start, box.end) for box in boxes] == [
        (100, 101),
        (101, 102),
        (102, 103),
        (103, 109),
        (109, 110),
    ]
    assert [box.ruby for box in boxes] == ["ab", "ab", "ab", None, None]
    assert layout.height == 30
    assert layout.box_for(105)[1].start == 103


def test_characters_stand_a_step_apart_and_a_long_reading_reaches_over_its_neighbours():
    text = "\u5e84\u4e00\u5e84"  # 庄一庄
    shape = BlockShape(1000, 30, ruby_padding=1.0, ruby_box=20.0)
    short = [("a", 1), ("a", 1), ("a", 1)]
    even = layout_block(text, 0, short, shape, measure, measure_ruby)
    assert [box.x for box in even.lines[0].boxes] == [0.0, 20.0, 40.0]
    # zhuang (24 wide) over a 20 step reaches 2 into each neighbour's room: their "a"
    # readings (4 wide, centred) leave 8 free, so nothing moves.
    one_long = layout_block(text, 0, [("zhuang", 1), ("a", 1), ("a", 1)], shape, *MEASURES)
    assert [box.x for box in one_long.lines[0].boxes] == [0.0, 20.0, 40.0]
    assert all(box.width == 20.0 for box in one_long.lines[0].boxes)
    # Two long readings side by side would touch, and may not be condensed: the second
    # character moves along, the readings half their gap (2: padding either side) apart.
    both = layout_block(text, 0, [("zhuang", 1), ("zhuang", 1), ("a", 1)], shape, *MEASURES)
    _, second, third = both.lines[0].boxes
    assert second.x == 20.0 + (24.0 + 1.0 - 20.0)
    assert third.x == second.x + 20.0
    narrow = layout_block(text[:2], 0, [("a", 1), None], shape, measure, measure_ruby)
    assert [box.width for box in narrow.lines[0].boxes] == [20.0, CHAR]


def test_a_justified_line_is_spread_by_a_little_at_most():
    text = "\u4e00\u4e8c\u4e09\u56db\u4e94\u516d"
    shape = BlockShape(55, 20, align=Align.JUSTIFY, stretch=1.0)
    layout = layout_block(text, 0, [None] * 6, shape, measure, measure_ruby)
    first = layout.lines[0]
    assert [box.x for box in first.boxes] == [0.0, 11.0, 22.0, 33.0, 44.0]  # not up to 55


def test_lines_break_before_overflow_but_keep_closing_punctuation():
    text = "\u4e00\u4e8c\u4e09\uff0c\u56db"  # 一二三，四
    shape = BlockShape(30.0, 20.0, above=5.0, below=7.0)
    layout = layout_block(text, 0, [None] * 5, shape, measure, measure_ruby)
    assert [(line.start, line.end) for line in layout.lines] == [(0, 4), (4, 5)]
    assert [line.y for line in layout.lines] == [5.0, 25.0]
    assert layout.height == 5.0 + 2 * 20.0 + 7.0


@pytest.mark.parametrize("mark", ["\uff0e", "\u3015", "\uff3d", "\u00bb"])
def test_no_line_starts_with_the_other_closing_marks_either(mark):
    """The fullwidth full stop of hongloumeng.txt (别见笑．这盒子) began pinyin lines."""
    text = f"\u4e00\u4e8c\u4e09{mark}\u56db"
    shape = BlockShape(30.0, 20.0)
    layout = layout_block(text, 0, [None] * 5, shape, measure, measure_ruby)
    assert [(line.start, line.end) for line in layout.lines] == [(0, 4), (4, 5)]


def test_a_line_break_in_the_block_starts_a_new_line():
    text = "\u4e00\n\u4e8c"
    layout = layout_block(text, 0, [None] * 3, BlockShape(100, 20), measure, measure_ruby)
    assert [(line.start, line.end) for line in layout.lines] == [(0, 1), (2, 3)]
    assert layout.position_at(0, 25) == 2
    assert layout.box_at(5, 25).start == 2
    assert layout.box_at(50, 25) is None


def test_alignment_moves_the_boxes_and_justify_spares_the_last_line():
    text = "\u4e00\u4e8c\u4e09\u56db\u4e94"
    right = layout_block(
        text, 0, [None] * 5, BlockShape(100, 20, align=Align.RIGHT), measure, measure_ruby
    )
    assert right.lines[0].boxes[0].x == 50
    centre = layout_block(
        text, 0, [None] * 5, BlockShape(100, 20, align=Align.CENTRE), measure, measure_ruby
    )
    assert centre.lines[0].boxes[0].x == 25
    justified = layout_block(
        text, 0, [None] * 5, BlockShape(35, 20, align=Align.JUSTIFY), measure, measure_ruby
    )
    first, last = justified.lines
    assert first.right() == 35
    assert last.boxes[0].x == 0 and last.right() == 20


def test_an_empty_reading_keeps_the_room_of_one_but_paints_none():
    text = "\u4e00\u3002"
    shape = BlockShape(100, 20, ruby_box=12.0)
    layout = layout_block(text, 0, [("", 0), None], shape, measure, measure_ruby)
    first, stop = layout.lines[0].boxes
    assert (first.width, first.ruby) == (12.0, None)
    assert stop.width == CHAR


def test_a_list_items_line_break_is_a_tab_to_a_column_its_wrapped_lines_keep():
    text = "\u540d\n\u4e00\u4e8c\u4e09"  # 名 / 一二三
    shape = BlockShape(50.0, 20.0, indent=5.0, tab=25.0)
    layout = layout_block(text, 0, [None] * 5, shape, measure, measure_ruby)
    first, second = layout.lines
    assert [(box.start, box.x) for box in first.boxes] == [(0, 5.0), (2, 25.0), (3, 35.0)]
    assert [(box.start, box.x) for box in second.boxes] == [(4, 25.0)]


def test_a_latin_word_wider_than_a_line_wraps_letter_by_letter():
    """As Qt wraps a word too long for its line; a word that fits stays whole."""
    text = "ab " + "x" * 25
    layout = layout_block(text, 0, [None] * len(text), BlockShape(100, 20), measure, measure_ruby)
    assert [(line.start, line.end) for line in layout.lines] == [(0, 10), (10, 20), (20, 28)]
    assert [box.end - box.start for box in layout.lines[0].boxes] == [2, 1] + [1] * 7
    assert all(line.right() <= 100 for line in layout.lines)


def test_a_run_of_closing_punctuation_still_wraps():
    """A mark or two may stand past the end of the line; a run of them goes on below."""
    text = "\u4e00" * 3 + "\uff0c" * 20  # 一一一，，，…
    layout = layout_block(text, 0, [None] * len(text), BlockShape(30, 20), measure, measure_ruby)
    assert [(line.start, line.end) for line in layout.lines][:2] == [(0, 5), (5, 10)]
    assert all(line.right() <= 30 + 2 * CHAR for line in layout.lines)


def test_readings_that_would_touch_are_condensed_and_the_characters_stay_a_step_apart():
    text = "\u5e84\u5e84\u4e00\u5e84"  # 庄庄一庄
    shape = BlockShape(1000, 30, ruby_padding=1.0, ruby_box=20.0, least_squeeze=0.75)
    read = [("zhuang", 1), ("zhuang", 1), ("a", 1), ("zhuang", 1)]
    boxes = layout_block(text, 0, read, shape, *MEASURES).lines[0].boxes
    assert [box.x for box in boxes] == [0.0, 20.0, 40.0, 60.0]
    # Both too wide for their half of the 18 between centres (a 2 gap): each gets 18 of 24.
    assert [box.squeeze for box in boxes[:2]] == [0.75, 0.75]
    assert boxes[2].squeeze == 1.0  # a narrow reading keeps its width...
    assert boxes[3].squeeze == 1.0  # ... and leaves its wide neighbour all it needs
    # Past the least squeeze the gap narrows to half, and then the character moves along.
    wider = [("zhuangg", 1), ("zhuangg", 1), ("a", 1), ("a", 1)]
    boxes = layout_block(text, 0, wider, shape, *MEASURES).lines[0].boxes
    assert [box.squeeze for box in boxes[:2]] == [0.75, 0.75]
    assert boxes[1].x == 20.0 + 28.0 * 0.75 - 18.0 - 1.0
    assert boxes[2].x == boxes[1].x + 20.0


def test_a_reading_moves_left_into_free_room_before_it_is_condensed():
    text = "\u4e00\u5e84\u5e84"  # 一庄庄
    shape = BlockShape(1000, 30, ruby_padding=1.0, ruby_box=20.0, least_squeeze=0.75)
    read = [("a", 1), ("zhuang", 1), ("zhuang", 1)]
    _, second, third = layout_block(text, 0, read, shape, *MEASURES).lines[0].boxes
    # "a" ends at 12, so the first zhuang may start at 14: 4 left of where it would, which
    # is as far off its character as a reading goes (0.2 of its box).
    assert second.nudge == -4.0 and third.nudge == 0.0
    # The two then share the 22 between their centres, less the gap.
    assert second.squeeze == third.squeeze == 22.0 / 24.0
    assert [second.x, third.x] == [20.0, 40.0]
