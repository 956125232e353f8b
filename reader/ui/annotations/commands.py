"""Annotation edits on Qt's undo stack. The command is a thin step: what undo and redo
write and show, and what happens when the store refuses, is PendingChanges' (reader.store);
a move the store refused makes the command obsolete, so Qt drops it rather than show what
the store does not hold."""

from __future__ import annotations

from reader.store import AnnotationEdit, PendingChanges
from reader.ui.qt import QtGui


class EditCommand(QtGui.QUndoCommand):
    def __init__(self, edit: AnnotationEdit, changes: PendingChanges) -> None:
        super().__init__(edit.text)
        self.edit = edit
        self._changes = changes

    def redo(self) -> None:
        if not self._changes.redone(self.edit):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._changes.undone(self.edit):
            self.setObsolete(True)
