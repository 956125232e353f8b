"""Shared fixtures. Qt runs headless: the platform is chosen before any QApplication exists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
SEED_OUTLINE_TEXT = """\
习近平主持召开网络安全和信息化工作座谈会
  各级领导干部 要经常上网看看
  关键核心项目 谁有本事谁揭榜
  外国互联网企业 只要守法都欢迎
  座谈会发言人员
  延伸阅读
    从微博到祝福语音 习近平怎样当“资深网民”
  相关链接
    习近平频繁与互联网巨头交流
"""

SEED = PROJECT_ROOT / "seeds" / "xinhua-2016-04-19-cybersecurity-symposium.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_outline() -> str:
    """What `reader outline` prints for the seed, as issue 2 gives it."""
    return SEED_OUTLINE_TEXT


@pytest.fixture
def shared_data() -> Path:
    """../shared/data beside the checkout; tests that need it skip where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (clone with ../shared beside it)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def language_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's cache folder: jieba's prefix cache and the dictionary index, built once."""
    return tmp_path_factory.mktemp("language-cache")


@pytest.fixture(autouse=True)
def isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, language_cache: Path
) -> Path:
    """Each test gets its own settings and data folders, never another's or the user's; the
    rebuildable cache is shared by the session but is not the user's either."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("READER_SETTINGS_DIR", str(folder))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("READER_CACHE_DIR", str(language_cache))
    return folder
