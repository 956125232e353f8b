"""A pinyin find runs on a worker thread: the bar stays live while it runs, a newer query
or another document drops its result, and the result that arrives is the last query's."""

from __future__ import annotations

import pytest

from tests.ui.find.conftest import open_bar, status, wait_searched


@pytest.fixture
def window_arguments():
    """The window's own worker threads, as a reader runs it."""
    return {}


def test_a_newer_query_drops_the_result_of_the_older_one(qtbot, window):
    open_bar(qtbot, window)
    find = window.find
    shown: list[int] = []
    find.model.modelReset.connect(lambda: shown.append(find.model.rowCount()))

    find.bar.set_query("wang")
    find.open()  # searched now, not after a pause in typing
    assert find.searching
    find.bar.set_query("wangluo")
    find.open()
    wait_searched(qtbot, window)

    text = window.reader_document.text
    assert {text[start:end] for start, end in find.matches} == {"网络"}
    assert shown[-1] == len(find.matches) == 28
    assert all(count in (0, 28) for count in shown)
    assert status(window).endswith("of 28")


def test_another_document_drops_the_search_and_is_searched_itself(qtbot, window, tmp_path):
    open_bar(qtbot, window)
    find = window.find
    find.bar.set_query("wangluo")
    find.open()
    assert find.searching
    other = tmp_path / "other.txt"
    other.write_text("标题\n\n网络很大，网络很快。\n", encoding="utf-8")

    assert window.open_path(other)
    wait_searched(qtbot, window)

    text = window.reader_document.text
    assert [text[start:end] for start, end in find.matches] == ["网络", "网络"]
    assert status(window) == "1 of 2"
