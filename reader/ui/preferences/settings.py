"""What the reader chose in Preferences that no other feature keeps: the theme and the page
(face, size, spacing, measure, margins, justification). Kept in the window's settings file
(reader.ui.settings) under "preferences/"; the word lookup's and pinyin's choices stay in
their own settings (reader.ui.lookup.settings, reader.ui.pinyin.settings)."""

from __future__ import annotations

from enum import Enum

from reader.ui.settings import SettingsGroup
from reader.ui.views.page_style import Page


class ThemeChoice(str, Enum):
    SYSTEM = "system"
    """The light or the dark theme, as the system's colour scheme is."""
    LIGHT = "light"
    SEPIA = "sepia"
    DARK = "dark"

    @property
    def label(self) -> str:
        return self.value.capitalize()


DEFAULT_THEME = ThemeChoice.SYSTEM


class PreferenceSettings(SettingsGroup):
    """The preference keys."""

    @property
    def theme(self) -> ThemeChoice:
        return self._choice("preferences/theme", DEFAULT_THEME)

    @theme.setter
    def theme(self, value: ThemeChoice) -> None:
        self._set("preferences/theme", value.value)

    @property
    def page(self) -> Page:
        """The page as chosen; a value that cannot be read is the default's."""
        default = Page()
        values = {}
        for field in Page._fields:
            stored = self._store.value(f"preferences/page/{field}")
            if stored is None:
                continue
            kind = type(getattr(default, field))
            try:
                values[field] = (str(stored).lower() == "true") if kind is bool else kind(stored)
            except (TypeError, ValueError):
                continue
        return Page(**values)

    @page.setter
    def page(self, value: Page) -> None:
        for field, chosen in zip(Page._fields, value, strict=True):
            stored = ("true" if chosen else "false") if isinstance(chosen, bool) else chosen
            self._store.setValue(f"preferences/page/{field}", stored)
        self._store.sync()
