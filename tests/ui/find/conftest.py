"""Find's window tests: the seed open in a shown, active window (Ctrl+F needs it active),
its lookups ready, a query typed into the bar as a reader types it."""

from __future__ import annotations

import pytest

from reader.ui.qt import QtCore
from reader.ui.window.main_window import MainWindow
from tests.ui.lookup_helpers import open_ready_window
from tests.ui.typing import type_text


@pytest.fixture
def window(qtbot, make_window, seed_path) -> MainWindow:
    window = open_ready_window(qtbot, make_window, seed_path, segmented=False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_bar(qtbot, window: MainWindow) -> None:
    """Ctrl+F, as pressed in the page."""
    window.shown_view().setFocus()
    qtbot.keyClick(window.shown_view(), QtCore.Qt.Key_F, QtCore.Qt.ControlModifier)
    assert window.find.is_open
    assert window.find.bar.edit.hasFocus()


def type_query(qtbot, window: MainWindow, text: str) -> None:
    """Typed into the bar: Latin letters key by key, anything else as an input method
    commits it (how Chinese is typed), then the search waited for."""
    type_text(qtbot, window.find.bar.edit, text)
    wait_searched(qtbot, window)


def wait_searched(qtbot, window: MainWindow) -> None:
    find = window.find
    qtbot.waitUntil(lambda: not find.searching, timeout=60_000)


def status(window: MainWindow) -> str:
    return window.find.bar.status.text()


def pixel_under(view, offset: int) -> str:
    """The page's colour at the top left corner of the character at `offset`, as painted."""
    rect = view.range_rect(offset, offset + 1)
    image = view.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 2, rect.top() + 2).name()
