"""What the word-status tests share: a window on the seed, ready to look words up, shown
wide and active (the keys need it), and the folder of its store."""

from __future__ import annotations

import functools

import pytest

from reader.store import Status, open_store, resolve_data_dir
from reader.ui.window.main_window import MainWindow
from reader.ui.words.controller import WordsController
from tests.ui.lookup_helpers import wait_ready


@pytest.fixture
def data_dir():
    """Where conftest's READER_DATA_DIR puts this test's store."""
    return resolve_data_dir()


@pytest.fixture
def make_window(make_window):
    return functools.partial(make_window, size=(1100, 750), active=True)


@pytest.fixture
def open_window(qtbot, make_window, seed_path):
    """A new window on the seed, its lookups ready (the pop-up at once: no delay)."""

    def open_one(**arguments) -> MainWindow:
        from reader.ui.lookup.settings import LookupSettings

        LookupSettings().delay_ms = 0
        window = make_window(seed_path, **arguments)
        wait_ready(qtbot, window)
        return window

    return open_one


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window()


def words_of(window: MainWindow) -> WordsController:
    found = window.findChild(WordsController)
    assert found is not None
    return found


def stored(data_dir) -> dict[str, Status]:
    """The statuses the store holds, as another process reads them."""
    with open_store(data_dir) as store:
        return store.word_statuses.all()
