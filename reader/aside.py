"""Where a damaged file of the reader's goes: beside itself, under a name that says when it
was found damaged. Such files are moved aside and never deleted, so that nothing the reader
wrote is lost; the store and the word corrections both do this."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def damaged_name(path: Path) -> Path:
    """A free name beside `path`: `stem.damaged-YYYYmmdd-HHMMSS[-N].suffix`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
    return aside
