"""Reader's icon (resources/icons/, drawn by tools/make_icon.py): the window's, the
taskbar's, the About box's."""

from __future__ import annotations

from reader.resources import find
from reader.ui.qt import QtGui

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QtGui.QIcon:
    """Every size drawn, for the system to choose from; each is read when first shown."""
    icon = QtGui.QIcon()
    for size in SIZES:
        try:
            icon.addFile(str(find(f"resources/icons/reader-{size}.png")))
        except FileNotFoundError:
            continue  # an installation without its icons still runs, with Qt's own
    return icon
