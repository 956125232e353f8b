"""Window tests run with the app's own garbage collection: on the main thread only."""

from __future__ import annotations

import gc

import pytest

from reader.ui.garbage import collect_on_main_thread


@pytest.fixture(autouse=True, scope="session")
def main_thread_garbage_collection(qapp):
    collect_on_main_thread(qapp)
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def automatic_collection_off(main_thread_garbage_collection) -> None:
    """Each window test starts as the app runs, automatic collection off, whatever ran
    before it: a sub-command run in this process (`reader.cli.main(["outline", ...])` in
    tests/test_cli.py) turns automatic collection back on, as it should in a process of its
    own."""
    gc.disable()
