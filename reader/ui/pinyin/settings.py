"""What the reader chose for pinyin above the characters: off, all words, or only words above
an HSK level; tone colours on or off. Kept in the window's settings file under "pinyin/"."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reader.ui.settings import open_qsettings

HSK_LEVELS = range(1, 7)
DEFAULT_LEVEL = 2


class PinyinMode(str, Enum):
    OFF = "off"
    ALL = "all"
    ABOVE_LEVEL = "above-level"


@dataclass(frozen=True)
class PinyinChoice:
    """`level` counts only for ABOVE_LEVEL: words of HSK 1..level get no pinyin."""

    mode: PinyinMode = PinyinMode.OFF
    level: int = DEFAULT_LEVEL
    tone_colours: bool = True


class PinyinSettings:
    """Typed access to the pinyin keys; every write is saved at once."""

    def __init__(self) -> None:
        self._store = open_qsettings()

    def load(self) -> PinyinChoice:
        try:
            mode = PinyinMode(self._store.value("pinyin/mode", PinyinMode.OFF.value))
        except ValueError:
            mode = PinyinMode.OFF
        try:
            level = int(self._store.value("pinyin/hsk_level", DEFAULT_LEVEL))
        except (TypeError, ValueError):
            level = DEFAULT_LEVEL
        if level not in HSK_LEVELS:
            level = DEFAULT_LEVEL
        colours = str(self._store.value("pinyin/tone_colours", "true")).lower() != "false"
        return PinyinChoice(mode, level, colours)

    def save(self, choice: PinyinChoice) -> None:
        self._store.setValue("pinyin/mode", choice.mode.value)
        self._store.setValue("pinyin/hsk_level", choice.level)
        self._store.setValue("pinyin/tone_colours", "true" if choice.tone_colours else "false")
        self._store.sync()
