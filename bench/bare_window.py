"""The baseline for Reader's start-up: the least a Qt program can do to show the same file.

A QTextBrowser holding the file as plain text, at Reader's window size. On its viewport's
first paint it prints the same JSON line as `reader --startup-report`, measured by the same
code (time since the process started, peak RSS), and exits.

    python bench/bare_window.py FILE [--size 1200x800]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.ui.qt import QtWidgets
from reader.ui.startup_report import FirstPaintReporter


def _size(text: str) -> tuple[int, int]:
    width, height = text.lower().split("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--size", type=_size, default=(1200, 800), help="WIDTHxHEIGHT")
    options = parser.parse_args(argv)

    app = QtWidgets.QApplication(sys.argv[:1])
    browser = QtWidgets.QTextBrowser()
    browser.setPlainText(options.file.read_bytes().decode("utf-8-sig"))
    browser.resize(*options.size)
    FirstPaintReporter(browser.viewport())
    browser.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
