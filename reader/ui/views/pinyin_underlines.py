"""The pinyin view's underlines of the words a learner does not know (reader.ui.views.
status_marks): one a word a line, from its first box there to its last, short of the word's
ends by a gap so that two new words read as two.

Made per piece in the piece's own coordinates and kept while the piece's layout and its
marks are the same (the marks' source gives the same list while the statuses there stay
the same), so that a scroll paints them with a few calls a line instead of working out
every box again.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.ui.qt import QtCore
from reader.ui.views.pinyin_fonts import RubyFonts
from reader.ui.views.ruby_layout import BlockLayout, Line
from reader.ui.views.status_marks import GAP_EMS, THICKNESS_EMS, WordMark

if TYPE_CHECKING:
    from reader.store import Status

LineUnderlines = dict["Status", list[QtCore.QRectF]]
"""One line's underlines by the status they show, in the piece's coordinates."""
KEPT_PIECES = 256
"""Pieces whose underlines are kept: a few screens' worth."""


def text_baseline(fonts: RubyFonts) -> float:
    """The characters' baseline below a line's top."""
    return fonts.ruby_band + (fonts.text_band - fonts.metrics.height()) / 2 + fonts.metrics.ascent()


class PieceUnderlines:
    """The underlines of the pieces painted, kept until their layout or marks change."""

    def __init__(self) -> None:
        self._kept: dict[int, PieceLines] = {}

    def of(
        self, index: int, layout: BlockLayout, marks: Sequence[WordMark], fonts: RubyFonts
    ) -> PieceLines:
        """Piece `index`'s underlines, line by line as laid out in `layout`."""
        kept = self._kept.get(index)
        if kept is not None and kept.layout is layout and kept.marks is marks:
            return kept
        if len(self._kept) >= KEPT_PIECES:
            self._kept.clear()
        made = self._kept[index] = PieceLines(layout, marks, fonts)
        return made


class PieceLines:
    """One piece's underlines, each line's made when first painted (a piece may reach far
    below the view)."""

    def __init__(self, layout: BlockLayout, marks: Sequence[WordMark], fonts: RubyFonts) -> None:
        self.layout, self.marks = layout, marks
        self._ends = [mark.end for mark in marks]
        self._below = text_baseline(fonts) + fonts.metrics.descent() * 0.55
        self._thickness = max(1.0, round(THICKNESS_EMS * fonts.em))
        self._gap = GAP_EMS * fonts.em
        self._lines: dict[int, LineUnderlines] = {}

    def line(self, number: int) -> LineUnderlines:
        """The underlines of line `number` of the layout, by status."""
        made = self._lines.get(number)
        if made is None:
            made = self._lines[number] = self._make(self.layout.lines[number])
        return made

    def _make(self, line: Line) -> LineUnderlines:
        """A word's boxes are those starting inside it: its underline runs from the first
        of them on the line to the last."""
        made: LineUnderlines = {}
        boxes = line.boxes
        if not boxes:
            return made
        starts = [box.start for box in boxes]
        gap, top, last_end = self._gap, line.y + self._below, boxes[-1].end
        marks = self.marks
        for number in range(bisect.bisect_right(self._ends, starts[0]), len(marks)):
            mark = marks[number]
            if mark.start >= last_end:
                break
            first = bisect.bisect_left(starts, mark.start)
            last = bisect.bisect_left(starts, mark.end, lo=first) - 1
            if last < first:
                continue
            left_box, right_box = boxes[first], boxes[last]
            left = left_box.x + (gap if left_box.start == mark.start else 0.0)
            right = right_box.x + right_box.width - (gap if right_box.end >= mark.end else 0.0)
            rect = QtCore.QRectF(left, top, right - left, self._thickness)
            made.setdefault(mark.status, []).append(rect)
        return made
