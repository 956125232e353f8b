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
