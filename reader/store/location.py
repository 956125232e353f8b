"""Where the store file lives.

The app passes Qt's standard data location as the default; the CLI, which loads no Qt, uses
the platform's usual place. `--data-dir DIR` and READER_DATA_DIR override both (tests and
portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_VARIABLE = "READER_DATA_DIR"
STORE_FILE = "reader.sqlite3"


def resolve_data_dir(explicit: str | Path | None = None, default: Path | None = None) -> Path:
    """The data folder: the one given, else READER_DATA_DIR, else `default`, else the
    platform's."""
    if explicit:
        return Path(explicit).expanduser()
    variable = os.environ.get(DATA_DIR_VARIABLE)
    if variable:
        return Path(variable).expanduser()
    return default if default is not None else platform_data_dir()


def platform_data_dir() -> Path:
    """Where Qt's AppDataLocation would put it, without loading Qt."""
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA")
        return (Path(base) if base else home / "AppData" / "Roaming") / "Reader"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Reader"
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base and Path(base).is_absolute() else home / ".local" / "share") / (
        "reader"
    )
