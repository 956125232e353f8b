"""Saving, editing and deleting saved words from the window, each a step on the vocabulary's
undo stack: a step moves a record from one state to another (None: not in the store), and
its undo moves it back. A step the store refuses is told and dropped from the stack, so the
stack never shows what the store does not hold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reader.store import SavedWord, Store, StoreError
from reader.store.annotations import now
from reader.ui.annotations.host import MessageHost
from reader.ui.qt import QtGui, QtWidgets


class SavedWordStep(QtGui.QUndoCommand):
    def __init__(
        self,
        text: str,
        before: SavedWord | None,
        after: SavedWord | None,
        move: Callable[[SavedWord | None, SavedWord | None], bool],
    ) -> None:
        super().__init__(text)
        self.before, self.after = before, after
        self._move = move

    def redo(self) -> None:
        if not self._move(self.before, self.after):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._move(self.after, self.before):
            self.setObsolete(True)


class VocabularyChanges:
    """The window's writes of saved words, through the annotations' store connection."""

    def __init__(
        self,
        store: Callable[[], Store],
        host: MessageHost,
        changed: Callable[[str | None], None],
    ) -> None:
        """`store`: the open store (raises StoreError when there is none); `changed`: told
        the id of the record a step wrote (None when it removed it)."""
        self._store = store
        self._host = host
        self._changed = changed
        self.undo_stack = QtGui.QUndoStack()

    def save(self, saved: SavedWord) -> bool:
        return self._push(f"Save “{saved.written}”", None, saved)

    def edit(self, before: SavedWord, after: SavedWord) -> bool:
        return self._push(f"Edit “{before.written}”", before, after)

    def delete(self, saved: SavedWord) -> bool:
        return self._push(f"Delete “{saved.written}”", saved, None)

    def _push(self, text: str, before: SavedWord | None, after: SavedWord | None) -> bool:
        step = SavedWordStep(text, before, after, self._move)
        self.undo_stack.push(step)
        return not step.isObsolete()

    def _move(self, before: SavedWord | None, after: SavedWord | None) -> bool:
        try:
            words = self._store().saved_words
            if after is None:
                assert before is not None
                words.delete(before.id)
            elif before is None:
                words.restore(after)
            else:
                current = words.get(after.id)
                if current is None:
                    raise StoreError(
                        self._store().path, "the saved word was deleted elsewhere meanwhile"
                    )
                words.save(replace(after, version=current.version, updated=now()))
        except StoreError as error:
            self._host.show_message(
                QtWidgets.QMessageBox.Warning,
                "Reader could not change the saved words.",
                str(error),
            )
            return False
        self._changed(after.id if after is not None else None)
        return True
