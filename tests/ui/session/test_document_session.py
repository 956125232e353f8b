"""The document session: the one owner of a document's words and workers, driven with the
synchronous task runner and the real jieba and CC-CEDICT."""

from __future__ import annotations

from reader.language.corrections import Corrections
from reader.ui.session.language import LanguageWarmUp, shared_language_tools
from tests.ui.session.conftest import session_for


def test_no_lookup_is_answered_before_the_tools_are_warm(seed_path, runner):
    cold = LanguageWarmUp(shared_language_tools(), runner)
    session = session_for(seed_path, cold, runner)
    offset = session.text.index("网络安全")
    assert session.look_up(offset) is None and session.word_tokens(offset) is None
    cold.start()
    assert session.look_up(offset).word == "网络"  # the dictionary's word, until jieba's
    session.segment_all([])
    assert session.look_up(offset).word == "网络安全"


def test_the_whole_document_is_segmented_and_closing_stops_the_workers(seed_path, warm, runner):
    session = session_for(seed_path, warm, runner)
    session.segment_all([3])
    assert session.fully_segmented

    closed = session_for(seed_path, warm, runner)
    closed.close()
    assert closed.cancelled() and not closed.ready
    closed.segment_all([0])
    closed.segment([0, 1])
    assert closed.segmentation.segmented_count() == 0
    assert closed.look_up(closed.text.index("网络安全")) is None


def test_the_visible_paragraphs_are_segmented_before_the_rest(seed_path, warm, runner):
    session = session_for(seed_path, warm, runner)
    session.segment([2, 4])
    done = [i for i in range(len(session.segmentation)) if session.segmentation.is_segmented(i)]
    assert done == [2, 4]


def test_a_correction_changes_the_words_and_says_where(seed_path, warm, runner, qtbot):
    corrections = Corrections()
    session = session_for(seed_path, warm, runner, corrections)
    session.segment_all([])
    offset = session.text.index("网络安全")
    assert [session.text[t.start : t.end] for t in session.word_tokens(offset)] == ["网络安全"]
    changed = corrections.split("网络安全", 2)
    with qtbot.waitSignal(session.words_changed) as signal:
        stale = session.words_corrected(changed, range(0), offset + 2)
    assert signal.args == [stale, offset + 2]
    assert session.spans_between(offset, offset + 4)[0] in stale
    assert session.segmentation.is_segmented(stale[0])  # done again by the (synchronous) worker
    assert session.look_up(offset).word == "网络"
