"""The Qt binding itself: DESIGN.md §8, a PySide6 release that leaks None's references."""

from __future__ import annotations

import sys

from reader.ui.qt import QtCore

CALLS = 20_000


def test_void_calls_keep_none_alive():
    """PySide6 6.12.0 on CPython < 3.12 drops a reference to None on each call returning
    nothing, and the interpreter aborts once the count reaches zero."""
    target = QtCore.QObject()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        target.setObjectName("x")
    after = sys.getrefcount(None)
    assert after >= before - CALLS // 100, f"None lost {before - after} references"
