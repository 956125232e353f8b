"""The reading view's page: a Document set as a QTextDocument, its text the document's own,
or as many characters of it in another script (reader.language.script: only Han characters
differ, each for one of the same UTF-16 width), so every position still maps alike.

The page is built with QTextCursor, block by block, never from HTML, so it holds exactly
Document.text: one QTextBlock per Block (the "\\n" between blocks is the block separator), a
line break inside a block becomes U+2028, and inside a list item the break between name and
role becomes a tab that lines the roles up in a column. Every Qt position therefore maps to
a document offset through OffsetMap and nothing else.

Text sizes are relative to the view's font (QTextFormat.FontSizeAdjustment), so zooming
changes one font; only spacing in pixels (margins, indents, the tab stop) is restyled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.document import Block, BlockKind, Document
from reader.ui.fonts import SERIF_FAMILIES
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.offsets import OffsetMap
from reader.ui.views.page_style import (
    BLOCK_STYLES,
    DECK_INK,
    DEMI_BOLD,
    PADDING_EMS,
    Align,
    BlockStyle,
    StyleKey,
    block_style,
    style_key,
)

_IN_BLOCK = str.maketrans(
    {"\n": "\u2028", "\r": "\u2028", "\u2029": "\u2028", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd"}
)
_BLOCK_BREAKING = re.compile("[\n\r\u2029\ufdd0\ufdd1]")


def _in_block(text: str) -> str:
    """`text` safe to insert into one block; most text has nothing to replace, and
    str.translate costs a whole novel 60 ms before its first paint."""
    return text.translate(_IN_BLOCK) if _BLOCK_BREAKING.search(text) else text


_QT_ALIGN = {
    Align.LEFT: QtCore.Qt.AlignLeft,
    Align.CENTRE: QtCore.Qt.AlignHCenter,
    Align.RIGHT: QtCore.Qt.AlignRight,
    Align.JUSTIFY: QtCore.Qt.AlignJustify,
}


def _char_format(style: BlockStyle, weight: int | None = None) -> QtGui.QTextCharFormat:
    char_format = QtGui.QTextCharFormat()
    char_format.setProperty(QtGui.QTextFormat.FontSizeAdjustment, style.reading.size_step)
    char_format.setFontWeight(weight if weight is not None else style.weight)
    char_format.setForeground(QtGui.QColor(style.ink))
    if style.serif:
        char_format.setFontFamilies(SERIF_FAMILIES)
    return char_format


def _block_format(block: Block, em: float) -> QtGui.QTextBlockFormat:
    style = block_style(block)
    spacing = style.reading
    block_format = QtGui.QTextBlockFormat()
    block_format.setAlignment(_QT_ALIGN[style.align])
    block_format.setLineHeight(
        float(spacing.line_height), QtGui.QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    block_format.setTopMargin(spacing.above * em)
    block_format.setBottomMargin(spacing.below * em)
    block_format.setTextIndent(spacing.indent * em)
    if spacing.name_column is not None:
        # A hanging indent: the name starts the line, the role and its wrapped lines
        # share one column.
        column = spacing.name_column * em
        block_format.setLeftMargin(spacing.indent * em + column)
        block_format.setTextIndent(-column)
        block_format.setTabPositions([QtGui.QTextOption.Tab(column, QtGui.QTextOption.LeftTab)])
    return block_format


_UNBREAKABLE = re.compile("[\"'\u201c\u201d\u2018\u2019]|[A-Za-z0-9]{5}")
"""What Qt's line breaking keeps together with the characters beside it: quotation marks
(Unicode gives them no side, so none may start or end a line: 是"弟”“兄”“妹” is one
unbreakable run) and Latin words. A justified line that had to break before such a run
would spread its characters apart to fill the measure; its paragraph is set flush left."""


class _BlockFormats:
    """Block formats for one em, made once per style rather than once per block."""

    def __init__(self, em: float, text: str) -> None:
        self._em = em
        self._text = text
        self._made: dict[tuple[StyleKey, bool], QtGui.QTextBlockFormat] = {}

    def __call__(self, block: Block) -> QtGui.QTextBlockFormat:
        key = style_key(block)
        flush_left = BLOCK_STYLES[key].align is Align.JUSTIFY and bool(
            _UNBREAKABLE.search(self._text, block.start, block.end)
        )
        if (key, flush_left) not in self._made:
            block_format = _block_format(block, self._em)
            if flush_left:
                block_format.setAlignment(QtCore.Qt.AlignLeft)
            self._made[key, flush_left] = block_format
        return self._made[key, flush_left]


def _check_tiling(document: Document) -> None:
    """The blocks must cover the text, one "\\n" between each two, for positions to match."""
    previous_end = -1
    for block in document.blocks:
        if block.start != previous_end + 1 or (
            previous_end >= 0 and document.text[previous_end] != "\n"
        ):
            raise ValueError(f"blocks do not tile the text at offset {block.start}")
        previous_end = block.end
    if previous_end != len(document.text):
        raise ValueError("the last block does not end the text")


def _frame_page(page: QtGui.QTextDocument, em: float) -> None:
    frame_format = page.rootFrame().frameFormat()
    frame_format.setLeftMargin(PADDING_EMS * em)
    frame_format.setRightMargin(PADDING_EMS * em)
    frame_format.setTopMargin(2.5 * em)
    frame_format.setBottomMargin(4 * em)
    page.rootFrame().setFrameFormat(frame_format)


HELD_BACK = 10_000
"""A block longer than this gets its text after the page is on the view (add_held_back).

QTextEdit lays a page it is given out again for each of the settings it makes on taking it
(wrap mode, width), and Qt lays the first blocks out at once each time: a block of a million
characters cost 0.2 s each time. Given afterwards, its text is laid out once."""


class _CharFormats:
    """The character formats of every kind of block, made once per page; with `shaped`
    False, Qt shapes the text only where a script needs it (no kerning, no ligatures)."""

    def __init__(self, shaped: bool = True) -> None:
        self.by_style = {key: _char_format(style) for key, style in BLOCK_STYLES.items()}
        self._list_name = _char_format(BLOCK_STYLES[(BlockKind.LIST_ITEM, 0)], DEMI_BOLD)
        self._list_role = _char_format(BLOCK_STYLES[(BlockKind.LIST_ITEM, 0)])
        self._list_role.setForeground(QtGui.QColor(DECK_INK))
        if not shaped:
            for char_format in [*self.by_style.values(), self._list_name, self._list_role]:
                char_format.setFontStyleStrategy(QtGui.QFont.PreferNoShaping)

    def insert(self, cursor: QtGui.QTextCursor, block: Block, body: str) -> None:
        """`body`, the text of `block`, at the cursor: a list item's role after a tab."""
        if block.kind is BlockKind.LIST_ITEM and "\n" in body:
            name, _, role = body.partition("\n")
            cursor.insertText(_in_block(name), self._list_name)
            cursor.insertText("\t" + _in_block(role), self._list_role)
        else:
            cursor.insertText(_in_block(body), self.by_style[style_key(block)])


def build_page(
    document: Document, em: float, hold_back: bool = False, shown: str | None = None
) -> QtGui.QTextDocument:
    """A QTextDocument holding `document.text` (or `shown`, as long) block for block, styled
    as a page; with `hold_back`, blocks longer than HELD_BACK are left empty for
    add_held_back to fill."""
    if document.blocks:
        _check_tiling(document)
    page = QtGui.QTextDocument()
    page.setUndoRedoEnabled(False)
    _frame_page(page, em)
    block_formats = _BlockFormats(em, document.text)
    char_formats = _CharFormats()
    cursor = QtGui.QTextCursor(page)
    cursor.beginEditBlock()
    text = document.text if shown is None else shown
    for number, block in enumerate(document.blocks):
        char_format = char_formats.by_style[style_key(block)]
        if number == 0:
            cursor.setBlockFormat(block_formats(block))
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_formats(block), char_format)
        if not (hold_back and block.end - block.start > HELD_BACK):
            char_formats.insert(cursor, block, text[block.start : block.end])
    cursor.endEditBlock()
    return page


def held_back(document: Document) -> list[tuple[int, Block]]:
    """The blocks `build_page` holds back, with their numbers."""
    return [
        (number, block)
        for number, block in enumerate(document.blocks)
        if block.end - block.start > HELD_BACK
    ]


def add_held_back(page: QtGui.QTextDocument, document: Document, shown: str | None = None) -> None:
    """The text of the blocks `build_page` held back (or `shown`'s), in their places."""
    blocks = held_back(document)
    if not blocks:
        return
    # No real paragraph is this long (a file of one long line is): kerning and ligatures
    # cost its layout a quarter of its time, for nothing a reader would see in it.
    char_formats = _CharFormats(shaped=False)
    cursor = QtGui.QTextCursor(page)
    cursor.beginEditBlock()
    for number, block in blocks:
        text_block = page.findBlockByNumber(number)
        # Qt drops a block's glyphs once it is laid out and shapes them again for a caret's
        # place or a paint: 0.1 s for the first caret in a million characters. Kept, they
        # cost no more memory than laying the block out took.
        text_block.layout().setCacheEnabled(True)
        cursor.setPosition(text_block.position())
        text = document.text if shown is None else shown
        char_formats.insert(cursor, block, text[block.start : block.end])
    cursor.endEditBlock()


def _swapped(on_page: str, before: str, text: str, first: int) -> str:
    """`on_page` (which shows `before` from `first`) with the characters `text` changes."""
    last = first + len(on_page)
    if on_page == before[first:last]:
        return text[first:last]
    return "".join(
        wanted if wanted != old else shown
        for shown, old, wanted in zip(on_page, before[first:last], text[first:last], strict=True)
    )


def show_text(
    view: QtWidgets.QTextEdit, blocks: Sequence[Block], offsets: OffsetMap, before: str, text: str
) -> None:
    """`text` on the view's page in place of `before`, both as long as the document's text.

    Only the characters that differ are written, fragment by fragment, each keeping its
    format: the highlights merged into the page stay, and so do the caret and selection.
    The page's own stand-ins for line breaks and a list item's tab are never among them.
    """
    page = view.document()
    changes: list[tuple[int, int, str, QtGui.QTextCharFormat]] = []
    text_block = page.firstBlock()
    for block in blocks:
        start, end = block.start, block.end
        if text[start:end] != before[start:end]:
            written = text_block.text()
            for piece in text_block.textFormats():
                first = offsets.from_qt(text_block.position() + piece.start)
                last = offsets.from_qt(text_block.position() + piece.start + piece.length)
                if text[first:last] != before[first:last]:
                    on_page = written[first - start : last - start]
                    new = _swapped(on_page, before, text, first)
                    # A copy: the format is the range's, which goes with the list.
                    changes.append((first, last, new, QtGui.QTextCharFormat(piece.format)))
        text_block = text_block.next()
    caret = view.textCursor()
    kept = (caret.anchor(), caret.position())
    cursor = QtGui.QTextCursor(page)
    cursor.beginEditBlock()
    for first, last, new, char_format in changes:
        cursor.setPosition(offsets.to_qt(first))
        cursor.setPosition(offsets.to_qt(last), QtGui.QTextCursor.KeepAnchor)
        cursor.insertText(new, char_format)
    cursor.endEditBlock()
    caret.setPosition(kept[0])
    caret.setPosition(kept[1], QtGui.QTextCursor.KeepAnchor)
    view.setTextCursor(caret)


def restyle_page(page: QtGui.QTextDocument, document: Document, em: float) -> None:
    """Set the block formats again for a new em (after a zoom)."""
    block_formats = _BlockFormats(em, document.text)
    cursor = QtGui.QTextCursor(page)
    cursor.beginEditBlock()
    _frame_page(page, em)
    text_block = page.firstBlock()
    for block in document.blocks:
        cursor.setPosition(text_block.position())
        cursor.setBlockFormat(block_formats(block))
        text_block = text_block.next()
    cursor.endEditBlock()
