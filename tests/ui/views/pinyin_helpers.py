"""What the pinyin view's tests share: the view switched on in a window with its readings
arrived, where a word is, the mouse on a character, and a view shown on its own."""

from __future__ import annotations

from reader.document import Document
from reader.language.corrections import Corrections
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.language import shared_language_tools
from reader.ui.session.readings_worker import ReadingsWorker
from reader.ui.tasks import TaskRunner
from reader.ui.views.pinyin_view import PinyinView
from reader.ui.window.main_window import MainWindow
from tests.ui.lookup_helpers import READY_MS


def wait_readings(qtbot, view: PinyinView) -> None:
    qtbot.waitUntil(
        lambda: all(view.has_readings(i) for i in view.visible_blocks()), timeout=READY_MS
    )


def scroll_and_read(qtbot, view: PinyinView, offset: int) -> None:
    """`offset`'s line at the top, the readings of what is in view arrived."""
    view.scroll_to_offset(offset)
    wait_readings(qtbot, view)


def pinyin_on(qtbot, window: MainWindow) -> PinyinView:
    window.pinyin.all_action.trigger()
    view = window.pinyin.view
    wait_readings(qtbot, view)
    return view


def find(window: MainWindow, word: str, start: int = 0) -> int:
    offset = window.reader_document.text.find(word, start)
    assert offset >= 0, word
    return offset


def centre(view: PinyinView, offset: int) -> QtCore.QPoint:
    return view.character_rect(offset).center().toPoint()


def select_with_mouse(qtbot, view: PinyinView, start: int, end: int) -> None:
    """Press on the first character's left edge, drag onto the last one, release."""
    view.scroll_to_offset(start)
    begin = view.character_rect(start)
    last = view.character_rect(end - 1)
    qtbot.mousePress(
        view.viewport(), QtCore.Qt.LeftButton, pos=begin.topLeft().toPoint() + QtCore.QPoint(1, 2)
    )
    move = QtGui.QMouseEvent(
        QtCore.QEvent.MouseMove,
        QtCore.QPointF(last.right() - 1, last.center().y()),
        view.viewport().mapToGlobal(QtCore.QPointF(last.right() - 1, last.center().y())),
        QtCore.Qt.NoButton,
        QtCore.Qt.LeftButton,
        QtCore.Qt.NoModifier,
    )
    QtWidgets.QApplication.sendEvent(view.viewport(), move)
    qtbot.mouseRelease(view.viewport(), QtCore.Qt.LeftButton, pos=last.center().toPoint())
    assert view.selected_range() == (start, end)


class PaintCounter(QtCore.QObject):
    def __init__(self, widget: QtWidgets.QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Paint:
            self.count += 1
        return False


def shown_alone(
    qtbot, document: Document, width: int, height: int
) -> tuple[PinyinView, TaskRunner]:
    """A pinyin view of `document` outside a window, its readings made by a worker on the
    runner returned (which the test waits for before it ends)."""
    view = PinyinView()
    qtbot.addWidget(view)
    view.resize(width, height)
    runner = TaskRunner(view, max_threads=1)
    worker = ReadingsWorker(
        document, runner, shared_language_tools(), lambda: None, Corrections(), lambda: False
    )
    worker.changed.connect(view.readings_changed)
    view.set_reader_document(document)
    view.set_readings_source(worker)
    view.show()
    qtbot.waitExposed(view)
    return view, runner
