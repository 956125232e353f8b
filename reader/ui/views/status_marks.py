"""How both views mark the words a learner does not know yet: a short underline under each
new or learning word, apart from its neighbours' (Chinese has no spaces between words, so a
line running on from one word into the next would hide where each ends).

New words get one colour, a calm blue; words being learnt an amber that fades from status 1
to 4, as they are learnt; known and ignored words nothing. The colours are mixed from each
theme's paper, so they fade towards it on every page, and are checked against the paper
(tests/ui/views/test_status_marks.py): never invisible, never louder than the ink.

The marks come from a WordMarkSource (the window's marks feature, reader.ui.marks), asked
for the part in view only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from reader.ui.views.page_style import Theme

if TYPE_CHECKING:  # the store's package costs the first paint a tenth of a second
    from reader.store import Status

NEW_RGB = {"light": "#3d7cc9", "sepia": "#3a6fa6", "dark": "#5f9de0"}
LEARNING_RGB = {"light": "#d0790f", "sepia": "#b8640c", "dark": "#e0a040"}
LEARNING_SHARES = {1: 1.0, 2: 0.78, 3: 0.6, 4: 0.45}
"""How much of the learning colour each step keeps, the rest the paper's: 1 strongest."""
THICKNESS_EMS = 0.09
"""The underline's thickness, in ems of the text (two pixels at the usual size)."""
GAP_EMS = 0.14
"""Room left at either end of a word's underline, so that two new words read as two."""


class WordMark(NamedTuple):
    """A word to study that the reader does not know: its range and its status."""

    start: int
    end: int
    status: Status


class WordMarkSource(Protocol):
    def between(self, start: int, end: int) -> Sequence[WordMark] | None:
        """The new and learning words reaching into `[start, end)`, in order; None while
        the words there are not known yet (the text not segmented there)."""
        ...


def _mix(colour: str, paper: str, share: float) -> str:
    """`share` of `colour`, the rest of `paper`."""
    mixed = (
        round(int(colour[i : i + 2], 16) * share + int(paper[i : i + 2], 16) * (1 - share))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def mark_colour(status: Status, colours: Theme) -> str | None:
    """The underline's colour (#rrggbb) for a word of `status` on the theme's paper; None
    for a word not marked (known, ignored)."""
    if status == 0:  # Status.NEW; Lute's numbers, as Status has them
        return NEW_RGB.get(colours.name, NEW_RGB["light"])
    if 1 <= status <= 4:
        learning = LEARNING_RGB.get(colours.name, LEARNING_RGB["light"])
        return _mix(learning, colours.paper, LEARNING_SHARES[int(status)])
    return None
