"""The reader's theme and page, applied as a window is made, before its first paint: a dark
theme's reader sees no white page first. Cheap: two settings read, and a palette set only
for a theme other than light; the dialog's module is not imported until it is opened."""

from __future__ import annotations

from reader.ui.preferences.settings import PreferenceSettings
from reader.ui.preferences.theme import apply_theme, resolve, system_scheme
from reader.ui.views.page_style import set_page


def apply_saved_preferences() -> None:
    """The theme and page as the settings say, for the views about to be made."""
    settings = PreferenceSettings()
    set_page(settings.page)
    apply_theme(resolve(settings.theme, system_scheme()))
