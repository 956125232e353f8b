"""Bench fixtures: the language tools once a session, as the language tests have them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.language.tools import LanguageTools


@pytest.fixture(scope="session")
def tools(language_cache: Path) -> LanguageTools:
    language_tools = LanguageTools(language_cache)
    language_tools.warm_up()
    yield language_tools
    language_tools.close()
