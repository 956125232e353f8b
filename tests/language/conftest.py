"""Language fixtures: the segmenter of the session's tools (tests/conftest.py)."""

from __future__ import annotations

import pytest

from reader.language.segmentation import Segmenter
from reader.language.tools import LanguageTools


@pytest.fixture(scope="session")
def segmenter(tools: LanguageTools) -> Segmenter:
    return tools.segmenter
