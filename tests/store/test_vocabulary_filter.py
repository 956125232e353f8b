"""The vocabulary panel's filter rule: document, status group, date and tag together."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from reader.store import SavedWord, Status
from reader.store.vocabulary_filter import VocabularyFilter, period_start, status_group

NOW = datetime(2026, 12, 6, 15, 30, tzinfo=timezone.utc)


def word(path: str = "/a.txt", days_ago: int = 0, tags: tuple[str, ...] = ()) -> SavedWord:
    return SavedWord(
        "网络",
        "网络很好。",
        0,
        2,
        document_path=path,
        tags=tags,
        created=NOW - timedelta(days=days_ago),
    )


@pytest.mark.parametrize(
    ("status", "group"),
    [
        (Status.NEW, "new"),
        (Status.LEARNING_1, "learning"),
        (Status.LEARNING_4, "learning"),
        (Status.KNOWN, "known"),
        (Status.IGNORED, "ignored"),
    ],
)
def test_the_learning_steps_are_one_group(status, group):
    assert status_group(status) == group


def test_no_choice_lets_every_word_through():
    assert VocabularyFilter().matches(word(), Status.NEW)


def test_each_choice_narrows_and_they_combine():
    saved = word("/a.txt", days_ago=3, tags=("news",))
    assert VocabularyFilter(document="/a.txt").matches(saved, Status.NEW)
    assert not VocabularyFilter(document="/b.txt").matches(saved, Status.NEW)
    assert VocabularyFilter(status="learning").matches(saved, Status.LEARNING_2)
    assert not VocabularyFilter(status="known").matches(saved, Status.LEARNING_2)
    assert VocabularyFilter(tag="news").matches(saved, Status.NEW)
    assert not VocabularyFilter(tag="poem").matches(saved, Status.NEW)
    assert VocabularyFilter(since=period_start("7 days", NOW)).matches(saved, Status.NEW)
    assert not VocabularyFilter(since=period_start("today", NOW)).matches(saved, Status.NEW)
    both = VocabularyFilter(document="/a.txt", status="known")
    assert not both.matches(saved, Status.NEW) and both.matches(saved, Status.KNOWN)


def test_a_period_starts_at_midnight():
    assert period_start("today", NOW) == datetime(2026, 12, 6, tzinfo=timezone.utc)
    assert period_start("30 days", NOW) == datetime(2026, 11, 6, tzinfo=timezone.utc)
