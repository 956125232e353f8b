"""The note editor at work over the view the reader looks at: opened on a highlight, or on
new text whose highlight is a draft until the note is saved; kept below its highlight as
the view scrolls; moved to the other view when the reader switches views (left behind it
would be hidden, and its note lost when the window closed)."""

from __future__ import annotations

from collections.abc import Callable

from reader.store import Annotation, AnnotationEdit, AnnotationSet, edited
from reader.ui.annotations.note_editor import NoteEditor
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.views.text_surface import TextSurface


class NoteEditing:
    """One per window. Saving makes an edit (through `make`); the editor never writes."""

    def __init__(
        self,
        annotations: AnnotationSet,
        shown_view: Callable[[], TextSurface],
        parent: QtWidgets.QWidget,
        make: Callable[[AnnotationEdit], object],
    ) -> None:
        self._annotations = annotations
        self._shown = shown_view
        self._make = make
        self.editor = NoteEditor(parent)
        self.editor.saved.connect(self._saved)
        self.editor.cancelled.connect(self._cancelled)

    def open(
        self,
        annotation: Annotation,
        known_tags: list[str],
        *,
        tags_first: bool = False,
        draft: bool = False,
    ) -> None:
        """Edit `annotation`'s note over the view shown; a `draft` is shown highlighted
        while its note is written, and made only when it is saved."""
        self._annotations.set_draft(annotation if draft else None)
        view = self._shown()
        if self.editor.parentWidget() is not view:
            self.editor.setParent(view)  # over the view the reader is looking at
        self.editor.edit(
            annotation.id,
            annotation.quote,
            annotation.note,
            annotation.tags,
            known_tags,
            tags_first=tags_first,
        )
        self.place()

    def in_sight(self, annotation: Annotation) -> bool:
        """Whether the start of the highlight is in the view shown (an orphan always is:
        the editor goes to the view's top corner)."""
        if annotation.orphan:
            return True
        view = self._shown()
        start = view.range_rect(annotation.start, annotation.start + 1)
        return view.viewport().rect().contains(start.topLeft())

    def keep_in_view(self) -> None:
        """After the reader switched views: an open editor moves over the view shown."""
        view = self._shown()
        if self.editor.isHidden() or self.editor.parentWidget() is view:
            return
        self.editor.setParent(view)
        self.editor.show()
        self.editor.raise_()
        self.place()

    def place(self) -> None:
        """Below the highlight (above it where there is no room), as the view now shows it."""
        if not self.editor.isVisible() or self.editor.annotation_id is None:
            return
        annotation = self._annotations.get(self.editor.annotation_id) or self._annotations.draft
        view = self.editor.parentWidget()
        viewport = view.viewport()
        if annotation is None or annotation.orphan:
            anchor = QtCore.QRect(viewport.geometry().left() + 20, viewport.geometry().top(), 1, 1)
        else:
            rect = view.range_rect(annotation.start, annotation.end)
            anchor = QtCore.QRect(viewport.mapTo(view, rect.topLeft()), rect.size())
        self.editor.place_below(anchor)

    def _saved(self, note: str, tags: list[str]) -> None:
        annotation_id = self.editor.annotation_id
        draft = self._annotations.draft
        self._annotations.set_draft(None)
        self._shown().setFocus()
        if draft is not None and draft.id == annotation_id:
            self._make(AnnotationEdit.creation(edited(draft, note=note, tags=tags)))
            return
        before = self._annotations.get(annotation_id or "")
        if before is None:
            return
        after = edited(before, note=note, tags=tags)
        if (after.note, after.tags) != (before.note, before.tags):
            self._make(AnnotationEdit("Edit Note", before, after))

    def _cancelled(self) -> None:
        self._annotations.set_draft(None)
        self._shown().setFocus()
