"""The keys that move a caret, as the platform names them (QKeySequence's standard keys):
both views move theirs with the same ones, and a caret left behind by scrolling starts again
from the page the reader is looking at."""

from __future__ import annotations

from enum import Enum

from reader.ui.qt import QtGui


class Move(Enum):
    PREVIOUS_CHAR = "previous character"
    NEXT_CHAR = "next character"
    PREVIOUS_LINE = "previous line"
    NEXT_LINE = "next line"
    START_OF_LINE = "start of line"
    END_OF_LINE = "end of line"
    PREVIOUS_PAGE = "previous page"
    NEXT_PAGE = "next page"
    START_OF_DOCUMENT = "start of document"
    END_OF_DOCUMENT = "end of document"


VERTICAL = frozenset({Move.PREVIOUS_LINE, Move.NEXT_LINE, Move.PREVIOUS_PAGE, Move.NEXT_PAGE})
"""Moves that keep the column the caret had (its goal x) from one line to the next."""

_Key = QtGui.QKeySequence.StandardKey
KEYS: tuple[tuple[_Key, Move, bool], ...] = (
    (_Key.MoveToPreviousChar, Move.PREVIOUS_CHAR, False),
    (_Key.MoveToNextChar, Move.NEXT_CHAR, False),
    (_Key.MoveToPreviousLine, Move.PREVIOUS_LINE, False),
    (_Key.MoveToNextLine, Move.NEXT_LINE, False),
    (_Key.MoveToStartOfLine, Move.START_OF_LINE, False),
    (_Key.MoveToEndOfLine, Move.END_OF_LINE, False),
    (_Key.MoveToPreviousPage, Move.PREVIOUS_PAGE, False),
    (_Key.MoveToNextPage, Move.NEXT_PAGE, False),
    (_Key.MoveToStartOfDocument, Move.START_OF_DOCUMENT, False),
    (_Key.MoveToEndOfDocument, Move.END_OF_DOCUMENT, False),
    (_Key.SelectPreviousChar, Move.PREVIOUS_CHAR, True),
    (_Key.SelectNextChar, Move.NEXT_CHAR, True),
    (_Key.SelectPreviousLine, Move.PREVIOUS_LINE, True),
    (_Key.SelectNextLine, Move.NEXT_LINE, True),
    (_Key.SelectStartOfLine, Move.START_OF_LINE, True),
    (_Key.SelectEndOfLine, Move.END_OF_LINE, True),
    (_Key.SelectPreviousPage, Move.PREVIOUS_PAGE, True),
    (_Key.SelectNextPage, Move.NEXT_PAGE, True),
    (_Key.SelectStartOfDocument, Move.START_OF_DOCUMENT, True),
    (_Key.SelectEndOfDocument, Move.END_OF_DOCUMENT, True),
)
"""Each key, the move it makes and whether it selects: read by both views, and listed by
Help ▸ Keyboard Shortcuts."""


def key_move(event: QtGui.QKeyEvent) -> tuple[Move, bool] | None:
    """The move a key press asks for, and whether it extends the selection; None for others."""
    for key, move, extend in KEYS:
        if event.matches(key):
            return move, extend
    return None
