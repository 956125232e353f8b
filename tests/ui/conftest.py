"""Window tests run with the app's own garbage collection: on the main thread only.

Every test builds its main windows with `make_window`, one set-up for all of them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.ui.garbage import collect_on_main_thread
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.tasks import TaskRunner
from reader.ui.window.main_window import MainWindow


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


@pytest.fixture(autouse=True)
def widgets_gone_after_the_test(qapp):
    """The windows a test made are deleted when it ends, not at the next test's first event
    loop: pytest-qt closes them and asks for their deletion, but until then a closed
    window's message box stays visible among the next test's top-level widgets."""
    yield
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.DeferredDelete)


@pytest.fixture(autouse=True)
def no_mouse_button_left_held(qapp):
    """A test that ends with a mouse button held (QTest's mouseDClick alone does that)
    makes every later mouse move, in any later test, a drag: it fails here instead."""
    yield
    held = QtWidgets.QApplication.mouseButtons()
    if held != QtCore.Qt.NoButton:
        pytest.fail(f"the test left {held} held; release it (tests/ui/mouse.py double_click)")


@pytest.fixture
def window_arguments() -> dict[str, Any]:
    """What every window `make_window` builds is given (MainWindow's keyword arguments).

    A task runner that runs background work at once, on the test's thread: window tests
    that do not test the threads themselves need not wait for them. A test module of the
    threads overrides this fixture (`threaded_windows`), and a single call passes its own
    to `make_window`.
    """
    return {"runner": TaskRunner(synchronous=True)}


@pytest.fixture
def make_window(qtbot, window_arguments) -> Callable[..., MainWindow]:
    """Builds a main window, closed and deleted after the test as pytest-qt does.

    make_window()                      shown, painted, its features attached
    make_window(path)                  ... with `path` opened (the test fails if it does not)
    make_window(show=False)            never shown: no paint yet, features not attached
    make_window(size=(w, h))           resized before it is shown
    make_window(active=True)           the active window, as shortcuts need
    make_window(runner=...)            any other keyword goes to MainWindow itself
    """

    def make(
        path: Path | None = None,
        *,
        show: bool = True,
        size: tuple[int, int] | None = None,
        active: bool = False,
        **arguments: Any,
    ) -> MainWindow:
        window = MainWindow(**{**window_arguments, **arguments})
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        if show:
            window.show()
            qtbot.waitExposed(window)
            # As a reader first sees it: painted, and so with its features attached. They
            # attach from the event loop after the first paint; a test that drove the page
            # before then raced them (the attach, come on first use, dropped a selection).
            attached: list[bool] = []
            window.when_features_attached(lambda: attached.append(True))
            qtbot.waitUntil(lambda: bool(attached))
        if active:
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        if path is not None:
            assert window.open_path(path)
        return window

    return make
