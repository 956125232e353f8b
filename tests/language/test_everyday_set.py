"""The everyday test set (tests/language/everyday): well formed, and labelled in CC-CEDICT's terms.

The deeper label checks (each word against CC-CEDICT, pypinyin's phrase table and the HSK
lists) are bench/everyday_check.py, whose disagreements were resolved by hand in the set's
README; these tests keep every line in a form those checks and the benchmark can read.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from bench.everyday import read_everyday, read_file
from bench.everyday_check import disagreements
from reader.language.pinyin import is_han
from reader.language.tools import LanguageTools

MINIMUM_SENTENCES = 500


@lru_cache(maxsize=1)
def valid_bases() -> frozenset[str]:
    """Every Mandarin syllable without its tone (lv, nve, zhuang), as pypinyin knows them."""
    from pypinyin.contrib.tone_convert import to_tone3
    from pypinyin.pinyin_dict import pinyin_dict

    bases = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            bases.add(to_tone3(reading, v_to_u=False).rstrip("12345").replace("ü", "v"))
    return frozenset(bases)


def test_every_line_is_well_formed_and_every_syllable_is_mandarin() -> None:
    sentences = read_everyday()
    assert sentences
    for sentence in sentences:
        assert len(sentence.syllables) == len(sentence.sentence)
        for char, syllable in zip(sentence.sentence, sentence.syllables, strict=True):
            assert (syllable is None) == (not is_han(char)), (sentence.id, char)
            if syllable is not None:
                assert syllable[:-1] in valid_bases(), (sentence.id, char, syllable)


def test_ids_are_unique() -> None:
    counts = Counter(sentence.id for sentence in read_everyday())
    assert [identifier for identifier, count in counts.items() if count > 1] == []


def test_the_set_has_at_least_500_sentences() -> None:
    assert len(read_everyday()) >= MINIMUM_SENTENCES


def test_halves_alternate_within_each_file() -> None:
    by_source: dict[str, list[bool]] = {}
    for sentence in read_everyday():
        by_source.setdefault(sentence.source, []).append(sentence.tuning)
    for halves in by_source.values():
        assert halves == [index % 2 == 0 for index in range(len(halves))]


def test_every_label_is_a_reading_cc_cedict_gives_the_character(tools: LanguageTools) -> None:
    """A character's label is one of its CC-CEDICT readings alone, that syllable in the
    neutral tone (头发, 谢谢, as CC-CEDICT writes them), or its reading in a CC-CEDICT word
    of the sentence that covers it (钥匙 yao4 shi5, though 钥 alone is yue4)."""
    wrong = []
    for sentence in read_everyday():
        for index, syllable in enumerate(sentence.syllables):
            if syllable is None:
                continue
            readings = _readings_alone(tools, sentence.sentence[index])
            neutral = {reading[:-1] + "5" for reading in readings}
            if not readings or syllable in readings | neutral:
                continue
            if syllable not in _readings_in_words(tools, sentence.sentence, index):
                wrong.append((sentence.id, sentence.sentence[index], syllable, sorted(readings)))
    assert wrong == []


def _readings_alone(tools: LanguageTools, char: str) -> set[str]:
    return {
        entry.syllables[0]
        for entry in tools.dictionary.lookup(char)
        if len(entry.syllables) == 1 and entry.syllables[0] is not None
    }


def _readings_in_words(tools: LanguageTools, text: str, index: int) -> set[str]:
    """The readings CC-CEDICT gives text[index] in each of its words (2-4 characters) there."""
    readings = set()
    for start in range(max(0, index - 3), index + 1):
        for end in range(max(index + 1, start + 2), min(len(text), start + 4) + 1):
            word = text[start:end]
            for entry in tools.dictionary.lookup(word):
                if len(entry.syllables) == len(word):
                    readings.add(entry.syllables[index - start])
    return readings


def test_no_sentence_is_from_the_cpp_dev_set(shared_data: Path) -> None:
    cpp = shared_data / "polyphone" / "cpp-dev.sent"
    if not cpp.is_file():
        pytest.skip(f"{cpp} not found")
    benchmark = {
        line.replace("▁", "").strip() for line in cpp.read_text(encoding="utf-8").splitlines()
    }
    assert [s.id for s in read_everyday() if s.sentence in benchmark] == []


def test_a_malformed_line_names_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "sample.tsv"
    path.write_text("# a comment\nx-1\t我们走。\two3 men5 zou3\nx-2\t他来了。\tta1 lai2\n", "utf-8")
    with pytest.raises(ValueError, match=r"sample\.tsv:3: 3 Han characters but 2 syllables"):
        read_file(path)


def test_a_sentence_maps_each_character_to_its_reading(tmp_path: Path) -> None:
    (tmp_path / "b.tsv").write_text("b-1\t好，走吧\thao3 zou3 ba5\nb-2\t行。\txing2\n", "utf-8")
    (tmp_path / "a.tsv").write_text("a-1\tOK了\tle5\n", "utf-8")
    sentences = read_everyday(tmp_path)
    assert [(s.id, s.source, s.tuning) for s in sentences] == [
        ("a-1", "a", True),
        ("b-1", "b", True),
        ("b-2", "b", False),
    ]
    assert sentences[1].syllables == ["hao3", None, "zou3", "ba5"]
    assert sentences[0].syllables == [None, None, "le5"]


def test_the_check_lists_a_wrong_label_and_a_neutral_tone_apart(
    tools: LanguageTools, tmp_path: Path
) -> None:
    """银行 labelled yin2 xing2 is listed (CC-CEDICT and the others read hang2); 头发 tou2
    fa4 only in the neutral tone; a right label is not listed."""
    (tmp_path / "t.tsv").write_text(
        "t-1\t他在银行工作。\tta1 zai4 yin2 xing2 gong1 zuo4\n"
        "t-2\t她的头发很长。\tta1 de5 tou2 fa4 hen3 chang2\n"
        "t-3\t这条路很长。\tzhe4 tiao2 lu4 hen3 chang2\n",
        "utf-8",
    )
    found = disagreements(read_everyday(tmp_path), tools, tmp_path / "no-hsk")
    wrong = {(d.sentence_id, d.char, d.label, d.source) for d in found if not d.neutral_only}
    neutral = {(d.sentence_id, d.char, d.other) for d in found if d.neutral_only}
    assert ("t-1", "行", "xing2", "cedict") in wrong
    assert ("t-1", "行", "xing2", "pypinyin") in wrong
    assert ("t-2", "发", "fa5") in neutral
    assert all(d.sentence_id != "t-3" for d in found)
