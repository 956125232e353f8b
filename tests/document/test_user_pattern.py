"""User patterns: Python's re syntax, run by regex under a time limit that nothing escapes."""

from __future__ import annotations

import pytest

from reader.document.user_pattern import (
    MAX_PATTERN_CHARS,
    PatternCancelled,
    PatternTimeout,
    UserPatternError,
    compile_user_pattern,
)

CATASTROPHIC = ["(a|aa)+$", "(?:a|aa)+c", "(aa|a)+$"]
"""Exponential in regex's engine too (it needs no backtracking for (a+)+$ or (x+x+)+y)."""


@pytest.mark.parametrize("source", CATASTROPHIC)
def test_a_catastrophic_pattern_runs_out_of_time_with_a_clear_message(source):
    run = compile_user_pattern(source, "chapter pattern").run(time_limit=0.2)
    with pytest.raises(PatternTimeout, match=r"^the chapter pattern took too long: ") as caught:
        run.search("a" * 150 + "b")
    assert repr(source) in str(caught.value)
    assert isinstance(caught.value, ValueError)  # callers that catch ValueError still do


def test_all_the_searches_of_a_run_share_its_time():
    run = compile_user_pattern("^第.+回", "chapter pattern").run(time_limit=0.0)
    with pytest.raises(PatternTimeout, match="gave up after searching 1 lines"):
        run.search("第一回")


def test_a_run_stops_when_its_caller_cancels_it():
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 2

    run = compile_user_pattern("回", "chapter pattern").run(cancelled=cancelled)
    assert run.search("第一回")
    assert not run.search("正文")
    with pytest.raises(PatternCancelled):
        run.search("第二回")


@pytest.mark.parametrize(
    ("source", "text", "found"),
    [
        (r"^\s*第\d+章", "  第12章 开始", True),
        (r"(?P<n>[一二三])、(?P=n)", "一、一", True),
        (r"(?i)^chapter\b", "CHAPTER 3", True),
        (r"[[]", "[", True),  # a [ in a set, as re reads it (regex's VERSION1 would nest)
        (r"a{,2}b", "aab", True),
    ],
)
def test_patterns_mean_what_they_mean_in_python_re(source, text, found):
    assert compile_user_pattern(source, "chapter pattern").run().search(text) is found


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("第(", r"bad chapter pattern '第\(': missing \), unterminated subpattern at position 1"),
        (r"\p{Han}", r"bad escape \\p at position 0"),
        ("a" * (MAX_PATTERN_CHARS + 1), "characters long; the most is 500"),
        ("(?:a{65535}){65535}", "repeats multiply out to 4,294,836,225 items"),
        ("(?:(?:a{100}){100}){100}", "the most is 100,000"),
    ],
)
def test_an_unusable_pattern_is_refused_with_a_reason(source, reason):
    with pytest.raises(UserPatternError, match=reason):
        compile_user_pattern(source, "chapter pattern")


def test_the_deepest_nesting_that_fits_the_length_limit_compiles():
    depth = (MAX_PATTERN_CHARS - 1) // 2
    pattern = compile_user_pattern("(" * depth + "a" + ")" * depth, "chapter pattern")
    assert pattern.run().search("a")
