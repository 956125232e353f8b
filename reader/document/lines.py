"""From decoded text to logical lines: newlines unified, blanks counted, broken lines joined."""

from __future__ import annotations

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
    or a caption set apart by extra blank lines is never swallowed.
    """
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and line.blanks_before <= 1
            and looks_cut(previous.text)
            and is_prose(line.text)
        ):
            joined[-1] = Line(_glue(previous.text, line.text), previous.blanks_before)
        else:
            joined.append(line)
    return joined


def _glue(left: str, right: str) -> str:
    """Chinese joins with nothing between; two Latin words keep a space."""
    if _CJK.match(left[-1]) or _CJK.match(right[0]):
        return left + right
    return f"{left} {right}"
