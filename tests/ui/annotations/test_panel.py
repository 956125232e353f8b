"""The annotations panel: grouped by section in reading order, orphans apart, filtered."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from reader.document import open_document
from reader.store import Annotation, edited, new_annotation
from reader.ui.annotations.panel import (
    ANNOTATION_ROLE,
    ORPHANS_HEADING,
    AnnotationModel,
    AnnotationsPanel,
)
from reader.ui.qt import QtCore, QtGui
from tests.ui.mouse import double_click

POPUP_WARNINGS = "This plugin does not support (raise|grabbing)"
"""The offscreen platform says so for every popup menu; it is not our fault."""


@pytest.fixture
def seed(seed_path):
    return open_document(seed_path)


def at(document, quote: str, colour: str = "yellow", note: str = "", tags=()) -> Annotation:
    start = document.text.index(quote)
    return new_annotation(
        1, document.text, start, start + len(quote), colour=colour, note=note, tags=tags
    )


@pytest.fixture
def annotations(seed) -> list[Annotation]:
    sections = seed.root.children
    made = [
        at(seed, seed.text[sections[2].start + 12 : sections[2].start + 16], "red", tags=["问题"]),
        at(seed, "网络安全和信息化工作座谈会", note="会议的名字", tags=["政策"]),
        at(seed, seed.text[sections[0].start + 20 : sections[0].start + 25], "green"),
        at(seed, seed.text[sections[2].start + 30 : sections[2].start + 34], note="<b>粗</b>"),
        replace(at(seed, "习近平"), orphan=True, quote="早已删掉的一句话"),
    ]
    return made


@pytest.fixture
def model(qtmodeltester, seed, annotations):
    model = AnnotationModel()
    model.set_document(seed, annotations)
    qtmodeltester.check(model)
    return model


def rows(model) -> list[tuple[str, list[str]]]:
    """Each group's heading and its quotes, as the view lists them."""
    listed: list[tuple[str, list[str]]] = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.annotation(index) is None:
            listed.append((index.data().rsplit("  (", 1)[0], []))
        else:
            listed[-1][1].append(index.data())
    return listed


def test_groups_follow_the_sections_in_reading_order_with_orphans_last(model, seed):
    listed = rows(model)
    headings = [heading for heading, _ in listed]
    sections = seed.root.children
    assert headings == [
        " ".join(seed.root.heading.split()),
        " ".join(sections[0].heading.split()),
        " ".join(sections[2].heading.split()),
        ORPHANS_HEADING,
    ]
    third = listed[2][1]
    assert len(third) == 2
    assert seed.text.index(third[0], sections[2].start) < seed.text.index(
        third[1], sections[2].start
    )
    assert listed[-1][1] == ["早已删掉的一句话"]


def test_a_row_shows_quote_note_and_tags_as_plain_text(model, annotations):
    index = model.index_of(annotations[1].id)
    assert index.data() == "网络安全和信息化工作座谈会"
    assert index.siblingAtColumn(1).data() == "会议的名字"
    assert index.siblingAtColumn(2).data() == "政策"
    assert index.data(ANNOTATION_ROLE) == annotations[1]
    html_note = model.index_of(annotations[3].id)
    assert html_note.siblingAtColumn(1).data() == "<b>粗</b>"
    assert "&lt;b&gt;粗&lt;/b&gt;" in html_note.siblingAtColumn(1).data(QtCore.Qt.ToolTipRole)
    assert "<b>" not in html_note.data(QtCore.Qt.ToolTipRole)


@pytest.mark.parametrize(
    ("criteria", "count"),
    [
        ({"colour": "red"}, 1),
        ({"colour": "yellow"}, 3),
        ({"tag": "政策"}, 1),
        ({"text": "会议"}, 1),
        ({"text": "删掉"}, 1),
        ({"colour": "yellow", "text": "粗"}, 1),
        ({"colour": "purple"}, 0),
    ],
)
def test_filters_keep_what_matches(model, criteria, count):
    model.set_filter(**criteria)
    assert model.shown_count() == count
    assert sum(len(quotes) for _, quotes in rows(model)) == count
    model.set_filter()
    assert model.shown_count() == 5


def test_adding_changing_and_removing_rows_keeps_groups_right(model, seed, annotations):
    sections = seed.root.children
    new = at(seed, seed.text[sections[3].start + 10 : sections[3].start + 14], "blue")
    model.put(new)
    assert [h for h, _ in rows(model)][3] == " ".join(sections[3].heading.split())
    model.put(edited(new, note="新的笔记"))
    assert model.index_of(new.id).siblingAtColumn(1).data() == "新的笔记"
    model.set_filter(colour="blue")
    model.put(edited(new, colour="red"))  # no longer matches: it leaves the list
    assert model.shown_count() == 0
    model.set_filter()
    model.remove(new.id)
    model.remove(annotations[2].id)  # the only one of its section: the group goes too
    assert [h for h, _ in rows(model)] == [
        " ".join(seed.root.heading.split()),
        " ".join(sections[2].heading.split()),
        ORPHANS_HEADING,
    ]
    moved = replace(annotations[4], orphan=False, start=sections[0].start + 3)
    model.put(moved)
    assert ORPHANS_HEADING not in [h for h, _ in rows(model)]


def test_an_earlier_annotation_goes_before_a_later_one_in_its_group(model, seed, annotations):
    first = annotations[0]
    before = replace(
        at(seed, seed.text[first.start - 5 : first.start - 2]),
        created=first.created + timedelta(seconds=1),
    )
    model.put(before)
    assert model.index_of(before.id).row() == model.index_of(first.id).row() - 1
    assert model.index_of(before.id).data(ANNOTATION_ROLE) == before


def commit(widget, text: str) -> None:
    """Type Chinese as an input method does: one committed string (QTest types ASCII only)."""
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtCore.QCoreApplication.sendEvent(widget, event)


@pytest.fixture
def panel(qtbot, seed, annotations):
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.set_document(seed, annotations)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_panel_filters_from_its_widgets(qtbot, panel):
    assert panel.count_label.text() == "5 annotations"
    panel.colour_filter.setCurrentIndex(panel.colour_filter.findData("red"))
    assert panel.model.shown_count() == 1
    assert panel.count_label.text() == "1 of 5 annotations"
    panel.colour_filter.setCurrentIndex(0)
    assert sorted(panel.tag_filter.itemData(n) for n in range(1, panel.tag_filter.count())) == [
        "政策",
        "问题",
    ]
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("政策"))
    assert panel.model.shown_count() == 1
    panel.tag_filter.setCurrentIndex(0)
    commit(panel.text_filter, "删掉")
    assert panel.model.shown_count() == 1
    panel.text_filter.clear()
    assert panel.model.shown_count() == 5


def test_a_document_without_tags_offers_all_tags(qtbot, seed):
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.set_document(seed, [at(seed, "网络安全")])
    assert panel.tag_filter.currentText() == "All tags"
    assert panel.tag_filter.count() == 1


def test_headings_span_the_columns_and_cannot_be_chosen(panel):
    headings = panel.model.headings()
    assert len(headings) == 4
    for row in range(panel.model.rowCount()):
        span = panel.view.columnSpan(row, 0)
        assert span == (3 if row in headings else 1)
        selectable = panel.model.flags(panel.model.index(row, 0)) & QtCore.Qt.ItemIsSelectable
        assert bool(selectable) == (row not in headings)


def test_a_new_group_heading_spans_the_columns_too(panel, seed):
    sections = seed.root.children
    quote = seed.text[sections[1].start + 10 : sections[1].start + 14]
    panel.put(at(seed, quote, "blue"))
    heading = panel.model.index_of(panel.model.annotations()[-1].id).row() - 1
    assert heading in panel.model.headings()
    assert panel.view.columnSpan(heading, 0) == 3
    assert panel.count_label.text() == "6 annotations"


def test_double_clicking_a_row_asks_to_jump_there(qtbot, panel, annotations):
    index = panel.model.index_of(annotations[1].id)
    rect = panel.view.visualRect(index)
    with qtbot.waitSignal(panel.jump_requested) as jump:
        double_click(qtbot, panel.view.viewport(), rect.center())
    assert jump.args == [annotations[1].id]


def test_double_clicking_an_orphan_asks_to_edit_it(qtbot, panel, annotations):
    rect = panel.view.visualRect(panel.model.index_of(annotations[4].id))
    with qtbot.waitSignal(panel.edit_requested) as edit:
        double_click(qtbot, panel.view.viewport(), rect.center())
    assert edit.args == [annotations[4].id]


def test_a_notice_with_retry(qtbot, panel):
    panel.show_notice("2 changes not saved", retry=True)
    assert panel.notice.isVisible()
    with qtbot.waitSignal(panel.retry_requested):
        qtbot.mouseClick(panel.retry_button, QtCore.Qt.LeftButton)
    panel.show_notice("")
    assert not panel.notice.isVisible()


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_context_menu_offers_what_fits_the_row(qtbot, panel, annotations):
    orphan = panel.view.visualRect(panel.model.index_of(annotations[4].id)).center()
    menu = panel._menu(orphan)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "&Attach to Selected Text" in texts
    assert not menu.actions()[0].isEnabled()  # an orphan has nowhere to go
    with qtbot.waitSignal(panel.delete_requested) as deleted:
        next(a for a in menu.actions() if a.text() == "&Delete").trigger()
    assert deleted.args == [annotations[4].id]
    menu.close()
