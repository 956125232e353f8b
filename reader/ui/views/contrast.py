"""Contrast between two colours as WCAG 2 measures it, and a colour moved in lightness until
it stands out enough from a background: tone colours and highlight tints are checked
against every theme's paper with it. Plain arithmetic, no Qt: page_style's colours are text."""

from __future__ import annotations

import colorsys


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (red, green, blue))


def luminance(colour: str) -> float:
    """WCAG relative luminance of `colour` (#rrggbb)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, 1 to 21: 4.5 for body text, 3 for large text and graphics."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: str, background: str, ratio: float) -> str:
    """`colour`, or the same hue made darker (on a light background) or lighter (on a dark
    one) by as little as gives `ratio` against `background`."""
    if contrast(colour, background) >= ratio:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(colour))
    towards = 0.0 if luminance(background) > 0.18 else 1.0
    for step in range(1, 41):
        moved = lightness + (towards - lightness) * step / 40
        candidate = _hex(*colorsys.hls_to_rgb(hue, moved, saturation))
        if contrast(candidate, background) >= ratio:
            return candidate
    return _hex(towards, towards, towards)
