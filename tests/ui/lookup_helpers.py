"""What the word-lookup tests share: a window whose lookups are ready, and where a character is."""

from __future__ import annotations

from pathlib import Path

from reader.ui.lookup.controller import WordLookupController
from reader.ui.lookup.settings import LookupSettings
from reader.ui.qt import QtCore, QtGui
from reader.ui.window.main_window import MainWindow

READY_MS = 120_000
"""The first window of a session builds the dictionary index and jieba's cache."""


def wait_ready(qtbot, window: MainWindow, segmented: bool = True) -> WordLookupController:
    """Lookups work; with `segmented`, jieba has also cut the whole document."""
    lookup = window.word_lookup
    qtbot.waitUntil(lambda: lookup.is_ready, timeout=READY_MS)
    if segmented:
        segmentation = window.session.segmentation
        qtbot.waitUntil(
            lambda: segmentation.segmented_count() == len(segmentation), timeout=READY_MS
        )
    return lookup


def open_ready_window(
    qtbot, make_window, path: Path, delay_ms: int = 50, segmented: bool = True
) -> MainWindow:
    """A shown window on `path` (made by the `make_window` fixture), its pop-up appearing
    after `delay_ms`, lookups ready."""
    LookupSettings().delay_ms = delay_ms
    window = make_window(path)
    wait_ready(qtbot, window, segmented)
    return window


def char_point(view, offset: int) -> QtCore.QPoint:
    """The middle of the character at `offset`, in viewport coordinates."""
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset))
    left = view.cursorRect(cursor)
    cursor.setPosition(view.offsets.to_qt(offset + 1))
    right = view.cursorRect(cursor)
    width = right.left() - left.left() if right.top() == left.top() else view.em()
    return QtCore.QPoint(left.left() + int(width // 2), left.center().y())


def hover_word(qtbot, view, lookup, offset: int, point) -> None:
    """Moves the mouse off the page and then to `point` over the character at `offset`, and
    waits for the pop-up of the word holding it."""
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), point)
    qtbot.waitUntil(
        lambda: (
            lookup.current is not None
            and lookup.current.start <= offset < lookup.current.end
            and lookup.popup.isVisible()
        )
    )
