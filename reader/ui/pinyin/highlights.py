"""The pinyin view's highlights: the window's annotation set, in the colours the reading
view paints them, asked for the part in view at every paint; a change to the set repaints
the view, whichever of the two views the change was made in."""

from __future__ import annotations

from collections.abc import Sequence

from reader.store import Annotation, AnnotationChange, AnnotationSet
from reader.ui.views.highlight_colours import highlight_colour, note_colour
from reader.ui.views.pinyin_painting import Highlight
from reader.ui.views.pinyin_view import PinyinView


class PinyinViewHighlights:
    """Serves the pinyin view's highlight source and follows the set."""

    def __init__(self, view: PinyinView, annotations: AnnotationSet) -> None:
        self._view = view
        self._annotations = annotations
        view.set_highlight_source(self.between)
        annotations.add_listener(self)

    def between(self, start: int, end: int) -> list[Highlight]:
        """The highlights reaching into `[start, end)`, the one made last on top."""
        return [
            Highlight(
                a.start,
                a.end,
                highlight_colour(a.colour),
                note_colour(a.colour) if a.note.strip() else None,
            )
            for a in self._annotations.touching(start, end)
        ]

    def annotations_replaced(self, before: Sequence[Annotation]) -> None:
        self._view.viewport().update()

    def annotation_changed(self, change: AnnotationChange) -> None:
        self._view.viewport().update()
