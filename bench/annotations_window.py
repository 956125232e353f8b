"""The window's figures with 10,000 annotations on a novel, each beside the same without.

    python bench/annotations_window.py [--runs N] [NOVEL]

Measured in this process, on Qt's offscreen platform unless another is set: opening the
novel in a MainWindow whose store holds 10,000 annotations (made through the store, as
bench/store.py makes them) against one whose store holds none, up to the page's whole
layout; the panel's filters against
filter_annotations alone; highlighting a selection; and a loop that scrolls a page and
repaints the viewport, with the highlights painted and without. `measure(novel, runs)` gives
the figures; `TITLE`, `HEADERS` and `rows(figures)` make the table (bench/run.py prints it).
The issue's targets: at most 0.5 s more to open, under 100 ms to filter, scrolling near the
figure without highlights.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from store import ANNOTATIONS, NOVEL, Figure, annotations_for, rows, timed
from table import Table

from reader.document import open_document
from reader.store import filter_annotations, open_store
from reader.ui.app import application
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.window.main_window import MainWindow

TITLE = f"The window with {ANNOTATIONS:,} annotations on one novel, median of the runs"
HEADERS = ("figure", "s", "baseline", "baseline s", "ratio", "extra s")
WINDOW_SIZE = (1200, 800)
SCROLL_PAGES = 100
"""Pages scrolled and repainted in one run of the scrolling loop."""
FILTERS = [
    ("panel: filter by colour", {"colour": "red"}),
    ("panel: filter by tag", {"tag": "诗词"}),
    ("panel: filter by text", {"text": "宝玉"}),
    ("panel: colour, tag, text set in turn", {"colour": "red", "tag": "诗词", "text": "笔记"}),
    ("panel: clear the filters (all shown)", {}),
]


def settle() -> None:
    """Let queued work (layout, timers due now, deferred deletes) run."""
    app = QtWidgets.QApplication.instance()
    for _ in range(3):
        app.processEvents()


@contextmanager
def own_settings(folder: Path) -> Iterator[None]:
    """The windows remember their geometry: in a folder of ours, never the reader's."""
    before = os.environ.get("READER_SETTINGS_DIR")
    os.environ["READER_SETTINGS_DIR"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("READER_SETTINGS_DIR", None)
        else:
            os.environ["READER_SETTINGS_DIR"] = before


def measure(novel: Path = NOVEL, runs: int = 3) -> list[Figure]:
    application()
    with (
        tempfile.TemporaryDirectory(prefix="reader-bench-window-") as folder,
        own_settings(Path(folder) / "settings"),
    ):
        return _measure(novel, runs, Path(folder))


def _window(data_dir: Path) -> MainWindow:
    window = MainWindow(data_dir=data_dir)
    window.resize(*WINDOW_SIZE)
    window.show()
    settle()
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.deleteLater()
    settle()


def _measure(novel: Path, runs: int, folder: Path) -> list[Figure]:
    book = folder / "book.txt"
    shutil.copyfile(novel, book)
    document = open_document(book)
    with open_store(folder / "empty") as store:
        store.open_document(document)
    with open_store(folder / "full") as store:
        record = store.open_document(document).record
        store.annotations.restore_many(annotations_for(document, record.id))
    figures: list[Figure] = []

    def opening(data: str) -> float:
        windows: list[MainWindow] = []

        def setup() -> None:
            for window in windows:
                _close(window)
            windows[:] = [_window(folder / data)]

        def action() -> None:
            # The open and the page's whole layout, without running the event loop: what
            # other parts of the window start on open (segmenting the text for the word
            # pop-up) runs in the background and would only add noise to both figures.
            windows[0].open_path(book)
            windows[0].reading_view.document().documentLayout().documentSize()

        seconds = timed(action, runs, setup)
        for window in windows:
            _close(window)
        return seconds

    figures.append(
        Figure(
            f"open the novel with {ANNOTATIONS:,} annotations",
            opening("full"),
            "open it without",
            opening("empty"),
        )
    )

    full = _window(folder / "full")
    full.open_path(book)
    settle()
    _lay_out(full)
    panel = full.annotations.panel
    loaded = panel.model.annotations()
    assert len(loaded) == ANNOTATIONS, len(loaded)
    for name, criteria in FILTERS:
        figures.append(
            Figure(
                name,
                timed(lambda c=criteria: _filter(panel, **c), max(runs, 5), lambda: _filter(panel)),
                "filter_annotations alone",
                timed(lambda c=criteria: filter_annotations(loaded, **c), max(runs, 5)),
            )
        )
    _filter(panel)

    empty = _window(folder / "empty")
    empty.open_path(book)
    settle()
    if not empty.annotations.dock.isVisible():
        # Shown as the reader may ask for it, so that both pages have the same width.
        empty.annotations.menus.panel_action.trigger()
        settle()
    _lay_out(empty)
    pages = (full.reading_view.verticalScrollBar(), empty.reading_view.verticalScrollBar())
    assert pages[0].maximum() == pages[1].maximum(), "the two pages differ in height"
    figures.append(
        Figure(
            f"scroll {SCROLL_PAGES} pages, repainting each",
            timed(lambda: _scroll(full), runs),
            "the same without highlights",
            timed(lambda: _scroll(empty), runs),
        )
    )
    figures.append(
        Figure(
            "highlight a selection (store, page, panel)",
            timed(lambda: _highlight(full), runs, lambda: _select(full)),
            "the same without other highlights",
            timed(lambda: _highlight(empty), runs, lambda: _select(empty)),
        )
    )
    _close(full)
    _close(empty)
    return figures


def _lay_out(window: MainWindow) -> None:
    """Finish the page's layout, which Qt otherwise does lazily, a chunk at a time, and give
    the scroll bar its whole range: both windows then scroll the same pages."""
    view = window.reading_view
    view.scroll_to_offset(len(window.reader_document.text))
    view.verticalScrollBar().setValue(0)
    settle()


def _filter(panel, colour: str | None = None, tag: str | None = None, text: str = "") -> None:
    """Set the filters as the reader does, in the panel's own widgets, and let it redraw."""
    panel.colour_filter.setCurrentIndex(max(0, panel.colour_filter.findData(colour)))
    panel.tag_filter.setCurrentIndex(max(0, panel.tag_filter.findData(tag)))
    panel.text_filter.setText(text)
    panel.view.viewport().repaint()


def _scroll(window: MainWindow) -> None:
    view = window.reading_view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    for _ in range(SCROLL_PAGES):
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()


def _select(window: MainWindow) -> None:
    """Select a few characters in the middle of the view, where nothing is highlighted."""
    view = window.reading_view
    text = window.reader_document.text
    start = view.top_offset() + 40
    highlighted = window.annotations.annotation_set
    while highlighted.at(start) or highlighted.at(start + 5):
        start += 7
    while not text[start : start + 6].strip():
        start += 1
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(start))
    cursor.setPosition(view.offsets.to_qt(start + 6), QtGui.QTextCursor.KeepAnchor)
    view.setTextCursor(cursor)


def _highlight(window: MainWindow) -> None:
    window.annotations.highlight("green")
    window.reading_view.viewport().repaint()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The window's figures with many annotations.")
    parser.add_argument("novel", nargs="?", type=Path, default=NOVEL)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args(argv)
    if not options.novel.is_file():
        print(f"bench: error: {options.novel}: no such file", file=sys.stderr)
        return 1
    print(Table(TITLE, HEADERS, rows(measure(options.novel, max(1, options.runs)))).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
