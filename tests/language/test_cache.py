"""Where rebuildable files go (READER_CACHE_DIR, else the platform's cache folder), and how."""

from __future__ import annotations

import sys

import pytest

from reader.language import cache
from reader.language.cache import cache_dir, read_cache_file, write_cache_file


def test_the_variable_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert (tmp_path / "mine").is_dir()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies on Linux and BSDs")
def test_xdg_cache_home_then_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "reader"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "reader"


def test_a_cache_file_is_written_whole_or_not_at_all(tmp_path):
    target = tmp_path / "table.cache"
    write_cache_file(target, b"whole")
    assert read_cache_file(target) == b"whole"
    taken = tmp_path / "a folder"
    taken.mkdir()
    write_cache_file(taken, b"cannot replace a folder")  # no error: rebuilt next time
    write_cache_file(tmp_path / "missing" / "table.cache", b"no folder")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a folder", "table.cache"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # truncated
        lambda data: data[:10],  # truncated inside the header
        lambda data: b"",
        lambda data: data[:-1] + b"?",  # changed
        lambda data: data[24:],  # no header: a file an older Reader wrote
        lambda data: data + b"more",
    ],
)
def test_a_cache_file_that_is_not_whole_reads_as_none(tmp_path, damage):
    target = tmp_path / "table.cache"
    write_cache_file(target, b"a whole table")
    target.write_bytes(damage(target.read_bytes()))
    assert read_cache_file(target) is None


def test_a_missing_or_oversized_cache_file_reads_as_none(tmp_path, monkeypatch):
    assert read_cache_file(tmp_path / "missing.cache") is None
    assert read_cache_file(tmp_path) is None  # a folder
    monkeypatch.setattr(cache, "MAX_CACHE_FILE_BYTES", 4)
    write_cache_file(tmp_path / "big.cache", b"12345")
    assert read_cache_file(tmp_path / "big.cache") is None
