"""The list of every match: section and context from the document, as plain text; a click
or Enter goes to the match and makes it current; 20,000 rows made only as they are shown."""

from __future__ import annotations

from reader.document import Block, BlockKind, Document, Section
from reader.ui.find.results_model import CONTEXT, PARTS_ROLE, SECTION, ResultsModel
from reader.ui.qt import QtCore
from tests.ui.find.conftest import open_bar, type_query


def test_a_click_on_a_row_goes_to_its_match_and_makes_it_current(qtbot, window):
    open_bar(qtbot, window)
    window.find.bar.list_button.click()
    type_query(qtbot, window, "网络")
    results = window.find.results
    assert results.isVisible()
    jumps: list[tuple[int, int]] = []
    window.find.jumped.connect(lambda before, after: jumps.append((before, after)))
    row = window.find.model.rowCount() - 2
    results.scrollTo(window.find.model.index(row, CONTEXT))

    point = results.visualRect(window.find.model.index(row, CONTEXT)).center()
    qtbot.mouseClick(results.viewport(), QtCore.Qt.LeftButton, pos=point)

    start, end = window.find.matches[row]
    assert window.find.current_index == row
    top, bottom = window.reading_view.visible_range()
    assert top <= start and end <= bottom
    assert jumps == [(jumps[0][0], start)]
    assert window.find.bar.status.text() == f"{row + 1} of {len(window.find.matches)}"


def test_enter_on_a_row_goes_there_and_the_list_follows_the_current_match(qtbot, window):
    open_bar(qtbot, window)
    window.find.bar.list_button.click()
    type_query(qtbot, window, "网络")
    results = window.find.results
    assert results.currentIndex().row() == window.find.current_index
    window.find.find_next()
    assert results.currentIndex().row() == window.find.current_index

    results.setFocus()
    qtbot.keyClick(results, QtCore.Qt.Key_Down)
    qtbot.keyClick(results, QtCore.Qt.Key_Return)

    assert window.find.current_index == results.currentIndex().row()
    qtbot.keyClick(results, QtCore.Qt.Key_Escape)
    assert not window.find.is_open and not results.isVisible()


def test_a_row_shows_the_section_and_the_match_in_its_line(qtbot, window):
    open_bar(qtbot, window)
    type_query(qtbot, window, "网络")
    model = window.find.model
    document = window.reader_document
    start, end = window.find.matches[5]

    before, match, after = model.index(5, CONTEXT).data(PARTS_ROLE)

    assert match == "网络"
    assert document.text[start - len(before) : end + len(after)] == before + match + after
    heading = document.section_at(start).heading
    assert model.index(5, SECTION).data() == " ".join(heading.split())


def _many_matches_document(count: int) -> Document:
    heading = "<b>第一回</b>"
    body = "宝玉说道。" * count
    text = f"{heading}\n{body}"
    blocks = [
        Block(BlockKind.HEADING, 0, len(heading), 1),
        Block(BlockKind.PARAGRAPH, len(heading) + 1, len(text)),
    ]
    root = Section("", 0, 0, len(text))
    chapter = Section(heading, 1, 0, len(text), parent=root)
    root.children.append(chapter)
    return Document(text, blocks, root)


def test_the_model_holds_twenty_thousand_matches(qtmodeltester):
    document = _many_matches_document(20_000)
    first = len("<b>第一回</b>") + 1
    spans = [(first + 5 * n, first + 5 * n + 2) for n in range(20_000)]
    model = ResultsModel()

    model.set_matches(document, spans)

    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 20_000
    assert model.index(19_999, SECTION).data() == "<b>第一回</b>"  # shown as plain text
    assert model.index(19_999, CONTEXT).data(PARTS_ROLE)[1] == "宝玉"
    assert "&lt;b&gt;" in model.index(0, SECTION).data(QtCore.Qt.ToolTipRole)
    model.set_matches(None, [])
    assert model.rowCount() == 0
