"""Draws Reader's icon, 读 in paper white on a rounded square of the page's accent red, and
writes it to resources/icons/: PNGs at the sizes desktops ask for, reader.ico and
reader.icns (those PNGs in one Windows and one macOS icon file, which reader.spec gives the
frozen app on those systems).

Run from the project folder after changing the design: python tools/make_icon.py
The glyph is Noto Sans CJK SC (Debian: fonts-noto-cjk); the files are committed, so neither
the app nor its build needs the font or this script.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtGui

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
"""The macOS icon's PNG entries, by size."""
BACKGROUND = "#8f1d1d"  # ACCENT_INK of reader/ui/views/page_style.py
GLYPH = "#fdfcf9"  # PAPER
FAMILY = "Noto Sans CJK SC"


def draw(size: int) -> QtGui.QImage:
    image = QtGui.QImage(size, size, QtGui.QImage.Format_ARGB32_Premultiplied)
    image.fill(QtCore.Qt.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.TextAntialiasing)
    margin = size * 0.04
    square = QtCore.QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(QtCore.Qt.NoPen)
    painter.setBrush(QtGui.QColor(BACKGROUND))
    painter.drawRoundedRect(square, size * 0.2, size * 0.2)
    font = QtGui.QFont(FAMILY)
    font.setPixelSize(round(size * 0.68))
    font.setWeight(QtGui.QFont.Bold if size >= 32 else QtGui.QFont.Medium)
    painter.setFont(font)
    painter.setPen(QtGui.QColor(GLYPH))
    painter.drawText(square, QtCore.Qt.AlignCenter, "读")
    painter.end()
    return image


def png_bytes(image: QtGui.QImage) -> bytes:
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon of PNG entries (read by Windows Vista and later, and by PyInstaller)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon of PNG entries (read by macOS 10.7 and later, and by PyInstaller)."""
    entries = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size]
        for size, kind in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(entries)) + entries


def main() -> int:
    app = QtGui.QGuiApplication(sys.argv[:1])
    if FAMILY not in QtGui.QFontDatabase.families():
        print(f"make_icon: error: the font {FAMILY} is not installed", file=sys.stderr)
        return 2
    FOLDER.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in PNG_SIZES}
    for size, png in pngs.items():
        (FOLDER / f"reader-{size}.png").write_bytes(png)
    (FOLDER / "reader.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (FOLDER / "reader.icns").write_bytes(icns(pngs))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
