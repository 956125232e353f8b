"""Syllables in the three styles, and the dictionary reading of a word."""

from __future__ import annotations

import pytest

from reader.language.pinyin import (
    PinyinStyle,
    WrittenSyllable,
    _pypinyin_syllables,
    _table_syllables,
    format_syllable,
    format_word,
    is_han,
    numbered,
    reading_text,
    word_syllables,
    written_reading,
)


@pytest.mark.parametrize(
    ("syllable", "marks", "numbers", "zhuyin"),
    [
        ("wang3", "wǎng", "wang3", "ㄨㄤˇ"),
        ("lv4", "lǜ", "lv4", "ㄌㄩˋ"),
        ("nve4", "nüè", "nve4", "ㄋㄩㄝˋ"),
        ("le5", "le", "le5", "˙ㄌㄜ"),
        ("zhong1", "zhōng", "zhong1", "ㄓㄨㄥ"),
        ("er2", "ér", "er2", "ㄦˊ"),
        ("r5", "r", "r5", "˙ㄦ"),
    ],
)
def test_a_syllable_in_each_style(syllable, marks, numbers, zhuyin):
    assert format_syllable(syllable, PinyinStyle.MARKS) == marks
    assert format_syllable(syllable, PinyinStyle.NUMBERS) == numbers
    assert format_syllable(syllable, PinyinStyle.ZHUYIN) == zhuyin


def test_styles_are_stored_by_name():
    assert PinyinStyle("zhuyin") is PinyinStyle.ZHUYIN
    assert [style.value for style in PinyinStyle] == ["marks", "numbers", "zhuyin"]


def test_a_word_is_written_together_with_an_apostrophe_before_a_vowel():
    assert format_word(["wang3", "luo4"]) == "wǎngluò"
    assert format_word(["xi1", "an1"]) == "xī'ān"
    assert format_word(["wang3", "luo4"], PinyinStyle.NUMBERS) == "wang3 luo4"
    assert format_word(["nv3", "er2"], PinyinStyle.ZHUYIN) == "ㄋㄩˇ ㄦˊ"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("lu:4", "lv4"), ("Wang3", "wang3"), ("le5", "le5"), ("xx5", "xx5"), ("·", None), ("A", None)],
)
def test_readings_from_other_sources_become_numbered(raw, expected):
    assert numbered(raw) == expected


def test_a_word_is_read_with_pypinyin_phrases():
    assert word_syllables("银行行长") == ("yin2", "hang2", "hang2", "zhang3")
    assert word_syllables("绿色") == ("lv4", "se4")
    assert word_syllables("我们") == ("wo3", "men5")


def test_non_han_characters_have_no_reading_and_keep_their_place():
    assert word_syllables("a𠀀b行，") == (None, "he1", None, "xing2", None)


def test_spoken_tones_baked_into_phrases_go_back_to_the_dictionary_tone():
    assert word_syllables("一个") == ("yi1", "ge4")
    assert word_syllables("不要") == ("bu4", "yao4")
    assert word_syllables("对不起")[1] in ("bu4", "bu5")


@pytest.mark.parametrize("char", ["中", "〇", "㐀", "𠀀", "豈", "𰀀"])
def test_han_characters(char):
    assert is_han(char)


@pytest.mark.parametrize("char", ["a", "，", "。", "ー", "한", "😀", "\n"])
def test_other_characters(char):
    assert not is_han(char)


@pytest.mark.parametrize(
    "reading, marks, numbers",
    [
        ("Xi2 Jin4 ping2", "Xí Jìnpíng", "xi2 jin4 ping2"),
        ("wang3 luo4", "wǎngluò", "wang3 luo4"),
        ("Xi1 an1", "Xī'ān", "xi1 an1"),
        ("Lu:3 liang2", "Lǚliáng", "lv3 liang2"),
        ("B chao1", "B chāo", "B chao1"),
        ("Zhen1 · Ao4 si1 ting1", "Zhēn·Àosītīng", "zhen1·ao4 si1 ting1"),
        ("bu4 yi3 wu4 xi3 , bu4 yi3 ji3 bei1", "bùyǐwùxǐ, bùyǐjǐbēi", None),
        ("jiu4 xx5", "jiù…", "jiu4…"),
    ],
)
def test_a_dictionary_reading_is_written_as_a_reader_expects(reading, marks, numbers):
    assert reading_text(reading.split()) == marks
    if numbers is not None:
        assert reading_text(reading.split(), PinyinStyle.NUMBERS) == numbers


def test_each_written_part_keeps_its_syllable_for_the_tone_colour():
    assert written_reading(["Xi2", "Jin4", "ping2"]) == (
        WrittenSyllable("", "Xí", "xi2"),
        WrittenSyllable(" ", "Jìn", "jin4"),
        WrittenSyllable("", "píng", "ping2"),
    )
    assert written_reading(["B", "chao1"])[0] == WrittenSyllable("", "B", None)


def test_words_read_from_pypinyins_tables_as_pinyin_reads_them(tools, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    starts = tools.segmenter.word_starts(text, 0, len(text))
    words = {text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)}
    words |= {"银行行长", "一个", "不要", "长长的", "东西", "觉得", "了不起", "〇"}
    read = {word: _table_syllables(word) for word in words}
    assert sum(syllables is not None for syllables in read.values()) > 300
    for word, syllables in read.items():
        if syllables is not None:
            assert syllables == _pypinyin_syllables(word), word


def test_every_import_of_pypinyin_comes_after_it_is_loaded_whole():
    """Two threads importing different parts of pypinyin first deadlock (the pinyin view's
    worker and the lookup's warm-up start together): each import follows load_pypinyin()."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "reader"
    checked = 0
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or function.name == "load_pypinyin":
                continue
            loaded = False
            for statement in function.body:
                if isinstance(statement, ast.Expr) and "load_pypinyin" in ast.unparse(statement):
                    loaded = True
                names = (
                    [statement.module or ""]
                    if isinstance(statement, ast.ImportFrom)
                    else [alias.name for alias in statement.names]
                    if isinstance(statement, ast.Import)
                    else []
                )
                if any(name.split(".")[0] == "pypinyin" for name in names):
                    assert loaded, f"{path.name}: {function.name} imports pypinyin first"
                    checked += 1
    assert checked >= 6
