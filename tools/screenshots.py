"""Takes the README's screenshots again: docs/screenshot.png (the seed article, its section
tree, highlights with a note, the annotations panel, the word pop-up over 应用),
docs/pinyin-view.png (the same in the pinyin view, tone colours on, the pop-up over 信息化)
docs/dark-find.png (the dark theme, the pinyin view with two highlights, the find bar
opened with Ctrl+F on the pinyin query wangluo: every 网络 in view marked, the current one
stronger, the list of matches under the page), docs/new-words.png (a learner who knows
HSK 1–3 and is learning a few words: the new and learning words underlined, pinyin over
them alone), docs/coverage.png (the words of HSK 1–3 known: each section's share known
in the tree, and Words to Learn for a section) and docs/library-search.png (the shared
novels and the seed in the library, 宝玉 searched in Search Library and sorted by its
right context, a hit opened in the window behind).

Run from the project folder after a change the screenshots show: python tools/screenshots.py
[OUT_DIR] (default docs/). It builds the real window offscreen at 1400×900, on settings and
a store in a temporary folder (the user's are never read or written), and makes the
theme as Preferences keeps it, the highlights and notes through the window's own actions and
the find with its keys. The pop-up is a window of its own, so it is painted onto the window's
picture where it stands.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtTest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.model import Section  # noqa: E402
from reader.language.hsk import HskLevels  # noqa: E402
from reader.library.index_file import LibraryIndex, index_path  # noqa: E402
from reader.library.indexing import add_to_library  # noqa: E402
from reader.resources import seed_article  # noqa: E402
from reader.store import Status, open_store, resolve_data_dir  # noqa: E402
from reader.ui.app import application  # noqa: E402
from reader.ui.coverage.menu import CoverageMenu  # noqa: E402
from reader.ui.lookup.settings import LookupSettings  # noqa: E402
from reader.ui.preferences.settings import PreferenceSettings, ThemeChoice  # noqa: E402
from reader.ui.qt import QtCore, QtGui, QtWidgets  # noqa: E402
from reader.ui.search.controller import SearchController  # noqa: E402
from reader.ui.search.results_model import MATCH, RIGHT  # noqa: E402
from reader.ui.tasks import TaskRunner  # noqa: E402
from reader.ui.views.tone_colours import ToneColours  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402
from reader.ui.words.controller import WordsController  # noqa: E402
from reader.ui.words.status_holder import StatusHolder  # noqa: E402

SIZE = (1400, 900)
SECTION = "各级领导干部 要经常上网看看"
"""The section both screenshots show."""
READING_MARKS = [
    ("网信事业要发展", "red", ""),
    ("以人民为中心的发展思想", "yellow", "“以人民为中心”: a phrase of the 13th Five-Year Plan"),
    ("让亿万人民", "green", ""),
    ("更多获得感", "blue", ""),
]
PINYIN_MARKS = [
    ("以人民为中心", "yellow", "“以人民为中心”: people-centred"),
    ("促进资源配置优化", "blue", ""),
    ("发展理念", "yellow", ""),
]
"""(quote, colour, note): the first occurrence of each quote is marked."""
FIND_SECTION = "关键核心项目 谁有本事谁揭榜"
FIND_MARKS = [
    ("亿万民众共同的精神家园", "yellow", "cyberspace as a shared spiritual home"),
    ("社会主义核心价值观", "green", ""),
]
LEARNING = {"网信": 1, "发展": 2, "创新": 3, "互联网": 4, "信息化": 1, "网民": 2}
"""The words the learner of new-words.png is learning, and how far (1-4)."""
FIND_QUERY = "wangluo"
"""Typed into the find bar in FIND_SECTION, where 网络 (wǎngluò) comes seven times."""

NOVELS = ROOT.parent / "shared" / "data" / "novels"
"""The shared novels (not in the project): the library of library-search.png."""
LIBRARY_QUERY = "宝玉"
LIBRARY_ROW = 7
"""The hit clicked open, counted from the top of the concordance sorted by right context."""


def wait_until(done: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Run the event loop until `done()` (the first run builds the language caches)."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready in time")
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.AllEvents, 50)


def settle(ms: int = 300) -> None:
    """Let layout and painting catch up."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.AllEvents, 20)


def new_window(scratch: Path, theme: ThemeChoice = ThemeChoice.LIGHT) -> MainWindow:
    """The window as a new reader sees it after opening the seed, its lookups ready, in
    `theme` (chosen in the settings before the window is made, as Preferences keeps it); its
    settings and store in `scratch`."""
    os.environ["READER_SETTINGS_DIR"] = str(scratch / "settings")
    os.environ["READER_DATA_DIR"] = str(scratch / "data")
    LookupSettings().delay_ms = 0
    PreferenceSettings().theme = theme
    window = MainWindow(runner=TaskRunner(synchronous=True))
    window.resize(*SIZE)
    window.show()
    attached: list[bool] = []
    window.when_features_attached(lambda: attached.append(True))
    wait_until(lambda: bool(attached))
    if not window.open_path(seed_article()):
        raise SystemExit("screenshots: error: the seed article did not open")
    wait_until(lambda: window.word_lookup.is_ready)
    return window


def select(window: MainWindow, start: int, end: int) -> None:
    """Select `[start, end)` in the view shown, as a drag of the mouse would."""
    view = window.shown_view()
    if view is window.reading_view:
        cursor = view.textCursor()
        cursor.setPosition(view.offsets.to_qt(start))
        cursor.setPosition(view.offsets.to_qt(end), QtGui.QTextCursor.KeepAnchor)
        view.setTextCursor(cursor)
    else:
        view.select(start, end)


def mark(window: MainWindow, marks: list[tuple[str, str, str]]) -> None:
    """Highlight each quote with its colour; a note is written in the note editor."""
    text = window.reader_document.text
    annotations = window.annotations
    for quote, colour, note in marks:
        start = text.index(quote)
        select(window, start, start + len(quote))
        if note:
            annotations.edit_note()
            annotations.editor.note_edit.setPlainText(note)
            annotations.editor.save()
        annotations.highlight(colour)


def section_named(window: MainWindow, heading: str) -> Section:
    return next(s for s in window.reader_document.root.walk() if s.heading == heading)


def go_to_section(window: MainWindow, heading: str) -> None:
    """Click the section's heading in the tree."""
    tree = window.section_tree
    section = section_named(window, heading)
    point = tree.visualRect(tree.section_model().index_of(section)).center()
    QtTest.QTest.mouseClick(tree.viewport(), QtCore.Qt.LeftButton, pos=point)
    settle()


def hover(window: MainWindow, word: str) -> None:
    """Rest the mouse on the first `word` on screen until its pop-up shows."""
    view = window.shown_view()
    first, last = view.visible_range()
    offset = window.reader_document.text.index(word, first)
    if offset >= last:
        raise SystemExit(f"screenshots: error: {word} is not on screen")
    point = view.range_rect(offset, offset + len(word)).center()
    QtTest.QTest.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    QtTest.QTest.mouseMove(view.viewport(), point)
    lookup = window.word_lookup
    wait_until(lambda: lookup.popup.isVisible(), timeout_s=5)
    if lookup.current is None or lookup.current.word != word:
        raise SystemExit(f"screenshots: error: the pop-up is not for {word}")
    settle()


def find(window: MainWindow, query: str) -> None:
    """Ctrl+F in the page, `query` typed key by key, the list of matches shown, and the
    search waited for until the bar says "N of M"."""
    window.activateWindow()
    wait_until(window.isActiveWindow, timeout_s=5)
    view = window.shown_view()
    view.setFocus()
    QtTest.QTest.keyClick(view, QtCore.Qt.Key_F, QtCore.Qt.ControlModifier)
    bar = window.find.bar
    if not window.find.is_open:
        raise SystemExit("screenshots: error: Ctrl+F did not open the find bar")
    QtTest.QTest.keyClicks(bar.edit, query)
    wait_until(lambda: not window.find.searching)
    if not bar.list_button.isChecked():
        QtTest.QTest.mouseClick(bar.list_button, QtCore.Qt.LeftButton)
    if " of " not in bar.status.text():
        raise SystemExit(f"screenshots: error: the find bar says {bar.status.text()!r}")
    settle()


def know_hsk_1_to_3(window: MainWindow) -> None:
    """Statuses as a learner who knows the words of HSK 1-3 and learns LEARNING has them,
    set through the window's status holder (as Words ▸ Import Known Words sets them), and
    the new and learning words marked in the text."""
    text = window.reader_document.text
    session = window.session
    session.segmentation.segment_all()
    hsk = HskLevels()
    changes = {}
    for token in session.segmentation.tokens(0, len(text)):
        level = hsk.level(text[token.start : token.end])
        if level is not None and level.new in ("1", "2", "3"):
            changes[text[token.start : token.end]] = Status.KNOWN
    changes.update({word: Status(step) for word, step in LEARNING.items()})
    holder = window.findChild(WordsController).holder
    holder.set(changes, "Import Known Words")
    window.status_marks.action.trigger()


def grab(window: MainWindow, path: Path) -> None:
    """The window with the pop-up painted where it stands on the screen."""
    image = window.grab().toImage()
    popup = window.word_lookup.popup
    if popup.isVisible():
        painter = QtGui.QPainter(image)
        corner = popup.mapToGlobal(QtCore.QPoint(0, 0)) - window.mapToGlobal(QtCore.QPoint(0, 0))
        painter.drawPixmap(corner, popup.grab())
        painter.end()
    if not image.save(str(path)):
        raise SystemExit(f"screenshots: error: {path}: could not write it")
    print(path)


def know_hsk(window: MainWindow, level: int) -> CoverageMenu:
    """The words of new-HSK levels 1 to `level` known (as Words ▸ Import Known Words marks
    them), and the coverage weighed by them."""
    from reader.language.known_words import hsk_words

    holder = window.findChild(StatusHolder)
    wait_until(lambda: holder.loaded)
    holder.set(dict.fromkeys(hsk_words(level), Status.KNOWN), "Known")
    coverage = window.findChild(CoverageMenu)
    wait_until(lambda: coverage.coverage.coverage_of(coverage.coverage.counts.document) is not None)
    settle()
    return coverage


def grab_with_dialog(window: MainWindow, dialog: QtWidgets.QDialog, path: Path) -> None:
    """The window with `dialog` painted over the right of its page, framed."""
    image = window.grab().toImage()
    painter = QtGui.QPainter(image)
    corner = QtCore.QPoint(
        image.width() - dialog.width() - 40, image.height() - dialog.height() - 50
    )
    painter.drawPixmap(corner, dialog.grab())
    painter.setPen(QtGui.QColor("#888888"))
    painter.drawRect(QtCore.QRect(corner, dialog.size()).adjusted(-1, -1, 0, 0))
    painter.end()
    if not image.save(str(path)):
        raise SystemExit(f"screenshots: error: {path}: could not write it")
    print(path)


def library_search(scratch: Path, out_dir: Path) -> None:
    """The novels and the seed added to the library (as `reader library add` adds them),
    Search Library opened with Ctrl+Shift+F, LIBRARY_QUERY typed, the concordance sorted
    by its right context with a click on its header, and a hit clicked open behind it."""
    novels = sorted(NOVELS.glob("*.txt"))
    if not novels:
        print(f"screenshots: library-search.png skipped: no novels in {NOVELS}")
        return
    window = new_window(scratch)
    store = open_store(resolve_data_dir(None))
    with store, LibraryIndex.open(index_path(store.path)) as index:
        for path in [*novels, seed_article()]:
            add_to_library(store, index, path)
    window.activateWindow()
    wait_until(window.isActiveWindow, timeout_s=5)
    QtTest.QTest.keyClick(
        window.shown_view(), QtCore.Qt.Key_F, QtCore.Qt.ControlModifier | QtCore.Qt.ShiftModifier
    )
    search = window.findChild(SearchController)
    search.window.resize(1100, 450)
    search.window.set_query(LIBRARY_QUERY)
    search.search_now()
    wait_until(lambda: not search.searching)
    header = search.window.table.horizontalHeader()
    point = QtCore.QPoint(header.sectionViewportPosition(RIGHT) + 5, header.height() // 2)
    QtTest.QTest.mouseClick(header.viewport(), QtCore.Qt.LeftButton, pos=point)
    table = search.window.table
    rect = table.visualRect(search.window.model.index(LIBRARY_ROW, MATCH))
    QtTest.QTest.mouseClick(table.viewport(), QtCore.Qt.LeftButton, pos=rect.center())
    settle()
    grab_with_dialog(window, search.window, out_dir / "library-search.png")
    search.window.close()
    window.close()


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    application()
    scratch = Path(tempfile.mkdtemp(prefix="reader-screenshots-"))

    window = new_window(scratch / "reading")
    go_to_section(window, SECTION)
    mark(window, READING_MARKS)
    go_to_section(window, SECTION)
    hover(window, "应用")
    grab(window, out_dir / "screenshot.png")
    window.close()

    window = new_window(scratch / "pinyin")
    window.word_lookup.colour_actions[ToneColours.PLECO].trigger()
    window.pinyin.all_action.trigger()
    go_to_section(window, SECTION)
    mark(window, PINYIN_MARKS)
    go_to_section(window, SECTION)
    hover(window, "信息化")
    grab(window, out_dir / "pinyin-view.png")
    window.close()

    window = new_window(scratch / "dark", ThemeChoice.DARK)
    window.pinyin.all_action.trigger()
    go_to_section(window, FIND_SECTION)
    mark(window, FIND_MARKS)
    go_to_section(window, FIND_SECTION)
    # the caret at the section's start, as a click there puts it: find starts from it
    window.shown_view().place_caret(section_named(window, FIND_SECTION).start)
    find(window, FIND_QUERY)
    grab(window, out_dir / "dark-find.png")
    window.close()

    window = new_window(scratch / "marks")
    know_hsk_1_to_3(window)
    window.pinyin.all_action.trigger()
    window.pinyin.unknown_action.trigger()
    go_to_section(window, SECTION)
    grab(window, out_dir / "new-words.png")
    window.close()

    window = new_window(scratch / "coverage")
    coverage = know_hsk(window, 3)
    go_to_section(window, SECTION)
    dialog = coverage.show_words_to_learn()
    wait_until(lambda: dialog.table.rowCount() > 0 and dialog.table.item(0, 1).text() != "…")
    settle()
    grab_with_dialog(window, dialog, out_dir / "coverage.png")
    window.close()

    library_search(scratch / "library", out_dir)
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
