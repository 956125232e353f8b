"""Find by pinyin: the fast path (syllable index, readings made only where needed) finds
exactly what reading the whole text in context and scanning it finds."""

from __future__ import annotations

import pytest

from reader.document import Document, build_document, open_document
from reader.language.find import Finder
from reader.language.pinyin_find import PinyinProgress, non_overlapping
from reader.language.pinyin_query import PinyinQueryError, parse_query
from reader.language.readings import span_readings
from reader.language.segmentation import Segmentation
from reader.language.syllable_index import PHRASE_ONLY, SyllableIndex
from reader.language.tools import LanguageTools

QUERIES = [
    "baoyu",
    "de",
    "xian",
    "zhang",
    "hang",
    "bao3yu4",
    "bǎoyù",
    "de5",
    "dé",
    "nv",
    "nü3",
    "lv",
    "xi'an",
    "shi",
    "le",
    "yi",
    "xing",
    "chang",
    "zhang3",
    "jia yucun",
    "Zhēn Shìyǐn",
]
NOT_IN_THE_CHAPTERS = {"hang"}
"""Queries whose candidates (行, 杭 ...) are all read otherwise there: the fast path must
reject every one."""


def segmentation_of(document: Document, tools: LanguageTools) -> Segmentation:
    spans = [(block.start, block.end) for block in document.blocks]
    return Segmentation(document.text, spans, tools.segmenter)


def brute_force(document: Document, tools: LanguageTools, query: str) -> list[tuple[int, int]]:
    """Every block read in context as the pinyin view reads it, then scanned."""
    segmentation = segmentation_of(document, tools)
    read: list[str | None] = [None] * len(document.text)
    for block in document.blocks:
        span = (block.start, block.end)
        words = segmentation.tokens(*span)
        read[block.start : block.end] = span_readings(
            document.text, span, words, tools, tools.hsk
        ).syllables
    found = set()
    for parse in parse_query(query).parses:
        for start in range(len(read) - len(parse) + 1):
            window = read[start : start + len(parse)]
            if all(r is not None and s.matches(r) for r, s in zip(window, parse, strict=True)):
                found.add((start, start + len(parse)))
    return non_overlapping(found)


@pytest.fixture(scope="module")
def chapter(tools: LanguageTools) -> Document:
    """The first two chapters of 红楼梦, as a document of their own."""
    from tests.conftest import SHARED_DATA

    path = SHARED_DATA / "novels" / "hongloumeng.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    novel = open_document(path)
    chapters = [s for s in novel.sections() if s.level == 1]
    return build_document(novel.text[chapters[0].start : chapters[2].start])


@pytest.mark.parametrize("query", QUERIES)
def test_the_fast_path_finds_what_reading_everything_finds_on_a_novel(chapter, tools, query):
    finder = Finder(chapter.text)
    tokens = segmentation_of(chapter, tools).tokens
    result = finder.find_pinyin(query, tokens, tools)
    assert result.complete
    assert result.matches == brute_force(chapter, tools, query)
    assert bool(result.matches) is (query not in NOT_IN_THE_CHAPTERS)


@pytest.mark.parametrize("query", ["wangluo anquan", "xinxi", "de", "zhong", "xi2jin4ping2"])
def test_the_fast_path_finds_what_reading_everything_finds_on_the_seed(seed_path, tools, query):
    document = open_document(seed_path)
    result = Finder(document.text).find_pinyin(
        query, segmentation_of(document, tools).tokens, tools
    )
    assert result.matches == brute_force(document, tools, query)
    assert result.matches  # each query is in the seed


def test_syllables_cross_word_boundaries(tools):
    document = build_document("诸葛亮说：诸葛亮来了。")
    segmentation = segmentation_of(document, tools)
    whole = [(0, 3), (5, 8)]
    assert (
        Finder(document.text).find_pinyin("zhuge liang", segmentation.tokens, tools).matches
        == whole
    )
    assert Finder(document.text).find_pinyin("geliang", segmentation.tokens, tools).matches == [
        (1, 3),
        (6, 8),
    ]


def test_xian_finds_one_syllable_not_xi_an(tools):
    document = build_document("他先去西安，再去县里。")
    tokens = segmentation_of(document, tools).tokens
    finder = Finder(document.text)
    assert [document.text[s:e] for s, e in finder.find_pinyin("xian", tokens, tools).matches] == [
        "先",
        "县",
    ]
    assert [document.text[s:e] for s, e in finder.find_pinyin("xi'an", tokens, tools).matches] == [
        "西安"
    ]


def test_a_polyphone_matches_only_its_reading_in_context(tools):
    document = build_document("银行在路边。他不行了。")
    tokens = segmentation_of(document, tools).tokens
    finder = Finder(document.text)
    texts = [document.text[s:e] for s, e in finder.find_pinyin("hang", tokens, tools).matches]
    assert texts == ["行"]
    assert [document.text[s:e] for s, e in finder.find_pinyin("xing", tokens, tools).matches] == [
        "行"
    ]
    assert finder.find_pinyin("hang2", tokens, tools).matches == [(1, 2)]
    assert finder.find_pinyin("hang4", tokens, tools).matches == []


def test_a_traditional_text_is_read_as_its_simplified_form(tools):
    document = build_document("寶玉說：銀行不行。")
    tokens = segmentation_of(document, tools).tokens
    finder = Finder(document.text)
    assert finder.find_pinyin("baoyu", tokens, tools).matches == [(0, 2)]
    assert finder.find_pinyin("hang", tokens, tools).matches == [(5, 6)]
    assert finder.find_pinyin("xing", tokens, tools).matches == [(7, 8)]


def test_known_readings_are_used_instead_of_reading_again(tools):
    document = build_document("他还没还钱。")
    tokens = segmentation_of(document, tools).tokens
    asked = []

    def known(start: int, end: int) -> list[str | None]:
        asked.append((start, end))
        return ["huan2"] * (end - start)  # what the caller says it read there

    result = Finder(document.text).find_pinyin("huan", tokens, tools, known=known)
    assert asked == [(1, 2), (3, 4)]
    assert result.matches == [(1, 2), (3, 4)]
    assert result.read_now == 0


def test_progress_reports_batches_and_a_cancel_keeps_what_was_found(tools, monkeypatch):
    import reader.language.pinyin_find as pinyin_find

    monkeypatch.setattr(pinyin_find, "CONFIRM_BATCH", 2)
    monkeypatch.setattr(pinyin_find, "PROGRESS_EVERY_S", 0)
    document = build_document("他得了。地上的书。我的，你的，他的。")
    tokens = segmentation_of(document, tools).tokens
    seen: list[PinyinProgress] = []
    result = Finder(document.text).find_pinyin("de", tokens, tools, progress=seen.append)
    total = seen[-1].total
    assert total > 2
    assert [p.done for p in seen] == [min(done, total) for done in range(2, total + 2, 2)]
    assert {p.total for p in seen} == {total}
    assert seen[-1].matches == result.matches and result.complete
    calls = []

    def cancelled() -> bool:
        calls.append(True)
        return len(calls) > 1

    stopped = Finder(document.text).find_pinyin("de", tokens, tools, cancelled=cancelled)
    assert not stopped.complete
    assert set(stopped.matches) < set(result.matches)


def test_candidates_from_the_caret_on_are_read_first(tools, monkeypatch):
    import reader.language.pinyin_find as pinyin_find

    monkeypatch.setattr(pinyin_find, "CONFIRM_BATCH", 1)
    monkeypatch.setattr(pinyin_find, "PROGRESS_EVERY_S", 0)
    document = build_document("我的书。\n他的笔。\n你的纸。")
    tokens = segmentation_of(document, tools).tokens
    caret = document.text.index("他")
    seen: list[PinyinProgress] = []
    Finder(document.text).find_pinyin("de", tokens, tools, progress=seen.append, first_at=caret)
    assert [p.matches for p in seen] == [[(6, 7)], [(6, 7), (11, 12)], [(1, 2), (6, 7), (11, 12)]]


def test_prepare_reads_everything_and_later_finds_read_nothing(tools):
    document = build_document("他得了。\n地上的书。\n我的，你的。")
    segmentation = segmentation_of(document, tools)
    finder = Finder(document.text)
    steps = []
    spans = [(block.start, block.end) for block in document.blocks]
    assert finder.pinyin_finder(tools).prepare(
        spans, segmentation.tokens, progress=lambda *s: steps.append(s)
    )
    assert steps == [(n, len(spans)) for n in range(1, len(spans) + 1)]
    result = finder.find_pinyin("de", segmentation.tokens, tools)
    assert result.read_now == 0
    assert result.matches == brute_force(document, tools, "de")


def test_readings_stored_by_the_reading_ahead_during_a_find_are_matched(tools):
    """The window reads ahead on one worker while a find runs on another: a reading stored
    meanwhile may be named by a syllable the find did not know when it began."""
    document = build_document("他得了。\n地上的书。\n我的，你的。")
    segmentation = segmentation_of(document, tools)
    pinyin = Finder(document.text).pinyin_finder(tools)
    before = pinyin._accepted  # the syllables named when the find began: none yet
    stale = {parse: before(parse) for parse in parse_query("de").parses}
    spans = [(block.start, block.end) for block in document.blocks]
    assert pinyin.prepare(spans, segmentation.tokens)
    pinyin._accepted = lambda parse: stale[parse]

    result = pinyin.find(parse_query("de"), segmentation.tokens)
    assert result.matches == brute_force(document, tools, "de") != []


def test_readings_of_corrected_words_are_made_again(tools):
    from reader.language.corrections import Corrections

    text = "这个行当好。"
    document = build_document(text)
    spans = [(block.start, block.end) for block in document.blocks]
    corrections = Corrections()
    segmentation = Segmentation(text, spans, tools.segmenter, corrections)
    finder = Finder(text)
    assert finder.find_pinyin("ge5", segmentation.tokens, tools).matches == [(1, 2)]
    stale = segmentation.invalidate_containing(corrections.split("这个", 1))
    finder.forget_readings([segmentation.span(index) for index in stale])
    assert finder.find_pinyin("ge5", segmentation.tokens, tools).matches == []
    assert finder.find_pinyin("ge4", segmentation.tokens, tools).matches == [(1, 2)]


def test_a_query_that_is_not_pinyin_raises_before_any_reading(tools):
    with pytest.raises(PinyinQueryError):
        Finder("宝玉").find_pinyin("xyz", lambda s, e: [], tools)


def test_the_index_gives_each_character_its_possible_syllables(tools):
    index = SyllableIndex("行银宝寶", tools.model)
    assert index.possible("行") >= {"xing", "hang"}
    assert not index.certain("行")
    assert index.certain("宝")
    assert index.places("bao") == {2, 3}
    assert index.places("yin") == {1}


@pytest.mark.slow
def test_phrase_only_holds_every_reading_pypinyin_phrases_add():
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal

    extra: dict[str, set[str]] = {}
    for phrase, readings in PHRASES_DICT.items():
        if len(readings) != len(phrase):
            continue
        for char, (reading, *_) in zip(phrase, readings, strict=True):
            value = PINYIN_DICT.get(ord(char))
            if value and to_normal(reading) not in {to_normal(r) for r in value.split(",")}:
                extra.setdefault(char, set()).add(to_normal(reading))
    assert extra == {char: set(bases) for char, bases in PHRASE_ONLY.items()}
