"""The window as the annotations' window tests drive it: the mouse selecting, what the
page paints, what the panel lists, what the store holds, and message boxes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.store import open_store
from reader.ui.qt import QtCore, QtGui
from reader.ui.window.main_window import MainWindow

ARTICLE = (
    "读书笔记\n\n"
    "第一章 开头\n\n"
    "这是第一段,里面有一个生僻字𠀀,还有一些常见的词语和句子。\n\n"
    "这是第二段,说的是另外一件事情,和第一段没有关系。\n\n"
    "第二章 结尾\n\n"
    "最后一段话,写完这一段,文章就结束了。\n"
)


def span(window: MainWindow, quote: str) -> tuple[int, int]:
    text = window.reader_document.text
    assert text.count(quote) == 1, quote
    start = text.index(quote)
    return start, start + len(quote)


def edge(window: MainWindow, offset: int) -> QtCore.QPoint:
    """The viewport point on the boundary before the character at `offset`."""
    view = window.reading_view
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset))
    rect = view.cursorRect(cursor)
    return QtCore.QPoint(rect.left(), rect.center().y())


def middle(window: MainWindow, offset: int) -> QtCore.QPoint:
    """The middle of the character at `offset`, in viewport coordinates."""
    left, right = edge(window, offset), edge(window, offset + 1)
    return QtCore.QPoint((left.x() + right.x()) // 2, left.y())


def select_with_mouse(qtbot, window: MainWindow, start: int, end: int) -> None:
    """Press before the first character, drag past the last, release, as a reader does."""
    viewport = window.reading_view.viewport()
    qtbot.mousePress(viewport, QtCore.Qt.LeftButton, pos=edge(window, start))
    qtbot.mouseMove(viewport, middle(window, (start + end) // 2))
    qtbot.mouseMove(viewport, edge(window, end))
    qtbot.mouseRelease(viewport, QtCore.Qt.LeftButton, pos=edge(window, end))
    assert window.annotations.selected_span() == (start, end)


def background(window: MainWindow, offset: int) -> str | None:
    view = window.reading_view
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset + 1))
    brush = cursor.charFormat().background()
    return None if brush.style() == QtCore.Qt.NoBrush else brush.color().name()


def underlined(window: MainWindow, offset: int) -> bool:
    view = window.reading_view
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset + 1))
    return cursor.charFormat().underlineStyle() != QtGui.QTextCharFormat.NoUnderline


def listed(window: MainWindow) -> list[tuple[str, str, str]]:
    """(group heading, quote, note) for each annotation row of the panel's model."""
    model = window.annotations.panel.model
    rows = []
    heading = ""
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.annotation(index) is None:
            heading = index.data().rsplit("  (", 1)[0]
        else:
            rows.append((heading, index.data(), index.siblingAtColumn(1).data()))
    return rows


def stored(data_dir: Path) -> list:
    with open_store(data_dir) as store:
        return [
            a for record in store.documents.all() for a in store.annotations.for_document(record.id)
        ]


def press(qtbot, window: MainWindow, key: QtCore.Qt.Key, modifiers=QtCore.Qt.ControlModifier):
    qtbot.keyClick(window.reading_view, key, modifiers)


class EventLoopGaps:
    """The longest the window's event loop went without running a 10 ms timer, while
    counting: how long the reader would have found the window frozen."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = 0.0
        self._timer = QtCore.QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    @contextmanager
    def counting(self) -> Iterator[None]:
        self._last = time.perf_counter()
        self._timer.start()
        try:
            yield
        finally:
            self._timer.stop()
            self._tick()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now
