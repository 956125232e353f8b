"""Segmentation: jieba's words as offsets into the text, block by block, in any order."""

from __future__ import annotations

import importlib.metadata
import itertools
import math
import os
import subprocess
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import build_document
from reader.language import segmentation as segmentation_module
from reader.language.corrections import Corrections
from reader.language.numbers import regroup_numbers
from reader.language.segmentation import (
    SEGMENTING_SWITCH_INTERVAL_S,
    Segmentation,
    Segmenter,
    Token,
    UserActivity,
    short_switch_interval,
)

TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from("银行行长了解受不了重庆还钱网络安全，。、“”《》 \n\t"),
        st.sampled_from("𠀀𠮷𩸽😀\U0002a6a5"),  # astral: Han extensions, an emoji
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=80,
)


def words(text: str, tokens: list[Token]) -> list[str]:
    return [text[token.start : token.end] for token in tokens]


def test_tokens_are_offsets_into_the_text(segmenter):
    text = "习近平主持召开网络安全和信息化工作座谈会"
    tokens = segmenter.segment(text)
    assert words(text, tokens) == [
        "习近平",
        "主持",
        "召开",
        "网络安全",
        "和",
        "信息化",
        "工作",
        "座谈会",
    ]


def test_a_span_is_segmented_in_place(segmenter):
    text = "前言。银行行长说话了。后记"
    tokens = segmenter.segment(text, 3, 11)
    assert tokens[0].start == 3 and tokens[-1].end == 11
    assert words(text, tokens) == ["银行行长", "说话", "了", "。"]


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, data=st.data())
def test_tokens_tile_any_span_exactly(segmenter, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    tokens = segmenter.segment(text, start, end)
    position = start
    for token in tokens:
        assert token.start == position
        assert token.end > token.start
        position = token.end
    assert position == end
    assert "".join(words(text, tokens)) == text[start:end]


def test_a_run_longer_than_jieba_is_given_is_cut_in_pieces_that_tile_it(segmenter):
    """A one-line file of 中 without punctuation: jieba's model is quadratic in a run."""
    run = segmentation_module.LONGEST_RUN
    text = "\u6587" + "\u4e2d" * (5 * run) + "\u3002"
    starts = segmenter.word_starts(text, 0, len(text))
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert {run * n for n in range(1, 6)} <= set(starts)  # the cuts: the run starts at 0
    assert max(b - a for a, b in itertools.pairwise([*starts, len(text)])) <= run


def test_a_worker_stops_inside_a_long_span_when_cancelled(segmenter):
    """Closing a one-line file of a million characters does not wait for all of it."""
    text = "\u4e2d" * (100 * segmentation_module.LONGEST_RUN)
    segmentation = Segmentation(text, [(0, len(text))], segmenter)
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 3

    assert segmentation.segment_all(cancelled=cancelled) == 0
    assert len(asked) == 4
    assert not segmentation.is_segmented(0)
    assert segmentation.segment_all() == 1


def test_text_with_punctuation_is_given_to_jieba_whole(segmenter, seed_path):
    """Runs as long as LONGEST_RUN and no longer are cut only where jieba cuts them (and
    where a number meets its unit)."""
    text = (
        seed_path.read_text(encoding="utf-8")
        + "\u3002"
        + "\u4e2d" * segmentation_module.LONGEST_RUN
    )
    tokenizer = segmenter._get_tokenizer()
    jieba_starts = list(itertools.accumulate(map(len, tokenizer.lcut(text)), initial=0))[:-1]
    starts = regroup_numbers(text, jieba_starts, tokenizer.lcut)
    assert [token.start for token in segmenter.segment(text)] == starts


def test_the_prefix_cache_goes_to_the_cache_folder(tmp_path):
    segmenter = Segmenter(tmp_path)
    assert not segmenter.ready
    segmenter.ensure_ready()
    assert segmenter.ready
    version = importlib.metadata.version("jieba")
    assert [path.name for path in tmp_path.iterdir()] == [f"jieba-{version}-pieces.cache"]


def test_jiebas_own_cache_left_by_an_earlier_reader_is_removed(tmp_path):
    version = importlib.metadata.version("jieba")
    (tmp_path / f"jieba-{version}.cache").write_bytes(b"an old cache")
    Segmenter(tmp_path).ensure_ready()
    assert [path.name for path in tmp_path.iterdir()] == [f"jieba-{version}-pieces.cache"]


def test_the_cached_prefix_dictionary_loads_in_pieces_as_it_was_built(tmp_path):
    built = Segmenter(tmp_path)
    built.ensure_ready()
    pauses: list[None] = []
    loaded = Segmenter(tmp_path)
    loaded.ensure_ready(give_way=lambda: pauses.append(None))
    first, second = built._get_tokenizer(), loaded._get_tokenizer()
    assert second.FREQ == first.FREQ and second.total == first.total
    assert len(pauses) == math.ceil(len(first.FREQ) / segmentation_module.PREFIX_PIECE) > 1
    assert loaded.segment("银行行长说话了") == built.segment("银行行长说话了")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not marshal data",
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"((((" * 8,  # marshal would allocate a tuple of 673 million items
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
    ],
)
def test_a_damaged_prefix_cache_is_built_again(tmp_path, damage):
    Segmenter(tmp_path).ensure_ready()
    (cache,) = tmp_path.iterdir()
    cache.write_bytes(damage(cache.read_bytes()))
    segmenter = Segmenter(tmp_path)
    segmenter.ensure_ready()
    assert segmenter.segment("银行行长") == [Token(0, 4)]
    assert cache.stat().st_size > 1_000_000


def test_lazy_initialisation_builds_one_tokenizer_for_many_threads(tmp_path):
    segmenter = Segmenter(tmp_path)
    results: list[list[Token]] = []

    def segment() -> None:
        results.append(segmenter.segment("银行行长"))

    threads = [threading.Thread(target=segment) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [[Token(0, 4)]] * 4
    assert len(list(tmp_path.glob("jieba-*.cache"))) == 1


def seed_segmentation(segmenter: Segmenter, seed_path, corrections=None) -> Segmentation:
    document = build_document(seed_path.read_text(encoding="utf-8"))
    spans = [(block.start, block.end) for block in document.blocks]
    return Segmentation(document.text, spans, segmenter, corrections)


def test_a_document_is_segmented_in_the_order_asked(segmenter, seed_path):
    segmentation = seed_segmentation(segmenter, seed_path)
    last = len(segmentation) - 1
    assert segmentation.segmented_count() == 0
    calls = iter([False, True])
    done = segmentation.segment_all(first=[last, last, 99999], cancelled=lambda: next(calls))
    assert done == 1
    assert segmentation.is_segmented(last)
    assert not segmentation.is_segmented(0)
    assert not segmentation.all_segmented()
    assert segmentation.segment_all() == len(segmentation) - 1
    assert segmentation.segmented_count() == len(segmentation)
    assert segmentation.all_segmented()


def test_all_segmented_again_only_once_forgotten_spans_are_segmented_again(segmenter, seed_path):
    segmentation = seed_segmentation(segmenter, seed_path)
    segmentation.segment_all()
    assert segmentation.all_segmented()
    stale = segmentation.invalidate_containing(["网络安全"])
    assert stale and not segmentation.all_segmented()
    for index in stale:
        segmentation.segment_span(index)
    assert segmentation.all_segmented()


def test_the_word_at_an_offset(segmenter, seed_path):
    segmentation = seed_segmentation(segmenter, seed_path)
    text = segmentation.text
    offset = text.index("网络安全和信息化工作座谈会") + 2
    assert segmentation.token_at(offset) is None  # not segmented yet
    segmentation.segment_all()
    token = segmentation.token_at(offset)
    assert token is not None
    assert text[token.start : token.end] == "网络安全"
    between_blocks = segmentation.span(0)[1]
    assert text[between_blocks] == "\n"
    assert segmentation.token_at(between_blocks) is None
    assert segmentation.token_at(len(text) + 5) is None


def test_tokens_of_a_range_segment_what_they_need(segmenter, seed_path):
    segmentation = seed_segmentation(segmenter, seed_path)
    start, end = segmentation.span(2)
    tokens = segmentation.tokens(start + 1, end - 1)
    assert segmentation.is_segmented(2) and segmentation.segmented_count() == 1
    assert tokens[0].start <= start + 1 and tokens[-1].end >= end - 1
    assert all(a.end == b.start for a, b in itertools.pairwise(tokens))


def test_a_correction_reaches_the_words_after_invalidation(segmenter, seed_path):
    corrections = Corrections()
    segmentation = seed_segmentation(segmenter, seed_path, corrections)
    segmentation.segment_all()
    text = segmentation.text
    offset = text.index("网络安全")
    stale = segmentation.invalidate_containing(corrections.split("网络安全", 2))
    assert stale and all(not segmentation.is_segmented(index) for index in stale)
    segmentation.segment_all(first=stale)
    token = segmentation.token_at(offset)
    assert token is not None and text[token.start : token.end] == "网络"


def test_the_corrections_that_shape_the_words_at_an_offset(segmenter):
    corrections = Corrections()
    text = "网络安全和扎克伯格。网络"
    segmentation = Segmentation(text, [(0, len(text))], segmenter, corrections)
    segmentation.segment_all()
    assert segmentation.corrections_at(1) == []
    corrections.split("网络安全", 2)
    corrections.join("扎克", "伯格")
    segmentation.invalidate_containing(corrections.words())
    assert segmentation.corrections_at(1) == []  # not segmented again yet
    segmentation.segment_all()
    assert segmentation.corrections_at(0) == ["网络安全"]
    assert segmentation.corrections_at(3) == ["网络安全"]
    assert segmentation.corrections_at(4) == []
    assert segmentation.corrections_at(8) == ["扎克伯格"]
    assert segmentation.corrections_at(10) == []  # 网络 alone: the split word is not here
    corrections.remove("扎克伯格")
    segmentation.invalidate_containing(["扎克伯格"])
    segmentation.segment_all()
    assert segmentation.corrections_at(8) == []


def test_a_worker_and_the_ui_thread_segment_the_same_document(segmenter, seed_path):
    reference = seed_segmentation(segmenter, seed_path)
    reference.segment_all()
    shared = seed_segmentation(segmenter, seed_path)
    worker = threading.Thread(target=shared.segment_all, kwargs={"first": [5, 4, 3]})
    worker.start()
    seen = []
    for index in reversed(range(len(shared))):
        start, end = shared.span(index)
        seen.append(shared.tokens(start, end) == reference.tokens(start, end))
    worker.join()
    assert all(seen)
    assert shared.segmented_count() == len(shared)
    text = shared.text
    assert [shared.token_at(i) for i in range(len(text))] == [
        reference.token_at(i) for i in range(len(text))
    ]


def test_jiebas_pkg_resources_warning_is_silenced_where_jieba_is_imported(tmp_path):
    fake = tmp_path / "pkg_resources.py"
    fake.write_text(
        "import warnings\n"
        "warnings.warn('pkg_resources is deprecated as an API.', UserWarning, stacklevel=2)\n"
        "def resource_stream(package, name):\n"
        "    raise OSError('not used')\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}

    def runs(code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-W", "error", "-c", code],
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert runs("import jieba").returncode != 0  # the warning is real with such a setuptools
    ours = runs("from reader.language.segmentation import jieba_module; jieba_module()")
    assert ours.returncode == 0, ours.stderr


class FakeTime:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_a_worker_gives_way_until_the_user_has_paused(monkeypatch):
    clock = FakeTime()
    monkeypatch.setattr(segmentation_module, "time", clock)
    activity = UserActivity(quiet_s=0.1)
    activity.give_way()
    assert clock.slept == []  # the user has done nothing yet
    activity.touch()
    clock.now += 0.03
    activity.give_way()
    assert clock.slept == [pytest.approx(0.07)]
    activity.give_way()
    assert clock.slept == [pytest.approx(0.07)]  # still since: no more waiting


def test_the_switch_interval_is_short_while_any_worker_segments():
    default = sys.getswitchinterval()
    started, release = threading.Event(), threading.Event()

    def worker() -> None:
        with short_switch_interval:
            started.set()
            release.wait(10)

    thread = threading.Thread(target=worker)
    with short_switch_interval:
        thread.start()
        started.wait(10)
        assert sys.getswitchinterval() == pytest.approx(SEGMENTING_SWITCH_INTERVAL_S)
    assert sys.getswitchinterval() == pytest.approx(SEGMENTING_SWITCH_INTERVAL_S)
    release.set()
    thread.join()
    assert sys.getswitchinterval() == default
