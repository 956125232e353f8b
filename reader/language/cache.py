"""Where the language layer keeps what it can rebuild: jieba's prefix cache, the dictionary index.

The ui could ask Qt for the standard location, but this layer runs without Qt (the CLI,
worker threads, tests), so it follows the same platform conventions itself.
READER_CACHE_DIR overrides them, for tests and portable installs.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

CACHE_DIR_VARIABLE = "READER_CACHE_DIR"
APP_FOLDER = "reader"


def cache_dir() -> Path:
    """The folder for rebuildable files; created if missing."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    folder = Path(override) if override else _platform_cache_dir() / APP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a rebuildable file whole or not at all. A folder that cannot be written is not
    an error: it only costs the next start the time to build the file again."""
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as file:
            temporary = file.name
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _platform_cache_dir() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) if local else home / "AppData" / "Local"
    if sys.platform == "darwin":
        return home / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"
