"""Every preferences test starts, and leaves the process, in the default theme and page: the
theme and page are the process's (page_style's state, the application palette)."""

from __future__ import annotations

import pytest

from reader.ui.preferences.theme import apply_theme
from reader.ui.views.page_style import LIGHT, Page, set_page


@pytest.fixture(autouse=True)
def default_theme_and_page(qapp):
    yield
    apply_theme(LIGHT)
    set_page(Page())
