"""Annotations for the panel's tests, made as the window makes them."""

from __future__ import annotations

from reader.store import Annotation, new_annotation


def at(document, quote: str, colour: str = "yellow", note: str = "", tags=()) -> Annotation:
    """A new annotation of the first `quote` in the document's text."""
    start = document.text.index(quote)
    return new_annotation(
        1, document.text, start, start + len(quote), colour=colour, note=note, tags=tags
    )
