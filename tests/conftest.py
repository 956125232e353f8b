"""Shared fixtures. Qt runs headless: the platform is chosen before any QApplication exists.

Test order: every test must pass whichever tests ran before it. Two options check that:

    pytest --reverse-order      the collected tests in reverse order
    pytest --shuffle-seed N     the test files in a shuffled order, and the tests of each file
                                shuffled too; the same N, the same order

A shuffle keeps each file's tests together, so that a module-scoped fixture (the frozen
app's build) is made once. Given both options, the shuffled order is reversed. The header of
the run names the order used, so a failure seen in a shuffled run can be run again as it was.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from reader.language.tools import LanguageTools

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


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("order", "test order (to find tests that depend on earlier ones)")
    group.addoption(
        "--reverse-order",
        action="store_true",
        default=False,
        help="run the collected tests in reverse order",
    )
    group.addoption(
        "--shuffle-seed",
        type=int,
        default=None,
        metavar="N",
        help="run the test files shuffled, and each file's tests, with seed N (same N, same order)",
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    order = order_used(config)
    return f"test order: {order}" if order else None


def order_used(config: pytest.Config) -> str:
    seed = config.getoption("shuffle_seed")
    parts = [f"shuffled with seed {seed}"] if seed is not None else []
    if config.getoption("reverse_order"):
        parts.append("reversed")
    return ", then ".join(parts)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    seed = config.getoption("shuffle_seed")
    if seed is not None:
        shuffle = random.Random(seed).shuffle
        modules: dict[Path, list[pytest.Item]] = {}
        for item in items:
            modules.setdefault(item.path, []).append(item)
        groups = list(modules.values())
        shuffle(groups)
        for group in groups:
            shuffle(group)
        items[:] = [item for group in groups for item in group]
    if config.getoption("reverse_order"):
        items.reverse()


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


@pytest.fixture(scope="session")
def tools(language_cache: Path) -> LanguageTools:
    """The costly language tools (jieba, the dictionary index, the model), once a session."""
    language_tools = LanguageTools(language_cache)
    language_tools.warm_up()
    yield language_tools
    language_tools.close()


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
