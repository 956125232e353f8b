"""The panels give way to the text (issue 11, items 8 and 9), at the sizes readers use: at
960×640 with fresh settings the column keeps a comfortable measure, the annotations panel
is not shown until there is something in it, wide windows keep a readable line, justified
Chinese never spreads apart, and hiding or showing a panel keeps the line being read."""

from __future__ import annotations

from collections import Counter

import pytest

from reader.ui.qt import QtCore
from reader.ui.views.page_style import MEASURE_EMS, MIN_MEASURE_EMS
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.pinyin_view import PinyinView
from reader.ui.views.reading_view import ReadingView
from reader.ui.window.main_window import SECTIONS_WIDTH, MainWindow
from tests.ui.annotations.window_helpers import select_with_mouse, span
from tests.ui.views.pinyin_helpers import pinyin_on, scroll_and_read

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def paragraph_lines(view: ReadingView, offset: int) -> list[str]:
    """The lines of the block holding `offset`, as laid out in the view."""
    block = view.document().findBlock(view.offsets.to_qt(offset))
    view.document().documentLayout().blockBoundingRect(block)
    layout, text = block.layout(), block.text()
    lines = [layout.lineAt(n) for n in range(layout.lineCount())]
    return [text[line.textStart() : line.textStart() + line.textLength()] for line in lines]


def characters_per_line(view: ReadingView, offset: int) -> int:
    """The longest line of the paragraph at `offset` (its first line is indented)."""
    return max(len(line) for line in paragraph_lines(view, offset))


def widest_gap(view: ReadingView, offset: int) -> float:
    """The widest step from one Chinese character to the next in the paragraph at
    `offset`, in ems: 1.0 where nothing is spread apart."""
    block = view.document().findBlock(view.offsets.to_qt(offset))
    view.document().documentLayout().blockBoundingRect(block)
    layout, text = block.layout(), block.text()
    widest = 0.0
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        first, last = line.textStart(), line.textStart() + line.textLength()
        for position in range(first, last - 1):
            pair = text[position : position + 2]
            if all("\u4e00" <= char <= "\u9fff" for char in pair):
                step = line.cursorToX(position + 1)[0] - line.cursorToX(position)[0]
                widest = max(widest, step / view.em())
    return widest


def pinyin_characters_per_line(view: PinyinView, offset: int) -> int:
    """The longest line of the paragraph at `offset` in the pinyin view: its characters
    counted by the line they stand on."""
    end = view.reader_document.text.index("\n", offset)
    rects = [view.character_rect(at) for at in range(offset, end)]
    return max(Counter(round(rect.top()) for rect in rects if not rect.isNull()).values())


def first_paragraph(window: MainWindow) -> int:
    """The article's first paragraph: nine lines of 34 characters in a wide window."""
    return window.reader_document.text.index("据新华社北京")


def test_at_960_by_640_the_column_keeps_its_measure_and_the_empty_panel_stays_closed(
    make_window, seed_path
):
    window = make_window(seed_path, size=(960, 640))
    view = window.reading_view
    assert not window.annotations.dock.isVisible()  # nothing in it yet
    assert window.sections_dock.isVisible()
    assert characters_per_line(view, first_paragraph(window)) >= MIN_MEASURE_EMS
    assert widest_gap(view, first_paragraph(window)) <= 1.1


def test_making_a_highlight_opens_the_panel_and_the_text_keeps_its_measure(
    qtbot, make_window, seed_path
):
    window = make_window(seed_path, size=(960, 640))
    dock = window.annotations.dock
    start, end = span(window, "中共中央政治局常委")
    window.reading_view.scroll_to_offset(start)
    select_with_mouse(qtbot, window, start, end)
    window.annotations.highlight("yellow")
    qtbot.waitUntil(dock.isVisible)
    qtbot.waitUntil(lambda: window.annotations.panel.model.rowCount() > 0)
    view = window.reading_view
    qtbot.waitUntil(lambda: characters_per_line(view, first_paragraph(window)) >= MIN_MEASURE_EMS)
    assert dock.width() >= 200  # the panel is of use, not a sliver

    # The next window, on the same settings and store, opens the document with its panel.
    window.close()
    again = make_window(seed_path, size=(960, 640))
    qtbot.waitUntil(again.annotations.dock.isVisible)


def test_the_reader_closing_the_panel_keeps_it_closed(qtbot, make_window, seed_path):
    window = make_window(seed_path, size=(1400, 900))
    start, end = span(window, "中共中央政治局常委")
    select_with_mouse(qtbot, window, start, end)
    window.annotations.highlight("yellow")
    dock = window.annotations.dock
    qtbot.waitUntil(dock.isVisible)
    dock.close()  # its close button
    window.close()
    again = make_window(seed_path, size=(1400, 900))
    dock = again.annotations.dock
    assert not again.panels.wanted(dock)
    # QMainWindow applies the saved state again at the window's next layout, the panel shown
    # with it, and the room closes it again: that layout, then the room's answer.
    QtCore.QCoreApplication.sendPostedEvents(again, QtCore.QEvent.LayoutRequest)
    qtbot.waitUntil(lambda: not dock.isVisible())
    again.annotations.menus.panel_action.trigger()  # View ▸ Annotations
    assert dock.isVisible()


def test_asked_for_while_empty_the_panel_shows(qtbot, make_window, seed_path):
    window = make_window(seed_path, size=(960, 640))
    window.annotations.menus.panel_action.trigger()
    assert window.annotations.dock.isVisible()
    qtbot.waitUntil(
        lambda: characters_per_line(window.reading_view, first_paragraph(window)) >= MIN_MEASURE_EMS
    )


def test_a_narrow_window_closes_the_tree_for_the_text_and_gives_it_back(
    qtbot, make_window, seed_path
):
    window = make_window(seed_path, size=(960, 640))
    window.resize(560, 640)
    qtbot.waitUntil(lambda: not window.sections_dock.isVisible())
    assert window.panels.closed_for_room(window.sections_dock)
    window.resize(1200, 640)
    qtbot.waitUntil(window.sections_dock.isVisible)

    window.resize(560, 640)  # closed for room when the reader quits ...
    qtbot.waitUntil(lambda: not window.sections_dock.isVisible())
    window.close()
    again = make_window(seed_path, size=(1200, 640))  # ... back at the next start
    assert again.sections_dock.isVisible()


@pytest.mark.parametrize("pinyin", [False, True])
def test_a_wide_window_keeps_a_readable_line_in_the_middle(make_window, seed_path, pinyin):
    window = make_window(seed_path, size=(2400, 1200))
    if pinyin:
        window.pinyin.all_action.trigger()
    view = window.shown_view()
    offset = first_paragraph(window)
    rect = view.range_rect(offset, offset + 1)
    line_end = view.range_rect(offset + 20, offset + 21)
    window_centre = view.mapTo(window, view.rect().center()).x()
    column_left = view.viewport().mapTo(window, rect.topLeft()).x()
    # The column is at most the measure (a pinyin line's characters stand wider apart).
    widest = (MEASURE_EMS + 8) * view.em() * (1.6 if pinyin else 1.0)
    assert (window_centre - column_left) * 2 <= widest
    assert line_end.left() > rect.left()
    assert view.width() > widest  # there is room to spare, and it is left as margins


@pytest.mark.parametrize("hide", ["annotations", "sections"])
def test_hiding_or_showing_a_panel_keeps_the_line_at_the_top(qtbot, make_window, seed_path, hide):
    window = make_window(seed_path, size=(960, 640))
    window.annotations.menus.panel_action.trigger()  # both panels beside the text
    qtbot.wait(20)
    view = window.reading_view
    document = window.reader_document
    section = document.root.children[2]
    middle = document.text.index("。", section.start + 200) + 1
    view.scroll_to_offset(middle)
    top = view.top_offset()
    action = (
        window.annotations.menus.panel_action if hide == "annotations" else window.sections_action
    )
    for _ in range(2):  # hidden, then shown again
        action.trigger()
        qtbot.wait(20)
        line = view.top_offset()
        assert line <= top < line + len(paragraph_lines(view, top)[0]) + 2
    assert view.top_offset() == top  # back where it was, not a line off
    assert window.section_tree.current_section() is document.section_at(top)


def test_in_the_pinyin_view_too_a_panel_keeps_the_line_at_the_top(qtbot, make_window, seed_path):
    window = make_window(seed_path, size=(960, 640))
    window.pinyin.all_action.trigger()
    view = window.pinyin.view
    document = window.reader_document
    middle = document.text.index("。", document.root.children[2].start + 200) + 1
    view.scroll_to_offset(middle)
    top = view.top_offset()
    window.sections_action.trigger()  # hidden: the column widens
    qtbot.wait(20)
    assert view.top_offset() <= top < view.top_offset() + 60
    window.sections_action.trigger()  # shown again
    qtbot.wait(20)
    assert view.top_offset() == top
    assert window.section_tree.current_section() is document.section_at(top)


def highlight_a_word(qtbot, window: MainWindow) -> None:
    """A highlight made in the plain view: the annotations panel asks for itself."""
    start, end = span(window, "中共中央政治局常委")
    window.reading_view.scroll_to_offset(start)
    select_with_mouse(qtbot, window, start, end)
    window.annotations.highlight("yellow")
    qtbot.waitUntil(window.annotations.dock.isVisible)


@pytest.mark.parametrize("highlight", [False, True])
def test_at_960_by_640_the_pinyin_view_keeps_its_measure_too(
    qtbot, make_window, seed_path, highlight
):
    window = make_window(seed_path, size=(960, 640))
    dock = window.annotations.dock
    if highlight:
        highlight_a_word(qtbot, window)
    offset = first_paragraph(window)
    view = pinyin_on(qtbot, window)  # View ▸ Pinyin ▸ All Words
    scroll_and_read(qtbot, view, offset)
    qtbot.waitUntil(lambda: pinyin_characters_per_line(view, offset) >= MIN_MEASURE_EMS)
    # Its characters stand a step apart, wider than an em: the panels give it more room.
    assert window.sections_dock.isVisible()
    assert window.sections_dock.width() < SECTIONS_WIDTH
    assert not dock.isVisible()
    assert window.panels.closed_for_room(dock) == highlight

    # Back in the plain view the panel closed for room comes back beside the text.
    window.pinyin.off_action.trigger()
    qtbot.waitUntil(lambda: dock.isVisible() == highlight)
    plain = window.reading_view
    qtbot.waitUntil(lambda: characters_per_line(plain, offset) >= MIN_MEASURE_EMS)
    if not highlight:
        return
    # The next start, in the pinyin view, gives the text its room before the panel its.
    window.pinyin.all_action.trigger()
    window.close()
    again = make_window(seed_path, size=(960, 640))
    view = again.pinyin.view
    assert again.pinyin.showing_pinyin
    scroll_and_read(qtbot, view, offset)
    qtbot.waitUntil(lambda: pinyin_characters_per_line(view, offset) >= MIN_MEASURE_EMS)
    assert not again.annotations.dock.isVisible()
    assert again.panels.closed_for_room(again.annotations.dock)


def test_larger_pinyin_closes_the_tree_for_the_text_and_smaller_gives_it_back(
    qtbot, make_window, seed_path
):
    window = make_window(seed_path, size=(960, 640))
    view = pinyin_on(qtbot, window)
    offset = first_paragraph(window)
    step = view.comfortable_width()
    window.pinyin.size_actions[RubySize.LARGE].trigger()  # View ▸ Pinyin ▸ Large Pinyin
    assert view.comfortable_width() > step  # a wider step for the wider readings
    scroll_and_read(qtbot, view, offset)
    qtbot.waitUntil(lambda: not window.sections_dock.isVisible())
    assert window.panels.closed_for_room(window.sections_dock)
    qtbot.waitUntil(lambda: pinyin_characters_per_line(view, offset) >= MIN_MEASURE_EMS)
    window.pinyin.size_actions[RubySize.MEDIUM].trigger()
    qtbot.waitUntil(window.sections_dock.isVisible)


def test_zooming_in_the_pinyin_view_narrows_the_panels_for_the_text(qtbot, make_window, seed_path):
    window = make_window(seed_path, size=(1200, 700))
    window.annotations.menus.panel_action.trigger()  # both panels beside the text
    view = pinyin_on(qtbot, window)
    offset = first_paragraph(window)
    qtbot.waitUntil(lambda: view.width() >= view.comfortable_width())
    before = window.sections_dock.width() + window.annotations.dock.width()
    for _ in range(3):
        window.zoom_in_action.trigger()  # View ▸ Zoom In
    scroll_and_read(qtbot, view, offset)
    qtbot.waitUntil(lambda: pinyin_characters_per_line(view, offset) >= MIN_MEASURE_EMS)
    panels = [window.sections_dock, window.annotations.dock]
    assert sum(dock.width() for dock in panels if dock.isVisible()) < before
    assert view.width() >= view.comfortable_width()
