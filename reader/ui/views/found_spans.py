"""A find's matches as a view keeps them: both views paint only the part in view, so they
ask for the matches between two offsets, found by bisection among thousands.

The matches belong to the document they were found in: a view given another document
paints none of them until it is given its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reader.document import Document

Span = tuple[int, int]


class FoundSpans:
    """The matches (sorted by start) and which one is current."""

    def __init__(self) -> None:
        self._spans: Sequence[Span] = ()
        self._starts: list[int] = []
        self._longest = 0
        self._current: int | None = None
        self._document: Document | None = None

    def set(self, spans: Sequence[Span], current: int | None, document: Document | None) -> None:
        if spans is not self._spans:
            self._spans = spans
            self._starts = [start for start, _ in spans]
            self._longest = max((end - start for start, end in spans), default=0)
        self._current = current if current is not None and 0 <= current < len(spans) else None
        self._document = document

    def __bool__(self) -> bool:
        return bool(self._spans)

    def between(self, start: int, end: int, document: Document | None) -> list[Span]:
        """The matches reaching into `[start, end)` of `document`, in document order."""
        if document is not self._document or not self._spans:
            return []
        # A match starting before `start` may reach into it, by its length at most.
        first = bisect.bisect_right(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        return [span for span in self._spans[first:last] if span[1] > start]

    def current(self, document: Document | None) -> Span | None:
        if document is not self._document or self._current is None:
            return None
        return self._spans[self._current]
