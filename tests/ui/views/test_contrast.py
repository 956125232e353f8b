"""WCAG contrast, and a colour moved in lightness until it stands out enough."""

from __future__ import annotations

import pytest

from reader.ui.views.contrast import contrast, readable


def test_contrast_is_wcags():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#000000") == contrast("#000000", "#ffffff")


@pytest.mark.parametrize("background", ["#ffffff", "#f4ecd8", "#1e1f22", "#000000"])
def test_readable_moves_a_colour_only_as_far_as_needed(background):
    orange = "#d89000"
    moved = readable(orange, background, 3.0)
    assert contrast(moved, background) >= 3.0
    assert readable(moved, background, 3.0) == moved
    assert readable("#1510f0", "#ffffff", 3.0) == "#1510f0"  # already readable: unchanged
