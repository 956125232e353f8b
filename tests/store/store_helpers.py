"""Helpers for store tests here and for the CLI's: files made read-only for real."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


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
