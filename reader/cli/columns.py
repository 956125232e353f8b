"""Text measured in terminal columns: a Chinese character takes two, so a concordance's
matches line up and a progress line never wraps."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Columns the text takes in a terminal (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def clipped(text: str, columns: int) -> str:
    """The text's start that fits in `columns`."""
    used = 0
    for index, char in enumerate(text):
        used += width(char)
        if used > columns:
            return text[:index]
    return text


def right_aligned(text: str, columns: int) -> str:
    """The text with spaces before it, to end at `columns`."""
    return " " * max(0, columns - width(text)) + text
