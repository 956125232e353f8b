"""What the annotations panel's tests share: the seed, four annotations of it in three of
its sections and an orphan, and the window's set that the model and the panel follow."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.document import open_document
from reader.store import Annotation, AnnotationSet
from tests.ui.annotations.annotation_helpers import at


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
