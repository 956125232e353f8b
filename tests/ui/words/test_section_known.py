"""Words ▸ Mark the Rest of This Section Known: LingQ's page turn, in one undoable step."""

from __future__ import annotations

import pytest

from reader.language.known_words import word_key
from reader.language.study_words import is_study_word
from reader.store import Status
from reader.ui.qt import QtCore
from reader.ui.words.section_known import own_text
from tests.ui.words.conftest import stored, words_of
from tests.ui.words.test_status_keys import key

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def section_words(window, section) -> set[str]:
    start, end = own_text(section)
    session = window.session
    return {
        word_key(session.text[t.start : t.end]) for t in session.segmentation.tokens(start, end)
    }


def test_the_new_words_of_the_section_become_known_and_undo_takes_them_back_at_once(
    qtbot, window, data_dir
):
    document = window.reader_document
    section = document.root.children[1]
    assert section.heading.startswith("关键核心项目")
    holder = words_of(window).holder
    holder.set({"网民": Status.LEARNING_2, "空间": Status.IGNORED}, "before")
    window.go_to_section(section)
    assert document.section_at(window.reading_view.top_offset()) is section

    key(qtbot, window, QtCore.Qt.Key_K, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier)
    words = section_words(window, section)
    known = set(holder.words_with(Status.KNOWN))
    assert {"网络", "核心技术", "揭榜", "滋养", "人民"} <= known
    assert known <= words  # nothing outside the section
    assert "上网" not in known and "上网" not in words  # the section before's
    assert holder.status("网民") is Status.LEARNING_2  # marked by the reader: kept
    assert holder.status("空间") is Status.IGNORED
    assert holder.status("习近平") is Status.NEW  # a name
    assert all(not is_study_word(w) for w in words - known - {"网民", "空间", "习近平"})
    assert stored(data_dir) == {
        **dict.fromkeys(known, Status.KNOWN),
        "网民": Status.LEARNING_2,
        "空间": Status.IGNORED,
    }
    message = window.statusBar().currentMessage()
    assert message.startswith(f"{len(known)} words of “关键核心项目 谁有本事谁揭榜” marked known")
    assert window.annotations.undo_action.text() == "&Undo Mark Section Known"

    key(qtbot, window, QtCore.Qt.Key_Z, QtCore.Qt.ControlModifier)
    assert holder.words_with(Status.KNOWN) == []
    assert stored(data_dir) == {"网民": Status.LEARNING_2, "空间": Status.IGNORED}


def test_a_section_with_nothing_new_left_says_so(qtbot, window):
    section = window.reader_document.root.children[1]
    window.go_to_section(section)
    controller = words_of(window)
    controller.mark_section_action.trigger()
    steps = window.annotations.undo_stack.count()
    controller.mark_section_action.trigger()
    assert window.annotations.undo_stack.count() == steps  # no empty step
    assert window.statusBar().currentMessage().startswith("No new words left in “关键核心项目")


def test_the_section_is_its_own_text_not_the_sections_under_it(window):
    document = window.reader_document
    title = document.root
    assert own_text(title) == (0, title.children[0].start)
    last = title.children[-1].children[-1]
    assert own_text(last) == (last.start, last.end)
