"""Where a find's match is: its section's heading and a line of context around it.

The CLI's `reader find` and the window's list of matches show the same thing, so both ask
here. A novel's common word has thousands of matches: the section of each is found by
bisection over the sections in reading order, not by walking the tree from its root.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reader.document.model import Document, Section

CONTEXT_CHARS = 20
"""Characters of context shown on each side of a match, within its line."""
_ONE_LINE = str.maketrans(dict.fromkeys("\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029", " "))
"""Whatever would break the context's line (a match across lines holds a line break)."""


@dataclass(frozen=True)
class MatchPlace:
    """A match's section heading and one line of plain text holding it; the match is
    `context[match_start:match_end]`."""

    section: str
    context: str
    match_start: int
    match_end: int


class MatchPlaces:
    """The places of matches in one document."""

    def __init__(self, document: Document, context_chars: int = CONTEXT_CHARS) -> None:
        self._document = document
        self._context_chars = context_chars
        self._sections = list(document.sections())
        self._starts = [section.start for section in self._sections]

    def section_at(self, offset: int) -> Section:
        """The deepest section holding `offset` (the title's section before the first)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        section = self._sections[max(index, 0)]
        while section.parent is not None and not section.start <= offset < section.end:
            section = section.parent
        return section

    def place(self, start: int, end: int) -> MatchPlace:
        text = self._document.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end < 0:
            line_end = len(text)
        before = max(line_start, start - self._context_chars)
        after = min(line_end, end + self._context_chars)
        context = text[before:after].translate(_ONE_LINE)
        return MatchPlace(self.section_at(start).heading, context, start - before, end - before)
