"""Reading the whole document ahead for find by pinyin: slice by slice on the task runner
(synchronous here), every paragraph read once, a later query a look-up with the same
matches, nothing read for a closed document."""

from __future__ import annotations

from reader.ui.session import pinyin_preparation
from tests.ui.session.conftest import session_for


def test_every_paragraph_is_read_and_a_later_query_only_looks_up(
    seed_path, warm, runner, monkeypatch
):
    monkeypatch.setattr(pinyin_preparation, "SLICE_S", 0.0)  # a paragraph a slice
    session = session_for(seed_path, warm, runner)
    before = session.find_pinyin("wangluo", lambda: False, lambda _: None)
    assert before.read_now > 0
    shares: list[float] = []
    preparation = session.pinyin_preparation
    preparation.progressed.connect(shares.append)
    preparation.start()

    assert preparation.done
    assert len(shares) == len(session.document.blocks)
    assert shares == sorted(shares) and shares[-1] == 1.0
    after = session.find_pinyin("wangluo", lambda: False, lambda _: None)
    assert after.matches == before.matches and after.read_now == 0
    third_tone = session.find_pinyin("hao3", lambda: False, lambda _: None)
    assert third_tone.complete and third_tone.read_now == 0


def test_a_closed_document_is_not_read(seed_path, warm, runner):
    session = session_for(seed_path, warm, runner)
    session.close()
    session.pinyin_preparation.start()
    assert session.pinyin_preparation.share == 0.0
    assert not session.pinyin_preparation.done


def test_a_find_takes_the_readings_the_pinyin_view_has_made(seed_path, warm, runner):
    fresh = session_for(seed_path, warm, runner).find_pinyin("xian", lambda: False, lambda _: None)
    session = session_for(seed_path, warm, runner)
    session.readings.request(list(range(len(session.document.blocks))))
    assert session.readings.readings(0) is not None

    found = session.find_pinyin("xian", lambda: False, lambda _: None)
    assert found.matches == fresh.matches and fresh.read_now > 0
    assert found.read_now == 0
