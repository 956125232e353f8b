"""File ▸ Reopen with Encoding: reading the document again as the reader says, and keeping it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.app import open_first_document
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.window.main_window import MainWindow

TEXT = (
    "四季的故事\n\n"
    "\u25ce 春天来了\uff0c万物都醒了\n\n"
    "\u3000\u3000春天的时候\uff0c河边的柳树发了新芽\u3002孩子们在田野里放风筝\u3002\n\n"
    "\u25ce 夏天到了\uff0c荷花开满池塘\n\n"
    "\u3000\u3000夏天的中午很热\uff0c大家都在树荫下乘凉\u3002\n\n"
    "\u25ce 秋天来了\uff0c稻子熟了\n\n"
    "\u3000\u3000秋天是收获的季节\uff0c农民伯伯笑了\u3002\n"
)


@pytest.fixture
def gb18030_file(tmp_path) -> Path:
    path = tmp_path / "四季.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    return path


def choose_encoding(window: MainWindow, name: str) -> None:
    """Open the menu as the reader does, then pick `name` from it."""
    window.encoding_menu.aboutToShow.emit()
    action = window.detect_encoding_action if name == "detect" else window.encoding_actions[name]
    assert action.isEnabled()
    action.trigger()


def test_the_menu_offers_each_encoding_and_checks_the_one_in_use(qtbot, make_window, gb18030_file):
    window = make_window()
    assert not window.encoding_menu.isEnabled()
    assert window.open_path(gb18030_file)
    assert window.encoding_menu.isEnabled()
    labels = [a.text() for a in window.encoding_menu.actions() if not a.isSeparator()]
    assert labels == [
        "&Detect Automatically",
        "UTF-8",
        "UTF-8 (BOM)",
        "UTF-16 LE",
        "UTF-16 BE",
        "GB18030",
        "Big5",
        "Big5-HKSCS",
    ]
    window.encoding_menu.aboutToShow.emit()
    checked = [name for name, a in window.encoding_actions.items() if a.isChecked()]
    assert checked == ["GB18030"]


def test_reopening_a_misread_file_in_its_encoding_shows_the_right_text(
    qtbot, make_window, gb18030_file
):
    window = make_window()
    assert window.open_path(gb18030_file, encoding="Big5")
    view = window.reading_view
    assert "春天来了" not in view.toPlainText()
    assert window.encoding_label.text() == "Big5"
    assert window.replacements_label.isVisible()
    assert "could not be decoded as Big5" in window.replacements_label.text()

    choose_encoding(window, "GB18030")
    assert window.reader_document.encoding == "GB18030"
    assert "\u25ce 春天来了\uff0c万物都醒了" in view.toPlainText()
    assert view.toPlainText().startswith("四季的故事\n")
    assert window.encoding_label.text() == "GB18030"
    assert "Chosen" in window.encoding_label.toolTip()
    assert not window.replacements_label.isVisible()
    assert window.windowTitle() == "四季的故事 — 四季.txt — Reader"
    window.encoding_menu.aboutToShow.emit()
    assert [n for n, a in window.encoding_actions.items() if a.isChecked()] == ["GB18030"]


def test_the_chosen_encoding_is_kept_with_the_document(qtbot, make_window, gb18030_file, seed_path):
    window = make_window()
    assert window.open_path(gb18030_file)
    choose_encoding(window, "Big5")
    assert window.reader_document.encoding == "Big5"
    assert window.open_path(seed_path)

    # From Open Recent in this window ...
    window.recent_menu.aboutToShow.emit()
    recent = next(a for a in window.recent_menu.actions() if a.data() == str(gb18030_file))
    recent.trigger()
    assert window.reader_document.encoding == "Big5"

    # ... and as the last document, in the next window.
    window.close()
    again = make_window()
    open_first_document(again, None)
    assert again.reader_document.path == gb18030_file.resolve()
    assert again.reader_document.encoding == "Big5"
    assert again.encoding_label.text() == "Big5"

    # An encoding named on the command line wins, and is kept in its turn.
    open_first_document(again, str(gb18030_file), encoding="gb18030")
    assert again.reader_document.encoding == "GB18030"
    assert again.settings.document_choices(gb18030_file.resolve()).encoding == "gb18030"


def test_detect_automatically_forgets_the_choice(qtbot, make_window, gb18030_file):
    window = make_window()
    assert window.open_path(gb18030_file, encoding="Big5")
    choose_encoding(window, "detect")
    assert window.reader_document.encoding == "GB18030"
    assert "Detected" in window.encoding_label.toolTip()
    assert window.settings.document_choices(gb18030_file.resolve()).encoding is None
    again = make_window()
    assert again.open_path(gb18030_file)
    assert again.reader_document.encoding == "GB18030"


def test_the_reading_place_stays_when_the_encoding_changes(qtbot, make_window, tmp_path):
    path = tmp_path / "long.txt"
    body = "".join(
        f"\u3000\u3000第{n}段\uff0c这里是很长很长的一段文字\uff0c一直写到行尾为止\u3002\n"
        for n in range(400)
    )
    path.write_bytes(f"很长的文章\n\n{body}".encode("gb18030"))
    window = make_window()
    assert window.open_path(path, encoding="Big5")
    view = window.reading_view
    view.scroll_to_offset(len(window.reader_document.text) // 2)
    choose_encoding(window, "GB18030")
    text = window.reader_document.text
    # Nothing of the misread text is in the right one: the place is kept as a share of it.
    assert abs(view.top_offset() / len(text) - 0.5) < 0.02
    number = int(text[view.top_offset() :].split("第", 1)[1].split("段", 1)[0])
    assert 190 <= number <= 210


def test_a_failed_reopen_keeps_the_document_and_the_choice(qtbot, make_window, gb18030_file):
    window = make_window()
    assert window.open_path(gb18030_file)
    shown = window.reader_document
    gb18030_file.unlink()
    choose_encoding(window, "Big5")
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QtWidgets.QMessageBox) and w.isVisible()
            for w in QtWidgets.QApplication.topLevelWidgets()
        )
    )
    box = next(
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, QtWidgets.QMessageBox) and w.isVisible()
    )
    assert box.informativeText().endswith("no such file")
    assert window.reader_document is shown
    assert window.encoding_label.text() == "GB18030"
    assert window.settings.document_choices(gb18030_file.resolve()).encoding is None
    qtbot.mouseClick(box.button(QtWidgets.QMessageBox.Ok), QtCore.Qt.LeftButton)


def test_an_encoding_outside_the_menu_is_named_and_nothing_is_checked(
    qtbot, make_window, gb18030_file
):
    window = make_window()
    assert window.open_path(gb18030_file, encoding="cp936")
    assert window.encoding_label.text() == "GBK"
    assert "春天来了" in window.reading_view.toPlainText()
    window.encoding_menu.aboutToShow.emit()
    assert not any(action.isChecked() for action in window.encoding_actions.values())
