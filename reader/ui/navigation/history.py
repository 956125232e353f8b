"""Back and Forward over the reader's jumps, as a browser keeps them: plain offsets, no Qt.

A jump (a click in the section tree, a find result, Go To ...) puts the place the reader
left on the back list and clears the forward list; Back goes to the last place left,
putting the place it leaves on the forward list, and Forward undoes Back.
"""

from __future__ import annotations

HISTORY_CAP = 100
"""Places kept each way; the oldest go first."""


class History:
    def __init__(self, cap: int = HISTORY_CAP) -> None:
        self._cap = cap
        self._back: list[int] = []
        self._forward: list[int] = []

    def jumped(self, before: int, after: int) -> None:
        """The reader jumped from `before` to `after` (top offsets); no move, no entry."""
        if before == after:
            return
        if not self._back or self._back[-1] != before:
            self._back.append(before)
            del self._back[: -self._cap]
        self._forward.clear()

    def back(self, here: int) -> int | None:
        """Where Back goes from `here`, which Forward then returns to; None if nowhere."""
        return _step(self._back, self._forward, here, self._cap)

    def forward(self, here: int) -> int | None:
        """Where Forward goes from `here`, which Back then returns to; None if nowhere."""
        return _step(self._forward, self._back, here, self._cap)

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def clear(self) -> None:
        """A new document: its places are not the old one's."""
        self._back.clear()
        self._forward.clear()


def _step(source: list[int], other: list[int], here: int, cap: int) -> int | None:
    """Pop the last place of `source` that is not `here`, and keep `here` on `other`."""
    while source and source[-1] == here:
        source.pop()
    if not source:
        return None
    other.append(here)
    del other[:-cap]
    return source.pop()
