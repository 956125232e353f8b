"""The reader's edits on their way to the store: written first, then shown, never dropped.

The rules, kept out of the widgets:

- An edit is written to the store before it is shown or goes on the undo stack. Written,
  it is handed to `saved` (the window puts it on its undo stack, whose first redo shows it).
- An edit the store refuses (a read-only or full disk, a store that cannot be opened) is
  shown anyway, kept as unsaved, and its annotation marked so; the reader is told once.
  An unsaved edit is not on the undo stack: undo and redo pass it by. `retry` writes the
  unsaved edits in the order they were made; each one written goes to `saved` and so on the
  undo stack, and the first the store still refuses stops the retry.
- A deletion the store refuses is not shown: the highlight stays, nothing is kept.
  Deleting an annotation drops its unsaved edits; one never saved at all is simply gone.
- Undo and redo write the store before the stack moves (`prepare_undo`, `prepare_redo`);
  refused, the stack stays where it is and can be moved again. The stack's own move
  (`undone`, `redone`) then only shows. A stack driven directly, with nothing prepared,
  writes for itself, and an edit the store refuses then is dropped from the stack (the
  caller makes it obsolete) rather than shown as what the store does not hold.
- Another document dropped the unsaved edits of the one before; the caller is told how many.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.store.annotation_edit import AnnotationEdit
from reader.store.annotation_set import AnnotationSet
from reader.store.annotations import Annotation
from reader.store.database import StoreError
from reader.store.store import Store

NOT_SAVED_HINT = (
    "It stays in the window, marked as not saved; Retry Saving in the Annotations panel "
    "saves it once the store can be written."
)


class PendingChanges:
    """One per window, for the document shown."""

    def __init__(
        self,
        annotations: AnnotationSet,
        store: Callable[[], Store],
        *,
        saved: Callable[[AnnotationEdit], object],
        tell: Callable[[str, str], object],
        unsaved_changed: Callable[[], object],
    ) -> None:
        """`store` gives the store to write to, or raises StoreError; `saved` takes each
        edit the store now holds; `tell` reports a failure (what, details);
        `unsaved_changed` hears that the unsaved edits or their error changed."""
        self._annotations = annotations
        self._store = store
        self._saved = saved
        self._tell = tell
        self._unsaved_changed = unsaved_changed
        self._unsaved: list[AnnotationEdit] = []
        self._error: StoreError | None = None
        self._ahead: AnnotationEdit | None = None
        """Written for the undo stack's next move, which then only shows it."""

    # What is unsaved

    @property
    def unsaved(self) -> tuple[AnnotationEdit, ...]:
        return tuple(self._unsaved)

    def unsaved_ids(self) -> set[str]:
        return {edit.annotation_id for edit in self._unsaved}

    @property
    def error(self) -> StoreError | None:
        """Why the store refused the unsaved edits, the last time it was asked."""
        return self._error

    # Making edits

    def make(self, edit: AnnotationEdit) -> bool:
        """Write the edit and hand it to `saved`; refused, show it and keep it unsaved.
        True if the store took it."""
        try:
            edit.write(self._store())
        except StoreError as error:
            self._unsaved.append(edit)
            edit.show(self._annotations)
            self._error = error
            self._unsaved_changed()
            self._tell(f"Reader could not save “{edit.text}”.", f"{error}\n\n{NOT_SAVED_HINT}")
            return False
        self._hand_over(edit)
        return True

    def delete(self, annotation: Annotation) -> bool:
        """Write the annotation's deletion and hand it to `saved`; an annotation with
        unsaved edits loses them first, and one never saved is only taken out. True if the
        store took the deletion."""
        annotation_id = annotation.id
        dropped = [e for e in self._unsaved if e.annotation_id == annotation_id]
        if dropped:
            self._unsaved = [e for e in self._unsaved if e.annotation_id != annotation_id]
            self._unsaved_changed()
            if any(e.creates for e in dropped):
                self._annotations.remove(annotation_id)
                return False
        edit = AnnotationEdit.deletion(annotation)
        try:
            edit.write(self._store())
        except StoreError as error:
            self._tell(f"Reader could not {edit.text.lower()}.", str(error))
            return False
        self._hand_over(edit)
        return True

    def retry(self) -> bool:
        """Write the unsaved edits in the order they were made; True once all are saved."""
        while self._unsaved:
            edit = self._unsaved[0]
            try:
                edit.write(self._store())
            except StoreError as error:
                self._error = error
                self._unsaved_changed()
                self._tell("Reader still cannot save.", f"{error}\n\n{NOT_SAVED_HINT}")
                return False
            self._unsaved.pop(0)
            self._hand_over(edit)
        self._error = None
        self._unsaved_changed()
        return True

    def rebase(self, document_id: int) -> None:
        """Give the unsaved edits, made while the document had no record, its record."""
        self._unsaved = [edit.rebased(document_id) for edit in self._unsaved]

    def show_unsaved(self) -> None:
        """Show the unsaved edits again, over annotations read anew from the store."""
        for edit in self._unsaved:
            edit.show(self._annotations)

    def drop_all(self) -> int:
        """Forget every unsaved edit (another document is shown); returns how many."""
        dropped = len(self._unsaved)
        self._unsaved = []
        self._error = None
        self._ahead = None
        self._unsaved_changed()
        return dropped

    def _hand_over(self, edit: AnnotationEdit) -> None:
        self._ahead = edit
        self._saved(edit)

    # The undo stack's moves

    def prepare_undo(self, edit: AnnotationEdit) -> bool:
        """Put the state before `edit` in the store, for the stack's undo to show."""
        return self._prepare(edit, undo=True)

    def prepare_redo(self, edit: AnnotationEdit) -> bool:
        """Put the state after `edit` in the store, for the stack's redo to show."""
        return self._prepare(edit, undo=False)

    def undone(self, edit: AnnotationEdit) -> bool:
        """The stack undid `edit`: show the state before it, written first unless prepared;
        False if the store refused it (the stack should drop the edit)."""
        return self._move(edit, undo=True)

    def redone(self, edit: AnnotationEdit) -> bool:
        """The stack did `edit` (again): as `undone`, the other way."""
        return self._move(edit, undo=False)

    def _prepare(self, edit: AnnotationEdit, undo: bool) -> bool:
        if not self._write(edit, undo):
            return False
        self._ahead = edit
        return True

    def _move(self, edit: AnnotationEdit, undo: bool) -> bool:
        if self._ahead is edit:
            self._ahead = None
        elif not self._write(edit, undo):
            return False
        if undo:
            edit.unshow(self._annotations)
        else:
            edit.show(self._annotations)
        return True

    def _write(self, edit: AnnotationEdit, undo: bool) -> bool:
        try:
            store = self._store()
            edit.unwrite(store) if undo else edit.write(store)
        except StoreError as error:
            verb = "undo" if undo else "redo"
            self._tell(f"Reader could not {verb} “{edit.text}”.", str(error))
            return False
        return True
