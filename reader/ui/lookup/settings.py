"""What the reader chose for word lookup: on or off, the pop-up's delay, how pinyin is shown.

Kept in the same settings file as the window's (reader.ui.settings), under "lookup/".
"""

from __future__ import annotations

from reader.language.pinyin import PinyinStyle
from reader.ui.settings import SettingsGroup
from reader.ui.views.tone_colours import ToneColours

DELAYS_MS = (0, 150, 300, 600, 1000)
DEFAULT_DELAY_MS = 300


class LookupSettings(SettingsGroup):
    """The lookup keys."""

    @property
    def enabled(self) -> bool:
        return self._flag("lookup/enabled", True)

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._set_flag("lookup/enabled", value)

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
        return self._choice("lookup/tone_colours", ToneColours.PLECO)

    @tone_colours.setter
    def tone_colours(self, value: ToneColours) -> None:
        self._set("lookup/tone_colours", value.value)

    @property
    def spoken_tones(self) -> bool:
        """The pop-up's reading with the tones said aloud (一, 不, third-tone sandhi)."""
        return self._flag("lookup/spoken_tones", False)

    @spoken_tones.setter
    def spoken_tones(self, value: bool) -> None:
        self._set_flag("lookup/spoken_tones", value)

    @property
    def pinyin_style(self) -> PinyinStyle:
        return self._choice("lookup/pinyin_style", PinyinStyle.MARKS)

    @pinyin_style.setter
    def pinyin_style(self, value: PinyinStyle) -> None:
        self._set("lookup/pinyin_style", value.value)
