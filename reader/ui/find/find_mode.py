"""How a find query is read: the choice the find bar and Search Library offer."""

from __future__ import annotations

from enum import Enum


class FindMode(str, Enum):
    """How a query is read. Automatic: Latin letters (with tone numbers or marks) are
    pinyin, anything else is characters, as a learner types them."""

    AUTO = "auto"
    CHARACTERS = "characters"
    PINYIN = "pinyin"

    @property
    def label(self) -> str:
        return {"auto": "Auto", "characters": "Characters", "pinyin": "Pinyin"}[self.value]
