"""Where rebuildable files go (READER_CACHE_DIR, else the platform's cache folder), and how."""

from __future__ import annotations

import sys

import pytest

from reader.language.cache import cache_dir, write_cache_file


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
    assert target.read_bytes() == b"whole"
    taken = tmp_path / "a folder"
    taken.mkdir()
    write_cache_file(taken, b"cannot replace a folder")  # no error: rebuilt next time
    write_cache_file(tmp_path / "missing" / "table.cache", b"no folder")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a folder", "table.cache"]
