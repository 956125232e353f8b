"""Fonts for Chinese text, Simplified Chinese families first.

Without an explicit family Qt falls back to whichever CJK face fontconfig lists first,
often the Japanese variant (Noto Sans CJK JP), whose glyphs differ from what a reader
of Simplified Chinese expects.
"""

from __future__ import annotations

from reader.ui.qt import QtGui
from reader.ui.views.page_style import page

SANS_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "sans-serif",
]
"""For running text and the window's own labels."""

SERIF_FAMILIES = [
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "SimSun",
    "STSong",
    *SANS_FAMILIES,
]
"""For headlines, set like a newspaper's."""


def reading_families() -> list[str]:
    """The running text's families: the one the reader chose first, if they chose one."""
    family = page().family
    return [family, *SANS_FAMILIES] if family else SANS_FAMILIES


def reading_font(point_size: float) -> QtGui.QFont:
    """The running text's font in both views."""
    return _font(reading_families(), point_size)


def sans_font(point_size: float | None = None) -> QtGui.QFont:
    return _font(SANS_FAMILIES, point_size)


def serif_font(point_size: float | None = None) -> QtGui.QFont:
    return _font(SERIF_FAMILIES, point_size)


def _font(families: list[str], point_size: float | None) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setFamilies(families)
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font
