"""Text from a document, a file name or an error is shown as plain text in every widget:
Qt's guess at rich text would read a heading `<img src="/dev/zero">` as an image and read
/dev/zero until memory ran out."""

from __future__ import annotations

import pytest

from reader.ui.app import open_first_document
from reader.ui.plain_text import SHOWN_AT_MOST, menu_text, shortened, tooltip
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.settings import Settings

HOSTILE = '<img src="/dev/zero">T'
HOSTILE_NAME = "<b>bold<b>&<img src=x>.html"  # no "/": a file name has none


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / HOSTILE_NAME
    heading = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    path.write_text(
        f"<html><head><title>{heading}</title></head><body><h1>{heading}</h1>"
        f"<p>网络安全和信息化</p><h2>{heading}2</h2><p>正文。</p></body></html>",
        encoding="utf-8",
    )
    return path


def shown_texts() -> list[tuple[str, str]]:
    """What every widget of the app would render: (where, text) for labels shown as rich
    text, and for every tooltip (which has no plain mode), of widgets and of actions."""
    shown = []
    for widget in QtWidgets.QApplication.allWidgets():
        if isinstance(widget, QtWidgets.QLabel) and widget.textFormat() != QtCore.Qt.PlainText:
            shown.append((f"label {widget.objectName() or type(widget).__name__}", widget.text()))
        shown.append((f"tooltip of {type(widget).__name__}", widget.toolTip()))
        for action in widget.actions():
            shown.append((f"tooltip of action {action.text()}", action.toolTip()))
            menu = action.menu()
            if menu is not None:
                menu.aboutToShow.emit()  # menus filled as they open (Open Recent)
                shown.extend(
                    (f"tooltip of {item.text()}", item.toolTip()) for item in menu.actions()
                )
    return shown


def model_tooltips(model: QtCore.QAbstractItemModel) -> list[str]:
    tips, parents = [], [QtCore.QModelIndex()]
    while parents:
        parent = parents.pop()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                tips.append(str(model.data(index, QtCore.Qt.ToolTipRole) or ""))
            parents.append(model.index(row, 0, parent))
    return tips


def rendered_as_markup(text: str) -> bool:
    """Would Qt read the hostile image tag in `text` as markup?"""
    return "<img" in text and QtGui.Qt.mightBeRichText(text)


def test_a_crafted_heading_and_file_name_are_shown_as_they_are(qtbot, make_window, hostile_file):
    window = make_window(hostile_file)
    qtbot.waitUntil(lambda: Settings().unfinished_open is None)  # painted, and alive
    assert window.section_label.text() == HOSTILE
    assert window.section_label.textFormat() == QtCore.Qt.PlainText
    offenders = [(where, text) for where, text in shown_texts() if rendered_as_markup(text)]
    assert offenders == []
    tips = model_tooltips(window.section_tree.model())
    assert any("&lt;img" in tip for tip in tips)
    assert not any(rendered_as_markup(tip) for tip in tips)
    window.grab()  # painting the whole window reads no file


def test_a_message_about_a_crafted_file_name_is_plain(qtbot, make_window, tmp_path):
    window = make_window(show=False)
    missing = tmp_path / HOSTILE_NAME
    assert not window.open_path(missing)
    boxes = [
        w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox)
    ]
    assert boxes
    for box in boxes:
        labels = box.findChildren(QtWidgets.QLabel)
        assert any(HOSTILE_NAME in label.text() for label in labels)
        assert all(
            label.textFormat() == QtCore.Qt.PlainText for label in labels if "<" in label.text()
        )
        box.close()


def test_the_next_start_after_the_crafted_document_works(qtbot, make_window, hostile_file):
    window = make_window(hostile_file)
    window.close()
    again = make_window()
    open_first_document(again, None)
    assert again.reader_document.path == hostile_file.resolve()
    qtbot.waitUntil(lambda: Settings().unfinished_open is None)
    again.grab()


def test_markup_in_a_tooltip_stays_text():
    assert tooltip("<b>粗</b> & 细\n下一行") == (
        "<p style='white-space:pre-wrap'>&lt;b&gt;粗&lt;/b&gt; &amp; 细<br>下一行</p>"
    )
    assert menu_text("R&D.txt") == "R&&D.txt"


def test_a_heading_longer_than_a_widget_shows_is_cut_with_an_ellipsis():
    assert shortened("\u6807\u9898") == "\u6807\u9898"
    assert shortened("a" * SHOWN_AT_MOST) == "a" * SHOWN_AT_MOST
    assert shortened("a" * 1_000_000) == "a" * SHOWN_AT_MOST + "\u2026"
