"""The pinyin view's page: heights estimated until a block is laid out, the scroll anchor
that keeps the text read in place, readings above the characters and the HSK filter, and a
whole novel laid out only where it is seen."""

from __future__ import annotations

import itertools

import pytest

from reader.document import build_document, open_document
from reader.language.pinyin import PinyinStyle
from reader.language.readings import UNKNOWN_LEVEL, Readings
from reader.language.script import Script, display_text
from reader.ui.views.pinyin_layout import KEPT_LAYOUTS, LEAST_SQUEEZE, PinyinLayout
from tests.ui.views.pinyin_helpers import (
    find,
    pinyin_on,
    scroll_and_read,
    shown_alone,
    wait_readings,
)

PARAGRAPH = "\u6211\u4eec\u7231Python\u3002" * 20  # 我们爱Python。
"""A paragraph of several lines at a width of 400 pixels, whose Latin words make it shorter
than its estimate."""


@pytest.fixture
def page(qapp):
    document = build_document("\n\n".join([PARAGRAPH] * 40))
    page = PinyinLayout()
    page.set_document(document)
    page.relayout(400.0)
    return page


def test_a_block_laid_out_gets_its_exact_height_and_the_blocks_below_move(page):
    estimated = page.top(1) - page.top(0)
    assert page.laid_out_count == 0 and page.top(0) == page.page_top()
    layout = page.layout_of(0)
    assert page.laid_out_count == 1
    assert layout.height != estimated
    assert page.top(1) == page.page_top() + layout.height
    assert page.content_height() > page.top(len(page) - 1)


def test_the_text_at_the_top_stays_when_a_block_above_is_measured(page):
    page.set_value(page.top(20) + 5.0)
    top = page.top_offset(0.0)
    before = page.value()
    page.layout_of(3)
    assert page.value() != before
    assert page.value() == page.top(20) + 5.0
    assert page.top_offset(0.0) == top


def test_an_offsets_line_is_anchored_below_the_gap(page):
    document = page.document
    offset = document.blocks[12].start + 50
    page.anchor_at(offset, gap=10.0)
    layout = page.layout_of(12)
    line = layout.lines[layout.line_index_at(offset)]
    assert page.value() == page.top(12) + line.y - 10.0
    assert page.top_offset(10.0) == line.start
    page.anchor_at(0, gap=10.0)
    assert page.value() == page.top(0)


def test_settling_lays_out_the_viewport_and_stops_at_the_end(page):
    page.set_value(1e9)
    page.settle(300.0)
    assert page.value() <= page.content_height() - 300.0 + 0.5
    visible = page.visible_blocks(300.0)
    assert visible[-1] == len(page) - 1
    assert all(page.top(index) < page.value() + 300.0 for index in visible)
    assert page.laid_out_count >= len(visible)


def test_laid_out_blocks_kept_are_bounded(qapp):
    sentence = "\u6211\u4eec\u662f\u597d\u670b\u53cb\u3002"  # 我们是好朋友。
    document = build_document("\n\n".join([sentence] * (KEPT_LAYOUTS + 20)))
    page = PinyinLayout()
    page.set_document(document)
    page.relayout(400.0)
    for index in range(len(page)):
        page.layout_of(index)
    assert page.laid_out_count == KEPT_LAYOUTS
    page.forget_layouts()
    assert page.laid_out_count == 0


def test_readings_above_words_beyond_the_hsk_level_only(qapp):
    document = build_document("\u6211\u4eec\u5ea7\u8c08\u4f1a\u3002")  # 我们座谈会。
    readings = Readings(
        ["wo3", "men5", "zuo4", "tan2", "hui4", None], [1, 1, 6, 6, 6, UNKNOWN_LEVEL]
    )
    page = PinyinLayout()
    page.set_document(document)
    page.set_readings(lambda index: readings)
    page.relayout(400.0)

    def rubies() -> list[str | None]:
        return [box.ruby for line in page.layout_of(0).lines for box in line.boxes]

    assert rubies() == ["w\u01d2", "men", "zu\u00f2", "t\u00e1n", "hu\u00ec", None]
    page.set_hsk_level(2)
    page.set_pinyin_style(PinyinStyle.NUMBERS)
    page.relayout(400.0)
    assert rubies() == [None, None, "zuo4", "tan2", "hui4", None]
    boxes = page.layout_of(0).lines[0].boxes
    assert boxes[0].width > boxes[0].text_width  # a hidden reading keeps its room
    assert boxes[-1].width == boxes[-1].text_width  # the full stop has none


def test_the_painted_text_is_the_documents_text(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    assert view.text_between(0, len(text)) == text
    start = find(window, "发展理念")
    assert view.text_between(start, start + 40) == text[start : start + 40]


def test_text_shown_in_another_script_is_laid_out_in_the_same_boxes(qapp):
    document = build_document("\n\n".join([PARAGRAPH, "这是𠀀头发，干净的国家。"] * 10))
    page = PinyinLayout()
    page.set_document(document)
    page.relayout(400.0)
    boxes = [(box.start, box.end) for line in page.layout_of(1).lines for box in line.boxes]

    traditional = display_text(document.text, Script.TRADITIONAL)
    page.set_shown_text(traditional)
    page.relayout(400.0)

    assert page.text_between(0, len(traditional)) == traditional
    assert "這是𠀀頭髮，乾淨的國家。" in traditional
    assert [(box.start, box.end) for line in page.layout_of(1).lines for box in line.boxes] == boxes
    with pytest.raises(ValueError):
        page.set_shown_text(traditional[1:])
    page.set_document(document)
    assert page.text == document.text  # a new document is shown as written


def test_every_han_character_in_view_has_its_reading_above_it(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    offset = find(window, "\u4e2d\u5171\u4e2d\u592e")  # 中共中央
    scroll_and_read(qtbot, view, offset)
    assert [view.ruby_at(offset + i) for i in range(4)] == [
        "zh\u014dng",
        "g\u00f2ng",
        "zh\u014dng",
        "y\u0101ng",
    ]
    comma = text.find("\uff0c", offset)
    assert view.ruby_at(comma) is None


def test_the_hsk_filter_hides_pinyin_of_easy_words_only(qtbot, window):
    view = pinyin_on(qtbot, window)
    text = window.reader_document.text
    easy = find(window, "\u6211\u4eec")  # 我们, HSK 1
    hard = find(window, "\u5ea7\u8c08\u4f1a")  # 座谈会, in no list below 7
    for offset in (easy, hard):
        view.scroll_to_offset(offset)
        wait_readings(qtbot, view)
        assert view.ruby_at(offset) is not None, text[offset]

    window.pinyin.level_actions[2].trigger()
    assert window.pinyin.level_actions[2].isChecked()
    assert window.pinyin.stack.currentWidget() is view
    view.scroll_to_offset(easy)
    assert view.ruby_at(easy) is None
    assert view.ruby_at(easy + 1) is None
    view.scroll_to_offset(hard)
    assert view.ruby_at(hard) == "zu\u00f2"

    window.pinyin.all_action.trigger()
    view.scroll_to_offset(easy)
    assert view.ruby_at(easy) == "w\u01d2"


def test_the_lookups_pinyin_style_is_the_one_painted(qtbot, window):
    view = pinyin_on(qtbot, window)
    offset = find(window, "\u4e2d\u5171\u4e2d\u592e")
    window.word_lookup.style_actions[PinyinStyle.NUMBERS].trigger()
    view.scroll_to_offset(offset)
    assert view.ruby_at(offset) == "zhong1"
    window.word_lookup.style_actions[PinyinStyle.MARKS].trigger()
    assert view.ruby_at(offset) == "zh\u014dng"


def test_a_novel_is_laid_out_only_where_it_is_seen(qtbot, shared_data):
    novel = open_document(shared_data / "novels" / "hongloumeng.txt")
    view, runner = shown_alone(qtbot, novel, 900, 700)
    assert 0 < view.laid_out_count < 40
    bar = view.verticalScrollBar()
    for fraction in (0.25, 0.5, 0.75):
        bar.setValue(round(bar.maximum() * fraction))
        assert view.laid_out_count < 120
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    bar.setValue(bar.maximum())
    assert view.top_offset() > len(novel.text) * 0.99
    last = novel.blocks[-1]
    assert view.visible_blocks()[-1] == len(novel.blocks) - 1
    assert view.text_between(last.start, last.end) == novel.text[last.start : last.end]
    assert view.laid_out_count < 160
    wait_readings(qtbot, view)  # the page scrolled to last, not every page passed on the way
    dream = novel.text.index("\u68a6", last.start)  # 梦, in the last line
    assert view.ruby_at(dream) == "m\u00e8ng"
    runner.wait()


def test_a_block_of_a_million_characters_is_laid_out_only_where_it_is_seen(qapp):
    """A one-line file: its block is laid out in pieces, a screenful costs what it does
    in a novel, and the text, the offsets and the readings stay the block's own."""
    count = 1_000_000
    tones = ["zhong1", "zhong2", "zhong3", "zhong4"]
    document = build_document("\u4e2d" * count)
    page = PinyinLayout()
    page.set_document(document)
    page.set_readings(lambda index: Readings(tones * (count // 4), [6] * count))
    page.set_pinyin_style(PinyinStyle.NUMBERS)
    page.relayout(400.0)
    page.settle(600.0)
    assert page.laid_out_count <= 2
    assert page.visible_blocks(600.0) == range(0, 1)
    assert page.top_offset(0.0) == 0

    page.set_value(page.content_height() / 2)
    page.settle(600.0)
    assert page.laid_out_count <= 5
    top = page.top_offset(0.0)
    assert count * 0.4 < top < count * 0.6
    pieces = page.visible_pieces(600.0)
    piece = page.piece(pieces[0])
    assert piece.block == 0 and not piece.first
    first_box = page.layout_of(pieces[0]).lines[0].boxes[0]
    assert (first_box.start, first_box.ruby) == (piece.start, tones[piece.start % 4])
    assert page.ruby_at(top) == tones[top % 4]
    assert page.text_between(piece.end - 10, piece.end + 10) == "\u4e2d" * 20


@pytest.mark.parametrize("zoom", [0, 3])
def test_the_seeds_characters_stand_evenly_and_their_readings_never_touch(qtbot, window, zoom):
    """The heading 要经常上网看看 (cháng shàng side by side) and the paragraph of 生产 and
    创新: readings too wide for their room are condensed, the characters never pushed apart."""
    view = pinyin_on(qtbot, window)
    document = window.reader_document
    offsets = [
        find(window, word) for word in ("\u8981\u7ecf\u5e38\u4e0a\u7f51", "\u751f\u4ea7\u7387")
    ]
    for offset in offsets:
        scroll_and_read(qtbot, view, offset)
    session = window.session
    assert session is not None
    page = PinyinLayout()
    page.set_document(document)
    page.set_readings(session.readings.readings)
    page.set_zoom(zoom)
    page.relayout(900.0)
    condensed = 0
    for offset in offsets:
        layout = page.layout_of(page.piece_index(offset))
        fonts = page.fonts(document.blocks[page.piece(page.piece_index(offset)).block])
        measure = fonts.measure_ruby
        for line in layout.lines:
            boxes = line.boxes
            gaps = [after.x - box.x - box.width for box, after in itertools.pairwise(boxes)]
            assert max(gaps) - min(gaps) < 1.0, document.text[line.start : line.end]
            read = [box for box in boxes if box.ruby]
            for box, after in itertools.pairwise(read):
                right = box.x + box.nudge + (box.width + measure(box.ruby) * box.squeeze) / 2
                left = (
                    after.x + after.nudge + (after.width - measure(after.ruby) * after.squeeze) / 2
                )
                assert right < left, (box.ruby, after.ruby)
            condensed += sum(box.squeeze < 1.0 for box in read)
            assert all(box.squeeze >= LEAST_SQUEEZE for box in read)
    assert condensed > 0  # cháng shàng, shēng chǎn: the rule is at work
