"""What the reader chose for pinyin above the characters: off, all words, or only words above
an HSK level, either of them for the words the reader does not know (new and learning) only;
and how large the pinyin is. Kept in the window's settings file under
"pinyin/". Tone colours and how pinyin is written are the word lookup's choices
(reader.ui.lookup.settings), shared by the pop-up and the pinyin view: one place each."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reader.ui.settings import SettingsGroup
from reader.ui.views.pinyin_fonts import RubySize

HSK_LEVELS = (1, 2, 3, 4, 5, 6, 9)
"""HSK 3.0's levels, 1–6 and the band 7–9 (its lists give 7–9 as one): words of HSK 1 to the
level chosen get no pinyin."""
DEFAULT_LEVEL = 2
UNKNOWN_ONLY = "Only Words I &Do Not Know"
"""The entry after the levels: with All Words, pinyin above the new and learning words; with
a level, above those of them beyond it."""


def level_label(level: int) -> str:
    return "7–9" if level == 9 else str(level)


class PinyinMode(str, Enum):
    OFF = "off"
    ALL = "all"
    ABOVE_LEVEL = "above-level"


@dataclass(frozen=True)
class PinyinChoice:
    """`level` counts only for ABOVE_LEVEL: words of HSK 1..level get no pinyin; with
    `unknown_only` (ALL or ABOVE_LEVEL), the words the reader knows or ignores get none."""

    mode: PinyinMode = PinyinMode.OFF
    level: int = DEFAULT_LEVEL
    size: RubySize = RubySize.MEDIUM
    unknown_only: bool = False

    @property
    def hidden_level(self) -> int:
        """Words of HSK 1 to this level get no pinyin (0: none of them)."""
        return self.level if self.mode is PinyinMode.ABOVE_LEVEL else 0


class PinyinSettings(SettingsGroup):
    """The pinyin keys."""

    def load(self) -> PinyinChoice:
        mode = self._choice("pinyin/mode", PinyinMode.OFF)
        try:
            level = int(self._store.value("pinyin/hsk_level", DEFAULT_LEVEL))
        except (TypeError, ValueError):
            level = DEFAULT_LEVEL
        if level not in HSK_LEVELS:
            level = DEFAULT_LEVEL
        size = self._choice("pinyin/size", RubySize.MEDIUM)
        return PinyinChoice(mode, level, size, self._flag("pinyin/unknown_only", False))

    def save(self, choice: PinyinChoice) -> None:
        self._store.setValue("pinyin/mode", choice.mode.value)
        self._store.setValue("pinyin/hsk_level", choice.level)
        self._store.setValue("pinyin/size", choice.size.value)
        self._store.setValue("pinyin/unknown_only", "true" if choice.unknown_only else "false")
        self._store.sync()
