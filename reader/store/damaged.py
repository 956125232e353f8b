"""Moving a damaged store (or another program's file) aside, one process at a time.

Two Readers can find the same damaged file at once. Without care the second one moved the
new store the first had just started, from under it (the first then wrote its highlights
into the moved file, or failed with a disk error when its log went too). So the move is made
under a lock file beside the store, and only if the file there is still the one found
damaged; a process that finds it already moved opens the new store instead.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.aside import damaged_name
from reader.store.database import StoreError

Identity = tuple[int, int]


def file_identity(path: Path) -> Identity | None:
    """Which file is at `path` (device and inode), or None if none is."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def move_aside(path: Path, seen: Identity | None) -> Path | None:
    """Rename the file found damaged (and its log) under a timestamped name; returns that
    name, or None if another process has moved it already."""
    try:
        with _locked(path.with_name(path.name + ".lock")):
            if file_identity(path) != seen:
                return None
            aside = damaged_name(path)
            # The log first, while the damaged file is still there to own it: nobody starts
            # a new store (with a log of its own) until the damaged file has gone.
            for suffix in ("-wal", "-shm"):
                companion = path.with_name(path.name + suffix)
                if companion.exists():
                    companion.replace(aside.with_name(aside.name + suffix))
            path.replace(aside)
            return aside
    except OSError as error:
        raise StoreError(
            path, f"is damaged and could not be moved aside ({error.strerror or error})"
        ) from None


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `lock` (made if need be) while inside."""
    with lock.open("a+b") as file:
        if sys.platform == "win32":
            import msvcrt

            file.seek(0)
            msvcrt.locking(file.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s
            try:
                yield
            finally:
                file.seek(0)
                msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(file.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(file.fileno(), fcntl.LOCK_UN)
