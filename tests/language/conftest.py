"""Language fixtures: the costly tools (jieba, the dictionary index, the model) once a session."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.language.segmentation import Segmenter
from reader.language.tools import LanguageTools


@pytest.fixture(scope="session")
def tools(language_cache: Path) -> LanguageTools:
    language_tools = LanguageTools(language_cache)
    language_tools.warm_up()
    yield language_tools
    language_tools.close()


@pytest.fixture(scope="session")
def segmenter(tools: LanguageTools) -> Segmenter:
    return tools.segmenter
