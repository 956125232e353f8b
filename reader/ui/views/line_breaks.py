"""How the reading view's page wraps: at word boundaries, unless that would take Qt minutes.

Qt wraps a QTextDocument at word boundaries, and anywhere inside a word wider than the line
(QTextOption.WrapAtWordBoundaryOrAnywhere). To place each line it first walks to the next
place a line may break; in a run with none (a million `a`, `[` or `，` on one line, or
characters joined by U+2060) that walk takes the rest of the run on every line, so laying
the run out is quadratic: 1.7 s for 200,000 characters, 40 s for a million. Wrapping
anywhere (QTextOption.WrapAnywhere) costs one pass, but breaks Latin words at any letter
and lets closing punctuation start a line, so a page wraps anywhere only if it holds such
a run. Qt's QTextBoundaryFinder finds line breaks by the same rules as its layout.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.ui.qt import QtCore, QtGui

LONGEST_RUN = 2_000
"""Characters without a place to break (UTF-16 units) that make a page wrap anywhere.

A run of 2,000 costs Qt about a millisecond; every run this long is found, and no run
shorter than half of it is taken for one (the search looks in steps of half)."""


def has_long_run(text: str) -> bool:
    """Whether `text` holds a run of about LONGEST_RUN units or more with no line break.

    Qt finds the breaks of the whole text in one pass (about 17 ms a million characters);
    this then asks for the next break at every half run, so it makes 2n/LONGEST_RUN calls
    rather than one per break.
    """
    if len(text) < LONGEST_RUN // 2:
        return False
    finder = QtCore.QTextBoundaryFinder(QtCore.QTextBoundaryFinder.Line, text)
    finder.toEnd()
    length = finder.position()  # in UTF-16 units, as the finder counts
    step = LONGEST_RUN // 2
    for position in range(0, length, step):
        finder.setPosition(position)
        following = finder.toNextBoundary()
        if (length if following < 0 else following) - position > step:
            return True
    return False


def wrap_mode(blocks: Iterable[str]) -> QtGui.QTextOption.WrapMode:
    """Word boundaries for a page of these blocks' texts, or anywhere if one holds a long run."""
    if any(has_long_run(text) for text in blocks):
        return QtGui.QTextOption.WrapAnywhere
    return QtGui.QTextOption.WrapAtWordBoundaryOrAnywhere
