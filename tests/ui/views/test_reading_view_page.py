"""The reading view's page: a block too long to be laid out at every setting QTextEdit makes
is held back and added in its place once the page is on the view."""

from __future__ import annotations

from reader.document import build_document
from reader.ui.qt import QtGui
from reader.ui.views.reading_view_page import HELD_BACK, add_held_back, build_page

LONG = "a" * (HELD_BACK + 1)


def document():
    return build_document(
        "\u6807\u9898\n\n" + "\u7b2c\u4e00\u6bb5\u3002" * 10 + f"\n\n{LONG}\n\n\u5c3e\u6bb5\u3002"
    )


def plain(page: QtGui.QTextDocument) -> str:
    return page.toPlainText().replace("\u2029", "\n")


def formats(page: QtGui.QTextDocument) -> list[tuple[int, int, int]]:
    """Each block's alignment, first character's size step and weight."""
    found = []
    block = page.firstBlock()
    while block.isValid():
        cursor = QtGui.QTextCursor(block)
        cursor.movePosition(QtGui.QTextCursor.NextCharacter)
        char_format = cursor.charFormat()
        found.append(
            (
                int(block.blockFormat().alignment().value),
                char_format.property(QtGui.QTextFormat.FontSizeAdjustment),
                char_format.fontWeight(),
            )
        )
        block = block.next()
    return found


def test_only_blocks_longer_than_the_limit_are_held_back(qapp):
    source = document()
    page = build_page(source, 16.0, hold_back=True)
    blocks = [page.findBlockByNumber(n).text() for n in range(page.blockCount())]
    assert page.blockCount() == len(source.blocks)
    assert blocks[2] == ""
    assert [text for n, text in enumerate(blocks) if n != 2] == [
        source.text[b.start : b.end] for n, b in enumerate(source.blocks) if n != 2
    ]


def test_held_back_text_lands_in_its_block_as_if_built_with_the_page(qapp):
    source = document()
    whole = build_page(source, 16.0)
    page = build_page(source, 16.0, hold_back=True)
    add_held_back(page, source)
    assert plain(page) == plain(whole) == source.text
    assert formats(page) == formats(whole)


def test_a_page_without_long_blocks_is_left_as_it_is(qapp):
    source = build_document("\u6807\u9898\n\n\u6b63\u6587\u3002")
    page = build_page(source, 16.0, hold_back=True)
    add_held_back(page, source)
    assert plain(page) == source.text


def test_a_held_back_block_keeps_its_glyphs_and_is_shaped_only_as_its_script_needs(qapp):
    """Qt would shape a million characters again for the first caret placed in them, and
    kerning and ligatures cost their layout a quarter of its time."""
    source = document()
    page = build_page(source, 16.0, hold_back=True)
    add_held_back(page, source)
    blocks = [page.findBlockByNumber(n) for n in range(4)]
    assert [block.layout().cacheEnabled() for block in blocks] == [False, False, True, False]
    unshaped = [
        block.begin().fragment().charFormat().fontStyleStrategy() == QtGui.QFont.PreferNoShaping
        for block in blocks
    ]
    assert unshaped == [False, False, True, False]
