"""The pop-up's status row on its own: the word's status and the keys, following the word
shown (a hovered word, a reference followed, Back) and the statuses as they change."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.language.known_words import word_key
from reader.store import Status
from reader.ui.lookup.popup import WordPopup
from reader.ui.lookup.status_row import StatusRow
from reader.ui.qt import QtCore

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


@pytest.fixture
def statuses() -> dict[str, Status]:
    return {"学习": Status.LEARNING_2, "朋友": Status.KNOWN}


@pytest.fixture
def popup(qtbot, statuses) -> WordPopup:
    popup = WordPopup()
    qtbot.addWidget(popup)
    row = StatusRow(lambda word: statuses.get(word_key(word), Status.NEW))
    popup.add_row(row)
    popup.lookup_shown.connect(row.show_lookup)
    popup.row = row
    return popup


def test_the_row_shows_the_status_of_the_word_in_the_pop_up(qtbot, popup, tools):
    popup.set_lookup(tools.lookup.word("学习"))
    popup.show_beside(QtCore.QRect(100, 100, 40, 20))
    row = popup.row
    assert row.isVisible()
    assert row.status_label.text() == "Learning 2"
    assert row.keys_label.text() == "1–4 learning · K known · I ignored · N new"
    layout = popup.layout()
    assert layout.indexOf(row) == layout.count() - 3  # above the buttons and the footer

    popup.set_lookup(tools.lookup.word("學習"))  # traditional: the same word's status
    assert row.status_label.text() == "Learning 2"
    popup.show_reference(tools.lookup.word("朋友"))
    assert row.status_label.text() == "Known"
    popup.back()
    assert row.status_label.text() == "Learning 2"


def test_the_row_follows_a_change_and_keeps_its_width(qtbot, popup, statuses, tools):
    popup.set_lookup(tools.lookup.word("发展"))
    popup.show_beside(QtCore.QRect(100, 100, 40, 20))
    row = popup.row
    assert row.status_label.text() == "New"
    width = row.status_label.width()
    statuses["发展"] = Status.LEARNING_4
    row.refresh(["发展"])
    assert row.status_label.text() == "Learning 4"
    qtbot.waitUntil(lambda: row.status_label.width() == width)


def test_a_word_without_chinese_has_no_row(qtbot, popup, tools):
    lookup = tools.lookup.word("学习")
    popup.set_lookup(lookup)
    popup.show_beside(QtCore.QRect(100, 100, 40, 20))
    assert popup.row.isVisible()
    popup.set_lookup(replace(lookup, word="Facebook"))
    assert not popup.row.isVisible()
    assert popup.row.word is None
