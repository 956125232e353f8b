"""Where the language layer keeps what it can rebuild: jieba's prefix cache, the dictionary index.

The ui could ask Qt for the standard location, but this layer runs without Qt (the CLI,
worker threads, tests), so it follows the same platform conventions itself.
READER_CACHE_DIR overrides them, for tests and portable installs.

Whatever is in the folder may be damaged (a full disk, a crash, another program): every
file is checked before use and built again when it is not whole. Files written here carry
a length and a checksum (`read_cache_file`); the dictionary's SQLite index is checked by
dictionary.py itself.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import tempfile
import zlib
from pathlib import Path

CACHE_DIR_VARIABLE = "READER_CACHE_DIR"
APP_FOLDER = "reader"
MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024
"""A cache file larger than this is not one Reader wrote (jieba's prefix cache is 10 MB)."""

_MAGIC = b"reader-cache-1\x00\x00"
_HEADER = struct.Struct("<16sQI")
"""What every cache file begins with: the magic, the length and the CRC-32 of the rest."""


def cache_dir() -> Path:
    """The folder for rebuildable files; created if missing."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    folder = Path(override) if override else _platform_cache_dir() / APP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a rebuildable file whole or not at all, behind a header that `read_cache_file`
    checks. A folder that cannot be written is not an error: it only costs the next start
    the time to build the file again."""
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as file:
            temporary = file.name
            file.write(_HEADER.pack(_MAGIC, len(data), zlib.crc32(data)))
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def read_cache_file(path: Path) -> bytes | None:
    """What `write_cache_file` wrote at `path`; None when the file is missing, unreadable,
    larger than MAX_CACHE_FILE_BYTES, or not whole (truncated, overwritten, from an older
    Reader): the caller builds it again.

    The check comes before anything is unpacked: marshal.loads of damaged data can raise
    anything or ask for gigabytes (b"((((" is a tuple of 673 million items).
    """
    try:
        with path.open("rb") as file:
            # Read what the file holds, not the most it may hold: a read of that many bytes
            # allocates them all first.
            size = min(os.fstat(file.fileno()).st_size, _HEADER.size + MAX_CACHE_FILE_BYTES + 1)
            data = file.read(size)
    except OSError:
        return None
    if not _HEADER.size <= len(data) <= _HEADER.size + MAX_CACHE_FILE_BYTES:
        return None
    magic, length, checksum = _HEADER.unpack_from(data)
    payload = data[_HEADER.size :]
    if magic != _MAGIC or length != len(payload) or checksum != zlib.crc32(payload):
        return None
    return payload


def _platform_cache_dir() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) if local else home / "AppData" / "Local"
    if sys.platform == "darwin":
        return home / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"
