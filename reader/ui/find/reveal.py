"""A match brought into view: left where it is if the reader can see it with a line or two
around it, else scrolled to a third of the way down, with the lines before it above it (the
sentence it belongs to starts there), never at the very top edge."""

from __future__ import annotations

from reader.ui.views.text_surface import TextSurface

MARGIN_LINES = 2
"""Lines a match needs above and below it, inside the viewport, to count as in view."""
FROM_TOP = 3
"""A match scrolled to is put this fraction (1/3) of the viewport's height down."""


def in_view(view: TextSurface, start: int, end: int) -> bool:
    rect = view.range_rect(start, end)
    if rect.isEmpty():  # the pinyin view has not laid it out: far from the viewport
        return False
    line = rect.height() if rect.height() < view.viewport().height() // 4 else 0
    margin = MARGIN_LINES * line
    return rect.top() >= margin and rect.bottom() <= view.viewport().height() - margin


def reveal(view: TextSurface, start: int, end: int) -> bool:
    """Bring `[start, end)` into `view`; True if the view moved."""
    if in_view(view, start, end):
        return False
    bar = view.verticalScrollBar()
    before = bar.value()
    view.scroll_to_offset(start)
    bar.setValue(bar.value() - view.viewport().height() // FROM_TOP)
    return bar.value() != before
