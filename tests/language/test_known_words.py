"""Word lists a learner knows: HSK levels, and lists and exports in the encodings Reader reads."""

from __future__ import annotations

import pytest

from reader.document.errors import DocumentError
from reader.language.hsk import HskLevels
from reader.language.known_words import (
    MAX_LIST_BYTES,
    hsk_words,
    read_word_list,
    word_key,
    words_of_list,
)


def test_hsk_3_holds_the_words_of_levels_1_to_3_and_no_higher():
    words = hsk_words(3)
    levels = HskLevels()
    assert {"爱", "学习"} <= set(words)
    assert {levels.level(word).new for word in words} == {"1", "2", "3"}
    assert len(words) == len(set(words))
    assert set(hsk_words(2)) < set(words)


def test_hsk_2_0_is_the_old_list():
    words = hsk_words(6, "2.0")
    levels = HskLevels()
    assert "网络" in words  # HSK 2.0 level 6, HSK 3.0 level 4
    assert "网络" not in hsk_words(5, "2.0")
    assert "网络" in hsk_words(4)
    assert all(levels.level(word).old for word in words)


def test_hsk_3_0_levels_7_to_9_are_one_band():
    assert hsk_words(7) == hsk_words(9)
    assert "阿拉伯语" in hsk_words(7)
    assert "阿拉伯语" not in hsk_words(6)


@pytest.mark.parametrize(
    ("level", "version", "message"),
    [
        (7, "2.0", "HSK 2.0 has levels 1 to 6, not 7"),
        (0, "3.0", "HSK 3.0 has levels 1 to 9, not 0"),
        (1, "4.0", "no HSK version '4.0'"),
    ],
)
def test_levels_without_a_list_are_refused(level, version, message):
    with pytest.raises(ValueError, match=message):
        hsk_words(level, version)


def test_a_word_is_keyed_by_its_simplified_form():
    assert word_key("學習") == "学习"
    assert word_key("学习") == "学习"


def test_one_word_a_line_in_gb18030_traditional_words_simplified(tmp_path):
    path = tmp_path / "words.txt"
    path.write_bytes("學習\n\n  朋友  \n学习\r\n電腦\n".encode("gb18030"))
    assert read_word_list(path) == ["学习", "朋友", "电脑"]


def test_a_big5_list_reads_as_big5(tmp_path):
    path = tmp_path / "words.txt"
    path.write_bytes("\n".join(["學習", "朋友", "電腦", "圖書館", "說話"] * 3).encode("cp950"))
    assert read_word_list(path) == ["学习", "朋友", "电脑", "图书馆", "说话"]


def test_a_utf16_list_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "words.txt"
    path.write_bytes("你好\n再见\n".encode("utf-16"))
    assert read_word_list(path) == ["你好", "再见"]


def test_an_anki_export_gives_its_first_chinese_column():
    text = (
        "#separator:tab\n"
        "#html:true\n"
        "#notetype column:1\n"
        "Chinese\t<b>学习</b>\txuéxí\tto study\n"
        "Chinese\t朋友\tpéngyou\tfriend, <i>朋友们</i>\n"
    )
    assert words_of_list(text) == ["学习", "朋友"]


def test_a_pleco_export_gives_the_headword_not_its_traditional_form():
    text = "学习[學習]\txue2xi2\tstudy; learn\n电脑[電腦]\tdian4nao3\tcomputer\n"
    assert words_of_list(text) == ["学习", "电脑"]


def test_lines_without_chinese_are_passed_over_and_mixed_words_kept():
    text = "word\tpinyin\nhello\n卡拉OK\nT恤 tīxù\n你好 nǐ hǎo\n"
    assert words_of_list(text) == ["卡拉OK", "T恤", "你好"]


def test_a_binary_file_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "deck.apkg"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(DocumentError, match="not text"):
        read_word_list(path)


def test_a_file_without_chinese_words_is_refused(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("hello\nworld\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="holds no Chinese words"):
        read_word_list(path)


def test_an_oversized_list_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "words.txt"
    with path.open("wb") as file:
        file.truncate(MAX_LIST_BYTES + 1)
    with pytest.raises(DocumentError, match="larger than 8 MB"):
        read_word_list(path)


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_word_list(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match="is a folder"):
        read_word_list(tmp_path)
