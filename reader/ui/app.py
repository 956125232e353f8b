"""Starting the window: the application object, the first document, the event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from reader import __version__
from reader.resources import seed_article
from reader.ui.app_icon import app_icon
from reader.ui.fonts import sans_font
from reader.ui.garbage import collect_on_main_thread
from reader.ui.qt import QtWidgets
from reader.ui.startup_report import FirstPaintReporter
from reader.ui.window.main_window import APP_NAME, MainWindow


def application() -> QtWidgets.QApplication:
    """The one QApplication, named so settings land in Reader's place."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())  # the taskbar's and every window's
    app.setFont(sans_font(app.font().pointSizeF()))
    collect_on_main_thread(app)
    return app


def open_first_document(
    window: MainWindow,
    path: str | Path | None,
    encoding: str | None = None,
    heading_pattern: str | None = None,
    at: int | None = None,
) -> None:
    """The file asked for, else the last one read (where the reader left it) if it is still
    there, else the seed.

    `encoding`, `heading_pattern` and the offset `at` apply to the file asked for, over what
    was chosen for it before. A file that cannot be opened is reported by the window, and
    the reader goes on with the document they were reading, as if they had named none.
    """
    unfinished = window.settings.unfinished_open
    window.settings.unfinished_open = None
    if path is not None and window.open_path(path, encoding, heading_pattern, at):
        return
    last = window.settings.last_document
    if unfinished is not None:
        window.show_message(
            QtWidgets.QMessageBox.Warning,
            f"Reader stopped while opening {unfinished.name} last time.",
            f"{unfinished}\n\nIt was not opened again by itself, in case it is what "
            "stopped Reader. Open it from File ▸ Open Recent to try again.",
        )
    elif last is not None and last.is_file() and window.open_path(last):
        return
    try:
        seed = seed_article()
    except FileNotFoundError as error:
        window.show_message(
            QtWidgets.QMessageBox.Critical, "Reader could not find its seed.", str(error)
        )
        return
    window.open_path(seed)


def run_app(
    path: str | None,
    startup_report: bool = False,
    encoding: str | None = None,
    heading_pattern: str | None = None,
    data_dir: str | None = None,
    at: int | None = None,
) -> int:
    app = application()
    window = MainWindow(data_dir=data_dir)
    open_first_document(window, path, encoding, heading_pattern, at)
    if startup_report:
        reporter = FirstPaintReporter(
            window.shown_view().viewport(), wait_for_lookup=True, place=lambda: _place(window)
        )
        window.when_features_attached(lambda: window.word_lookup.when_ready(reporter.lookup_ready))
    # The report quits without closing the window: the place shown is kept all the same.
    app.aboutToQuit.connect(window.reading_place.save)
    window.show()
    return app.exec()


def _place(window: MainWindow) -> dict[str, object]:
    """Where the window shows its document: the offset at the top, the current heading."""
    section = window.section_tree.current_section()
    return {
        "top_offset": window.shown_view().top_offset(),
        "section": section.heading if section is not None else None,
    }
