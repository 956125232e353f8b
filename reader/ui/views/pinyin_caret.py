"""The pinyin view's caret: where it stands on the page, and where the keyboard moves it.

The view paints its own page (reader.ui.views.pinyin_layout), so it has no QTextCursor to
move: the keys a text field moves its caret with (reader.ui.views.caret_keys) move this one
the same way, by character, by line and to a line's ends, over the page's laid-out lines.
Offsets are the document's; x is from the text column's left edge and y from the top of the
viewport, as the layout's hit tests take them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.ui.qt import QtCore, QtWidgets
from reader.ui.views.caret_keys import VERTICAL, Move
from reader.ui.views.pinyin_layout import PinyinLayout
from reader.ui.views.ruby_layout import BlockLayout, Line


@dataclass(frozen=True)
class Caret:
    """A place between characters. Where a wrapped line ends, the next begins at the same
    offset: `at_line_end` shows the caret at the end of the first (after End) rather than
    at the start of the second."""

    offset: int
    at_line_end: bool = False


SCROLL_TO_ENDS = {
    Move.START_OF_DOCUMENT: QtWidgets.QAbstractSlider.SliderToMinimum,
    Move.END_OF_DOCUMENT: QtWidgets.QAbstractSlider.SliderToMaximum,
}
"""The scrolling that goes with a move to the document's start or end."""


def selection_anchor(selection: tuple[int, int] | None, caret: int) -> int:
    """The selection's end that stays while the caret extends it: the other end, or the
    caret itself when it is not at one."""
    if selection is not None and caret in selection:
        return selection[0] if caret == selection[1] else selection[1]
    return caret


class CaretBlink(QtCore.QObject):
    """The caret shown at once after each move, then off and on at the platform's rate."""

    def __init__(self, parent: QtCore.QObject, blinked: Callable[[], object]) -> None:
        super().__init__(parent)
        self.shown = True
        self._timer = QtCore.QTimer(self)
        self._timer.timeout.connect(self._toggle)
        self._blinked = blinked

    def restart(self, focused: bool) -> None:
        """Shown now; blinking while the view has the focus (and the platform blinks)."""
        self.shown = True
        interval = QtWidgets.QApplication.cursorFlashTime() // 2
        if focused and interval > 0:
            self._timer.start(interval)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def _toggle(self) -> None:
        self.shown = not self.shown
        self._blinked()


def caret_rect(page: PinyinLayout, caret: Caret) -> QtCore.QRectF:
    """The caret's line: zero wide, as high as the characters' band (without the ruby);
    empty when nothing is laid out."""
    document = page.document
    if document is None or not len(page):
        return QtCore.QRectF()
    index, line = _place(page, caret)
    fonts = page.fonts(document.blocks[page.piece(index).block])
    top = page.top(index) - page.value() + line.y + fonts.ruby_band
    return QtCore.QRectF(_x_in_line(line, caret.offset), top, 0.0, fonts.text_band)


def moved(page: PinyinLayout, caret: Caret, move: Move, goal_x: float | None = None) -> Caret:
    """Where `move` takes the caret; `goal_x`, the column to keep on a line up or down.

    The page moves are the view's (it scrolls a page, then asks for the place at the
    caret's height): here they are left as they are.
    """
    document = page.document
    if document is None or not len(page):
        return caret
    length = len(document.text)
    if move is Move.START_OF_DOCUMENT:
        return Caret(0)
    if move is Move.END_OF_DOCUMENT:
        return Caret(length)
    if move is Move.NEXT_CHAR:
        return Caret(_into_piece(page, min(length, caret.offset + 1), forward=True))
    if move is Move.PREVIOUS_CHAR:
        return Caret(_into_piece(page, max(0, caret.offset - 1), forward=False))
    index, line = _place(page, caret)
    if move is Move.START_OF_LINE:
        return Caret(line.start)
    if move is Move.END_OF_LINE:
        return Caret(line.end, at_line_end=True)
    if move in (Move.NEXT_LINE, Move.PREVIOUS_LINE):
        x = goal_x if goal_x is not None else _x_in_line(line, caret.offset)
        step = 1 if move is Move.NEXT_LINE else -1
        found = _neighbour_line(page, index, line, step)
        if found is None:
            return Caret(length if step > 0 else 0)
        offset = _offset_in_line(found, x)
        return Caret(offset, at_line_end=offset == found.end and bool(found.boxes))
    return caret


def page_moved(
    page: PinyinLayout, bar: QtWidgets.QScrollBar, caret: Caret, move: Move, x: float, y: float
) -> Caret:
    """A page up or down (`bar` scrolled), the caret at (`x`, `y`) on the screen as before;
    at the document's end (start), where the page cannot go further, to the end (start)."""
    before = bar.value()
    down = move is Move.NEXT_PAGE
    bar.triggerAction(
        QtWidgets.QAbstractSlider.SliderPageStepAdd
        if down
        else QtWidgets.QAbstractSlider.SliderPageStepSub
    )
    if bar.value() == before:
        return moved(page, caret, Move.END_OF_DOCUMENT if down else Move.START_OF_DOCUMENT)
    return Caret(page.position_at(x, y))


def keyed(
    page: PinyinLayout,
    bar: QtWidgets.QScrollBar,
    caret: Caret,
    selection: tuple[int, int] | None,
    move: Move,
    goal_x: float | None,
    view: tuple[int, float],
) -> tuple[Caret, int, float | None]:
    """Where a key's `move` takes the caret; the selection's anchor, should it extend; and
    the column to keep for the next move up or down. `view` is the offset at the top and
    the viewport's height: a caret the reader scrolled away from starts from that line."""
    anchor = selection_anchor(selection, caret.offset)
    rect = caret_rect(page, caret)
    top, height = view
    if not 0 <= rect.center().y() <= height:
        caret = Caret(top)
        anchor = caret.offset
        rect = caret_rect(page, caret)
    if move in VERTICAL:
        goal_x = rect.x() if goal_x is None else goal_x
    if move in (Move.PREVIOUS_PAGE, Move.NEXT_PAGE):
        caret = page_moved(page, bar, caret, move, goal_x or 0.0, rect.center().y())
    else:
        caret = moved(page, caret, move, goal_x)
    return caret, anchor, goal_x if move in VERTICAL else None


def _place(page: PinyinLayout, caret: Caret) -> tuple[int, Line]:
    """The piece and line the caret is shown on."""
    index = page.piece_index(caret.offset)
    layout = page.layout_of(index)
    number = layout.line_index_at(caret.offset)
    if (
        caret.at_line_end
        and number > 0
        and layout.lines[number].start == caret.offset == layout.lines[number - 1].end
    ):
        number -= 1
    return index, layout.lines[number]


def _x_in_line(line: Line, offset: int) -> float:
    for box in line.boxes:
        if offset <= box.start:
            return box.x
        if offset < box.end:  # inside a run of Latin letters: a share of its width
            return box.x + box.width * (offset - box.start) / (box.end - box.start)
    return line.right()


def _offset_in_line(line: Line, x: float) -> int:
    """The place between characters of `line` nearest to `x`."""
    for box in line.boxes:
        if x < box.x + box.width / 2:
            return box.start
    return line.end


def _neighbour_line(page: PinyinLayout, index: int, line: Line, step: int) -> Line | None:
    """The line after (`step` 1) or before (-1) `line` of piece `index`, across pieces."""
    layout: BlockLayout = page.layout_of(index)
    number = layout.lines.index(line) + step
    while not 0 <= number < len(layout.lines):
        index += step
        if not 0 <= index < len(page):
            return None
        layout = page.layout_of(index)
        number = 0 if step > 0 else len(layout.lines) - 1
    return layout.lines[number]


def _into_piece(page: PinyinLayout, offset: int, forward: bool) -> int:
    """`offset`, or where the caret stops nearest to it when it falls between two blocks
    (the blank lines that part them are not shown)."""
    index = page.piece_index(offset)
    piece = page.piece(index)
    if offset <= piece.end:
        return max(offset, piece.start)
    if forward and index + 1 < len(page):
        return page.piece(index + 1).start
    return piece.end
