"""A change of word statuses on the window's one undo stack, beside the annotation edits:
Edit ▸ Undo takes back the last thing the reader did, whichever it was."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reader.store import Status
from reader.ui.qt import QtGui

Apply = Callable[[Mapping[str, Status]], object]
"""Gives words (simplified) their statuses: shown at once, written to the store."""


class StatusCommand(QtGui.QUndoCommand):
    """The statuses after a change and before it; undo and redo apply one or the other."""

    def __init__(
        self,
        text: str,
        after: Mapping[str, Status],
        before: Mapping[str, Status],
        apply: Apply,
    ) -> None:
        super().__init__(text)
        self.after = dict(after)
        self.before = dict(before)
        self._apply = apply

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
