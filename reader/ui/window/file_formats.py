"""The files the Open dialog offers, and which of them mark their own headings."""

from __future__ import annotations

_FORMATS = (
    ("Text", "*.txt *.text"),
    ("Markdown", "*.md *.markdown"),
    ("HTML", "*.html *.htm *.xhtml"),
    ("EPUB", "*.epub"),
)
OPEN_FILTERS = ";;".join(
    [
        f"Documents ({' '.join(patterns for _, patterns in _FORMATS)})",
        *(f"{name} ({patterns})" for name, patterns in _FORMATS),
        "All files (*)",
    ]
)
MARKUP_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm", ".xhtml", ".epub"})
"""Formats that mark their own headings, so a chapter pattern does not apply to them."""
