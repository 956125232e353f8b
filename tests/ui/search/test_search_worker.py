"""A library search runs on a worker thread: the window stays live while it runs, and a
newer query drops the older one's result, so what is shown is the last query's."""

from __future__ import annotations

import pytest

from tests.ui.search.conftest import BAOYU, occurrences, open_search, wait_searched

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)"
)


@pytest.fixture
def window_arguments():
    """The window's own worker threads, as a reader runs it."""
    return {}


def test_a_newer_query_drops_the_result_of_the_older_one(qtbot, window, books):
    search = open_search(qtbot, window)
    model = search.window.model
    shown: list[set[str]] = []
    model.modelReset.connect(lambda: shown.append({hit.match for hit in model.hits}))

    search.window.set_query("黛玉")
    search.search_now()  # searched now, not after a pause in typing
    assert search.searching
    search.window.set_query(BAOYU)
    search.search_now()
    wait_searched(qtbot, search)

    assert model.rowCount() == occurrences(books, BAOYU)
    assert shown[-1] == {BAOYU}
    assert all(matches in (set(), {BAOYU}) for matches in shown)
    assert search.window.status.text() == "6 matches in 2 documents"


def test_typing_waits_for_a_pause_then_searches_on_a_worker(qtbot, window, books):
    search = open_search(qtbot, window)
    search.window.set_query(BAOYU)

    assert search.searching
    assert search.window.model.rowCount() == 0  # nothing searched on the ui thread
    wait_searched(qtbot, search)
    assert search.window.model.rowCount() == occurrences(books, BAOYU)
