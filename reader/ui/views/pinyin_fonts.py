"""The pinyin view's fonts: for each kind of block, the characters' font and the smaller one
of the readings above them, and the bands of a line they make, at one zoom.

A character's width is measured once per font and kept: the same few thousand characters
are laid out again at every scroll, zoom and change of the readings shown.
"""

from __future__ import annotations

import math
from enum import Enum

from reader.ui.fonts import SANS_FAMILIES, SERIF_FAMILIES, reading_families
from reader.ui.qt import QtGui
from reader.ui.views.page_style import BOLD, BlockStyle

RUBY_LEADING_EMS = 0.2
"""Room above a line's readings, in ems of its characters."""
MIN_STEP_EMS = 1.15
"""The least step from character to character, in ems of the characters."""
STEP_RUBY_EMS = 2.4
"""The step, in ems of the readings' font: about a four-letter syllable and room beside it."""


class RubySize(str, Enum):
    """How large the pinyin above the characters is: a share of the characters' size, and
    never below a size whose tone marks can still be told apart, whatever the zoom."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    def points(self, character_points: float) -> float:
        """The readings' size above characters of `character_points`: never larger than
        the characters, which the smallest zoom steps make smaller than the least size."""
        share, least = _RUBY_SIZES[self]
        return min(max(character_points * share, least), character_points)


_RUBY_SIZES = {
    RubySize.SMALL: (0.5, 7.0),
    RubySize.MEDIUM: (0.6, 8.5),
    RubySize.LARGE: (0.72, 10.0),
}
"""Each size's share of the characters' size, and its least size in points (8.5 points is
11 pixels on a 96-dpi screen: tone marks on smaller letters blur together)."""


class RubyFonts:
    """One block style's fonts and metrics at one zoom; widths measured once per character."""

    def __init__(
        self, style: BlockStyle, point_size: float, ruby_size: RubySize = RubySize.MEDIUM
    ) -> None:
        size = point_size * style.pinyin.scale
        self.font = QtGui.QFont()
        self.font.setFamilies(SERIF_FAMILIES if style.serif else reading_families())
        self.font.setPointSizeF(size)
        self.font.setBold(style.weight >= BOLD)
        self.ruby_font = QtGui.QFont()
        self.ruby_font.setFamilies(SANS_FAMILIES)
        self.ruby_font.setPointSizeF(ruby_size.points(size))
        self.metrics = QtGui.QFontMetricsF(self.font)
        self.ruby_metrics = QtGui.QFontMetricsF(self.ruby_font)
        self.em = self.metrics.horizontalAdvance("\u4e2d")
        ruby_em = QtGui.QFontInfo(self.ruby_font).pixelSize()
        self.step = max(self.em * MIN_STEP_EMS, ruby_em * STEP_RUBY_EMS)
        """From one character to the next on a line: most readings fit it, a longer one
        reaches over its neighbours' room, so the characters stand evenly spaced."""
        self.ruby_top = RUBY_LEADING_EMS * self.em
        """Room above the readings, so they stand nearer their own line than the one above."""
        self.ruby_band = self.ruby_top + self.ruby_metrics.ascent() + self.ruby_metrics.descent()
        self.text_band = self.em * style.pinyin.line_height
        self.line_height = math.ceil(self.ruby_band + self.text_band)
        self._widths: dict[str, float] = {}

    def measure(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def measure_ruby(self, text: str) -> float:
        return self.ruby_metrics.horizontalAdvance(text)
