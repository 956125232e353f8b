"""The rules for edits on their way to the store, without a window: written first, shown
anyway when refused, kept unsaved and retried in order, undo and redo written before they
are shown, never over a record changed elsewhere. The store is a real SQLite file; PRAGMA
query_only makes it refuse writes as a read-only file does (and, unlike chmod, for root
too); a second connection holding the write lock makes it busy."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from reader.document import Document
from reader.store import (
    AnnotationEdit,
    AnnotationSet,
    PendingChanges,
    StackMove,
    Store,
    StoreBusyError,
    edited,
    new_annotation,
    open_store,
)
from reader.store.pending_changes import CHANGED_ELSEWHERE, DELETED_ELSEWHERE


class UndoStack:
    """The window's undo stack as PendingChanges sees it: a pushed edit is redone at once;
    the window prepares each undo and redo before the stack moves."""

    def __init__(self) -> None:
        self.edits: list[AnnotationEdit] = []
        self.index = 0
        self.changes: PendingChanges | None = None

    def push(self, edit: AnnotationEdit) -> None:
        del self.edits[self.index :]
        self.edits.append(edit)
        self.index += 1
        assert self.changes is not None and self.changes.redone(edit)

    def undo(self) -> bool:
        """As the window's Undo does: the store first, then the stack."""
        assert self.changes is not None
        edit = self.edits[self.index - 1]
        move = self.changes.prepare_undo(edit)
        if move is StackMove.OBSOLETE:
            del self.edits[self.index - 1]
            self.index -= 1
        if move is not StackMove.READY:
            return False
        self.index -= 1
        assert self.changes.undone(edit)
        return True

    def redo(self) -> bool:
        assert self.changes is not None
        edit = self.edits[self.index]
        move = self.changes.prepare_redo(edit)
        if move is StackMove.OBSOLETE:
            del self.edits[self.index]
        if move is not StackMove.READY:
            return False
        self.index += 1
        assert self.changes.redone(edit)
        return True


class Window:
    """What the window keeps: the set shown, the pending changes, the stack, what it told."""

    def __init__(self, store: Callable[[], Store], document: Document, document_id: int) -> None:
        self.document = document
        self.document_id = document_id
        self.annotations = AnnotationSet()
        self.annotations.replace(document, [])
        self.stack = UndoStack()
        self.told: list[tuple[str, str]] = []
        self.noted: list[str] = []
        self.unsaved_heard = 0
        self.changes = PendingChanges(
            self.annotations,
            store,
            saved=self.stack.push,
            tell=lambda what, details: self.told.append((what, details)),
            note=self.noted.append,
            unsaved_changed=self._unsaved_changed,
        )
        self.stack.changes = self.changes

    def _unsaved_changed(self) -> None:
        self.unsaved_heard += 1

    def highlight(self, quote: str, colour: str = "yellow") -> AnnotationEdit:
        start = self.document.text.index(quote)
        annotation = new_annotation(
            self.document_id, self.document.text, start, start + len(quote), colour=colour
        )
        edit = AnnotationEdit.creation(annotation)
        self.changes.make(edit)
        return edit

    def recolour(self, annotation_id: str, colour: str) -> AnnotationEdit:
        """As the window does: from the copy it shows, the store's version as last seen."""
        before = self.annotations.get(annotation_id)
        assert before is not None
        edit = AnnotationEdit("Change Colour", before, edited(before, colour=colour))
        self.changes.make(edit)
        return edit

    def shown(self) -> list[tuple[str, str]]:
        return [(a.quote, a.colour) for a in self.annotations.all()]


@pytest.fixture
def document_id(store, seed) -> int:
    return store.open_document(seed).record.id


@pytest.fixture
def window(store, seed, document_id) -> Window:
    return Window(lambda: store, seed, document_id)


def stored(store: Store, document_id: int) -> list[tuple[str, str]]:
    return [(a.quote, a.colour) for a in store.annotations.for_document(document_id)]


def read_only(store: Store, on: bool = True) -> None:
    store.database.execute(f"PRAGMA query_only = {'ON' if on else 'OFF'}")


def test_an_edit_is_written_then_shown_by_the_stack_and_undone_the_same_way(
    window, store, document_id
):
    edit = window.highlight("网络安全")
    assert stored(store, document_id) == [("网络安全", "yellow")]
    assert window.stack.edits == [edit]
    assert window.shown() == [("网络安全", "yellow")]
    assert window.changes.unsaved == ()
    window.recolour(edit.annotation_id, "red")
    assert window.shown() == stored(store, document_id) == [("网络安全", "red")]

    assert window.stack.undo()
    assert window.shown() == stored(store, document_id) == [("网络安全", "yellow")]
    assert window.stack.undo()
    assert window.shown() == stored(store, document_id) == []
    assert window.stack.redo()
    assert window.stack.redo()
    assert window.shown() == stored(store, document_id) == [("网络安全", "red")]
    assert window.told == []


def test_a_refused_edit_is_shown_kept_unsaved_and_told_once(window, store, document_id):
    read_only(store)
    edit = window.highlight("网络安全")
    assert window.shown() == [("网络安全", "yellow")]
    assert window.changes.unsaved == (edit,)
    assert window.changes.unsaved_ids() == {edit.annotation_id}
    assert "read-only" in str(window.changes.error)
    assert window.stack.edits == []  # not on the undo stack: undo passes it by
    assert window.unsaved_heard == 1
    [(what, details)] = window.told
    assert what == "Reader could not save “Highlight”."
    assert "Retry Saving" in details
    assert stored(store, document_id) == []


def test_retry_writes_the_unsaved_in_order_and_stops_at_the_first_refused(
    window, store, document_id
):
    read_only(store)
    first = window.highlight("网络安全")
    red = window.recolour(first.annotation_id, "red")
    second = window.highlight("信息化")
    assert window.changes.unsaved == (first, red, second)
    assert len(window.told) == 2  # the recolour waits behind the highlight, untold
    assert window.shown() == [("网络安全", "red"), ("信息化", "yellow")]

    assert not window.changes.retry()
    assert window.told[-1][0] == "Reader still cannot save."
    assert window.changes.unsaved == (first, red, second)

    read_only(store, on=False)
    assert window.changes.retry()
    assert window.changes.unsaved == ()
    assert window.changes.error is None
    # Undoable like any other; the recolour now goes over the highlight as written.
    assert [(e.text, e.annotation_id) for e in window.stack.edits] == [
        (e.text, e.annotation_id) for e in (first, red, second)
    ]
    assert sorted(stored(store, document_id)) == [("信息化", "yellow"), ("网络安全", "red")]
    assert window.stack.undo()
    assert window.stack.undo()
    assert stored(store, document_id) == [("网络安全", "yellow")]
    assert window.shown() == [("网络安全", "yellow")]


def test_deleting_an_annotation_never_saved_only_takes_it_out(window, store, document_id):
    read_only(store)
    edit = window.highlight("网络安全")
    read_only(store, on=False)
    assert not window.changes.delete(edit.after)
    assert window.shown() == []
    assert window.changes.unsaved == ()
    assert window.stack.edits == []
    assert stored(store, document_id) == []


def test_deleting_drops_the_unsaved_edits_and_writes_the_deletion(window, store, document_id):
    edit = window.highlight("网络安全")
    read_only(store)
    red = window.recolour(edit.annotation_id, "red")
    read_only(store, on=False)
    assert window.changes.delete(window.annotations.get(red.annotation_id))
    assert window.changes.unsaved == ()
    assert window.shown() == stored(store, document_id) == []
    assert [e.text for e in window.stack.edits] == ["Highlight", "Delete Highlight"]


def test_a_refused_deletion_leaves_the_highlight_and_keeps_nothing(window, store, document_id):
    edit = window.highlight("网络安全")
    read_only(store)
    assert not window.changes.delete(edit.after)
    assert window.shown() == [("网络安全", "yellow")]
    assert window.changes.unsaved == ()
    assert window.told == [("Reader could not delete highlight.", window.told[0][1])]
    assert "read-only" in window.told[0][1]


def test_a_refused_undo_leaves_the_stack_where_it_was(window, store, document_id):
    window.highlight("网络安全")
    read_only(store)
    assert not window.stack.undo()
    assert window.told[-1][0] == "Reader could not undo “Highlight”."
    assert window.stack.index == 1
    assert window.shown() == [("网络安全", "yellow")]  # as the store still has it
    read_only(store, on=False)
    assert window.stack.undo()
    assert window.shown() == stored(store, document_id) == []


def test_a_stack_moved_without_preparing_writes_for_itself(window, store, document_id):
    edit = window.highlight("网络安全")
    assert window.changes.undone(edit)
    assert window.shown() == stored(store, document_id) == []
    read_only(store)
    assert not window.changes.redone(edit)  # the stack then drops the edit
    assert window.told[-1][0] == "Reader could not redo “Highlight”."
    assert window.shown() == stored(store, document_id) == []


def test_a_prepared_move_is_shown_once_without_writing_again(window, store, document_id):
    edit = window.highlight("网络安全")
    assert window.changes.prepare_undo(edit)
    read_only(store)  # a second write would be refused
    assert window.changes.undone(edit)
    assert window.shown() == []
    assert not window.changes.redone(edit)  # nothing prepared this time: it must write


def test_edits_made_without_a_record_are_rebased_once_there_is_one(seed, tmp_path):
    """A store that cannot be opened (a file where its folder should be): edits belong to
    no record (0) until the store opens and the document has one."""
    blocked = tmp_path / "data"
    blocked.write_text("not a folder", encoding="utf-8")
    opened: list[Store] = []

    def store() -> Store:
        if not opened:
            opened.append(open_store(blocked))
        return opened[0]

    window = Window(store, seed, document_id=0)
    edit = window.highlight("网络安全", "green")
    assert window.changes.unsaved == (edit,)
    assert "cannot create the data folder" in str(window.changes.error)
    assert edit.after.document_id == 0
    blocked.unlink()
    record = store().open_document(seed).record
    window.changes.rebase(record.id)
    assert window.changes.unsaved[0].after.document_id == record.id
    assert window.changes.retry()
    with opened[0]:
        assert stored(opened[0], record.id) == [("网络安全", "green")]


def test_another_document_drops_the_unsaved_and_says_how_many(window, store):
    read_only(store)
    window.highlight("网络安全")
    window.highlight("信息化")
    assert window.changes.drop_all() == 2
    assert window.changes.unsaved == ()
    assert window.changes.error is None


def test_unsaved_edits_are_shown_again_over_what_the_store_holds(window, store, document_id):
    window.highlight("网络安全")
    read_only(store)
    edit = window.highlight("信息化", "blue")
    window.annotations.replace(window.document, store.annotations.for_document(document_id))
    assert window.shown() == [("网络安全", "yellow")]
    window.changes.show_unsaved()
    assert window.shown() == [("网络安全", "yellow"), ("信息化", "blue")]
    assert window.annotations.get(edit.annotation_id) == edit.after


@pytest.fixture
def elsewhere(data_dir) -> Iterator[Store]:
    """Another process's connection to the same store (an import, another window)."""
    with open_store(data_dir) as other:
        yield other


def test_an_edit_over_a_record_changed_elsewhere_writes_nothing_and_shows_it(
    window, store, document_id, elsewhere
):
    made = window.highlight("网络安全")
    elsewhere.annotations.update(made.annotation_id, note="导入的笔记")
    window.recolour(made.annotation_id, "red")
    kept = store.annotations.get(made.annotation_id)
    assert (kept.colour, kept.note) == ("yellow", "导入的笔记")
    shown = window.annotations.get(made.annotation_id)
    assert (shown.colour, shown.note, shown.version) == ("yellow", "导入的笔记", kept.version)
    assert window.noted == [CHANGED_ELSEWHERE]
    assert window.changes.unsaved == ()
    assert window.stack.edits == [made]  # the refused recolour is no step
    window.recolour(made.annotation_id, "red")  # over the version now shown: written
    kept = store.annotations.get(made.annotation_id)
    assert (kept.colour, kept.note) == ("red", "导入的笔记")


def test_an_edit_of_a_record_deleted_elsewhere_takes_it_out(window, store, elsewhere):
    made = window.highlight("网络安全")
    elsewhere.annotations.delete(made.annotation_id)
    window.recolour(made.annotation_id, "red")
    assert window.shown() == []
    assert store.annotations.get(made.annotation_id) is None
    assert window.noted == [DELETED_ELSEWHERE]


def test_a_retry_drops_the_waiting_edits_of_a_record_changed_elsewhere(window, store, elsewhere):
    made = window.highlight("网络安全")
    other = window.highlight("信息化")
    read_only(store)
    window.recolour(made.annotation_id, "red")
    window.recolour(made.annotation_id, "blue")
    window.recolour(other.annotation_id, "green")
    elsewhere.annotations.update(made.annotation_id, note="导入的笔记")
    read_only(store, on=False)
    assert window.changes.retry()
    assert window.noted == [CHANGED_ELSEWHERE]
    kept = store.annotations.get(made.annotation_id)
    assert (kept.colour, kept.note) == ("yellow", "导入的笔记")
    assert window.annotations.get(made.annotation_id) == kept
    assert store.annotations.get(other.annotation_id).colour == "green"
    assert [e.text for e in window.stack.edits] == ["Highlight", "Highlight", "Change Colour"]


def test_undo_over_a_record_changed_elsewhere_drops_the_step(window, store, elsewhere):
    made = window.highlight("网络安全")
    window.recolour(made.annotation_id, "red")
    elsewhere.annotations.update(made.annotation_id, note="导入的笔记")
    assert not window.stack.undo()  # the store refuses the stale write
    assert window.noted == [CHANGED_ELSEWHERE]
    assert [e.text for e in window.stack.edits] == ["Highlight"]
    shown = window.annotations.get(made.annotation_id)
    assert (shown.colour, shown.note) == ("red", "导入的笔记")
    # The highlight's own step was made from a record the window no longer shows.
    assert not window.stack.undo()
    assert window.stack.edits == []
    kept = store.annotations.get(made.annotation_id)
    assert (kept.colour, kept.note) == ("red", "导入的笔记")


def test_steps_of_one_highlight_undo_and_redo_over_each_other(window, store, document_id):
    made = window.highlight("网络安全")
    window.recolour(made.annotation_id, "red")
    window.recolour(made.annotation_id, "blue")
    for _ in range(3):
        assert window.stack.undo()
    assert stored(store, document_id) == window.shown() == []
    for _ in range(3):
        assert window.stack.redo()
    assert stored(store, document_id) == window.shown() == [("网络安全", "blue")]
    assert window.stack.undo()
    assert stored(store, document_id) == window.shown() == [("网络安全", "red")]
    assert window.told == window.noted == []


def test_a_busy_store_keeps_edits_waiting_quietly_until_it_is_free(
    data_dir, seed, document_id, elsewhere
):
    """A short wait for the write lock, as the window's: another process's long write
    (an import) keeps the edits waiting, in order, with nothing told but the error."""
    with open_store(data_dir, busy_timeout=0.05) as store:
        window = Window(lambda: store, seed, document_id)
        saved = window.highlight("座谈会")
        with elsewhere.database.transaction():
            elsewhere.annotations.create(document_id, seed.text, 0, 2)
            made = window.highlight("网络安全")
            window.recolour(made.annotation_id, "red")
            assert window.changes.delete(window.annotations.get(saved.annotation_id)) is False
            assert window.changes.retry(quiet=True) is False
            assert isinstance(window.changes.error, StoreBusyError)
            assert window.changes.waiting_for_busy_store
            assert [e.text for e in window.changes.unsaved] == [
                "Highlight",
                "Change Colour",
                "Delete Highlight",
            ]
            assert sorted(window.shown()) == [("网络安全", "red")]
        assert window.told == window.noted == []
        assert window.changes.retry(quiet=True)
        assert not window.changes.waiting_for_busy_store
        assert sorted(stored(store, document_id)) == [("习近", "yellow"), ("网络安全", "red")]
        assert [e.text for e in window.stack.edits] == [
            "Highlight",
            "Highlight",
            "Change Colour",
            "Delete Highlight",
        ]
        assert window.stack.undo() and window.stack.undo()  # the deletion, the recolour
        assert sorted(stored(store, document_id)) == [
            ("习近", "yellow"),
            ("座谈会", "yellow"),
            ("网络安全", "yellow"),
        ]
