"""What the reader chose for word lookup: on or off, the pop-up's delay, how pinyin is shown.

Kept in the same settings file as the window's (reader.ui.settings), under "lookup/".
"""

from __future__ import annotations

from reader.language.pinyin import PinyinStyle
from reader.ui.settings import open_qsettings
from reader.ui.views.tone_colours import ToneColours

DELAYS_MS = (0, 150, 300, 600, 1000)
DEFAULT_DELAY_MS = 300


class LookupSettings:
    """Typed access to the lookup keys; every write is saved at once."""

    def __init__(self) -> None:
        self._store = open_qsettings()

    def _set(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()

    @property
    def enabled(self) -> bool:
        return str(self._store.value("lookup/enabled", "true")).lower() != "false"

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._set("lookup/enabled", "true" if value else "false")

    @property
    def delay_ms(self) -> int:
        """How long the mouse rests on a word before its pop-up appears."""
        try:
            value = int(self._store.value("lookup/delay_ms", DEFAULT_DELAY_MS))
        except (TypeError, ValueError):
            return DEFAULT_DELAY_MS
        return max(0, min(value, 5000))

    @delay_ms.setter
    def delay_ms(self, value: int) -> None:
        self._set("lookup/delay_ms", int(value))

    @property
    def tone_colours(self) -> ToneColours:
        try:
            return ToneColours(self._store.value("lookup/tone_colours", ToneColours.PLECO.value))
        except ValueError:
            return ToneColours.PLECO

    @tone_colours.setter
    def tone_colours(self, value: ToneColours) -> None:
        self._set("lookup/tone_colours", value.value)

    @property
    def spoken_tones(self) -> bool:
        """The pop-up's reading with the tones said aloud (一, 不, third-tone sandhi)."""
        return str(self._store.value("lookup/spoken_tones", "false")).lower() == "true"

    @spoken_tones.setter
    def spoken_tones(self, value: bool) -> None:
        self._set("lookup/spoken_tones", "true" if value else "false")

    @property
    def pinyin_style(self) -> PinyinStyle:
        try:
            return PinyinStyle(self._store.value("lookup/pinyin_style", PinyinStyle.MARKS.value))
        except ValueError:
            return PinyinStyle.MARKS

    @pinyin_style.setter
    def pinyin_style(self, value: PinyinStyle) -> None:
        self._set("lookup/pinyin_style", value.value)
