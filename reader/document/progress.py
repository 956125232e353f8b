"""How far through a document the reader is: a percentage, and which chapter of how many.

Chapters are the sections one level below the title, the first level of the section tree:
in a book of 回 they are the 回; in a book of parts holding chapters they are the parts.
A place inside a nested section counts in the chapter that holds it.
"""

from __future__ import annotations

from reader.document.model import Section

PLACE_SEPARATOR = " \u00b7 "
"""Between a heading and its chapter's number: 第十回 · 10 / 120."""


def percent_through(top: int, length: int, at_end: bool) -> int:
    """The share of the text above the page's top line, to the nearest percent (Go To 45%
    puts at the top the line holding that offset, which starts a little before it); 100 once the
    page shows the text's end (`at_end`), where the top line can go no lower."""
    if at_end or length <= 0:
        return 100
    return min(99, max(0, round(top * 100 / length)))


def chapter_of(section: Section) -> tuple[int, int] | None:
    """The number (from 1) of the chapter holding `section`, and how many there are; None
    for the title's own section (before the first chapter) and a text without chapters."""
    chapter = section
    while chapter.parent is not None and chapter.parent.parent is not None:
        chapter = chapter.parent
    root = chapter.parent
    if root is None:
        return None
    number = next(n for n, child in enumerate(root.children, start=1) if child is chapter)
    return number, len(root.children)


def place_label(section: Section, heading: str) -> str:
    """What the status bar says of the place: the section's `heading` (as shortened for
    display), then its chapter's number and the count, "第十回 … · 10 / 120"."""
    chapter = chapter_of(section)
    if chapter is None:
        return heading
    return f"{heading}{PLACE_SEPARATOR}{chapter[0]} / {chapter[1]}"
