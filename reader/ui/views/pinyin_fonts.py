"""The pinyin view's fonts: for each kind of block, the characters' font and the smaller one
of the readings above them, and the bands of a line they make, at one zoom.

A character's width is measured once per font and kept: the same few thousand characters
are laid out again at every scroll, zoom and change of the readings shown.
"""

from __future__ import annotations

import math

from reader.ui.fonts import SANS_FAMILIES, SERIF_FAMILIES
from reader.ui.qt import QtGui
from reader.ui.views.page_style import BOLD, BlockStyle

RUBY_SCALE = 0.5
"""A reading's size against its character's."""
LINE_SPACING = 1.25
"""The characters' band, in ems; the ruby band comes on top of it."""


class RubyFonts:
    """One block style's fonts and metrics at one zoom; widths measured once per character."""

    def __init__(self, style: BlockStyle, point_size: float) -> None:
        size = point_size * style.pinyin.scale
        self.font = QtGui.QFont()
        self.font.setFamilies(SERIF_FAMILIES if style.serif else SANS_FAMILIES)
        self.font.setPointSizeF(size)
        self.font.setBold(style.weight >= BOLD)
        self.ruby_font = QtGui.QFont()
        self.ruby_font.setFamilies(SANS_FAMILIES)
        self.ruby_font.setPointSizeF(size * RUBY_SCALE)
        self.metrics = QtGui.QFontMetricsF(self.font)
        self.ruby_metrics = QtGui.QFontMetricsF(self.ruby_font)
        self.em = self.metrics.horizontalAdvance("\u4e2d")
        self.ruby_band = self.ruby_metrics.ascent() + self.ruby_metrics.descent()
        self.text_band = self.em * LINE_SPACING
        self.line_height = math.ceil(self.ruby_band + self.text_band)
        self._widths: dict[str, float] = {}

    def measure(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def measure_ruby(self, text: str) -> float:
        return self.ruby_metrics.horizontalAdvance(text)
