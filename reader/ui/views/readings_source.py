"""What the pinyin view asks for the readings it paints above the characters.

Readings are made off the ui thread from the open document's words, which belong to the
document's session, not to a view. The view only says which blocks it shows and lays out
again the ones whose readings changed; whoever gives it a ReadingsSource calls its
`readings_changed` when some arrive (and `readings_failed` if none can be made).
"""

from __future__ import annotations

from typing import Protocol

from reader.language.readings import Readings


class ReadingsSource(Protocol):
    def readings(self, index: int) -> Readings | None:
        """The readings of block `index` made so far; None while there are none."""
        ...

    def request(self, indexes: list[int]) -> None:
        """Make the readings of these blocks in the background (the blocks in view now:
        a later request may take the place of one still waiting)."""
        ...
