"""The session keeper: one session per document shown, the old one closed, and what
outlives a document (warm-up, corrections, the runner)."""

from __future__ import annotations

import pytest

from reader.document import open_document
from reader.language.corrections import Corrections
from reader.ui.session.current import CurrentSession
from reader.ui.session.language import shared_language_tools
from reader.ui.tasks import TaskRunner


@pytest.fixture
def current(qapp):
    keeper = CurrentSession(shared_language_tools(), TaskRunner(synchronous=True))
    yield keeper
    keeper.shutdown()
    keeper.deleteLater()


def test_a_new_document_closes_the_old_session(current, seed_path, qtbot):
    with qtbot.waitSignal(current.changed) as signal:
        first = current.open(open_document(seed_path))
    assert signal.args == [first] and current.session is first
    current.warm_up.start()
    assert first.fully_segmented  # segmenting starts as soon as the tools are warm
    second = current.open(open_document(seed_path))
    assert first.closed and not second.closed and current.session is second
    assert second.fully_segmented


def test_corrections_reach_every_session_and_their_changes_are_forwarded(current, seed_path, qtbot):
    current.warm_up.start()
    corrections = Corrections()
    current.set_corrections(corrections)
    session = current.open(open_document(seed_path))
    assert session.corrections is corrections
    offset = session.text.index("网络安全")
    words = corrections.split("网络安全", 2)
    with qtbot.waitSignal(current.words_changed) as signal:
        current.words_corrected(words, offset)
    assert signal.args[1] == offset and signal.args[0]
    assert session.look_up(offset).word == "网络"


def test_visible_paragraphs_come_from_the_view_shown(current, seed_path):
    session = current.open(open_document(seed_path))
    block = session.document.blocks[5]
    current.set_visible_range(lambda: (block.start, block.end - 1))
    assert 5 in current.visible_spans()
    assert 0 not in current.visible_spans()
