"""The reader's edits on their way to the store: written first, then shown, never dropped.

The rules, kept out of the widgets:

- An edit is written to the store before it is shown or goes on the undo stack. Written,
  it is handed to `saved` (the window puts it on its undo stack, whose first redo shows it).
- An edit the store refuses (a read-only or full disk, a store that cannot be opened, a
  store busy in another process) is shown anyway, kept as unsaved, and its annotation
  marked so; the reader is told once per edit, except of a busy store, which is a passing
  state: the caller says so in a line and retries. An unsaved edit is not on the undo
  stack: undo and redo pass it by. An edit of an annotation that has unsaved edits waits
  behind them, so the store takes one annotation's edits in the order they were made.
  `retry` writes the unsaved edits in that order; each one written goes to `saved` and so
  on the undo stack (those behind it then go over the version it got), and the first the
  store still refuses stops the retry.
- Every write goes over the version of the record the window last saw. A record changed
  or deleted elsewhere since (by `reader notes import`, or another window) is never
  overwritten: the store refuses (StaleAnnotation), the window shows the record as the
  store now holds it, the edit and those waiting behind it on that annotation are dropped,
  and the reader is told in one line (`note`).
- A deletion the store refuses is not shown: the highlight stays, nothing is kept; only
  a busy store keeps it waiting like any other edit. Deleting an annotation drops its
  unsaved edits; one never saved at all is simply gone.
- Undo and redo write the store before the stack moves (`prepare_undo`, `prepare_redo`);
  refused, the stack stays where it is and can be moved again; refused as stale, or
  made from a record the window no longer shows (reloaded after a change elsewhere), the
  stack drops the step (StackMove.OBSOLETE). The stack's own move (`undone`, `redone`) then
  only shows. A stack driven directly, with nothing prepared, writes for itself, and an
  edit the store refuses then is dropped from the stack (the caller makes it obsolete)
  rather than shown as what the store does not hold.
- Another document dropped the unsaved edits of the one before; the caller is told how many.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from reader.store.annotation_edit import AnnotationEdit
from reader.store.annotation_set import AnnotationSet
from reader.store.annotations import Annotation, StaleAnnotation
from reader.store.database import StoreBusyError, StoreError
from reader.store.store import Store

NOT_SAVED_HINT = (
    "It stays in the window, marked as not saved; Retry Saving in the Annotations panel "
    "saves it once the store can be written."
)
CHANGED_ELSEWHERE = (
    "This highlight was changed elsewhere (by an import); it now shows that version."
)
DELETED_ELSEWHERE = "This highlight was deleted elsewhere (by an import); it is gone here too."
STEP_DROPPED = (
    "The highlight was changed elsewhere (by an import) since that step; the step was dropped."
)
BUSY_HINT = "The annotation store is busy in another process; try again in a moment."


class StackMove(Enum):
    """What preparing an undo or redo came to."""

    READY = auto()
    """Written: move the stack, which then only shows it."""
    REFUSED = auto()
    """The store refused: the stack stays where it is, to be moved again."""
    OBSOLETE = auto()
    """The record changed elsewhere, and is shown as the store has it: drop the step."""


class PendingChanges:
    """One per window, for the document shown."""

    def __init__(
        self,
        annotations: AnnotationSet,
        store: Callable[[], Store],
        *,
        saved: Callable[[AnnotationEdit], object],
        tell: Callable[[str, str], object],
        note: Callable[[str], object],
        unsaved_changed: Callable[[], object],
    ) -> None:
        """`store` gives the store to write to, or raises StoreError; `saved` takes each
        edit the store now holds; `tell` reports a failure (what, details); `note` says
        one line in passing; `unsaved_changed` hears that the unsaved edits or their
        error changed."""
        self._annotations = annotations
        self._store = store
        self._saved = saved
        self._tell = tell
        self._note = note
        self._unsaved_changed = unsaved_changed
        self._unsaved: list[AnnotationEdit] = []
        self._error: StoreError | None = None
        self._ahead: tuple[AnnotationEdit, Annotation | None] | None = None
        """Written for the undo stack's next move, which then only shows it: the edit, and
        its annotation as the store gave it back (None: gone)."""

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

    @property
    def waiting_for_busy_store(self) -> bool:
        """The unsaved edits wait only for another process to finish with the store."""
        return bool(self._unsaved) and isinstance(self._error, StoreBusyError)

    # Making edits

    def make(self, edit: AnnotationEdit) -> bool:
        """Write the edit and hand it to `saved`; refused, show it and keep it unsaved.
        True if the store took it."""
        if edit.annotation_id in self.unsaved_ids():
            self._keep(edit, self._error)
            return False
        try:
            stored = edit.write(self._store(), edit.made_over)
        except StaleAnnotation as stale:
            self._changed_elsewhere(edit.annotation_id, stale.current)
            return False
        except StoreError as error:
            self._keep(edit, error)
            if not isinstance(error, StoreBusyError):
                self._tell(f"Reader could not save “{edit.text}”.", f"{error}\n\n{NOT_SAVED_HINT}")
            return False
        self._hand_over(edit, stored)
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
            edit.write(self._store(), edit.made_over)
        except StaleAnnotation as stale:
            self._changed_elsewhere(annotation_id, stale.current)
            return False
        except StoreBusyError as error:
            self._keep(edit, error)
            return False
        except StoreError as error:
            self._tell(f"Reader could not {edit.text.lower()}.", str(error))
            return False
        self._hand_over(edit, None)
        return True

    def retry(self, *, quiet: bool = False) -> bool:
        """Write the unsaved edits in the order they were made; True once all are saved.
        A refusal is told unless `quiet` (a retry the reader did not ask for) or the store
        is only busy."""
        wrote = False
        while self._unsaved:
            edit = self._unsaved[0]
            try:
                stored = edit.write(self._store(), edit.made_over)
            except StaleAnnotation as stale:
                self._changed_elsewhere(edit.annotation_id, stale.current)
                continue
            except StoreError as error:
                self._error = error
                if wrote:  # what the edits written showed, the ones waiting show over
                    self.show_unsaved()
                self._unsaved_changed()
                if not quiet and not isinstance(error, StoreBusyError):
                    self._tell("Reader still cannot save.", f"{error}\n\n{NOT_SAVED_HINT}")
                return False
            wrote = True
            self._unsaved.pop(0)
            if stored is not None:
                self._unsaved = [
                    e.over(stored.version) if e.annotation_id == stored.id else e
                    for e in self._unsaved
                ]
            self._hand_over(edit, stored)
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

    def _keep(self, edit: AnnotationEdit, error: StoreError | None) -> None:
        self._unsaved.append(edit)
        edit.show(self._annotations)
        self._error = error
        self._unsaved_changed()

    def _hand_over(self, edit: AnnotationEdit, stored: Annotation | None) -> None:
        self._ahead = (edit, stored)
        self._saved(edit)

    def _changed_elsewhere(self, annotation_id: str, current: Annotation | None) -> None:
        """The store refused a stale write: show the record as it now is (or no longer),
        and drop the edits of it that wait, made over the old one."""
        waiting = [e for e in self._unsaved if e.annotation_id == annotation_id]
        if waiting:
            self._unsaved = [e for e in self._unsaved if e.annotation_id != annotation_id]
        if current is None:
            self._annotations.remove(annotation_id)
        else:
            self._annotations.put(current)
        if waiting:
            self._unsaved_changed()
        self._note(DELETED_ELSEWHERE if current is None else CHANGED_ELSEWHERE)

    # The undo stack's moves

    def prepare_undo(self, edit: AnnotationEdit) -> StackMove:
        """Put the state before `edit` in the store, for the stack's undo to show."""
        return self._prepare(edit, undo=True)

    def prepare_redo(self, edit: AnnotationEdit) -> StackMove:
        """Put the state after `edit` in the store, for the stack's redo to show."""
        return self._prepare(edit, undo=False)

    def undone(self, edit: AnnotationEdit) -> bool:
        """The stack undid `edit`: show the state before it, written first unless prepared;
        False if the store refused it (the stack should drop the edit)."""
        return self._move(edit, undo=True)

    def redone(self, edit: AnnotationEdit) -> bool:
        """The stack did `edit` (again): as `undone`, the other way."""
        return self._move(edit, undo=False)

    def _prepare(self, edit: AnnotationEdit, undo: bool) -> StackMove:
        move, stored = self._write(edit, undo)
        if move is StackMove.READY:
            self._ahead = (edit, stored)
        return move

    def _move(self, edit: AnnotationEdit, undo: bool) -> bool:
        if self._ahead is not None and self._ahead[0] is edit:
            stored = self._ahead[1]
            self._ahead = None
        else:
            move, stored = self._write(edit, undo)
            if move is not StackMove.READY:
                return False
        if stored is None:
            self._annotations.remove(edit.annotation_id)
        else:
            self._annotations.put(stored)
        return True

    def _write(self, edit: AnnotationEdit, undo: bool) -> tuple[StackMove, Annotation | None]:
        """Over the record as the window shows it, the store's as last seen. A record not
        shown as the step left it (reloaded, changed elsewhere) makes the step obsolete:
        its states are made from a record that is no longer there."""
        expected = edit.after if undo else edit.before
        shown = self._annotations.get(edit.annotation_id)
        if shown != expected:
            self._note(STEP_DROPPED)
            return StackMove.OBSOLETE, None
        version = shown.version if shown is not None else 0
        try:
            store = self._store()
            stored = edit.unwrite(store, version) if undo else edit.write(store, version)
        except StaleAnnotation as stale:
            self._changed_elsewhere(edit.annotation_id, stale.current)
            return StackMove.OBSOLETE, None
        except StoreError as error:
            what = f"Reader could not {'undo' if undo else 'redo'} “{edit.text}”."
            if isinstance(error, StoreBusyError):
                self._note(f"{what} {BUSY_HINT}")
            else:
                self._tell(what, str(error))
            return StackMove.REFUSED, None
        return StackMove.READY, stored
