"""The views' fixtures: a shown window on the seed whose lookups are ready."""

from __future__ import annotations

import pytest

from tests.ui.lookup_helpers import open_ready_window


@pytest.fixture
def window(qtbot, make_window, seed_path):
    """Lookups ready; the whole book not necessarily segmented yet."""
    return open_ready_window(qtbot, make_window, seed_path, segmented=False)


@pytest.fixture
def window_arguments():
    """The views' windows run their workers on threads: the readings arrive after the text
    is painted, as a reader sees them, and the tests wait for them as a reader would."""
    return {}
