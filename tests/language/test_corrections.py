"""The reader's word corrections: applied to jieba's words, kept in a JSON file."""

from __future__ import annotations

import itertools
import json

import pytest

from reader.language.corrections import Corrections, CorrectionsError, CorrectionsSnapshot
from reader.language.transcript import annotated_lines


def words(text: str, starts: list[int]) -> list[str]:
    return [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]


def corrected(segmenter, corrections: Corrections, text: str) -> list[str]:
    starts = segmenter.word_starts(text, 0, len(text))
    return words(text, corrections.snapshot().apply(text, starts, len(text)))


def test_no_corrections_change_nothing(segmenter):
    text = "网络安全和信息化"
    starts = segmenter.word_starts(text, 0, len(text))
    assert CorrectionsSnapshot().apply(text, starts, len(text)) is starts


def test_a_split_cuts_the_word_wherever_it_occurs(segmenter):
    corrections = Corrections()
    assert corrections.split("网络安全", 2) == ["网络安全"]
    text = "网络安全和网络安全"
    assert corrected(segmenter, corrections, text) == ["网络", "安全", "和", "网络", "安全"]


def test_a_join_makes_one_word_where_it_begins_and_ends_on_boundaries(segmenter):
    corrections = Corrections()
    assert words("扎克伯格", segmenter.word_starts("扎克伯格", 0, 4)) == ["扎克", "伯格"]
    corrections.join("扎克", "伯格")
    text = "扎克伯格陪同鲁炜。扎克伯格"
    assert corrected(segmenter, corrections, text) == [
        "扎克伯格",
        "陪同",
        "鲁炜",
        "。",
        "扎克伯格",
    ]


def test_a_correction_applies_only_where_it_begins_and_ends_on_boundaries():
    snapshot = CorrectionsSnapshot({"BC": ()})
    text = "ABCD"
    # jieba-like words "AB" "CD": "BC" would cut both, so nothing changes.
    assert snapshot.apply(text, [0, 2], 4) == [0, 2]
    assert snapshot.apply(text, [0, 1, 2, 3], 4) == [0, 1, 3]


def test_a_piece_of_a_corrected_word_can_be_corrected_again():
    snapshot = CorrectionsSnapshot({"ABCD": (2,), "AB": (1,)})
    assert snapshot.apply("ABCD", [0], 4) == [0, 1, 2]


def test_splitting_a_joined_word_keeps_its_pieces(segmenter):
    corrections = Corrections()
    corrections.join("扎克", "伯格")
    corrections.split("扎克伯格", 1)
    assert corrected(segmenter, corrections, "扎克伯格") == ["扎", "克伯格"]


def test_joining_the_halves_of_a_split_word_undoes_the_split(segmenter):
    corrections = Corrections()
    corrections.split("网络安全", 2)
    corrections.join("网络", "安全")
    assert corrected(segmenter, corrections, "网络安全") == ["网络安全"]
    assert corrections.words() == {"网络安全"}


def test_splitting_again_adds_a_cut(segmenter):
    corrections = Corrections()
    corrections.split("信息化", 2)
    corrections.split("信息化", 1)
    assert corrected(segmenter, corrections, "信息化") == ["信", "息", "化"]


def test_the_applying_is_deterministic_and_the_snapshot_immutable(segmenter):
    corrections = Corrections()
    corrections.split("网络安全", 2)
    before = corrections.snapshot()
    corrections.join("扎克", "伯格")
    assert corrections.snapshot() is not before
    assert "扎克伯格" not in before.words
    text = "网络安全和扎克伯格"
    assert corrected(segmenter, corrections, text) == corrected(segmenter, corrections, text)


def test_bad_splits_and_joins_are_refused():
    corrections = Corrections()
    with pytest.raises(ValueError):
        corrections.split("网络", 0)
    with pytest.raises(ValueError):
        corrections.split("网络", 2)
    with pytest.raises(ValueError):
        corrections.join("", "网络")


def test_corrections_survive_a_round_trip_through_their_file(tmp_path):
    path = tmp_path / "user" / "corrections.json"
    corrections = Corrections()
    corrections.split("网络安全", 2)
    corrections.join("扎克", "伯格")
    corrections.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "format": "reader-word-corrections",
        "version": 1,
        "words": {"扎克伯格": [], "网络安全": [2]},
    }
    loaded = Corrections.load(path)
    assert loaded.snapshot() == corrections.snapshot()
    assert [p.name for p in path.parent.iterdir()] == ["corrections.json"]


def test_a_missing_file_means_no_corrections(tmp_path):
    assert not Corrections.load(tmp_path / "absent.json")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "is not valid JSON"),
        ('{"format": "something else"}', "is not a Reader word-corrections file"),
        ('{"format": "reader-word-corrections", "version": 9}', "has version 9"),
        (
            '{"format": "reader-word-corrections", "version": 1, "words": {"网络": [5]}}',
            "malformed correction",
        ),
        ('{"format": "reader-word-corrections", "version": 1, "words": {"网": []}}', "malformed"),
        ('{"format": "reader-word-corrections", "version": 1, "words": []}', "malformed words"),
    ],
)
def test_a_broken_file_gives_a_reason(tmp_path, content, reason):
    path = tmp_path / "corrections.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=reason) as caught:
        Corrections.load(path)
    assert str(caught.value).startswith(str(path))


def test_corrections_reach_the_pinyin(tools):
    corrections = Corrections()
    plain = next(annotated_lines(["扎克伯格来了"], tools))
    corrections.join("扎克", "伯格")
    joined = next(annotated_lines(["扎克伯格来了"], tools, corrections=corrections))
    assert plain.startswith("扎克(zhākè)伯格(bógé)")
    assert joined.startswith("扎克伯格(Zhākèbógé)")  # now a word: CC-CEDICT's name


def test_removing_a_correction_brings_jiebas_words_back(segmenter):
    corrections = Corrections()
    corrections.split("网络安全", 2)
    corrections.join("扎克", "伯格")
    assert corrections.remove("网络安全") == ["网络安全"]
    assert corrections.remove("网络安全") == []
    assert corrections.words() == {"扎克伯格"}
    assert corrected(segmenter, corrections, "网络安全") == ["网络安全"]
