"""Every theme's colours readable where they are painted: text over each highlight (4.5, as
WCAG asks of body text) and tone-coloured pinyin on the page and the pop-up (3; 4.5 on dark
paper), the page's own inks on its paper, and find's current match apart from the others."""

from __future__ import annotations

import math

import pytest

from reader.store import COLOURS
from reader.ui.lookup.popup_colours import POPUP_COLOURS
from reader.ui.views.contrast import contrast, luminance
from reader.ui.views.highlight_colours import highlight_rgb
from reader.ui.views.page_style import THEMES, set_theme
from reader.ui.views.tone_colours import ToneColours


@pytest.fixture(params=list(THEMES))
def theme_named(request):
    chosen = THEMES[request.param]
    set_theme(chosen)
    yield chosen
    set_theme(THEMES["light"])


def test_text_over_every_highlight_is_readable(theme_named):
    for colour in COLOURS:
        assert contrast(theme_named.ink, highlight_rgb(colour)) >= 4.5, colour
        # and the highlight is seen on the paper at all (by its hue more than its lightness)
        assert contrast(theme_named.paper, highlight_rgb(colour)) >= 1.1, colour


def test_the_five_highlights_stay_apart_and_dark_ones_are_darker_than_the_ink(theme_named):
    assert len({highlight_rgb(c) for c in COLOURS}) == len(COLOURS)
    if theme_named.dark:
        assert all(luminance(highlight_rgb(c)) < luminance(theme_named.ink) for c in COLOURS)


def test_tone_colours_are_readable_on_every_page_and_pop_up(theme_named):
    papers = [theme_named.paper, POPUP_COLOURS[theme_named.name].paper]
    for scheme in ToneColours:
        for tone in range(1, 6):
            for paper in papers:
                colour = scheme.colour(tone, paper)
                if colour is not None:
                    wanted = 4.5 if theme_named.dark else 3.0
                    assert contrast(colour, paper) >= wanted, (scheme, tone, paper)


def test_the_inks_stand_out_from_the_paper(theme_named):
    for ink in (theme_named.ink, theme_named.headline_ink):
        assert contrast(ink, theme_named.paper) >= 7.0
    for ink in (theme_named.accent_ink, theme_named.muted_ink, theme_named.deck_ink):
        assert contrast(ink, theme_named.paper) >= 4.5
    for background in (theme_named.selection, theme_named.mark):
        assert contrast(theme_named.ink, background) >= 4.5
    for found in (theme_named.found, theme_named.found_current):
        assert contrast(theme_named.ink, found) >= 4.5
        assert found != theme_named.mark


def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of `colour` (#rrggbb): distances in it are differences as seen."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_the_current_match_is_told_from_the_others_at_a_glance(theme_named):
    # ΔE 24 and up: two colours, not two shades of one (the dark theme's first pair, two
    # browns 21 apart, could not be told apart on the page)
    assert math.dist(_lab(theme_named.found), _lab(theme_named.found_current)) >= 24
    assert contrast(theme_named.paper, theme_named.found_current) > contrast(
        theme_named.paper, theme_named.found
    )
