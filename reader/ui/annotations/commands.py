"""Undoable annotation changes: create, edit (colour, note, tags, place) and delete.

Each command holds whole records, so undo and redo write exactly the state they show; each
write is one store transaction. The store is written before the undo stack moves: whoever
drives the stack calls `write` or `unwrite` first, and only if that succeeds lets the stack
run `redo` or `undo`, which then only show the change. Called without that (the stack
driven directly), a command writes for itself, and a write that fails leaves the command
obsolete, so Qt drops it rather than show what the store does not hold.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import Protocol

from reader.store import Annotation, Store, StoreError
from reader.ui.qt import QtGui


class AnnotationTarget(Protocol):
    """What commands change: the store, and the window's picture of the annotations."""

    def writable_store(self) -> Store:
        """The open store; raises StoreError when there is none to write to."""

    def show_annotation(self, annotation: Annotation) -> None: ...

    def hide_annotation(self, annotation_id: str) -> None: ...

    def report_failure(self, what: str, error: StoreError) -> None: ...


class AnnotationCommand(QtGui.QUndoCommand):
    def __init__(self, target: AnnotationTarget, text: str) -> None:
        super().__init__(text)
        self._target = target
        self._written = False

    @property
    def annotation_id(self) -> str:
        raise NotImplementedError

    def write(self) -> None:
        """Put redo's state in the store; raises StoreError."""
        raise NotImplementedError

    def unwrite(self) -> None:
        """Put undo's state in the store; raises StoreError."""
        raise NotImplementedError

    def show(self) -> None:
        """Show redo's state."""
        raise NotImplementedError

    def unshow(self) -> None:
        """Show undo's state."""
        raise NotImplementedError

    def rebase(self, document_id: int) -> None:
        """Give a change made while the document had no record in the store its record."""
        raise NotImplementedError

    def mark_written(self) -> None:
        """The store already holds the state the stack's next move shows."""
        self._written = True

    def redo(self) -> None:
        if self._move(self.write, f"Reader could not redo “{self.text()}”."):
            self.show()

    def undo(self) -> None:
        if self._move(self.unwrite, f"Reader could not undo “{self.text()}”."):
            self.unshow()

    def _move(self, write, what: str) -> bool:
        if self._written:
            self._written = False
            return True
        try:
            write()
        except StoreError as error:
            self.setObsolete(True)
            self._target.report_failure(what, error)
            return False
        return True


class _WholeRecord(AnnotationCommand):
    """A command that puts a whole record in (`_put`) or takes it out (`_drop`)."""

    def __init__(self, target: AnnotationTarget, annotation: Annotation, text: str) -> None:
        super().__init__(target, text)
        self.annotation = annotation

    @property
    def annotation_id(self) -> str:
        return self.annotation.id

    def rebase(self, document_id: int) -> None:
        self.annotation = replace(self.annotation, document_id=document_id)

    def _put(self) -> None:
        self._target.writable_store().annotations.restore(self.annotation)

    def _drop(self) -> None:
        # Gone already (deleted from another window) is as good as deleted.
        with contextlib.suppress(KeyError):
            self._target.writable_store().annotations.delete(self.annotation.id)

    def _show_put(self) -> None:
        self._target.show_annotation(self.annotation)

    def _show_dropped(self) -> None:
        self._target.hide_annotation(self.annotation.id)


class CreateAnnotation(_WholeRecord):
    def __init__(self, target: AnnotationTarget, annotation: Annotation) -> None:
        super().__init__(target, annotation, "Add Note" if annotation.note else "Highlight")

    write, unwrite = _WholeRecord._put, _WholeRecord._drop
    show, unshow = _WholeRecord._show_put, _WholeRecord._show_dropped


class DeleteAnnotation(_WholeRecord):
    """Creation run backwards: undo puts the whole record back under its own id."""

    def __init__(self, target: AnnotationTarget, annotation: Annotation) -> None:
        super().__init__(target, annotation, "Delete Highlight")

    write, unwrite = _WholeRecord._drop, _WholeRecord._put
    show, unshow = _WholeRecord._show_dropped, _WholeRecord._show_put


class EditAnnotation(AnnotationCommand):
    def __init__(
        self, target: AnnotationTarget, before: Annotation, after: Annotation, text: str
    ) -> None:
        super().__init__(target, text)
        self.before = before
        self.after = after

    @property
    def annotation_id(self) -> str:
        return self.after.id

    def write(self) -> None:
        self._target.writable_store().annotations.restore(self.after)

    def unwrite(self) -> None:
        self._target.writable_store().annotations.restore(self.before)

    def show(self) -> None:
        self._target.show_annotation(self.after)

    def unshow(self) -> None:
        self._target.show_annotation(self.before)

    def rebase(self, document_id: int) -> None:
        self.before = replace(self.before, document_id=document_id)
        self.after = replace(self.after, document_id=document_id)
