"""The section model (checked by qtmodeltester) and the tree that navigates by it."""

from __future__ import annotations

import pytest

from reader.document import open_document
from reader.ui.plain_text import tooltip
from reader.ui.qt import QtCore
from reader.ui.window.section_tree import SectionModel, SectionTree


@pytest.fixture
def seed(seed_path):
    return open_document(seed_path)


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_the_model_passes_qtmodeltester(qtmodeltester, seed, force_py):
    model = SectionModel()
    model.set_document(seed)
    qtmodeltester.check(model, force_py=force_py)


def test_an_empty_model_passes_qtmodeltester(qtmodeltester):
    qtmodeltester.check(SectionModel(), force_py=True)


def test_the_title_is_the_single_top_level_row(seed):
    model = SectionModel()
    model.set_document(seed)
    assert model.rowCount() == 1
    top = model.index(0, 0)
    assert model.data(top) == seed.title
    assert model.section(top) is seed.root
    assert [model.data(model.index(row, 0, top)) for row in range(model.rowCount(top))] == [
        child.heading for child in seed.root.children
    ]


def test_every_section_has_an_index_that_leads_back_to_it(seed):
    model = SectionModel()
    model.set_document(seed)
    for section in seed.sections():
        index = model.index_of(section)
        assert model.section(index) is section
        parent = model.parent(index)
        assert model.section(parent) is section.parent
        assert model.index(index.row(), 0, parent) == index


def test_nested_sections_sit_under_their_part(seed):
    model = SectionModel()
    model.set_document(seed)
    side_part = next(s for s in seed.sections() if s.heading == "延伸阅读")
    index = model.index_of(side_part)
    assert model.rowCount(index) == len(side_part.children) == 1
    assert model.data(model.index(0, 0, index)) == side_part.children[0].heading


@pytest.fixture
def tree(qtbot, seed):
    tree = SectionTree()
    qtbot.addWidget(tree)
    tree.set_document(seed)
    tree.resize(400, 400)
    tree.show()
    qtbot.waitExposed(tree)
    return tree


def test_clicking_an_item_chooses_its_section(qtbot, tree, seed):
    section = seed.root.children[2]
    rect = tree.visualRect(tree.section_model().index_of(section))
    with qtbot.waitSignal(tree.section_chosen) as chosen:
        qtbot.mouseClick(tree.viewport(), QtCore.Qt.LeftButton, pos=rect.center())
    assert chosen.args == [section]
    assert tree.current_section() is section


def test_arrow_keys_choose_the_next_and_previous_sections(qtbot, tree, seed):
    tree.setFocus()
    with qtbot.waitSignal(tree.section_chosen) as chosen:
        qtbot.keyClick(tree, QtCore.Qt.Key_Down)
    assert chosen.args == [seed.root.children[0]]
    with qtbot.waitSignal(tree.section_chosen) as chosen:
        qtbot.keyClick(tree, QtCore.Qt.Key_Down)
    assert chosen.args == [seed.root.children[1]]
    with qtbot.waitSignal(tree.section_chosen) as chosen:
        qtbot.keyClick(tree, QtCore.Qt.Key_Up)
    assert chosen.args == [seed.root.children[0]]


def test_showing_a_section_moves_the_current_item_without_choosing(qtbot, tree, seed):
    section = seed.root.children[3]
    with qtbot.assertNotEmitted(tree.section_chosen):
        tree.show_section(section)
    assert tree.current_section() is section


def test_a_new_document_starts_at_its_title(qtbot, tree, seed, shared_data):
    novel = open_document(shared_data / "novels" / "xiyouji.txt")
    tree.set_document(novel)
    assert tree.current_section() is novel.root
    assert tree.section_model().rowCount(tree.section_model().index(0, 0)) == len(
        novel.root.children
    )


def test_figures_show_in_the_second_column_and_go_with_the_document(qtmodeltester, seed):
    model = SectionModel()
    model.set_document(seed)
    model.set_figures(lambda section: (f"{section.start}%", f"tip {section.heading}"))
    qtmodeltester.check(model, force_py=True)
    for section in seed.sections():
        index = model.index_of(section)
        figure = model.index(index.row(), 1, index.parent())
        assert model.section(figure) is section
        assert model.data(figure) == f"{section.start}%"
        assert model.data(figure, QtCore.Qt.ToolTipRole) == tooltip(f"tip {section.heading}")
        assert model.data(figure, QtCore.Qt.TextAlignmentRole) == int(
            QtCore.Qt.AlignRight | QtCore.Qt.AlignVCenter
        )
        assert model.data(index) == section.heading  # the heading stays in the first
    model.set_document(seed)
    assert model.data(model.index(0, 1)) is None
    assert model.headerData(1, QtCore.Qt.Horizontal) == "Known"


def test_the_figure_column_takes_no_room_until_a_section_has_a_figure(qtbot, seed):
    tree = SectionTree()
    qtbot.addWidget(tree)
    tree.set_document(seed)
    assert tree.isColumnHidden(1)
    tree.section_model().set_figures(lambda section: ("42%", "tip"))
    assert not tree.isColumnHidden(1)
    tree.section_model().set_figures(lambda section: None)
    assert tree.isColumnHidden(1)
    tree.section_model().set_figures(lambda section: ("42%", "tip"))
    tree.set_document(seed)  # another document: no figures until counted
    assert tree.isColumnHidden(1)
