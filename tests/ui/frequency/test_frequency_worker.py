"""The frequency list is worked out on the window's worker threads, with progress; a newer
choice drops the older one's result, and a closed dialog drops its work."""

from __future__ import annotations

import pytest

from reader.ui.frequency.menu import FrequencyMenu
from reader.ui.session.current import CurrentSession


@pytest.fixture
def window_arguments():
    """The window's own worker threads, as a reader runs it."""
    return {}


def test_the_list_arrives_with_progress_up_to_the_whole(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    menu = window.findChild(FrequencyMenu)
    shares: list[float] = []
    menu.computing.progressed.connect(shares.append)
    lists = []
    menu.computing.computed.connect(lists.append)
    dialog = menu.show_dialog()
    assert dialog.progress.isVisible()  # shown at once, the list to come
    qtbot.waitUntil(lambda: bool(lists), timeout=30_000)
    assert shares and shares == sorted(shares) and shares[-1] == 1.0
    assert not dialog.progress.isVisible()
    counts = {row.word: row.count for row in lists[0].rows}
    assert counts["网络"] == 9


def test_a_newer_choice_drops_the_older_result(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    menu = window.findChild(FrequencyMenu)
    lists = []
    menu.computing.computed.connect(lists.append)
    dialog = menu.show_dialog()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findText("Characters"))
    qtbot.waitUntil(lambda: bool(lists), timeout=30_000)
    qtbot.wait(200)
    assert [found.characters for found in lists] == [True]  # the words' list never shown
    assert dialog.model.characters


def test_closing_the_dialog_drops_its_work(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    menu = window.findChild(FrequencyMenu)
    lists = []
    menu.computing.computed.connect(lists.append)
    dialog = menu.show_dialog()
    dialog.close()
    runner = window.findChild(CurrentSession).runner
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=30_000)  # every task came back
    assert lists == [] and not menu.computing.busy
