"""Places the reader asks for by what they know of them: a percentage, a chapter's number,
part of a heading, or the next and the previous section. Each is an offset into the text.

A number is a chapter's (see progress.py: the section tree's first level); a title is
searched in every section's heading, whole headings first, then headings that begin with
it, then headings holding it, each kind from the place the reader is at onwards, round to
the start, so asking again for 宝玉 goes on to the next heading that names him.
"""

from __future__ import annotations

import bisect
import re

from reader.document.model import Document, Section

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*[%\uff05]")
"""45%, 45.5 %, 45％ (full-width); the digits may be full-width too (\\d matches them)."""


class PlaceError(ValueError):
    """What the reader typed names no place; the message says why, for the reader."""


def offset_for(query: str, document: Document, here: int = 0) -> int:
    """The offset `query` names in `document`; `here`: the reader's place, where a title
    search starts. Raises PlaceError with a message for the reader."""
    query = query.strip()
    if not query:
        raise PlaceError("Type a percentage (45%), a chapter's number or part of a title.")
    percent = _PERCENT.fullmatch(query)
    if percent is not None:
        value = float(percent.group(1).replace(",", "."))
        if value > 100:
            raise PlaceError(f"{query} is past the end: a percentage goes from 0% to 100%.")
        return min(len(document.text), int(len(document.text) * value / 100))
    if query.isdecimal():
        return _chapter_start(int(query), document)
    return _heading_start(query, document, here)


def _chapter_start(number: int, document: Document) -> int:
    chapters = document.root.children
    if not chapters:
        raise PlaceError(
            f"This text has no chapters to count; type {number}% to go {number}% of the way."
        )
    if not 1 <= number <= len(chapters):
        raise PlaceError(
            f"There is no chapter {number}: the chapters go from 1 to {len(chapters)}."
        )
    return chapters[number - 1].start


def _heading_start(query: str, document: Document, here: int) -> int:
    sections = headings(document)
    folded = query.casefold()
    for matches in (
        lambda heading: heading == folded,
        lambda heading: heading.startswith(folded),
        lambda heading: folded in heading,
    ):
        found = [s for s in sections if matches(s.heading.casefold())]
        if found:
            later = [s for s in found if s.start > here]
            return (later or found)[0].start
    raise PlaceError(f"No heading holds “{query}”; a number alone is a chapter's, 45% a place.")


def section_starts(document: Document) -> list[int]:
    """Where each section below the title begins, in order, each once."""
    return sorted({s.start for s in headings(document)})


def next_section(starts: list[int], top: int) -> int | None:
    """The start of the first section that begins below the top line; None past the last."""
    index = bisect.bisect_right(starts, top)
    return starts[index] if index < len(starts) else None


def previous_section(starts: list[int], top: int) -> int | None:
    """The start of the section the top line is in, if the page is past its heading; else
    the start of the one before; None before the first."""
    index = bisect.bisect_left(starts, top) - 1
    return starts[index] if index >= 0 else None


def headings(document: Document) -> list[Section]:
    """The sections a title may name, in reading order (the title's own is not one)."""
    return [s for s in document.sections() if s.parent is not None]
