"""Reader has its own icon: the window's (and so the taskbar's), in every size drawn."""

from __future__ import annotations

from reader.ui.app_icon import SIZES, app_icon
from reader.ui.qt import QtCore


def test_the_icon_has_every_size_drawn():
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(SIZES)
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(32, 4).name() == "#8f1d1d"  # the accent red, above the glyph


def test_the_window_carries_it(make_window):
    window = make_window(show=False)
    assert not window.windowIcon().isNull()
    assert QtCore.QSize(256, 256) in window.windowIcon().availableSizes()
