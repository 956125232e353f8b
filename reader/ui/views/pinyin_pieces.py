"""What the pinyin view lays out at once: a block, or a piece of a block too long for that.

The pinyin view lays its text out in Python, some microseconds a character, and only where
the reader looks; but what it lays out is a whole block, and a file of one line of a million
characters is one block: seconds for a screenful, and every scroll as long. A block longer
than LONG_BLOCK is therefore cut into pieces of about PIECE characters, each laid out when it
comes into view, so a screenful costs the same in any document. A piece starts a line of its
own; where it can, the cut falls after the end of a sentence or a space, so the line before
looks like one a writer ended. No paragraph of a real book comes near LONG_BLOCK (the
longest in 红楼梦 has 2,901 characters), so their blocks are laid out whole as before.
"""

from __future__ import annotations

from typing import NamedTuple

from reader.document import Document

LONG_BLOCK = 10_000
"""Characters of a block laid out whole; a longer block is cut into pieces."""
PIECE = 4_000
"""Characters of a piece at most: about 120 lines of the measure, a few screens."""
CUT_WINDOW = 1_000
"""How far back from PIECE a cut looks for the end of a sentence or a space."""
_CUT_AFTER = "\u3002\uff01\uff1f\uff1b\u2026.!?; \t\n\u3000"
"""Characters a piece may end with, rather than in the middle of a run of text."""


class Piece(NamedTuple):
    """`[start, end)` of the document's text, in block `block`."""

    block: int
    start: int
    end: int
    first: bool
    """It starts its block, so it has the block's space above and its first line's indent."""
    last: bool
    """It ends its block, so it has the block's space below."""


def cut_pieces(document: Document) -> list[Piece]:
    """Every block of `document` in order, a long one as its pieces."""
    pieces: list[Piece] = []
    for index, block in enumerate(document.blocks):
        if block.end - block.start <= LONG_BLOCK:
            pieces.append(Piece(index, block.start, block.end, True, True))
            continue
        start = block.start
        while start < block.end:
            end = _cut(document.text, start, block.end)
            pieces.append(Piece(index, start, end, start == block.start, end == block.end))
            start = end
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece starting at `start` ends: after the last end of a sentence or space
    in the last CUT_WINDOW characters of PIECE, else at PIECE; at `end` if that is nearer."""
    limit = start + PIECE
    if limit >= end:
        return end
    after = max(text.rfind(mark, limit - CUT_WINDOW, limit) for mark in _CUT_AFTER)
    return after + 1 if after >= 0 else limit
