"""Where each line of a plain-text file lies in its document's text.

A `Document` holds the file's lines trimmed, blank ones dropped and lines cut mid-sentence
joined, nothing else rewritten (see structure.py); so a line's text without its surrounding
whitespace is found in the document's text as it is, after the line before it, with only
whitespace between them. `reader pinyin` prints the file line by line but reads each
character where the window reads it: in the document, where 微信产 at the end of one line
and 品 at the start of the next are one word.
"""

from __future__ import annotations

from collections.abc import Sequence

SLACK = 16
"""How far past the place expected a line is looked for after one that was not found."""


def line_places(lines: Sequence[str], document_text: str) -> list[int | None]:
    """For each line, the offset in `document_text` where its text without its surrounding
    whitespace begins; None for a blank line, and for a line the document does not hold as
    it is (a line with a NUL character, which the document drops), which callers then read
    on its own."""
    places: list[int | None] = []
    position = 0
    behind = 0
    """Characters of the lines not found since the last one found."""
    for line in lines:
        body = line.strip()
        if not body:
            places.append(None)
            continue
        found = _place(document_text, body, position, behind)
        places.append(found)
        if found is None:
            behind += len(body) + 1
        else:
            position, behind = found + len(body), 0
    return places


def _place(text: str, body: str, position: int, behind: int) -> int | None:
    """Where `body` begins: right after `position` and whitespace, or, after lines that were
    not found, within about their length from there."""
    if behind:
        found = text.find(body, position, position + behind + SLACK + len(body))
        return found if found >= 0 else None
    while position < len(text) and text[position].isspace():
        position += 1
    return position if text.startswith(body, position) else None
