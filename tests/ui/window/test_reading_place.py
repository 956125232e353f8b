"""The reader's place, kept as a reader meets it: a chapter clicked in the tree, the page
scrolled, the window closed, Reader started again on the same settings and store (a new
window, the first document opened before it is shown, as `reader` does), and what the
first paint, the tree and the status bar show."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.document import Section, open_document
from reader.document.progress import place_label
from reader.ui.app import open_first_document
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow

SIZE = (1400, 900)


@dataclass
class FirstPaint:
    """What the reader saw as the page was first painted."""

    top_offset: int | None = None
    section: Section | None = None
    status: str | None = None


class _FirstPaintWatcher(QtCore.QObject):
    def __init__(self, window: MainWindow, seen: FirstPaint) -> None:
        super().__init__(window)
        self._window = window
        self._seen = seen
        self._viewport = window.shown_view().viewport()
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self._viewport and event.type() == QtCore.QEvent.Paint:
            watched.removeEventFilter(self)
            self._seen.top_offset = self._window.shown_view().top_offset()
            self._seen.section = self._window.section_tree.current_section()
            self._seen.status = self._window.section_label.text()
        return False


def start(
    qtbot, make_window, path=None, at: int | None = None, **arguments
) -> tuple[MainWindow, FirstPaint]:
    """Reader started (`reader [PATH] [--at AT]`): the window made, the first document
    opened, then shown and painted."""
    window = make_window(show=False, size=SIZE, **arguments)
    seen = FirstPaint()
    open_first_document(window, path, at=at)
    _FirstPaintWatcher(window, seen)
    attached: list[bool] = []
    window.when_features_attached(lambda: attached.append(True))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(attached) and seen.top_offset is not None)
    return window, seen


class _PaintRecorder(QtCore.QObject):
    """The scroll value and the top offset of the reading view at each of its paints."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._view = window.reading_view
        self.tops: list[tuple[int, int]] = []
        self._view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self._view.viewport() and event.type() == QtCore.QEvent.Paint:
            self.tops.append((self._view.verticalScrollBar().value(), self._view.top_offset()))
        return False


def quit_reader(qtbot, window: MainWindow) -> None:
    window.close()
    qtbot.wait(10)


def click_section(qtbot, window: MainWindow, section: Section) -> None:
    tree = window.section_tree
    index = tree.section_model().index_of(section)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), QtCore.Qt.LeftButton, pos=tree.visualRect(index).center())


def wheel(view: QtWidgets.QAbstractScrollArea, notches: int) -> None:
    """The mouse wheel turned over the page: negative notches scroll down."""
    viewport = view.viewport()
    point = QtCore.QPointF(viewport.rect().center())
    event = QtGui.QWheelEvent(
        point,
        viewport.mapToGlobal(point),
        QtCore.QPoint(),
        QtCore.QPoint(0, 120 * notches),
        QtCore.Qt.NoButton,
        QtCore.Qt.NoModifier,
        QtCore.Qt.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(viewport, event)


def switch(window: MainWindow, pinyin: bool) -> None:
    """View ▸ Pinyin Above Characters ▸ All Words, or Off."""
    (window.pinyin.all_action if pinyin else window.pinyin.off_action).trigger()


def chapter(window: MainWindow, heading_start: str) -> Section:
    sections = window.reader_document.root.children
    return next(s for s in sections if s.heading.startswith(heading_start))


def assert_shown_at(window: MainWindow, seen: FirstPaint, top: int, section: Section) -> None:
    """The first paint was at `top`, the tree and the status bar naming its section, and
    they still do."""
    assert seen.top_offset == top
    assert seen.section is not None and seen.section.heading == section.heading
    assert seen.status == place_label(section, section.heading)
    assert window.shown_view().top_offset() == top
    assert window.section_tree.current_section().heading == section.heading
    assert window.section_label.text() == place_label(section, section.heading)


@pytest.fixture
def novel(shared_data):
    return shared_data / "novels" / "hongloumeng.txt"


def test_the_place_in_a_novel_survives_restarts_with_and_without_scrolling(
    qtbot, make_window, novel
):
    """Issue 11, item 1: a chapter clicked, the page scrolled, then three starts in a row,
    the last two without a touch."""
    window, _ = start(qtbot, make_window, novel)
    tenth = chapter(window, "第十回")
    click_section(qtbot, window, tenth)
    wheel(window.reading_view, -3)
    top = window.reading_view.top_offset()
    assert tenth.start < top < tenth.end
    quit_reader(qtbot, window)

    for _ in range(3):
        window, seen = start(qtbot, make_window)
        assert window.reader_document.path == novel.resolve()
        assert_shown_at(window, seen, top, tenth)
        quit_reader(qtbot, window)
    assert Settings().reading_place(novel.resolve()) == top


def test_switching_to_pinyin_and_back_across_restarts_keeps_the_place(
    qtbot, make_window, seed_path
):
    """The reader switches views, quits in either, and starts again in either: no switch,
    no start and no quit moves the place the reader left."""
    window, _ = start(qtbot, make_window, seed_path)
    section = window.reader_document.root.children[1]
    click_section(qtbot, window, section)
    wheel(window.reading_view, -2)
    top = window.reading_view.top_offset()
    assert section.start < top < section.end
    for pinyin in (True, False, True):
        switch(window, pinyin)
        assert window.shown_view().top_offset() == top
        assert window.section_label.text() == place_label(section, section.heading)
        quit_reader(qtbot, window)
        window, seen = start(qtbot, make_window)
        assert window.pinyin.showing_pinyin is pinyin
        assert_shown_at(window, seen, top, section)
        # There and back again, without a scroll.
        switch(window, not pinyin)
        switch(window, pinyin)
        assert window.shown_view().top_offset() == top
    quit_reader(qtbot, window)
    assert Settings().reading_place(seed_path.resolve()) == top


def test_a_place_scrolled_to_in_the_pinyin_view_is_where_the_next_start_opens(
    qtbot, make_window, seed_path
):
    window, _ = start(qtbot, make_window, seed_path)
    switch(window, True)
    view = window.pinyin.view
    wheel(view, -6)
    top = view.top_offset()
    assert top > 0
    section = window.reader_document.section_at(top)
    assert window.section_label.text() == place_label(section, section.heading)
    quit_reader(qtbot, window)
    window, seen = start(qtbot, make_window)
    assert window.pinyin.showing_pinyin
    assert_shown_at(window, seen, top, section)


def test_opening_another_document_keeps_the_place_of_the_first(
    qtbot, make_window, seed_path, tmp_path
):
    other = tmp_path / "短文.txt"
    other.write_text("短文的标题\n\n第一段说了一件事。\n", encoding="utf-8")
    window, _ = start(qtbot, make_window, seed_path)
    section = window.reader_document.root.children[3]
    click_section(qtbot, window, section)
    assert window.open_path(other)
    assert window.reading_view.top_offset() == 0
    assert window.open_path(seed_path)
    assert window.reading_view.top_offset() == section.start
    assert window.section_tree.current_section() is window.reader_document.section_at(section.start)


def test_a_window_never_shown_keeps_no_place(qtbot, make_window, seed_path):
    """Nobody saw the page: its top is not the reader's place."""
    Settings().set_reading_place(seed_path.resolve(), 1000)
    window = make_window(show=False)
    open_first_document(window, seed_path)
    window.shown_view().scroll_to_offset(0)
    window.close()
    assert Settings().reading_place(seed_path.resolve()) == 1000


def test_after_a_restart_at_a_section_the_page_is_whole(qtbot, make_window, seed_path):
    """Issue 11, item 2: 关键核心项目 chosen, Reader started again with the Annotations
    panel shown: the page goes on past the next heading, the scroll bar reaches the end,
    and a later section in the tree can be reached."""
    window, _ = start(qtbot, make_window, seed_path)
    window.annotations.menus.panel_action.trigger()  # View ▸ Annotations: shown, though empty
    assert window.annotations.dock.isVisible()
    key_projects = chapter(window, "关键核心项目")
    click_section(qtbot, window, key_projects)
    quit_reader(qtbot, window)

    window, seen = start(qtbot, make_window)
    assert window.annotations.dock.isVisible()
    assert_shown_at(window, seen, key_projects.start, key_projects)
    view = window.reading_view
    qtbot.wait(100)  # the lazy layout's timer has run
    page = view.document().documentLayout().documentSize().height()
    bar = view.verticalScrollBar()
    assert bar.maximum() == round(page) - view.viewport().height()
    speakers = chapter(window, "座谈会发言人员")
    click_section(qtbot, window, speakers)
    assert view.top_offset() == speakers.start
    assert window.section_label.text() == place_label(speakers, speakers.heading)
    bar.setValue(bar.maximum())
    text = window.reader_document.text
    assert view.visible_range()[1] >= len(text.rstrip()) - 1
    # Painted: the bottom half of the page, with the last lines, has ink on it.
    image = view.viewport().grab().toImage()
    half = image.copy(0, image.height() // 2, image.width(), image.height() // 2)
    inked = sum(
        1
        for y in range(0, half.height(), 4)
        for x in range(0, half.width(), 4)
        if QtGui.QColor(half.pixel(x, y)).lightness() < 100
    )
    assert inked > 50


@pytest.mark.parametrize(
    ("document", "from_end"),
    [("seed_path", 200), ("seed_path", -(10**9)), ("novel", 200), ("novel", -(10**9))],
    ids=["seed-last-screenful", "seed-past-the-end", "novel-last-screenful", "novel-past-the-end"],
)
def test_a_place_in_the_last_screenful_is_painted_once_and_kept(
    qtbot, make_window, request, document, from_end
):
    """Issue 11's done-when, at the end of a document: `reader FILE --at N` paints the page
    where it stays, the page's end at the bottom (no later paint moves the top as the
    features attach and the panels settle), and that top is the place the next start opens
    at and the one stored, not a line the scroll bar pulled down."""
    path = request.getfixturevalue(document)
    at = len(open_document(path).text) - from_end
    window = make_window(show=False, size=SIZE)
    open_first_document(window, path, at=at)
    paints = _PaintRecorder(window)
    attached: list[bool] = []
    window.when_features_attached(lambda: attached.append(True))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(attached) and bool(paints.tops))
    qtbot.wait(200)  # the lazy layout's timer and the window's own layout have run
    window.reading_view.viewport().repaint()
    first_value, top = paints.tops[0]
    bar = window.reading_view.verticalScrollBar()
    assert 0 <= bar.maximum() - first_value <= 1  # the page's end at the bottom
    assert top < min(at, len(window.reader_document.text))
    assert set(paints.tops) == {(first_value, top)}
    section = window.reader_document.section_at(top)
    quit_reader(qtbot, window)
    assert Settings().reading_place(path.resolve()) == top

    window, seen = start(qtbot, make_window)
    assert_shown_at(window, seen, top, section)
