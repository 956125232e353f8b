"""A wait cursor while a big file is read and laid out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reader.ui.qt import QtCore, QtWidgets


@contextmanager
def busy_cursor() -> Iterator[None]:
    """A wait cursor while a big file is read and laid out, whatever happens."""
    QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.WaitCursor)
    try:
        yield
    finally:
        QtWidgets.QApplication.restoreOverrideCursor()
