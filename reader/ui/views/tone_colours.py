"""Colours for the four tones and the neutral tone, by named scheme; settings store the name.

A scheme's colours are its own (Pleco's red, green, blue, purple); painted on a page, each is
made as much darker or lighter as the page's paper needs for a reading to stay readable (a
contrast of 3, as for large text; 4.5 on dark paper): MDBG's orange on white, blue on dark.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from reader.ui.views.contrast import luminance, readable

MIN_CONTRAST = 3.0
DARK_PAPER_CONTRAST = 4.5
"""On dark paper saturated small letters look dimmer than their contrast says: more of it."""


class ToneColours(str, Enum):
    NONE = "none"
    PLECO = "pleco"
    """Pleco's default: red, green, blue, purple; grey for the neutral tone."""
    MDBG = "mdbg"
    """MDBG's and Dummitt's: red, orange, green, blue; grey for the neutral tone."""

    @property
    def label(self) -> str:
        return _LABELS[self]

    def colour(self, tone: int, paper: str | None = None) -> str | None:
        """The colour (#rrggbb) of tone 1–5 in this scheme, readable on `paper` if given;
        None for no colour."""
        colour = _SCHEMES[self].get(tone)
        if colour is None or paper is None:
            return colour
        return _on_paper(colour, paper)


@lru_cache(maxsize=128)
def _on_paper(colour: str, paper: str) -> str:
    dark = luminance(paper) < 0.18
    return readable(colour, paper, DARK_PAPER_CONTRAST if dark else MIN_CONTRAST)


_LABELS = {
    ToneColours.NONE: "None",
    ToneColours.PLECO: "Pleco (Red, Green, Blue, Purple)",
    ToneColours.MDBG: "MDBG (Red, Orange, Green, Blue)",
}
_SCHEMES: dict[ToneColours, dict[int, str]] = {
    ToneColours.NONE: {},
    ToneColours.PLECO: {1: "#e30000", 2: "#02b31c", 3: "#1510f0", 4: "#8900bf", 5: "#777777"},
    ToneColours.MDBG: {1: "#e30000", 2: "#d89000", 3: "#00a000", 4: "#0000d0", 5: "#777777"},
}
