"""The page both views set: every kind of block has one style, read by both views alike."""

from __future__ import annotations

import pytest

from reader.document import Block, BlockKind
from reader.ui.views.page_style import (
    BLOCK_STYLES,
    MIN_MEASURE_EMS,
    THEMES,
    Align,
    Page,
    block_style,
    page,
    point_size,
    set_page,
    style_key,
)


def test_every_kind_of_block_has_a_style():
    for kind in BlockKind:
        for level in (0, 1, 2, 3):
            assert style_key(Block(kind, 0, 1, level)) in BLOCK_STYLES


def test_headings_below_the_second_level_look_like_the_second():
    deep = block_style(Block(BlockKind.HEADING, 0, 1, 4))
    assert deep == block_style(Block(BlockKind.HEADING, 0, 1, 2))
    assert deep != block_style(Block(BlockKind.HEADING, 0, 1, 1))


def test_a_list_items_names_stand_in_a_column_in_both_views():
    style = block_style(Block(BlockKind.LIST_ITEM, 0, 1))
    assert style.reading.name_column is not None and style.pinyin.name_column is not None
    others = [s for key, s in BLOCK_STYLES.items() if key[0] is not BlockKind.LIST_ITEM]
    assert all(s.reading.name_column is None and s.pinyin.name_column is None for s in others)


def test_zoom_scales_the_text_in_steps():
    assert point_size(0) == 13.0
    assert point_size(1) == 14.3
    assert point_size(-1) < point_size(0) < point_size(1) < point_size(2)


def test_the_readers_page_sets_the_paragraphs_and_leaves_the_headlines():
    chosen = Page(line_height=150, paragraph_gap=1.0, justified=False, size=16.0)
    set_page(chosen)
    try:
        paragraph = block_style(Block(BlockKind.PARAGRAPH, 0, 1))
        assert paragraph.reading.line_height == 150 and paragraph.reading.below == 1.0
        assert paragraph.pinyin.line_height == pytest.approx(1.5)
        assert paragraph.align is Align.LEFT
        assert block_style(Block(BlockKind.TITLE, 0, 1)) == BLOCK_STYLES[(BlockKind.TITLE, 0)]
        assert point_size(0) == 16.0
    finally:
        set_page(Page())
    assert block_style(Block(BlockKind.PARAGRAPH, 0, 1)) == BLOCK_STYLES[(BlockKind.PARAGRAPH, 0)]


def test_no_measure_is_narrower_than_the_panels_least():
    set_page(Page(measure=10))
    try:
        assert page().measure == MIN_MEASURE_EMS
    finally:
        set_page(Page())


def test_every_block_ink_is_a_colour_of_every_theme():
    for chosen in THEMES.values():
        for style in BLOCK_STYLES.values():
            assert getattr(chosen, style.ink).startswith("#")
