"""The views' fixtures: a shown window on the seed whose lookups are ready, and a reading
view of its own showing a document."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.document import Document
from reader.ui.views.reading_view import ReadingView
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


@pytest.fixture
def show_in_view(qtbot) -> Callable[[Document, tuple[int, int]], ReadingView]:
    """A reading view of `size` showing the document, shown and exposed."""

    def show(document: Document, size: tuple[int, int]) -> ReadingView:
        view = ReadingView()
        qtbot.addWidget(view)
        view.resize(*size)
        view.set_reader_document(document)
        view.show()
        qtbot.waitExposed(view)
        return view

    return show
