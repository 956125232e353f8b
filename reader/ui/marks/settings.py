"""Whether the new and learning words are marked in the text: off unless the reader asks
(a reader who does not track words would see every word marked). Kept in the window's
settings file under "marks/", as the other view choices are."""

from __future__ import annotations

from reader.ui.settings import SettingsGroup

MARK_WORDS = "&Mark New and Learning Words"
"""View's entry, after Word Lookup's submenu and before Pinyin's."""


class MarkSettings(SettingsGroup):
    """The marks' key."""

    @property
    def shown(self) -> bool:
        return self._flag("marks/shown", False)

    @shown.setter
    def shown(self, value: bool) -> None:
        self._set_flag("marks/shown", value)
