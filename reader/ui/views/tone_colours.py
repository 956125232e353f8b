"""Colours for the four tones and the neutral tone, by named scheme; settings store the name."""

from __future__ import annotations

from enum import Enum


class ToneColours(str, Enum):
    NONE = "none"
    PLECO = "pleco"
    """Pleco's default: red, green, blue, purple; grey for the neutral tone."""
    MDBG = "mdbg"
    """MDBG's and Dummitt's: red, orange, green, blue; grey for the neutral tone."""

    @property
    def label(self) -> str:
        return _LABELS[self]

    def colour(self, tone: int) -> str | None:
        """The colour (#rrggbb) of tone 1–5 in this scheme; None for no colour."""
        return _SCHEMES[self].get(tone)


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
