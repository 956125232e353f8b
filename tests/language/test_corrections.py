"""The reader's word corrections: applied to jieba's words, kept in a JSON file."""

from __future__ import annotations

import itertools
import json

import pytest

from reader.language import corrections as corrections_module
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
        ('{"format": "reader-word-corrections", "version": 0}', "has version 0"),
        (
            '{"format": "reader-word-corrections", "version": 1, "words": {"网络": [5]}}',
            "malformed correction",
        ),
        ('{"format": "reader-word-corrections", "version": 1, "words": {"网": []}}', "malformed"),
        ('{"format": "reader-word-corrections", "version": 1, "words": []}', "malformed words"),
    ],
)
def test_a_broken_file_gives_a_reason_and_is_moved_aside(tmp_path, content, reason):
    path = tmp_path / "corrections.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=reason) as caught:
        Corrections.load(path)
    assert str(caught.value).startswith(str(path))
    aside = caught.value.moved_to
    assert aside is not None and aside.parent == tmp_path
    assert aside.name.startswith("corrections.damaged-") and aside.suffix == ".json"
    assert aside.read_text(encoding="utf-8") == content
    assert str(caught.value).endswith(
        f"; it was moved aside to {aside.name}, and Reader goes on without word corrections"
    )
    assert not Corrections.load(path)  # the next start finds none, and the next save a new file


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff", r"is not UTF-8 text \(byte 0xff at position 0\)"),
        ("{}".encode("utf-16"), r"is not UTF-8 text \(byte 0xff at position 0\)"),
        (b"[" * 100_000, r"is not valid JSON \(nested too deeply\)"),
        (
            b'{"format": "reader-word-corrections", "version": 1, "words": {"\\ud800x": []}}',
            "malformed correction",
        ),
    ],
)
def test_bytes_that_are_no_corrections_file_are_damaged(tmp_path, content, reason):
    path = tmp_path / "corrections.json"
    path.write_bytes(content)
    with pytest.raises(CorrectionsError, match=reason) as caught:
        Corrections.load(path)
    assert caught.value.moved_to is not None
    assert caught.value.moved_to.read_bytes() == content


def test_damaged_files_moved_aside_in_the_same_second_are_all_kept(tmp_path):
    path = tmp_path / "corrections.json"
    for content in ("{one", "{two", "{three"):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(CorrectionsError):
            Corrections.load(path)
    kept = {aside.read_text(encoding="utf-8") for aside in tmp_path.iterdir()}
    assert kept == {"{one", "{two", "{three"}


def test_a_newer_readers_file_is_refused_and_left_where_it_is(tmp_path):
    path = tmp_path / "corrections.json"
    path.write_text('{"format": "reader-word-corrections", "version": 9}', encoding="utf-8")
    with pytest.raises(CorrectionsError, match="has version 9; this Reader reads 1") as caught:
        Corrections.load(path)
    assert caught.value.moved_to is None
    assert [p.name for p in tmp_path.iterdir()] == ["corrections.json"]


def test_a_file_larger_than_any_corrections_is_damaged(tmp_path, monkeypatch):
    monkeypatch.setattr(corrections_module, "MAX_FILE_BYTES", 10)
    path = tmp_path / "corrections.json"
    path.write_text('{"format": "reader-word-corrections"}', encoding="utf-8")
    with pytest.raises(CorrectionsError, match="is larger than 10 bytes") as caught:
        Corrections.load(path)
    assert caught.value.moved_to is not None


def test_corrections_reach_the_pinyin(tools):
    corrections = Corrections()
    plain = next(annotated_lines("扎克伯格来了", tools))
    corrections.join("扎克", "伯格")
    joined = next(annotated_lines("扎克伯格来了", tools, corrections=corrections))
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
