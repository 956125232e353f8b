"""The one conversion between Document offsets (code points) and Qt positions (UTF-16 units).

Characters outside the Basic Multilingual Plane take one code point but two UTF-16 units,
so each one before a position shifts it by one. Only their places are kept, and a
conversion is a bisection over them.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts positions for one text; build it once per Document."""

    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        # Where each astral character starts in UTF-16: every earlier one added a unit.
        self._astral_qt = [offset + index for index, offset in enumerate(self._astral)]
        self._length = len(text)

    @property
    def qt_length(self) -> int:
        return self._length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """The Qt position of the code-point `offset` (0..len(text))."""
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset at Qt `position`; inside a surrogate pair, its character's."""
        before = bisect.bisect_left(self._astral_qt, position)
        if before and self._astral_qt[before - 1] == position - 1:
            return self._astral[before - 1]
        return position - before
