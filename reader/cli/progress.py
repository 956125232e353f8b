"""A command's progress through many files, on stderr, and only when stderr is a terminal:
a script reading stderr sees errors and notices, never a counter."""

from __future__ import annotations

import sys

from reader.cli.columns import clipped, width
from reader.cli.common import shown_line

WIDTH = 79
"""Columns the progress line keeps within, so that it never wraps (a wrapped line cannot
be written over)."""


class Progress:
    """One line written over as the work goes; `clear` before anything else is written."""

    def __init__(self, doing: str) -> None:
        self._doing = doing
        self._shown = sys.stderr.isatty()
        self._written = False

    def step(self, number: int, total: int, what: str) -> None:
        if not self._shown:
            return
        line = clipped(shown_line(f"reader: {self._doing} {number}/{total}: {what}"), WIDTH)
        sys.stderr.write("\r" + line + " " * (WIDTH - width(line)))
        sys.stderr.flush()
        self._written = True

    def clear(self) -> None:
        if self._written:
            sys.stderr.write("\r" + " " * WIDTH + "\r")
            sys.stderr.flush()
            self._written = False
