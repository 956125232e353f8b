"""The counting runs on the window's worker threads, a slice at a time, with progress; a
document opened meanwhile drops the older one's counts."""

from __future__ import annotations

import pytest

from reader.ui.coverage.menu import CoverageMenu


@pytest.fixture
def window_arguments():
    """The window's own worker threads, as a reader runs it."""
    return {}


def test_the_counts_arrive_with_progress_up_to_the_whole(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    menu = window.findChild(CoverageMenu)
    shares: list[float] = []
    menu.coverage.counting.progressed.connect(shares.append)
    menu.coverage.counting.start(window.session)
    qtbot.waitUntil(lambda: menu.coverage.counts is not None, timeout=20_000)
    assert shares and shares == sorted(shares) and shares[-1] == 1.0
    assert menu.coverage.counts.document.occurrences["网络"] == 9


def test_another_document_takes_the_place_of_the_first(qtbot, make_window, seed_path, tmp_path):
    window = make_window(seed_path)
    menu = window.findChild(CoverageMenu)
    other = tmp_path / "other.txt"
    other.write_text("标题\n\n我们学习中文。\n", encoding="utf-8")
    assert window.open_path(other)
    qtbot.waitUntil(
        lambda: (
            menu.coverage.counts is not None
            and "网络" not in menu.coverage.counts.document.occurrences
        ),
        timeout=20_000,
    )
    assert menu.coverage.counts.document.occurrences["学习"] == 1
    assert menu.coverage.document_title() == "标题"
