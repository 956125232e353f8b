"""The main window, driven as a reader drives it: clicks, keys, menus, drops."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader import __version__
from reader.document import MAX_FILE_BYTES, DocumentError, open_document
from reader.document.progress import place_label
from reader.ui.dialog_folders import Purpose, start_folder
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.reading_view import ReadingView
from reader.ui.window.main_window import MainWindow
from tests.ui.lookup_helpers import READY_MS
from tests.ui.message_boxes import message_boxes, wait_for_message


@pytest.fixture
def window(make_window, seed_path):
    return make_window(seed_path)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "短文.txt"
    path.write_text("短文的标题\n\n第一段说了一件事。\n\n第二段又说了一件事。\n", encoding="utf-8")
    return path


def heading_top(window, section) -> int:
    """Where the section's heading is drawn, in pixels from the top of the viewport."""
    view = window.reading_view
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(section.start))
    return view.cursorRect(cursor).top()


def drop_on(window: MainWindow, path: Path) -> None:
    """Drag `path` over the window and drop it there, as a file manager does."""
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(path))])
    point = window.reading_view.geometry().center()
    enter = QtGui.QDragEnterEvent(
        point, QtCore.Qt.CopyAction, mime, QtCore.Qt.LeftButton, QtCore.Qt.NoModifier
    )
    QtCore.QCoreApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(
        QtCore.QPointF(point),
        QtCore.Qt.CopyAction,
        mime,
        QtCore.Qt.LeftButton,
        QtCore.Qt.NoModifier,
    )
    QtCore.QCoreApplication.sendEvent(window, drop)


def click_section(qtbot, window, section) -> None:
    tree = window.section_tree
    rect = tree.visualRect(tree.section_model().index_of(section))
    qtbot.mouseClick(tree.viewport(), QtCore.Qt.LeftButton, pos=rect.center())


def test_the_title_names_the_document_and_its_file(window, seed_path):
    document = window.reader_document
    assert window.windowTitle() == f"{document.title} — {seed_path.name} — Reader"
    assert window.windowTitle().startswith("习近平主持召开")


def test_the_status_bar_shows_the_size_and_the_current_section(window):
    document = window.reader_document
    assert window.count_label.text() == f"{len(document.text):,} characters"
    assert window.section_label.text() == document.title


def test_clicking_a_section_puts_its_heading_at_the_top(qtbot, window):
    document = window.reader_document
    for section in (document.root.children[3], document.root.children[1], document.root):
        click_section(qtbot, window, section)
        if section is document.root:
            assert window.reading_view.verticalScrollBar().value() == 0
        else:
            assert abs(heading_top(window, section) - window.reading_view.top_gap()) <= 2
        assert window.section_tree.current_section() is section
        assert window.section_label.text() == place_label(section, section.heading)


def test_a_section_too_near_the_end_to_reach_the_top_stays_chosen(qtbot, window, tmp_path):
    path = tmp_path / "short-end.txt"
    body = "\n\n".join(f"第{n}段,说了很多很多的话,一直说到这一行结束。" * 3 for n in range(30))
    path.write_text(f"标题\n\n开头\n\n{body}\n\n结尾\n\n最后一句话。\n", encoding="utf-8")
    assert window.open_path(path)
    last = list(window.reader_document.sections())[-1]
    assert last.heading == "结尾"
    click_section(qtbot, window, last)
    bar = window.reading_view.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    assert heading_top(window, last) > window.reading_view.top_gap() + 10
    qtbot.wait(50)
    assert window.section_tree.current_section() is last
    assert window.section_label.text() == place_label(last, last.heading)


def test_the_tree_follows_the_view_as_it_scrolls(qtbot, window):
    document = window.reader_document
    view = window.reading_view
    for section in (document.root.children[2], document.root.children[0]):
        view.verticalScrollBar().setValue(round(view.line_top(section.start)) + 5)
        assert window.section_tree.current_section() is section
        assert window.section_label.text() == place_label(section, section.heading)


def test_page_down_in_the_view_moves_the_tree(qtbot, window):
    document = window.reader_document
    view = window.reading_view
    view.setFocus()
    for _ in range(40):
        qtbot.keyClick(view, QtCore.Qt.Key_PageDown)
        if window.section_tree.current_section() is not document.root:
            break
    current = window.section_tree.current_section()
    assert current is not document.root
    assert current is document.section_at(view.top_offset())
    assert window.section_label.text() == place_label(current, current.heading)


def test_arrow_keys_in_the_tree_scroll_the_view(qtbot, window):
    document = window.reader_document
    tree = window.section_tree
    tree.setFocus()
    qtbot.keyClick(tree, QtCore.Qt.Key_Down)
    qtbot.keyClick(tree, QtCore.Qt.Key_Down)
    section = document.root.children[1]
    assert tree.current_section() is section
    assert abs(heading_top(window, section) - window.reading_view.top_gap()) <= 2
    qtbot.keyClick(tree, QtCore.Qt.Key_Up)
    assert tree.current_section() is document.root.children[0]
    assert abs(heading_top(window, document.root.children[0]) - window.reading_view.top_gap()) <= 2


def test_zoom_actions_change_the_text_size(window):
    view = window.reading_view
    normal = view.font().pointSizeF()
    window.zoom_in_action.trigger()
    assert view.zoom() == 1
    assert view.font().pointSizeF() > normal
    assert view.document().defaultFont().pointSizeF() == view.font().pointSizeF()
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert view.font().pointSizeF() < normal
    window.actual_size_action.trigger()
    assert view.font().pointSizeF() == normal


@pytest.mark.parametrize(
    ("key", "modifiers", "zoom"),
    [
        (QtCore.Qt.Key_Equal, QtCore.Qt.ControlModifier, 1),
        (QtCore.Qt.Key_Plus, QtCore.Qt.ControlModifier, 1),
        (QtCore.Qt.Key_Minus, QtCore.Qt.ControlModifier, -1),
    ],
    ids=["ctrl-equal", "ctrl-plus", "ctrl-minus"],
)
def test_zoom_shortcuts(qtbot, window, key, modifiers, zoom):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.reading_view, key, modifiers)
    assert window.reading_view.zoom() == zoom
    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_0, QtCore.Qt.ControlModifier)
    assert window.reading_view.zoom() == 0


def test_the_sections_dock_can_be_hidden_and_shown(qtbot, window):
    assert window.sections_dock.isVisible()
    window.sections_action.trigger()
    assert not window.sections_dock.isVisible()
    window.sections_action.trigger()
    assert window.sections_dock.isVisible()


def test_a_new_window_restores_what_the_last_one_saved(qtbot, make_window, window, seed_path):
    window.resize(700, 500)
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    window.sections_action.trigger()
    qtbot.waitUntil(lambda: window.size() == QtCore.QSize(700, 500))
    window.quit_action.trigger()
    assert not window.isVisible()

    again = make_window()
    assert again.size() == QtCore.QSize(700, 500)
    assert again.reading_view.zoom() == 2
    assert again.reading_view.font().pointSizeF() > window.reading_view.font().pointSizeF() - 0.01
    assert not again.sections_dock.isVisible()
    assert not again.sections_action.isChecked()
    assert again.settings.last_document == seed_path.resolve()


def test_a_missing_file_is_reported_and_the_document_kept(qtbot, window, tmp_path):
    shown = window.reader_document
    title = window.windowTitle()
    missing = tmp_path / "不在.txt"
    assert not window.open_path(missing)
    box = wait_for_message(qtbot)
    assert box.icon() == QtWidgets.QMessageBox.Critical
    assert "不在.txt" in box.text()
    assert box.informativeText() == f"{missing}: no such file"
    assert window.reader_document is shown
    assert window.windowTitle() == title
    box.close()
    qtbot.waitUntil(lambda: not message_boxes())


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _too_large(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda folder: folder,
        lambda folder: _write(folder / "blob.bin", bytes(range(256)) * 40),
        lambda folder: _write(folder / "empty.txt", b""),
        lambda folder: _write(folder / "blank.txt", " \n\n\u3000\n".encode()),
        _too_large,
    ],
    ids=["folder", "binary", "empty", "blank", "too-large"],
)
def test_files_that_cannot_be_opened_say_why(qtbot, window, tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(DocumentError) as refused:
        open_document(path)
    shown = window.reader_document
    assert not window.open_path(path)
    box = wait_for_message(qtbot)
    assert path.name in box.text()
    assert box.informativeText() == str(refused.value)
    assert window.reader_document is shown
    box.close()


def test_dropping_a_file_opens_it(qtbot, window, article):
    drop_on(window, article)
    assert window.reader_document.path == article.resolve()
    assert window.windowTitle() == "短文的标题 — 短文.txt — Reader"


def test_dragging_something_that_is_not_a_file_is_refused(window):
    mime = QtCore.QMimeData()
    mime.setText("只是文字")
    enter = QtGui.QDragEnterEvent(
        QtCore.QPoint(10, 10),
        QtCore.Qt.CopyAction,
        mime,
        QtCore.Qt.LeftButton,
        QtCore.Qt.NoModifier,
    )
    enter.ignore()
    QtCore.QCoreApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_open_asks_for_a_file_and_opens_the_choice(qtbot, window, article):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_O, QtCore.Qt.ControlModifier)
    dialogs = [
        w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QFileDialog)
    ]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.nameFilters() == [
        "Documents (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.epub)",
        "Text (*.txt *.text)",
        "Markdown (*.md *.markdown)",
        "HTML (*.html *.htm *.xhtml)",
        "EPUB (*.epub)",
        "All files (*)",
    ]
    assert dialog.selectedNameFilter().startswith("Documents ")
    # Not the open document's folder (the seed's is inside the program): the last one used.
    assert Path(dialog.directory().absolutePath()) == start_folder(window.settings, Purpose.OPEN)
    dialog.selectFile(str(article))
    dialog.accept()
    assert window.reader_document.path == article.resolve()


def test_open_recent_lists_documents_most_recent_first(qtbot, window, article, seed_path, tmp_path):
    gone = tmp_path / "gone.txt"
    gone.write_text("会消失的标题\n\n内容。\n", encoding="utf-8")
    assert window.open_path(gone)
    gone.unlink()
    assert window.open_path(article)
    window.recent_menu.aboutToShow.emit()
    actions = [a for a in window.recent_menu.actions() if not a.isSeparator()]
    assert [a.data() for a in actions[:3]] == [
        str(article.resolve()),
        str(gone.resolve()),
        str(seed_path.resolve()),
    ]
    assert [a.isEnabled() for a in actions[:3]] == [True, False, True]
    assert "missing" in actions[1].text()
    actions[2].trigger()
    assert window.reader_document.path == seed_path.resolve()
    clear = actions[-1]
    assert clear.text() == "&Clear Menu"
    clear.trigger()
    assert window.settings.recent_files == []
    window.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert labels == ["No Recent Documents", "&Clear Menu"]
    assert not any(a.isEnabled() for a in window.recent_menu.actions() if not a.isSeparator())


def test_about_names_the_version(qtbot, window):
    dialog = window.show_about()
    assert dialog.isVisible()
    assert dialog.title.text() == f"Reader {__version__}"
    assert "reading Chinese" in dialog.description.text()
    dialog.close()


def test_quit_shortcut_closes_the_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_Q, QtCore.Qt.ControlModifier)
    assert not window.isVisible()
    assert not window.settings.geometry.isEmpty()


def test_a_novel_opens_in_the_window(qtbot, window, shared_data):
    path = shared_data / "novels" / "hongloumeng.txt"
    assert window.open_path(path)
    document = window.reader_document
    assert window.reading_view.document().blockCount() == len(document.blocks)
    assert window.windowTitle().endswith("— hongloumeng.txt — Reader")
    later = list(document.sections())[len(document.root.children) // 2]
    window.go_to_section(later)
    assert abs(heading_top(window, later) - window.reading_view.top_gap()) <= 2
    assert open_document(path).text == document.text


def _zip_of_text(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("chapter.txt", "第一章\n正文。\n")
    return _write(path, buffer.getvalue())


def _unreadable(path: Path) -> Path:
    _write(path, "锁着的标题\n\n内容。\n".encode())
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("this user reads files without read permission (root)")
    return path


def _one_line_of(megabytes: int, path: Path) -> Path:
    line = "一二三四五六七八九十".encode()
    with path.open("wb") as file:
        for _ in range(megabytes):
            file.write(line * (1024 * 1024 // len(line) + 1))
    return path


BAD_FILES = {
    "folder": lambda folder: folder,
    "missing": lambda folder: folder / "不在这里.txt",
    "binary": lambda folder: _write(folder / "blob.bin", bytes(range(256)) * 40),
    "png": lambda folder: _write(folder / "图.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "jpeg": lambda folder: _write(folder / "photo.txt", b"\xff\xd8\xff\xe0" + bytes(64)),
    "zip": lambda folder: _zip_of_text(folder / "book.epub"),
    "empty": lambda folder: _write(folder / "empty.txt", b""),
    "blank": lambda folder: _write(folder / "blank.txt", " \n\n\u3000\t\n".encode()),
    "unreadable": lambda folder: _unreadable(folder / "locked.txt"),
    "50-MB-one-line": lambda folder: _one_line_of(50, folder / "one-line.txt"),
}


@pytest.mark.parametrize("make", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_dropping_a_bad_file_says_why_and_keeps_the_document(qtbot, window, tmp_path, make):
    folder = tmp_path / "dropped"
    folder.mkdir()
    path = make(folder)
    with pytest.raises(DocumentError) as refused:
        open_document(path)
    shown = window.reader_document
    title = window.windowTitle()
    page = window.reading_view.toPlainText()
    drop_on(window, path)
    box = wait_for_message(qtbot)
    assert box.parent() is window
    assert box.icon() == QtWidgets.QMessageBox.Critical
    assert box.text() == f"Reader could not open {path.name}."
    assert box.informativeText() == str(refused.value)
    assert "Traceback" not in box.informativeText()
    assert window.reader_document is shown
    assert window.windowTitle() == title
    assert window.reading_view.toPlainText() == page
    assert QtWidgets.QApplication.overrideCursor() is None
    qtbot.mouseClick(box.button(QtWidgets.QMessageBox.Ok), QtCore.Qt.LeftButton)
    qtbot.waitUntil(lambda: not message_boxes())
    assert window.settings.last_document == shown.path


def test_the_status_bar_names_the_encoding(window, tmp_path):
    assert window.encoding_label.text() == "UTF-8"
    assert window.encoding_label.isVisible()
    assert not window.replacements_label.isVisible()
    path = tmp_path / "gbk.txt"
    path.write_bytes("国标编码的标题\n\n这一段是用国标编码保存的文字\u3002\n".encode("gb18030"))
    assert window.open_path(path)
    assert window.encoding_label.text() == "GB18030"
    assert "Detected" in window.encoding_label.toolTip()


def test_undecodable_bytes_are_counted_in_the_status_bar_while_the_document_shows(
    qtbot, window, tmp_path, seed_path
):
    path = tmp_path / "broken.txt"
    good = "有几个坏字节的标题\n\n这一段文字很好\u3002".encode()
    path.write_bytes(good + b"\xff" + "后面还是好的文字\u3002\n".encode())
    assert window.open_path(path)
    assert window.reader_document.replacements == 1
    assert "\ufffd" in window.reading_view.toPlainText()
    label = window.replacements_label
    assert label.isVisible()
    assert label.text() == "1 character could not be decoded as UTF-8 and shows as \ufffd"
    window.statusBar().showMessage("a passing menu tip")
    assert label.isVisible()
    window.statusBar().clearMessage()
    window.sections_action.trigger()
    window.sections_action.trigger()
    assert label.isVisible()
    assert window.open_path(seed_path)
    assert not label.isVisible()


def test_a_wait_cursor_shows_while_a_document_opens(qtbot, window, article):
    shapes = []
    window.document_shown.connect(
        lambda _: shapes.append(QtWidgets.QApplication.overrideCursor().shape())
    )
    assert window.open_path(article)
    # The features attached after the first paint hear again of a document shown before.
    assert shapes and set(shapes) == {QtCore.Qt.WaitCursor}
    assert QtWidgets.QApplication.overrideCursor() is None


def stand_in(window: MainWindow, kind: type, name: str) -> QtWidgets.QWidget | None:
    return window.findChild(kind, name)


def test_the_features_attach_just_after_the_first_paint(qtbot, make_window, seed_path):
    window = make_window(seed_path, show=False)
    shown = []
    window.document_shown.connect(shown.append)
    dock = stand_in(window, QtWidgets.QDockWidget, "annotations-dock")
    assert dock is not None and dock.widget() is None  # a stand-in until the first paint
    with qtbot.waitSignal(window.features_attached):
        window.show()
    # The document shown before they came is shown to them.
    assert shown == [window.reader_document]
    assert window.pinyin.view.reader_document is window.reader_document
    assert not window.annotations.dock.isVisible()  # it opens when it has something in it
    assert window.annotations.toolbar.isVisible()
    assert window.findChildren(QtWidgets.QDockWidget, "annotations-dock") == [
        window.annotations.dock
    ]
    assert window.findChildren(QtWidgets.QToolBar, "highlight-toolbar") == [
        window.annotations.toolbar
    ]


def test_attaching_the_features_neither_moves_nor_narrows_the_page(qtbot, make_window, seed_path):
    window = make_window(seed_path, show=False)
    view = window.reading_view
    attached = []
    window.features_attached.connect(lambda: attached.append(True))

    def place() -> tuple[int, QtCore.QPoint, int]:
        """The column's width, and where the text starts; the status bar may differ by a
        pixel, so the height is not compared."""
        viewport = view.viewport()
        return (
            view.lineWrapColumnOrWidth(),
            viewport.mapTo(window, QtCore.QPoint(0, 0)),
            viewport.width(),
        )

    window.show()  # laid out at once; painted, and the features attached, from the event loop
    before = place()
    assert not attached
    qtbot.waitUntil(lambda: bool(attached))
    qtbot.wait(50)
    assert place() == before
    assert view.isVisible()


def test_a_document_opened_before_showing_is_laid_out_at_the_width_shown(
    qtbot, make_window, seed_path
):
    """As `reader FILE` does: the page is laid out once, not again when the window shows."""
    window = make_window(seed_path, show=False)
    view = window.reading_view
    width = view.lineWrapColumnOrWidth()
    window.show()
    qtbot.waitExposed(window)
    assert view.lineWrapColumnOrWidth() == width
    assert view.viewport().width() == width


def test_the_features_attach_on_first_use_before_any_paint(qtbot, make_window, seed_path):
    window = make_window(seed_path, show=False)
    attached = []
    window.features_attached.connect(lambda: attached.append(True))
    lookup = window.word_lookup
    assert attached == [True]
    assert window.word_lookup is lookup
    assert window.annotations.dock.widget() is window.annotations.panel
    assert window.pinyin.view.reader_document is window.reader_document
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert attached == [True]  # once only
    assert window.reading_view.isVisible()


def test_the_annotations_dock_and_toolbar_keep_their_saved_places(qtbot, make_window):
    window = make_window()
    window.annotations.dock.hide()
    window.addToolBar(QtCore.Qt.BottomToolBarArea, window.annotations.toolbar)
    window.close()

    again = make_window(show=False)
    assert stand_in(again, QtWidgets.QDockWidget, "annotations-dock").isHidden()
    with qtbot.waitSignal(again.features_attached):
        again.show()
    assert again.annotations.dock.isHidden()
    assert not again.annotations.menus.panel_action.isChecked()
    assert again.toolBarArea(again.annotations.toolbar) == QtCore.Qt.BottomToolBarArea
    assert again.annotations.toolbar.isVisible()


def test_the_window_module_leaves_the_features_modules_for_later():
    deferred = [
        "reader.ui.annotations.controller",
        "reader.ui.lookup.controller",
        "reader.ui.pinyin.switch",
        "reader.ui.corrections.controller",
        "reader.ui.preferences.controller",
        "reader.ui.preferences.dialog",
        "reader.store",
    ]
    probe = (
        f"import sys, reader.ui.app; print([name for name in {deferred!r} if name in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # the pop-up's
@pytest.mark.parametrize("char", ["\u4e2d", "["])
def test_a_one_line_file_of_a_million_characters_opens_shows_text_and_answers(
    qtbot, tmp_path, monkeypatch, char
):
    """No break opportunity in a million `[`; one after every 中 but no punctuation. The page
    is laid out at the width it was opened at, not again on showing or as features attach."""
    path = tmp_path / "line.txt"
    path.write_text(char * 1_000_000, encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    widths = []
    monkeypatch.setattr(ReadingView, "setLineWrapColumnOrWidth", widths.append)
    with qtbot.waitSignal(window.features_attached):
        window.show()
    assert widths == []
    monkeypatch.undo()
    view = window.reading_view
    assert len(window.reader_document.text) == 1_000_000
    first_line = view.document().firstBlock().layout().lineAt(0)
    assert 10 < first_line.textLength() < 200  # the line is wrapped to the column
    assert view.top_offset() == 0
    assert len(window.windowTitle()) < 400
    assert window.section_label.text().endswith("\u2026")

    centre = view.viewport().rect().center()
    offset = view.offset_at(centre)
    assert offset is not None and window.reader_document.text[offset] == char
    if char == "\u4e2d":
        qtbot.waitUntil(lambda: window.word_lookup.is_ready, timeout=READY_MS)
        qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
        qtbot.mouseMove(view.viewport(), centre)
        popup = window.word_lookup.popup
        qtbot.waitUntil(popup.isVisible, timeout=READY_MS)
        assert popup.word_label.text().startswith("\u4e2d")

    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert 300_000 < view.top_offset() < 700_000
    qtbot.keyClick(view, QtCore.Qt.Key_PageDown)
    assert view.top_offset() > 500_000
    bar.triggerAction(QtWidgets.QAbstractSlider.SliderToMaximum)
    assert view.top_offset() > 990_000
