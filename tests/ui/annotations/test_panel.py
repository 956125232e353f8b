"""The annotations panel: filters from its widgets, spans, the notice, its intents."""

from __future__ import annotations

import pytest

from reader.ui.annotations.panel import AnnotationsPanel
from reader.ui.qt import QtCore
from tests.ui.annotations.annotation_helpers import at
from tests.ui.mouse import double_click
from tests.ui.typing import commit

POPUP_WARNINGS = "This plugin does not support (raise|grabbing)"
"""The offscreen platform says so for every popup menu; it is not our fault."""


@pytest.fixture
def panel(qtbot, seed, annotations, shown):
    panel = AnnotationsPanel(shown)
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    shown.replace(seed, annotations)
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


def test_a_document_without_tags_offers_all_tags(qtbot, seed, shown):
    panel = AnnotationsPanel(shown)
    qtbot.addWidget(panel)
    shown.replace(seed, [at(seed, "网络安全")])
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


def test_a_new_group_heading_spans_the_columns_too(panel, seed, shown):
    sections = seed.root.children
    quote = seed.text[sections[1].start + 10 : sections[1].start + 14]
    shown.put(at(seed, quote, "blue"))
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


@pytest.mark.parametrize("width", [400, 220])
def test_the_columns_fit_the_panel_and_long_text_ends_in_an_ellipsis(qtbot, panel, width):
    panel.resize(width, 600)
    qtbot.waitUntil(lambda: panel.view.viewport().width() < width)
    view = panel.view
    columns = view.horizontalHeader()
    widths = [columns.sectionSize(n) for n in range(columns.count())]
    assert sum(widths) <= view.viewport().width()
    assert all(w > 0 for w in widths)
    assert view.textElideMode() == QtCore.Qt.ElideRight
    # A section heading spans the columns: it too is elided at the panel's edge, not cut.
    index = panel.model.index(panel.model.headings()[0], 0)
    assert view.visualRect(index).right() < view.viewport().width()
