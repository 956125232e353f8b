"""The reading view: the document's own text, set as a page, scrolled by offset."""

from __future__ import annotations

import pytest

from reader.document import BlockKind, build_document, open_document
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.page_style import MEASURE_EMS, PADDING_EMS
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.reading_view_page import build_page


@pytest.fixture
def seed(seed_path):
    return open_document(seed_path)


@pytest.fixture
def view(show_in_view, seed):
    return show_in_view(seed, (900, 700))


def text_block(view, number):
    block = view.document().findBlockByNumber(number)
    view.document().documentLayout().blockBoundingRect(block)  # lays it out
    return block


def glyph_font(view, number) -> QtGui.QRawFont:
    """The font Qt actually drew the block's first characters with."""
    return text_block(view, number).layout().glyphRuns(0, 2)[0].rawFont()


def char_format(view, number) -> QtGui.QTextCharFormat:
    cursor = QtGui.QTextCursor(text_block(view, number))
    cursor.movePosition(QtGui.QTextCursor.NextCharacter)
    return cursor.charFormat()


def first(seed, kind, level=None):
    return next(
        n
        for n, b in enumerate(seed.blocks)
        if b.kind is kind and (level is None or b.level == level)
    )


def test_each_block_is_one_text_block_with_the_same_characters(view, seed):
    page = view.document()
    assert page.blockCount() == len(seed.blocks)
    for number, block in enumerate(seed.blocks):
        shown = page.findBlockByNumber(number)
        assert shown.position() == view.offsets.to_qt(block.start)
        assert shown.length() - 1 == view.offsets.to_qt(block.end) - view.offsets.to_qt(block.start)
    raw = page.toRawText().replace("\u2029", "\n").replace("\u2028", "\n").replace("\t", "\n")
    assert raw == seed.text


def test_line_breaks_inside_a_block_stay_inside_it(view, seed):
    two_line_heading = next(
        n
        for n, b in enumerate(seed.blocks)
        if b.kind is BlockKind.HEADING and "\n" in seed.block_text(b)
    )
    shown = text_block(view, two_line_heading)
    assert "\u2028" in shown.text()
    assert shown.layout().lineCount() == 2


def test_list_items_set_name_and_role_in_two_columns(view, seed):
    numbers = [n for n, b in enumerate(seed.blocks) if b.kind is BlockKind.LIST_ITEM]
    assert len(numbers) >= 2
    role_starts = set()
    for number in numbers:
        shown = text_block(view, number)
        name, role = seed.block_text(seed.blocks[number]).split("\n")
        assert shown.text() == f"{name}\t{role}"
        line = shown.layout().lineAt(0)
        role_starts.add(round(line.cursorToX(len(name) + 1)[0]))
    assert len(role_starts) == 1  # every role starts in the same column
    assert char_format(view, numbers[0]).fontWeight() > QtGui.QFont.Normal


def test_the_page_reads_like_a_newspaper(view, seed):
    size = {
        name: glyph_font(view, number).pixelSize()
        for name, number in {
            "title": first(seed, BlockKind.TITLE),
            "deck": first(seed, BlockKind.SUBTITLE),
            "heading1": first(seed, BlockKind.HEADING, 1),
            "heading2": first(seed, BlockKind.HEADING, 2),
            "paragraph": first(seed, BlockKind.PARAGRAPH),
            "caption": first(seed, BlockKind.CAPTION),
            "source": first(seed, BlockKind.SOURCE),
        }.items()
    }
    assert size["title"] > size["heading1"] > size["heading2"] >= size["paragraph"]
    assert size["title"] > size["deck"] > size["paragraph"]
    assert size["caption"] < size["paragraph"]
    assert size["source"] < size["paragraph"]
    assert char_format(view, first(seed, BlockKind.TITLE)).fontWeight() >= QtGui.QFont.Bold
    muted = char_format(view, first(seed, BlockKind.CAPTION)).foreground().color()
    ink = char_format(view, first(seed, BlockKind.PARAGRAPH)).foreground().color()
    assert muted.lightness() > ink.lightness()
    source = text_block(view, first(seed, BlockKind.SOURCE))
    assert source.blockFormat().alignment() & QtCore.Qt.AlignRight
    heading = text_block(view, first(seed, BlockKind.HEADING, 1))
    assert heading.blockFormat().topMargin() > 0
    paragraph = text_block(view, first(seed, BlockKind.PARAGRAPH))
    proportional = QtGui.QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert paragraph.blockFormat().lineHeightType() == proportional
    assert paragraph.blockFormat().lineHeight() > 100


def test_chinese_is_drawn_with_a_simplified_chinese_face(view, seed):
    family = glyph_font(view, first(seed, BlockKind.PARAGRAPH)).familyName()
    assert family.endswith("SC") or family in {"Microsoft YaHei", "PingFang SC", "SimSun"}


def test_the_text_column_is_limited_and_centred(qtbot, view):
    view.resize(1600, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < 1500)
    column = view.viewport().geometry()
    assert column.width() <= round((MEASURE_EMS + 2 * PADDING_EMS) * view.em()) + 1
    assert abs(column.center().x() - view.rect().center().x()) <= view.verticalScrollBar().width()
    view.resize(420, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < 420)
    assert view.lineWrapColumnOrWidth() == view.viewport().width()


def test_scrolling_to_an_offset_puts_its_line_at_the_top(view, seed):
    section = seed.root.children[3]
    view.scroll_to_offset(section.start)
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(section.start))
    assert abs(view.cursorRect(cursor).top() - view.top_gap()) <= 2
    assert seed.section_at(view.top_offset()) is section


def test_the_top_offset_follows_the_scroll_bar(qtbot, view, seed):
    with qtbot.waitSignal(view.top_offset_changed) as moved:
        view.verticalScrollBar().setValue(round(view.line_top(seed.root.children[1].start)))
    assert seed.section_at(moved.args[0]) is seed.root.children[1]


def test_the_offset_scrolled_to_is_the_top_offset_until_the_page_moves(qtbot, view, seed):
    """A place inside a line is kept as it is, not moved back to its line's start (each
    round through the pinyin view or a restart would otherwise move it a line up)."""
    paragraph = seed.blocks[first(seed, BlockKind.PARAGRAPH)]
    inside = paragraph.start + 30
    view.scroll_to_offset(inside)
    assert view.top_offset() == inside
    view.scroll_to_offset(inside)
    assert view.top_offset() == inside
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 1)
    assert view.top_offset() < inside  # now the start of the line at the top
    assert seed.section_at(view.top_offset()) is seed.section_at(inside)


def test_an_offset_too_near_the_end_gives_the_top_the_view_reaches(view, seed):
    last_word = len(seed.text) - 2
    view.scroll_to_offset(last_word)
    bar = view.verticalScrollBar()
    assert bar.value() == bar.maximum()
    assert view.top_offset() < last_word


@pytest.mark.parametrize("key", [QtCore.Qt.Key_PageDown, QtCore.Qt.Key_Space])
def test_keys_scroll_the_view(qtbot, view, key):
    """Down moves the caret (tests/ui/views/test_caret_keys.py) and scrolls only below the
    last line shown; these scroll at once."""
    view.setFocus()
    with qtbot.waitSignal(view.top_offset_changed):
        qtbot.keyClick(view, key)
    assert view.verticalScrollBar().value() > 0


def test_the_wheel_scrolls_over_the_side_margins_too(qtbot, view):
    view.resize(1400, 700)
    qtbot.waitUntil(lambda: view.viewportMargins().left() > 20)
    point = QtCore.QPointF(5, 300)
    QtCore.QCoreApplication.sendEvent(view, wheel(view, point, -120))
    assert view.verticalScrollBar().value() > 0


def test_zoom_changes_the_text_size_and_keeps_the_place(view, seed):
    number = first(seed, BlockKind.PARAGRAPH)
    normal = glyph_font(view, number).pixelSize()
    section = seed.root.children[2]
    view.scroll_to_offset(section.start)
    view.zoom_in()
    view.zoom_in()
    assert view.zoom() == 2
    assert glyph_font(view, number).pixelSize() > normal
    assert seed.section_at(view.top_offset()) is section
    view.zoom_out()
    view.zoom_out()
    view.zoom_out()
    assert glyph_font(view, number).pixelSize() < normal
    view.reset_zoom()
    assert glyph_font(view, number).pixelSize() == normal


def test_the_view_is_read_only_and_opens_no_links(view):
    assert view.isReadOnly()
    assert not view.openLinks()
    assert not view.openExternalLinks()


def test_blocks_that_do_not_tile_the_text_are_refused(seed):
    broken = build_document("标题\n\n正文。")
    broken.blocks.append(broken.blocks[-1])
    with pytest.raises(ValueError, match="tile"):
        build_page(broken, 16.0)


def test_a_novel_opens_as_one_block_per_paragraph(qtbot, shared_data):
    novel = open_document(shared_data / "novels" / "hongloumeng.txt")
    view = ReadingView()
    qtbot.addWidget(view)
    view.set_reader_document(novel)
    view.show()
    qtbot.waitExposed(view)
    assert view.document().blockCount() == len(novel.blocks)
    assert view.offsets.qt_length == view.document().characterCount() - 1
    last = list(novel.sections())[-1]
    view.scroll_to_offset(last.start)
    assert view.verticalScrollBar().value() > 0


def wheel(view, point: QtCore.QPointF, delta: int, modifiers=QtCore.Qt.NoModifier):
    return QtGui.QWheelEvent(
        point,
        view.mapToGlobal(point),
        QtCore.QPoint(),
        QtCore.QPoint(0, delta),
        QtCore.Qt.NoButton,
        modifiers,
        QtCore.Qt.NoScrollPhase,
        False,
    )


def test_ctrl_and_the_wheel_zoom_in_whole_steps(view):
    centre = QtCore.QPointF(view.viewport().rect().center())
    QtCore.QCoreApplication.sendEvent(
        view.viewport(), wheel(view, centre, 120, QtCore.Qt.ControlModifier)
    )
    assert view.zoom() == 1
    for _ in range(3):
        QtCore.QCoreApplication.sendEvent(
            view.viewport(), wheel(view, centre, -60, QtCore.Qt.ControlModifier)
        )
    assert view.zoom() == 0
    assert view.verticalScrollBar().value() == 0


def test_a_line_without_break_opportunities_wraps_anywhere_and_scrolls(qtbot, seed):
    """A file of one line of 200,000 `[`: Qt would look for a break at every line (minutes)."""
    line = build_document("[" * 200_000)
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.set_reader_document(line)
    view.show()
    qtbot.waitExposed(view)
    assert view.wordWrapMode() == QtGui.QTextOption.WrapAnywhere
    assert view.top_offset() == 0 and view.caret_offset() == 0
    layout = text_block(view, 0).layout()
    assert layout.lineCount() > 1000
    assert layout.lineAt(0).naturalTextWidth() <= view.lineWrapColumnOrWidth()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert 0 < view.top_offset() < len(line.text)
    assert view.top_offset() == layout.lineForTextPosition(view.top_offset()).textStart()

    view.set_reader_document(seed)
    assert view.wordWrapMode() == QtGui.QTextOption.WrapAtWordBoundaryOrAnywhere
    assert view.document().blockCount() == len(seed.blocks)


@pytest.mark.parametrize("kind", ["seed", "one long line"])
def test_a_page_set_before_the_view_is_shown_keeps_its_width_on_showing(qtbot, seed, kind):
    document = seed if kind == "seed" else build_document("a" * 100_000)
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(500, 600)
    view.set_reader_document(document)
    width = view.lineWrapColumnOrWidth()
    view.show()
    qtbot.waitExposed(view)
    assert view.lineWrapColumnOrWidth() == width
    assert view.viewport().width() == width
    assert view.verticalScrollBarPolicy() == QtCore.Qt.ScrollBarAsNeeded
    assert view.verticalScrollBar().isVisible()


def test_the_column_keeps_its_width_while_widgets_around_the_view_settle(qtbot, view):
    width = view.lineWrapColumnOrWidth()
    with view.measure_kept():
        view.resize(300, 700)
        assert view.lineWrapColumnOrWidth() == width
        view.resize(900, 700)
    assert view.lineWrapColumnOrWidth() == width
    with view.measure_kept():
        view.resize(300, 700)
    assert view.lineWrapColumnOrWidth() == view.viewport().width() < width
