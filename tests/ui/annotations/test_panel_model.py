"""The annotations panel's model: grouped by section in reading order, orphans apart,
filtered, and following the window's AnnotationSet."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from reader.store import edited
from reader.ui.annotations.panel_model import ANNOTATION_ROLE, ORPHANS_HEADING, AnnotationModel
from reader.ui.qt import QtCore
from tests.ui.annotations.annotation_helpers import at


@pytest.fixture
def model(qtmodeltester, seed, annotations, shown):
    model = AnnotationModel(shown)
    shown.replace(seed, annotations)
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


def test_adding_changing_and_removing_rows_keeps_groups_right(model, seed, annotations, shown):
    sections = seed.root.children
    new = at(seed, seed.text[sections[3].start + 10 : sections[3].start + 14], "blue")
    shown.put(new)
    assert [h for h, _ in rows(model)][3] == " ".join(sections[3].heading.split())
    shown.put(edited(new, note="新的笔记"))
    assert model.index_of(new.id).siblingAtColumn(1).data() == "新的笔记"
    model.set_filter(colour="blue")
    shown.put(edited(new, colour="red"))  # no longer matches: it leaves the list
    assert model.shown_count() == 0
    model.set_filter()
    shown.remove(new.id)
    shown.remove(annotations[2].id)  # the only one of its section: the group goes too
    assert [h for h, _ in rows(model)] == [
        " ".join(seed.root.heading.split()),
        " ".join(sections[2].heading.split()),
        ORPHANS_HEADING,
    ]
    moved = replace(annotations[4], orphan=False, start=sections[0].start + 3)
    shown.put(moved)
    assert ORPHANS_HEADING not in [h for h, _ in rows(model)]


def test_an_earlier_annotation_goes_before_a_later_one_in_its_group(
    model, seed, annotations, shown
):
    first = annotations[0]
    before = replace(
        at(seed, seed.text[first.start - 5 : first.start - 2]),
        created=first.created + timedelta(seconds=1),
    )
    shown.put(before)
    assert model.index_of(before.id).row() == model.index_of(first.id).row() - 1
    assert model.index_of(before.id).data(ANNOTATION_ROLE) == before
