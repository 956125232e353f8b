"""The one offset helper, checked against UTF-16 itself and against the view's text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.document import build_document
from reader.ui.qt import QtGui
from reader.ui.views.offsets import OffsetMap
from reader.ui.views.reading_view import ReadingView

ASTRAL = "𠀀"


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_positions_shift_by_one_after_each_astral_character():
    text = f"a{ASTRAL}b\n{ASTRAL}{ASTRAL}c"
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == [
        utf16_length(text[:i]) for i in range(len(text) + 1)
    ]
    assert offsets.qt_length == utf16_length(text)


def test_a_position_inside_a_surrogate_pair_maps_to_its_character():
    offsets = OffsetMap(f"a{ASTRAL}b")
    assert [offsets.from_qt(position) for position in range(5)] == [0, 1, 1, 2, 3]


def test_text_without_astral_characters_maps_to_itself():
    offsets = OffsetMap("中文 text")
    assert [offsets.to_qt(i) for i in range(8)] == list(range(8))
    assert [offsets.from_qt(i) for i in range(8)] == list(range(8))


@given(st.text(alphabet=st.sampled_from(["a", "中", ASTRAL, "😀", "\n"]), max_size=60))
def test_round_trip_for_any_text(text):
    offsets = OffsetMap(text)
    for offset in range(len(text) + 1):
        position = offsets.to_qt(offset)
        assert position == utf16_length(text[:offset])
        assert offsets.from_qt(position) == offset


def test_the_view_holds_the_document_text_at_mapped_positions(qtbot):
    document = build_document(
        f"标题{ASTRAL}有字\n\n第一段{ASTRAL}说{ASTRAL}话,还没完。\n\n小标题\n\n结尾{ASTRAL}。\n"
    )
    assert ASTRAL in document.text
    view = ReadingView()
    qtbot.addWidget(view)
    view.set_reader_document(document)
    page = view.document()
    offsets = view.offsets
    assert page.characterCount() - 1 == offsets.qt_length  # Qt counts a final separator
    cursor = QtGui.QTextCursor(page)
    between_blocks = {block.end for block in document.blocks[:-1]}
    for offset, char in enumerate(document.text):
        cursor.setPosition(offsets.to_qt(offset))
        cursor.setPosition(offsets.to_qt(offset + 1), QtGui.QTextCursor.KeepAnchor)
        expected = "\u2029" if offset in between_blocks else char.replace("\n", "\u2028")
        assert cursor.selectedText() == expected, offset
    astral_at = document.text.index(ASTRAL)
    assert offsets.to_qt(astral_at + 1) == offsets.to_qt(astral_at) + 2
