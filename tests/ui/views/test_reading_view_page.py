"""The reading view's page: a block too long to be laid out at every setting QTextEdit makes
is held back and added in its place once the page is on the view; the characters shown in
another script, in place, each keeping its position and format."""

from __future__ import annotations

from reader.document import build_document
from reader.language.script import Script, display_text
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.offsets import OffsetMap
from reader.ui.views.reading_view_page import HELD_BACK, add_held_back, build_page, show_text

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


def test_a_page_built_in_another_script_holds_those_characters_in_the_same_places(qapp):
    source = build_document("国家\n\n这是𠀀头发。\n")
    shown = display_text(source.text, Script.TRADITIONAL)
    page = build_page(source, 16.0, shown=shown)
    assert plain(page) == shown == "國家\n這是𠀀頭髮。"


def test_text_shown_in_place_keeps_formats_caret_and_every_position(qtbot):
    source = build_document("标题\n\n这是𠀀头发，干净的国家。\n\n这一个人名单\n")
    view = QtWidgets.QTextBrowser()
    qtbot.addWidget(view)
    view.setDocument(build_page(source, 16.0))
    offsets = OffsetMap(source.text)
    start = source.text.index("头发")
    marked = QtGui.QTextCharFormat()
    marked.setBackground(QtGui.QColor("#ffee00"))
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(start + 3), QtGui.QTextCursor.KeepAnchor)
    cursor.mergeCharFormat(marked)  # a highlight over 头发，
    caret = QtGui.QTextCursor(view.document())
    caret.setPosition(offsets.to_qt(start + 1))
    caret.setPosition(offsets.to_qt(start + 5), QtGui.QTextCursor.KeepAnchor)
    view.setTextCursor(caret)
    before = plain(view.document())

    traditional = display_text(source.text, Script.TRADITIONAL)
    show_text(view, source.blocks, offsets, source.text, traditional)

    assert plain(view.document()) == traditional == "標題\n這是𠀀頭髮，乾淨的國家。\n這一個人名單"
    painted = [_background(view, offsets, offset) for offset in range(len(source.text))]
    highlighted = [offset for offset, colour in enumerate(painted) if colour == "#ffee00"]
    assert highlighted == [start, start + 1, start + 2]
    assert (view.textCursor().anchor(), view.textCursor().position()) == (
        offsets.to_qt(start + 1),
        offsets.to_qt(start + 5),
    )

    show_text(view, source.blocks, offsets, traditional, source.text)
    assert plain(view.document()) == before == source.text


def _background(view: QtWidgets.QTextEdit, offsets: OffsetMap, offset: int) -> str | None:
    """The background of the character at `offset` (the format before the position after it)."""
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(offsets.to_qt(offset + 1))
    brush = cursor.charFormat().background()
    return None if brush.style() == QtCore.Qt.NoBrush else brush.color().name()
