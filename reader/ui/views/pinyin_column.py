"""The pinyin view's text column: how wide it is in a viewport, and how wide a viewport must
be for a comfortable line.

A character of the pinyin view stands in a step (reader.ui.views.pinyin_fonts), not an em:
its reading needs the room. So the column is measured in steps: a whole number of them, so
that a line of Chinese fills it without being spread, at most the page's measure of them; and the
side panels give way until it holds MIN_MEASURE_EMS of them, as the reading view's column
holds that many ems.
"""

from __future__ import annotations

import math

from reader.ui.views.page_style import MIN_MEASURE_EMS, page


def column(available: float, em: float, step: float) -> tuple[float, float]:
    """The column's left edge and width in a viewport `available` pixels wide."""
    chosen = page()
    usable = min(chosen.measure * step, available - 2 * chosen.margins * em)
    usable = max(em, step * math.floor(usable / step) if usable > step else usable)
    return (available - usable) / 2, usable


def comfortable_viewport(em: float, step: float) -> int:
    """The least viewport whose column holds MIN_MEASURE_EMS characters a line."""
    # A pixel over: `column` floors to whole steps, and a rounding error would make 24 23.
    return math.ceil(MIN_MEASURE_EMS * step + 2 * page().margins * em) + 1
