"""A find's marks in the plain view: only the matches in view become ExtraSelections (20,000
of them would cost seconds), made again as the page scrolls; the hovered word's mark and the
current match are drawn with them."""

from __future__ import annotations

from reader.document import build_document
from reader.ui.views.page_style import LIGHT

FOUND_COLOUR, FOUND_CURRENT_COLOUR = LIGHT.found, LIGHT.found_current
MARK_COLOUR, SELECTION_COLOUR, PAPER = LIGHT.mark, LIGHT.selection, LIGHT.paper

PARAGRAPH = "贾宝玉说道：林妹妹来了。" * 4


def _colours(view) -> list[str]:
    return [selection.format.background().color().name() for selection in view.extraSelections()]


def test_only_the_matches_near_the_view_are_made_into_selections(show_in_view):
    document = build_document("\n".join([PARAGRAPH] * 5_000))
    text = document.text
    spans, at = [], text.find("宝玉")
    while at >= 0:
        spans.append((at, at + 2))
        at = text.find("宝玉", at + 2)
    assert len(spans) == 20_000
    view = show_in_view(document, (600, 400))

    view.set_found(spans, 1)

    colours = _colours(view)
    assert 0 < len(colours) < 500
    assert colours.count(FOUND_CURRENT_COLOUR) == 1
    assert set(colours) == {FOUND_COLOUR, FOUND_CURRENT_COLOUR}

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top, bottom = view.visible_range()
    marked = [s.cursor.selectionStart() for s in view.extraSelections()]
    assert 0 < len(marked) < 500
    assert any(top <= view.offsets.from_qt(position) <= bottom for position in marked)
    assert FOUND_CURRENT_COLOUR not in _colours(view)  # the current one is far above

    view.set_found([], None)
    assert view.extraSelections() == []


def test_the_hovered_word_is_marked_between_the_matches_and_the_current_one(show_in_view):
    document = build_document(PARAGRAPH)
    view = show_in_view(document, (600, 400))
    view.set_found([(1, 3), (13, 15)], 0)

    view.set_marked((6, 8))
    assert _colours(view) == [FOUND_COLOUR, MARK_COLOUR, FOUND_CURRENT_COLOUR]

    view.set_marked(None)
    assert _colours(view) == [FOUND_COLOUR, FOUND_CURRENT_COLOUR]
    view.set_found([], None)
    view.set_marked((6, 8))
    assert _colours(view) == [MARK_COLOUR]
