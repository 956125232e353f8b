"""Parts of speech: the HSK lists first, jieba's dictionary for other words, cached."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.language.word_classes import CLASSES_RESOURCE, WordClass, WordClasses
from reader.resources import find

PROJECT = Path(__file__).resolve().parents[2]
HSK_LISTS = PROJECT.parent / "shared" / "data" / "hsk"


def test_hsk_words_take_every_part_of_speech_the_lists_give(language_cache):
    classes = WordClasses(language_cache)
    assert WordClass.ADJECTIVE in classes.of("高兴")  # jieba's dictionary says b
    assert {WordClass.ADJECTIVE, WordClass.VERB} <= classes.of("长")
    assert classes.of("我") == {WordClass.PRONOUN}


def test_other_words_take_jiebas_tag_and_unknown_words_none(language_cache):
    classes = WordClasses(language_cache)
    assert classes.of("上传") == {WordClass.VERB}  # not in the HSK lists
    assert classes.of("甲乙丙丁戊") == frozenset()


def test_jiebas_tags_are_cached_and_a_damaged_cache_is_rebuilt(tmp_path):
    WordClasses(tmp_path).of("上传")
    (cached,) = tmp_path.glob("word-classes-*.marshal")
    cached.write_bytes(b"not a cache")
    assert WordClasses(tmp_path).of("上传") == {WordClass.VERB}
    assert cached.read_bytes() != b"not a cache"


@pytest.mark.skipif(not HSK_LISTS.is_dir(), reason=f"{HSK_LISTS} is missing")
def test_the_shipped_table_is_what_the_tool_writes_from_the_lists(tmp_path):
    shipped = find(CLASSES_RESOURCE).read_text(encoding="utf-8")
    subprocess.run(
        [sys.executable, str(PROJECT / "tools" / "hsk_word_classes.py")], check=True, cwd=PROJECT
    )
    assert find(CLASSES_RESOURCE).read_text(encoding="utf-8") == shipped
