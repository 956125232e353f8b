"""Highlights painted into the reading view's page as character formats.

ExtraSelections for 10,000 highlights cost up to a second and lay out every paragraph they
touch (DESIGN.md §8). A background merged into the characters' own format costs a fragment
split when it is made and nothing more at paint time. The page's undo is off, so merging
keeps no history; all merges of one change go in one edit block, so the layout hears of
the change once (10,000 merges take 30 s one by one, 50 ms in one block).

A highlight with a note is underlined in a darker shade of its colour. Where highlights
overlap, the one made last is on top; taking one away repaints its range from the others.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.store import HIGHLIGHT_RGB, Annotation, AnnotationChange, AnnotationSet
from reader.ui.qt import QtGui
from reader.ui.views.highlight_colours import highlight_colour, note_colour
from reader.ui.views.reading_view import ReadingView

NOTE_UNDERLINE = QtGui.QTextCharFormat.UnderlineStyle.DashUnderline


def _formats() -> dict[tuple[str, bool], QtGui.QTextCharFormat]:
    made = {}
    for colour in HIGHLIGHT_RGB:
        plain = QtGui.QTextCharFormat()
        plain.setBackground(highlight_colour(colour))
        noted = QtGui.QTextCharFormat(plain)
        noted.setUnderlineStyle(NOTE_UNDERLINE)
        noted.setUnderlineColor(note_colour(colour))
        made[(colour, False)] = plain
        made[(colour, True)] = noted
    return made


def _cleared() -> QtGui.QTextCharFormat:
    """Merged over a range to take every highlight off it: no background, no underline."""
    cleared = QtGui.QTextCharFormat()
    cleared.setBackground(QtGui.QBrush())
    cleared.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.NoUnderline)
    return cleared


class HighlightPainter:
    """Keeps the page's formats in step with the annotation set, which it follows.

    Orphans have no place and are never painted. Ranges are document offsets; the one
    conversion to Qt positions is the view's OffsetMap.
    """

    def __init__(self, view: ReadingView, annotations: AnnotationSet) -> None:
        self._view = view
        self._annotations = annotations
        self._page: QtGui.QTextDocument | None = None
        """The page painted last: a new page starts clean."""
        self._formats = _formats()
        self._cleared = _cleared()
        annotations.add_listener(self)

    def annotations_replaced(self, before: Sequence[Annotation]) -> None:
        """Paint the set's highlights in place of those shown before (none on a new page)."""
        cursor = QtGui.QTextCursor(self._view.document())
        cursor.beginEditBlock()
        if self._view.document() is self._page:
            for annotation in before:
                self._merge(cursor, annotation.start, annotation.end, self._cleared)
        self._page = self._view.document()
        for annotation in self._annotations.in_paint_order():
            self._merge(cursor, annotation.start, annotation.end, self._format(annotation))
        cursor.endEditBlock()

    def recolour(self) -> None:
        """Paint every highlight again in the current theme's colours."""
        self._formats = _formats()
        self.annotations_replaced(self._annotations.in_paint_order())

    def annotation_changed(self, change: AnnotationChange) -> None:
        """Paint again where the annotation is now and where it was."""
        self._repaint(change.ranges())

    def _format(self, annotation: Annotation) -> QtGui.QTextCharFormat:
        return self._formats[(annotation.colour, bool(annotation.note.strip()))]

    def _merge(
        self, cursor: QtGui.QTextCursor, start: int, end: int, char_format: QtGui.QTextCharFormat
    ) -> None:
        offsets = self._view.offsets
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QtGui.QTextCursor.KeepAnchor)
        cursor.mergeCharFormat(char_format)

    def _repaint(self, ranges: list[tuple[int, int]]) -> None:
        """Clear each range, then paint again every highlight that reaches into it."""
        cursor = QtGui.QTextCursor(self._view.document())
        cursor.beginEditBlock()
        for start, end in ranges:
            self._merge(cursor, start, end, self._cleared)
            for annotation in self._annotations.touching(start, end):
                self._merge(
                    cursor,
                    max(start, annotation.start),
                    min(end, annotation.end),
                    self._format(annotation),
                )
        cursor.endEditBlock()
