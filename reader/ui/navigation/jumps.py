"""Jumps and the way back from them: the place the reader settled at, Back and Forward.

A jump is made by whoever the reader asked (the section tree, the annotations panel, find,
Go To, the next-section key); the place it left is the one the reader had settled at
before it: the top offset as of the last turn of the event loop. Scrolling updates that
place a turn later (a zero timer), so a jump's signal, heard after the jump in the same
turn, still finds the place before it. Two ways in:

- `go_to(offset)`: jump there and remember where from (Go To, the section keys, anyone
  who has an offset);
- `jumped()`: connect any signal emitted after its jump (a tree click, an annotation
  double-click, a find result): `jumps.follow(signal)`.

The section tree's jumps come in runs as the reader walks the tree with the arrow keys: a
run with no reading between its jumps is one jump (`follow(signal, runs=True)`), and Back
goes to where the reader was before it, not one section up.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.ui.navigation.history import History
from reader.ui.qt import QtCore


class Jumps(QtCore.QObject):
    changed = QtCore.Signal()
    """Back or Forward became possible or impossible."""

    def __init__(
        self,
        top: Callable[[], int],
        scroll_to: Callable[[int], None],
        moved: QtCore.SignalInstance,
        parent: QtCore.QObject | None = None,
    ) -> None:
        """`top`: the offset at the top of the view shown; `scroll_to`: put an offset at the
        top of it; `moved`: emitted as the view shown scrolls."""
        super().__init__(parent)
        self._top = top
        self._scroll_to = scroll_to
        self.history = History()
        self._settled = 0
        self._run_landed: int | None = None
        """Where the last jump of a run landed, till the reader moves on from there."""
        self._settle_timer = QtCore.QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settle)
        moved.connect(lambda _offset: self._settle_timer.start())  # not start(msec)

    def _settle(self) -> None:
        self._settled = self._top()

    def follow(self, signal: QtCore.SignalInstance, runs: bool = False) -> None:
        """`signal` says a jump has just been made (connected after whatever makes it);
        `runs`: its jumps in a row, with no reading between, are one."""
        signal.connect(self._jumped_in_run if runs else self.jumped)

    def jumped(self, *_: object) -> None:
        """A jump was made: from the settled place to the top now."""
        self._remember(self._settled)

    def jumped_from(self, before: int, *_: object) -> None:
        """A jump was made from `before` (a top offset the jumper kept) to the top now."""
        self._remember(before)

    def _jumped_in_run(self, *_: object) -> None:
        if self._run_landed is not None and self._run_landed == self._settled:
            self._settle_timer.stop()
            self._settled = self._top()
        else:
            self._remember(self._settled)
        self._run_landed = self._settled

    def go_to(self, offset: int) -> None:
        """Jump to `offset` (at the top), remembering the place left."""
        before = self._top()
        self._scroll_to(offset)
        self._remember(before)

    def _remember(self, before: int) -> None:
        self._run_landed = None
        self._settle_timer.stop()
        self._settled = self._top()
        self.history.jumped(before, self._settled)
        self.changed.emit()

    def back(self) -> None:
        self._step(self.history.back)

    def forward(self) -> None:
        self._step(self.history.forward)

    def _step(self, step: Callable[[int], int | None]) -> None:
        target = step(self._top())
        self._run_landed = None
        if target is not None:
            self._scroll_to(target)
            self._settle_timer.stop()
            self._settled = self._top()
        self.changed.emit()

    def new_document(self) -> None:
        """Another document: no way back into the last one."""
        self.history.clear()
        self._settle_timer.start()
        self.changed.emit()
