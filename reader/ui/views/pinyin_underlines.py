"""The pinyin view's underlines of the words a learner does not know (reader.ui.views.
status_marks): one a word a line, from its first box there to its last, short of the word's
ends by a gap so that two new words read as two.

Made per piece in the piece's own coordinates and kept while the piece's layout and its
marks are the same (the marks' source gives the same list while the statuses there stay
the same), so that a scroll paints them with a few calls a line instead of working out
every box again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.ui.qt import QtCore
from reader.ui.views.pinyin_fonts import RubyFonts
from reader.ui.views.ruby_layout import BlockLayout
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
        self._kept: dict[int, tuple[BlockLayout, Sequence[WordMark], list[LineUnderlines]]] = {}

    def of(
        self, index: int, layout: BlockLayout, marks: Sequence[WordMark], fonts: RubyFonts
    ) -> list[LineUnderlines]:
        """Piece `index`'s underlines, line by line, as laid out in `layout`."""
        kept = self._kept.get(index)
        if kept is not None and kept[0] is layout and kept[1] is marks:
            return kept[2]
        made = _underlines(layout, marks, fonts)
        if len(self._kept) >= KEPT_PIECES:
            self._kept.clear()
        self._kept[index] = (layout, marks, made)
        return made


def _underlines(
    layout: BlockLayout, marks: Sequence[WordMark], fonts: RubyFonts
) -> list[LineUnderlines]:
    by_offset: dict[int, WordMark] = {}
    for mark in marks:
        by_offset.update(dict.fromkeys(range(mark.start, mark.end), mark))
    below = text_baseline(fonts) + fonts.metrics.descent() * 0.55
    thickness, gap = max(1.0, round(THICKNESS_EMS * fonts.em)), GAP_EMS * fonts.em
    lines = []
    for line in layout.lines:
        made: LineUnderlines = {}
        boxes = line.boxes
        run_left: float | None = None
        for number, box in enumerate(boxes):
            word = by_offset.get(box.start)
            if word is None:
                continue
            if run_left is None:
                run_left = box.x + (gap if box.start == word.start else 0.0)
            after = boxes[number + 1].start if number + 1 < len(boxes) else -1
            if by_offset.get(after) is not word:
                right = box.x + box.width - (gap if box.end >= word.end else 0.0)
                rect = QtCore.QRectF(run_left, line.y + below, right - run_left, thickness)
                made.setdefault(word.status, []).append(rect)
                run_left = None
        lines.append(made)
    return lines
