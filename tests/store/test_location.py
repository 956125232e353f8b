"""Where the store lives: the option, then READER_DATA_DIR, then the caller's default."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.store import DATA_DIR_VARIABLE, resolve_data_dir
from reader.store.location import platform_data_dir


def test_the_explicit_folder_wins(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "variable"))
    assert resolve_data_dir(tmp_path / "option", default=tmp_path / "qt") == tmp_path / "option"


def test_the_variable_comes_before_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "variable"))
    assert resolve_data_dir(None, default=tmp_path / "qt") == tmp_path / "variable"


def test_the_callers_default_comes_before_the_platforms(tmp_path):
    assert resolve_data_dir(None, default=tmp_path / "qt") == tmp_path / "qt"
    assert resolve_data_dir() == platform_data_dir()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rules are Linux's")
def test_on_linux_the_platform_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert platform_data_dir() == tmp_path / "reader"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/paths/are/ignored")
    assert platform_data_dir() == Path.home() / ".local" / "share" / "reader"
