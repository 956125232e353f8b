"""Where the lines of the reading view's page are: the line at a height, the line of a
position, and how far down the page can scroll. Pixels are page coordinates (from the top).

QTextDocumentLayout lays a page out lazily, top down; each function lays out only as far as
it has to look.
"""

from __future__ import annotations

from reader.ui.qt import QtCore, QtGui


def line_top(page: QtGui.QTextDocument, position: int) -> float:
    """Where the line holding Qt `position` starts."""
    block = page.findBlock(position)
    page.documentLayout().blockBoundingRect(block)  # lays the block out
    layout = block.layout()
    line = layout.lineForTextPosition(position - block.position())
    return layout.position().y() + (line.y() if line.isValid() else 0.0)


def line_start_at_y(
    page: QtGui.QTextDocument, y: float, near: QtGui.QTextBlock
) -> tuple[int, QtGui.QTextBlock]:
    """The Qt position starting the first line that reaches below `y`, and its block; the
    walk starts from the block `near` (if valid), so scrolling costs a few steps.

    QTextDocumentLayout.hitTest is not used: for a point between blocks it returns the end
    of the page while the rest is still waiting for its lazy layout.
    """
    layout = page.documentLayout()
    block = near if near.isValid() else page.firstBlock()
    rect = layout.blockBoundingRect(block)
    while y < rect.top() and block.previous().isValid():
        block = block.previous()
        rect = layout.blockBoundingRect(block)
    while y >= rect.bottom() and block.next().isValid():
        block = block.next()
        rect = layout.blockBoundingRect(block)
    text_layout = block.layout()
    top = text_layout.position().y()
    # Lines run down the block: a bisection, as a block of one long line has tens of
    # thousands and this runs at every step of a scroll.
    low, high = 0, text_layout.lineCount()
    while low < high:
        middle = (low + high) // 2
        line = text_layout.lineAt(middle)
        if top + line.y() + line.height() > y:
            high = middle
        else:
            low = middle + 1
    if low == text_layout.lineCount():
        return block.position(), block
    return block.position() + text_layout.lineAt(low).textStart(), block


def scroll_end(page: QtGui.QTextDocument, position: int, value: int, height: int) -> int | None:
    """The furthest a viewport `height` tall can scroll if the page ends less than a screen
    below `value`, else None. Lays the page out a screen past the block of `position`.

    A scroll bar cannot say: until the page is laid out to its end, QTextEdit guesses its
    height from the part laid out so far, hundreds of pixels out near the end.
    """
    layout = page.documentLayout()
    block = page.findBlock(position)
    while block.isValid():
        if layout.blockBoundingRect(block).bottom() >= value + height:
            return None
        block = block.next()
    return max(0, layout.documentSize().toSize().height() - height)


def first_line_from_y(
    page: QtGui.QTextDocument, y: float, near: QtGui.QTextBlock
) -> tuple[int, QtGui.QTextBlock]:
    """The Qt position starting the first line whose top is at or below `y` (else the last
    line's), and its block: the first line wholly below `y`."""
    position, block = line_start_at_y(page, y, near)
    layout = block.layout()
    line = layout.lineForTextPosition(position - block.position())
    if not line.isValid() or layout.position().y() + line.y() >= y:
        return position, block
    if line.lineNumber() + 1 < layout.lineCount():
        return block.position() + layout.lineAt(line.lineNumber() + 1).textStart(), block
    following = block.next()
    return (following.position(), following) if following.isValid() else (position, block)


def character_at(page: QtGui.QTextDocument, at: QtCore.QPointF) -> int | None:
    """The Qt position of the character under page point `at`, or None where there is no
    character: margins, between lines, past a line's end."""
    layout = page.documentLayout()
    position = layout.hitTest(at, QtCore.Qt.FuzzyHit)
    if position < 0:
        return None
    block = page.findBlock(position)
    if not block.isValid() or not layout.blockBoundingRect(block).contains(at):
        return None
    text_layout = block.layout()
    x = at.x() - text_layout.position().x()
    y = at.y() - text_layout.position().y()
    # Lines run down the block: the last one starting above `y` is the only candidate
    # (a paragraph of a novel may have hundreds).
    low, high = 0, text_layout.lineCount()
    while low < high:
        middle = (low + high) // 2
        if text_layout.lineAt(middle).y() <= y:
            low = middle + 1
        else:
            high = middle
    if low == 0:
        return None
    line = text_layout.lineAt(low - 1)
    if not y < line.y() + line.height():
        return None
    first, last = line.textStart(), line.textStart() + line.textLength()
    # cursorToX, not naturalTextWidth: a justified line is wider than its natural width.
    left, right = (line.cursorToX(edge)[0] for edge in (first, last))
    if last == first or not left <= x < right:
        return None
    column = line.xToCursor(x, QtGui.QTextLine.CursorOnCharacter)
    return block.position() + max(first, min(column, last - 1))
