"""tools/screenshots.py, which retakes the README's screenshots, still runs: four PNGs of the
window's size, the dark one dark, and the settings and store of the user (here the test's)
untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui.qt import QtGui

TOOL = Path(__file__).resolve().parent.parent / "tools" / "screenshots.py"

pytestmark = pytest.mark.slow


def test_the_screenshots_tool_writes_every_picture(tmp_path, isolated_settings):
    done = subprocess.run(
        [sys.executable, str(TOOL), str(tmp_path / "shots")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lightness = {}
    for name in ("screenshot.png", "pinyin-view.png", "dark-find.png", "new-words.png"):
        image = QtGui.QImage(str(tmp_path / "shots" / name))
        assert (image.width(), image.height()) == (1400, 900), name
        # the page's paper, right of the section tree and under the toolbar
        lightness[name] = image.pixelColor(700, 75).lightness()
    assert lightness["dark-find.png"] < 80 < lightness["screenshot.png"]
    assert list(isolated_settings.iterdir()) == []
    assert not any(Path(os.environ["READER_DATA_DIR"]).iterdir())
