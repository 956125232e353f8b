"""The pinyin view's column in its steps: whole steps, at most MEASURE_EMS of them, and the
viewport the panels make room for holds MIN_MEASURE_EMS of them."""

from __future__ import annotations

import math

import pytest

from reader.ui.views.page_style import MEASURE_EMS, MIN_MEASURE_EMS
from reader.ui.views.pinyin_column import column, comfortable_viewport


@pytest.mark.parametrize(("em", "step"), [(17.0, 26.4), (19.0, 31.2), (13.0, 15.0), (22.7, 36.0)])
def test_the_comfortable_viewport_holds_the_least_measure_and_no_more(em, step):
    width = comfortable_viewport(em, step)
    left, usable = column(width, em, step)
    assert math.floor(usable / step + 1e-9) >= MIN_MEASURE_EMS
    assert left >= 0
    _, narrower = column(width - 2, em, step)
    assert narrower / step < MIN_MEASURE_EMS


def test_a_wide_viewport_keeps_the_measure_in_the_middle():
    left, usable = column(3000.0, 17.0, 26.4)
    assert usable == pytest.approx(MEASURE_EMS * 26.4)
    assert left == pytest.approx((3000.0 - usable) / 2)


def test_the_column_is_whole_steps_so_a_line_of_chinese_fills_it():
    for available in range(300, 1200, 37):
        _, usable = column(float(available), 17.0, 26.4)
        assert usable / 26.4 == pytest.approx(round(usable / 26.4))
