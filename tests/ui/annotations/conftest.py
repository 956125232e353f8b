"""What the annotations' tests share: the seed, four annotations of it in three of its
sections and an orphan, and the window's set that the model and the panel follow; a short
article shown in a window, and the folder of the window's store."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import pytest

from reader.document import open_document
from reader.store import Annotation, AnnotationSet, resolve_data_dir
from reader.ui.window.main_window import MainWindow
from tests.ui.annotations.annotation_helpers import at
from tests.ui.annotations.window_helpers import ARTICLE


@pytest.fixture
def seed(seed_path):
    return open_document(seed_path)


@pytest.fixture
def annotations(seed) -> list[Annotation]:
    sections = seed.root.children
    made = [
        at(seed, seed.text[sections[2].start + 12 : sections[2].start + 16], "red", tags=["问题"]),
        at(seed, "网络安全和信息化工作座谈会", note="会议的名字", tags=["政策"]),
        at(seed, seed.text[sections[0].start + 20 : sections[0].start + 25], "green"),
        at(seed, seed.text[sections[2].start + 30 : sections[2].start + 34], note="<b>粗</b>"),
        replace(at(seed, "习近平"), orphan=True, quote="早已删掉的一句话"),
    ]
    return made


@pytest.fixture
def shown() -> AnnotationSet:
    """The window's set of the document's annotations, which the model and panel follow."""
    return AnnotationSet()


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "笔记.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def data_dir() -> Path:
    """Where conftest's READER_DATA_DIR puts this test's store."""
    return resolve_data_dir()


@pytest.fixture
def make_window(make_window):
    """The annotations' windows: wide enough for the panel beside the page, and active, as
    the shortcuts need (`active=False` for one that is not)."""
    return functools.partial(make_window, size=(1100, 750), active=True)


@pytest.fixture
def window(make_window, article) -> MainWindow:
    return make_window(article)
