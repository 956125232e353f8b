"""Helpers for store tests here and for the CLI's and the window's: files made read-only for
real, another process holding the store's write lock, and the time each call into SQLite
takes on this thread."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from reader.document import Document
from reader.store import STORE_FILE
from reader.store.schema import MIGRATIONS

HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


@contextmanager
def frozen(*paths: Path) -> Iterator[None]:
    """The paths made read-only: by their mode, and for root (whom modes do not stop) by the
    immutable attribute; the test is skipped where neither holds."""
    modes = {path: path.stat().st_mode for path in paths}
    immutable = []
    try:
        for path in paths:
            path.chmod(modes[path] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
            if os.access(path, os.W_OK):
                if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
                    pytest.skip("cannot make a file read-only here")
                immutable.append(path)
        yield
    finally:
        for path in immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        for path, mode in modes.items():
            path.chmod(mode)


@contextmanager
def write_lock_held(store_file: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store's write lock (BEGIN IMMEDIATE) for `seconds`, as a
    long `reader notes import` does: entered once it holds the lock; left once it has let
    go (the lock is given up after `seconds`, however long the body takes)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_file), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "holding"
        yield holder
    finally:
        assert holder.wait(timeout=seconds + 60) == 0
        holder.stdout.close()


@dataclass
class SqliteCalls:
    """How long each call into sqlite3 (connecting, executing, fetching) took."""

    durations: list[float] = field(default_factory=list)

    @property
    def longest(self) -> float:
        return max(self.durations, default=0.0)


@contextmanager
def sqlite_calls_timed() -> Iterator[SqliteCalls]:
    """Time every call this thread makes into the sqlite3 module meanwhile: a profile hook
    sees each C call begin and end, so the real calls are timed and nothing is replaced.
    A wait for another connection's lock happens inside such a call."""
    calls = SqliteCalls()
    started: list[float] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call" and _into_sqlite(arg):
            started.append(time.perf_counter())
        elif event in ("c_return", "c_exception") and started and _into_sqlite(arg):
            calls.durations.append(time.perf_counter() - started.pop())

    before = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(before)


def _into_sqlite(function: Any) -> bool:
    owner = getattr(function, "__self__", None)
    return function is sqlite3.connect or isinstance(owner, sqlite3.Connection | sqlite3.Cursor)


def old_store(data_dir: Path, version: int, document: Document) -> None:
    """A store as Reader `version` left it, holding `document` and one red highlight of its
    first two characters: what a migration must keep."""
    data_dir.mkdir()
    connection = sqlite3.connect(data_dir / STORE_FILE)
    for step in MIGRATIONS[:version]:
        for statement in step:
            connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {version:d}")
    connection.execute(
        "INSERT INTO documents (id, fingerprint, path, title, length, opened) "
        "VALUES (1, ?, ?, '', ?, '2024-01-01T00:00:00.000+00:00')",
        (document.fingerprint, str(document.path), len(document.text)),
    )
    connection.execute(
        "INSERT INTO annotations (id, document_id, start_offset, end_offset, quote, colour, "
        "created, updated) VALUES ('7f1c2a34-5b6d-4e8f-9a0b-1c2d3e4f5a6b', 1, 0, 2, ?, 'red', "
        "'2024-01-01T00:00:00.000+00:00', '2024-01-01T00:00:00.000+00:00')",
        (document.text[:2],),
    )
    connection.commit()
    connection.close()
