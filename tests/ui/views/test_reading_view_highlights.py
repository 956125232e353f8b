"""Highlights painted into the page: backgrounds where they are, nowhere else, overlaps."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from reader.document import build_document
from reader.store import HIGHLIGHT_RGB, AnnotationSet, edited, new_annotation
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.highlight_colours import note_colour
from reader.ui.views.reading_view_highlights import HighlightPainter

TEXT = "标题\n\n第一段有一个𠀀字,后面还有很多很多字。\n\n第二段也说了一件事,说完了。"


@pytest.fixture
def document():
    return build_document(TEXT)


@pytest.fixture
def view(show_in_view, document):
    return show_in_view(document, (700, 500))


@pytest.fixture
def shown(view) -> AnnotationSet:
    """The window's annotation set, with a painter following it into the view's page."""
    annotations = AnnotationSet()
    HighlightPainter(view, annotations)
    return annotations


def span(document, quote: str) -> tuple[int, int]:
    start = document.text.index(quote)
    return start, start + len(quote)


def make(document, quote: str, colour: str = "yellow", later: int = 0, note: str = ""):
    """A highlight of `quote`; `later` seconds after the others, so it lies on top."""
    start, end = span(document, quote)
    annotation = new_annotation(1, document.text, start, end, colour=colour, note=note)
    return replace(annotation, created=annotation.created + timedelta(seconds=later))


def char_format(view, offset: int) -> QtGui.QTextCharFormat:
    """The format of the character at `offset`, as the page holds it."""
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset + 1))
    return cursor.charFormat()


def background(view, offset: int) -> str | None:
    brush = char_format(view, offset).background()
    return None if brush.style() == QtCore.Qt.NoBrush else brush.color().name()


def test_a_highlight_paints_its_characters_and_no_others(view, document, shown):
    annotation = make(document, "𠀀字,后面")
    shown.replace(document, [annotation])
    for offset in range(annotation.start, annotation.end):
        assert background(view, offset) == HIGHLIGHT_RGB["yellow"]
    assert background(view, annotation.start - 1) is None
    assert background(view, annotation.end) is None


def test_painting_keeps_the_page_style_and_adds_no_undo(view, document, shown):
    title_weight = char_format(view, 0).fontWeight()
    shown.replace(document, [make(document, "标题")])
    assert char_format(view, 0).fontWeight() == title_weight
    assert background(view, 0) == HIGHLIGHT_RGB["yellow"]
    assert not view.document().isUndoAvailable()
    assert not view.document().isUndoRedoEnabled()


def test_the_later_highlight_is_on_top_and_removing_it_shows_the_one_below(view, document, shown):
    below = make(document, "第二段也说了一件事", "green")
    above = make(document, "说了一件事,说完", "red", later=5)
    shown.replace(document, [above, below])
    overlap = document.text.index("一件事", below.start)
    assert background(view, overlap) == HIGHLIGHT_RGB["red"]
    assert background(view, below.start) == HIGHLIGHT_RGB["green"]
    assert [a.id for a in shown.at(overlap)] == [below.id, above.id]

    shown.remove(above.id)
    assert background(view, overlap) == HIGHLIGHT_RGB["green"]
    assert background(view, above.end - 1) is None
    shown.remove(below.id)
    assert background(view, overlap) is None
    assert shown.at(overlap) == []


def test_a_note_underlines_its_highlight(view, document, shown):
    plain = make(document, "第一段")
    noted = make(document, "很多很多", "blue", note="这里重复了")
    shown.replace(document, [plain, noted])
    assert char_format(view, noted.start).underlineStyle() != QtGui.QTextCharFormat.NoUnderline
    assert char_format(view, noted.start).underlineColor() == note_colour("blue")
    assert char_format(view, plain.start).underlineStyle() == QtGui.QTextCharFormat.NoUnderline
    shown.put(edited(noted, note=""))
    assert char_format(view, noted.start).underlineStyle() == QtGui.QTextCharFormat.NoUnderline
    assert background(view, noted.start) == HIGHLIGHT_RGB["blue"]


def test_a_changed_highlight_is_painted_anew_where_it_now_is(view, document, shown):
    annotation = make(document, "第一段")
    shown.replace(document, [annotation])
    purple = edited(annotation, colour="purple")
    shown.put(purple)
    assert background(view, annotation.start) == HIGHLIGHT_RGB["purple"]
    start, end = span(document, "说完了")
    shown.put(replace(purple, start=start, end=end))
    assert background(view, annotation.start) is None
    assert background(view, start) == HIGHLIGHT_RGB["purple"]


def test_orphans_are_not_painted(view, document, shown):
    orphan = replace(make(document, "第一段"), orphan=True)
    shown.replace(document, [orphan])
    assert background(view, orphan.start) is None
    assert shown.at(orphan.start) == []


def test_showing_all_again_clears_what_was_shown(view, document, shown):
    first = make(document, "第一段")
    shown.replace(document, [first])
    shown.replace(document, [make(document, "第二段")])
    assert background(view, first.start) is None


def point_of(view, offset: int) -> QtCore.QPoint:
    """The middle of the character at `offset`, in viewport coordinates."""
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset))
    left = view.cursorRect(cursor)
    cursor.setPosition(view.offsets.to_qt(offset + 1))
    right = view.cursorRect(cursor)
    return QtCore.QPoint((left.left() + right.left()) // 2, left.center().y())


def test_the_character_under_the_mouse_is_found_past_an_astral_character(view, document):
    for quote in ("第", "𠀀", "字", "后", "完"):
        offset = document.text.index(quote)
        assert view.offset_at(point_of(view, offset)) == offset


def test_no_character_is_found_in_the_margins(view, document):
    first_line = point_of(view, document.text.index("第一段"))
    assert view.offset_at(QtCore.QPoint(2, first_line.y())) is None
    last = document.text.index("了。")
    end = point_of(view, last + 1)
    assert view.offset_at(QtCore.QPoint(end.x() + 40, end.y())) is None
