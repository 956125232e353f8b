"""One change the reader makes to an annotation: made, recoloured, noted, attached, deleted.

An edit holds whole records on both sides, so undo and redo write exactly the state they
show, and each write is one store transaction: writing puts `after` in the store (None:
the annotation is deleted), unwriting puts `before` back. Showing does the same to the
window's AnnotationSet.

Every write names the version of the record it goes over, the one the window last saw, and
the store refuses it with StaleAnnotation if the record has moved on since (a `reader notes
import` changed the note): the window's old copy never overwrites a newer change. The copy
the store gives back carries the new version, for the next write over it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace

from reader.store.annotation_set import AnnotationSet
from reader.store.annotations import Annotation
from reader.store.store import Store


@dataclass(frozen=True, eq=False)
class AnnotationEdit:
    """Compared by identity: two edits with the same records are still two steps."""

    text: str
    """What the Edit menu calls it: "Highlight", "Edit Note" ..."""
    before: Annotation | None
    """None: the edit makes the annotation."""
    after: Annotation | None
    """None: the edit deletes the annotation."""

    @classmethod
    def creation(cls, annotation: Annotation) -> AnnotationEdit:
        return cls("Add Note" if annotation.note else "Highlight", None, annotation)

    @classmethod
    def deletion(cls, annotation: Annotation) -> AnnotationEdit:
        """Creation run backwards: undo puts the whole record back under its own id."""
        return cls("Delete Highlight", annotation, None)

    @property
    def annotation_id(self) -> str:
        annotation = self.after or self.before
        assert annotation is not None
        return annotation.id

    @property
    def creates(self) -> bool:
        return self.before is None

    @property
    def made_over(self) -> int:
        """The version of the record the edit was made from (0: it makes the record)."""
        return self.before.version if self.before is not None else 0

    def write(self, store: Store, version: int) -> Annotation | None:
        """Put the state after the edit in the store, over the record at `version` (0: none);
        returns it as stored (None: deleted). Raises StoreError, StaleAnnotation if the
        record is no longer at `version`."""
        return _put(store, self.after, self.before, version)

    def unwrite(self, store: Store, version: int) -> Annotation | None:
        """Put the state before the edit back in the store, as `write` does."""
        return _put(store, self.before, self.after, version)

    def show(self, annotations: AnnotationSet) -> None:
        _show(annotations, self.after, self.before)

    def rebased(self, document_id: int) -> AnnotationEdit:
        """The edit for the document's record, when it was made while there was none."""
        before, after = (
            replace(a, document_id=document_id) if a else None for a in (self.before, self.after)
        )
        return AnnotationEdit(self.text, before, after)

    def over(self, version: int) -> AnnotationEdit:
        """The edit made over the record at `version`: an earlier edit waiting before it
        was written, and moved the record on."""
        before, after = (
            replace(a, version=version) if a else None for a in (self.before, self.after)
        )
        return AnnotationEdit(self.text, before, after)


def _put(
    store: Store, state: Annotation | None, other: Annotation | None, version: int
) -> Annotation | None:
    if state is not None:
        return store.annotations.save(replace(state, version=version))
    if other is not None:
        # Gone already (deleted from another window) is as good as deleted.
        with contextlib.suppress(KeyError):
            store.annotations.delete(other.id, version=version)
    return None


def _show(annotations: AnnotationSet, state: Annotation | None, other: Annotation | None) -> None:
    if state is not None:
        annotations.put(state)
    elif other is not None:
        annotations.remove(other.id)
