"""The inline note editor: plain-text notes, comma-separated tags completed from those used."""

from __future__ import annotations

import pytest

from reader.ui.annotations.note_editor import NoteEditor, split_tags
from reader.ui.qt import QtCore, QtWidgets
from tests.ui.typing import commit

POPUP_WARNINGS = "This plugin does not support (raise|grabbing)"


@pytest.fixture
def host(qtbot):
    host = QtWidgets.QWidget()
    qtbot.addWidget(host)
    host.resize(700, 500)
    host.show()
    qtbot.waitExposed(host)
    return host


@pytest.fixture
def editor(host):
    editor = NoteEditor(host)
    editor.edit(
        "an-id", "网络安全和信息化", "旧的笔记", ("政策",), ["政策", "生词", "成语", "Grammar"]
    )
    return editor


def test_tags_split_on_ascii_and_full_width_commas():
    assert split_tags("政策, 生词\uff0c成语\u3001 问题 ;;") == ["政策", "生词", "成语", "问题"]
    assert split_tags(" , ") == []


def test_the_editor_shows_the_note_and_tags_and_takes_the_focus(qtbot, editor):
    assert editor.isVisible()
    assert editor.heading.text() == "“网络安全和信息化”"
    assert editor.note_edit.toPlainText() == "旧的笔记"
    assert editor.tags_edit.text() == "政策"
    qtbot.waitUntil(editor.note_edit.hasFocus)


def test_ctrl_return_saves_what_was_typed(qtbot, editor):
    editor.note_edit.selectAll()
    qtbot.keyClicks(editor.note_edit, "A <b>plain</b> note")
    commit(editor.note_edit, "\n第二行")
    editor.tags_edit.setText("政策, 生词")
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.keyClick(editor.note_edit, QtCore.Qt.Key_Return, QtCore.Qt.ControlModifier)
    assert saved.args == ["A <b>plain</b> note\n第二行", ["政策", "生词"]]
    assert not editor.isVisible()


def test_escape_cancels(qtbot, editor):
    with qtbot.waitSignal(editor.cancelled), qtbot.assertNotEmitted(editor.saved):
        qtbot.keyClick(editor.note_edit, QtCore.Qt.Key_Escape)
    assert not editor.isVisible()


def test_the_editor_is_placed_below_its_highlight_inside_the_view(editor, host):
    editor.place_below(QtCore.QRect(600, 100, 80, 20))
    assert editor.geometry().top() > 120
    assert host.rect().contains(editor.geometry())
    editor.place_below(QtCore.QRect(10, 480, 80, 20))  # no room below: above it
    assert editor.geometry().bottom() < 480
    editor.place_below(QtCore.QRect(10, -300, 80, 20))  # scrolled away: kept in sight
    assert host.rect().contains(editor.geometry())


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_tag_being_typed_is_completed_and_the_others_kept(qtbot, editor):
    editor.tags_edit.setFocus()
    editor.tags_edit.setText("政策, ")
    qtbot.keyClicks(editor.tags_edit, "gram")
    popup = editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert editor.completer.currentCompletion() == "政策, Grammar"
    qtbot.keyClick(popup, QtCore.Qt.Key_Down)
    qtbot.keyClick(popup, QtCore.Qt.Key_Return)
    assert editor.tags_edit.text() == "政策, Grammar"
    assert editor.isVisible()  # Return chose the completion; it did not save
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.keyClick(editor.tags_edit, QtCore.Qt.Key_Return)
    assert saved.args[1] == ["政策", "Grammar"]


def test_tags_complete_from_the_middle_of_a_chinese_tag(editor):
    editor.completer.setCompletionPrefix("词")
    assert editor.completer.currentCompletion() == "生词"
