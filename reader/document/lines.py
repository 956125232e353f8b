"""From decoded text to logical lines: newlines unified, blanks counted, broken lines joined."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# Characters that make a line read as running prose rather than a label or a name.
SENTENCE_PUNCTUATION = frozenset(",。!?;:\uff0c\uff01\uff1f\uff1b\uff1a")
# A prose line ending in one of these is complete; any other ending means the line was cut.
TERMINAL_PUNCTUATION = frozenset("。!?…”’」』):;.!?;\"'\uff01\uff1f\uff1b\uff1a\uff09\uff0e")

_NEWLINES = re.compile(r"\r\n|\r")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


@dataclass(frozen=True)
class Line:
    """A line of the file with its surrounding whitespace removed."""

    text: str
    blanks_before: int
    """Blank lines between this line and the previous non-blank one (or the start)."""


def split_lines(text: str) -> list[Line]:
    """Non-blank lines; a line of spaces, tabs or U+3000 counts as blank."""
    lines: list[Line] = []
    blanks = 0
    for raw in _NEWLINES.sub("\n", text).replace("\x00", "").split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(Line(stripped, blanks))
            blanks = 0
        else:
            blanks += 1
    return lines


def is_prose(text: str) -> bool:
    return any(char in SENTENCE_PUNCTUATION for char in text)


def looks_cut(text: str) -> bool:
    """A prose line that stops mid-sentence, as web exports leave them."""
    return is_prose(text) and text[-1] not in TERMINAL_PUNCTUATION


def join_broken_lines(lines: list[Line]) -> list[Line]:
    """Join a line cut mid-sentence with the prose line that continues it.

    Only prose continues prose, and only across at most one blank line: a heading, a name
    or a caption set apart by extra blank lines is never swallowed. Runs are collected as
    parts and glued once, so a book of a million cut lines stays linear.
    """
    runs: list[tuple[Line, list[str]]] = []
    for line in lines:
        if runs and line.blanks_before <= 1 and _run_is_cut(runs[-1]) and is_prose(line.text):
            runs[-1][1].append(line.text)
        else:
            runs.append((line, [line.text]))
    return [
        first if len(parts) == 1 else Line(glue(parts), first.blanks_before)
        for first, parts in runs
    ]


def _run_is_cut(run: tuple[Line, list[str]]) -> bool:
    """Every part after the first is prose, so only the first is checked for prose."""
    parts = run[1]
    return parts[-1][-1] not in TERMINAL_PUNCTUATION and (len(parts) > 1 or is_prose(parts[0]))


def glue(parts: list[str]) -> str:
    """Chinese joins with nothing between; two Latin words keep a space."""
    glued = [parts[0]]
    for left, right in itertools.pairwise(parts):
        if not (_CJK.match(left[-1]) or _CJK.match(right[0])):
            glued.append(" ")
        glued.append(right)
    return "".join(glued)
