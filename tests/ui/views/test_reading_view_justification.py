"""Justified Chinese never spreads its characters apart (issue 11, item 8): the reading
view's column is a whole number of characters, and a paragraph that Qt could only break
unevenly (quotation marks, which Unicode lets neither start nor end a line, and Latin
words) is set flush left instead."""

from __future__ import annotations

from reader.document import build_document
from reader.ui.qt import QtCore, QtGui
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.reading_view_page import build_page

PURE = "\u6b64\u5f00\u5377\u7b2c\u4e00\u56de\u4e5f\u3002" * 12  # 此开卷第一回也。
QUOTED = "\u4e00" * 28 + '\u662f"\u5f1f\u201d\u201c\u5144\u201d\u201c\u59ca\u201d' + "\u4e8c" * 40


def alignments(text: str) -> list[QtCore.Qt.AlignmentFlag]:
    page = build_page(build_document(text), 17.0)
    block = page.firstBlock()
    found = []
    while block.isValid():
        found.append(block.blockFormat().alignment())
        block = block.next()
    return found


def test_a_paragraph_of_chinese_is_justified_one_with_quotes_flush_left():
    assert alignments(f"\u6807\u9898\n\n{PURE}\n\n{QUOTED}\n")[1:] == [
        QtCore.Qt.AlignJustify,
        QtCore.Qt.AlignLeft,
    ]


def widest_step(view: ReadingView) -> float:
    """The widest step between two Chinese characters on a line, in ems."""
    page = view.document()
    em = QtGui.QFontMetricsF(view.font()).horizontalAdvance("\u4e2d")
    widest = 0.0
    block = page.firstBlock().next()  # past the title, set larger
    while block.isValid():
        page.documentLayout().blockBoundingRect(block)
        layout, text = block.layout(), block.text()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            first, last = line.textStart(), line.textStart() + line.textLength()
            for position in range(first, last - 1):
                if all("\u4e00" <= char <= "\u9fff" for char in text[position : position + 2]):
                    step = line.cursorToX(position + 1)[0] - line.cursorToX(position)[0]
                    widest = max(widest, step / em)
        block = block.next()
    return widest


def test_no_line_spreads_at_any_width_the_panels_leave(qtbot):
    view = ReadingView()
    qtbot.addWidget(view)
    view.set_reader_document(build_document(f"\u6807\u9898\n\n{PURE}\n\n{QUOTED}\n"))
    view.show()
    for width in (view.comfortable_width() + extra for extra in (0, 7, 40, 111, 200, 700)):
        view.resize(width, 600)
        assert widest_step(view) <= 1.06, width
