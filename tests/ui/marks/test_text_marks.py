"""The new and learning words of a text, as the views are given them: words to study only,
known and ignored ones left out, nothing before the paragraph is segmented."""

from __future__ import annotations

import pytest

from reader.language.known_words import word_key
from reader.language.segmentation import Segmentation
from reader.store import Status
from reader.ui.marks.text_marks import TextMarks

TEXT = "网上善意批评要认真研究吸收。\n习近平19日上午在京主持三百个会议。"


@pytest.fixture
def segmentation(tools) -> Segmentation:
    first = TEXT.index("\n")
    return Segmentation(TEXT, [(0, first), (first + 1, len(TEXT))], tools.segmenter)


def words(marks) -> list[tuple[str, Status]]:
    return [(TEXT[mark.start : mark.end], mark.status) for mark in marks]


def test_new_and_learning_words_are_marked_known_and_ignored_are_not(segmentation, stored_statuses):
    stored_statuses.set({"认真": Status.KNOWN, "吸收": Status.IGNORED, "研究": Status.LEARNING_2})
    segmentation.segment_all()
    marks = TextMarks(segmentation, stored_statuses)
    first = words(marks.between(0, TEXT.index("\n")))
    assert first == [
        ("网上", Status.NEW),
        ("善意", Status.NEW),
        ("批评", Status.NEW),
        ("要", Status.NEW),
        ("研究", Status.LEARNING_2),
    ]


def test_numbers_and_punctuation_are_not_marked(segmentation, stored_statuses):
    segmentation.segment_all()
    marked = {word for word, _ in words(TextMarks(segmentation, stored_statuses).between(0, 99))}
    assert "习近平" in marked and "会议" in marked
    assert not marked & {"19日", "三百", "三百个", "。"}


def test_nothing_is_known_before_the_paragraph_is_segmented(segmentation, stored_statuses):
    marks = TextMarks(segmentation, stored_statuses)
    second = TEXT.index("\n") + 1
    segmentation.segment_span(0)
    assert marks.between(second, len(TEXT)) is None
    assert not segmentation.is_segmented(1)  # asking did not segment it on the ui thread
    assert marks.between(0, 5)


def test_a_changed_status_is_seen_once_the_marks_forget(segmentation, stored_statuses):
    segmentation.segment_all()
    marks = TextMarks(segmentation, stored_statuses)
    assert ("批评", Status.NEW) in words(marks.between(0, 14))
    stored_statuses.set({"批评": Status.KNOWN})
    marks.forget()
    assert ("批评", Status.NEW) not in words(marks.between(0, 14))


def test_a_paragraph_whose_statuses_did_not_change_gives_the_same_marks(
    segmentation, stored_statuses
):
    segmentation.segment_all()
    marks = TextMarks(segmentation, stored_statuses)
    second = TEXT.index("\n") + 1
    first_marks, second_marks = marks.between(0, second - 1), marks.between(second, len(TEXT))
    stored_statuses.set({"批评": Status.LEARNING_1})
    marks.forget()
    assert marks.between(second, len(TEXT)) is second_marks  # the views keep what they made
    changed = marks.between(0, second - 1)
    assert changed is not first_marks
    assert ("批评", Status.LEARNING_1) in words(changed)


def test_part_of_a_paragraph_gives_the_words_reaching_into_it(segmentation, stored_statuses):
    segmentation.segment_all()
    marks = TextMarks(segmentation, stored_statuses)
    start = TEXT.index("善意") + 1  # inside 善意
    assert words(marks.between(start, TEXT.index("要"))) == [
        ("善意", Status.NEW),
        ("批评", Status.NEW),
    ]
    both = words(marks.between(TEXT.index("吸收"), TEXT.index("主持")))
    assert both[0] == ("吸收", Status.NEW) and ("习近平", Status.NEW) in both


def test_a_corrected_word_is_marked_as_cut_again(segmentation, stored_statuses):
    segmentation.segment_all()
    marks = TextMarks(segmentation, stored_statuses)
    end = TEXT.index("\n")
    assert ("批评", Status.NEW) in words(marks.between(0, end))
    stale = segmentation.invalidate_containing(segmentation.corrections.split("批评", 1))
    marks.forget()
    assert marks.between(0, end) is None  # not segmented again yet
    segmentation.segment_all(first=stale)
    found = words(marks.between(0, end))
    assert ("批", Status.NEW) in found and ("批评", Status.NEW) not in found


def test_a_traditional_text_is_marked_by_its_words_simplified_statuses(tools, stored_statuses):
    text = "網上善意批評要認真研究吸收。"
    segmentation = Segmentation(text, [(0, len(text))], tools.segmenter)
    segmentation.segment_all()
    stored_statuses.set({"批评": Status.KNOWN, "研究": Status.LEARNING_3})
    marks = TextMarks(segmentation, lambda word: stored_statuses(word_key(word)))
    found = {text[mark.start : mark.end]: mark.status for mark in marks.between(0, len(text))}
    assert "批評" not in found and found["研究"] == Status.LEARNING_3
    assert found["善意"] == Status.NEW
