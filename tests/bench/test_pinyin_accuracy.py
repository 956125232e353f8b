"""bench/pinyin_accuracy.py: which characters are scored, and how the readers are compared."""

from __future__ import annotations

from bench.everyday import EverydaySentence
from bench.pinyin_accuracy import (
    Item,
    Outcome,
    beats_both,
    character_rows,
    error_rows,
    everyday_items,
    g2pm_alone,
    in_dictionary_tones,
    jieba_pypinyin,
    outcomes,
    polyphones,
    pypinyin_readings,
    set_rows,
)
from reader.language.tools import LanguageTools


def test_a_polyphone_has_two_readings_in_the_model_or_in_cc_cedict(tools: LanguageTools):
    found = polyphones("长的网个习A。", tools.model, tools.dictionary)

    # 长 and 的 by both; 个 by CC-CEDICT alone (ge4, ge3 in 自个儿); 网 has one reading;
    # 习's second entry is the surname Xi2, the same reading once lower-cased.
    assert found == {"长", "的", "个"}
    assert not tools.model.is_polyphone("个")


def test_only_the_polyphones_of_an_everyday_sentence_are_scored():
    syllables = ["zhe4", "tiao2", "lu4", "hen3", "chang2", None]
    sentence = EverydaySentence("t-1", "这条路很长。", syllables, tuning=False, source="t")

    (item,) = everyday_items([sentence], {"长", "这"})

    assert item == Item("这条路很长。", {0: "zhe4", 4: "chang2"}, tuning=False)


def test_each_reader_is_scored_on_each_labelled_polyphone():
    items = [Item("长长", {0: "chang2", 1: "zhang3"}, True), Item("了", {0: "le5"}, False)]
    reader = [["chang2", "zhang3"], ["le5"]]
    plain = [["chang2", "chang2"], ["liao3"]]
    model = [["zhang3", "zhang3"], ["le5"]]

    scored = outcomes(items, [reader, plain, model])

    assert scored == [
        Outcome("长", "chang2", True, ("chang2", "chang2", "zhang3"), "【长】长"),
        Outcome("长", "zhang3", True, ("zhang3", "chang2", "zhang3"), "长【长】"),
        Outcome("了", "le5", False, ("le5", "liao3", "le5"), "【了】"),
    ]
    rows = set_rows("everyday", scored)
    assert [row[:6] for row in rows] == [
        ["everyday, all", "3", "100.00", "33.33", "66.67", "yes"],
        ["everyday, tuning half (even lines)", "2", "100.00", "50.00", "50.00", "yes"],
        ["everyday, held-out half (odd lines)", "1", "100.00", "0.00", "100.00", "NO"],
    ]
    assert rows[0][6] == "≥ 97 %"


def test_reader_beats_both_only_when_above_each_baseline():
    assert beats_both([98.0, 97.9, 90.0])
    assert not beats_both([98.0, 98.0, 90.0])
    assert not beats_both([98.0, 90.0, 99.0])


def test_the_frequent_polyphones_come_with_readers_most_frequent_miss():
    wrong = Outcome("长", "chang2", True, ("zhang3", "chang2", "chang2"))
    right = Outcome("长", "zhang3", True, ("zhang3", "zhang3", "chang2"))
    particle = Outcome("了", "le5", False, ("le5", "le5", "le5"))

    rows = character_rows([particle, wrong, wrong, right], count=1)

    assert rows == [["长", "3", "33.3", "100.0", "66.7", "zhang3 → chang2 ×2"]]


def test_readers_errors_are_counted_by_character_reading_and_label():
    def read_as(read: str, label: str, place: str) -> Outcome:
        return Outcome(place[place.index("【") + 1], label, True, (read, label, label), place)

    scored = [
        read_as("de2", "de2", "他【得】了奖。"),
        read_as("de2", "de5", "跑【得】快。"),
        read_as("zhang3", "chang2", "路很【长】。"),
        read_as("de2", "de5", "说【得】好。"),
    ]

    assert error_rows(scored) == [
        ["得", "de2 → de5", "2", "跑【得】快。"],
        ["长", "zhang3 → chang2", "1", "路很【长】。"],
    ]
    assert error_rows(scored, count=1) == [["得", "de2 → de5", "2", "跑【得】快。"]]


def test_the_jieba_baseline_reads_each_word_of_the_cut_on_its_own():
    cut_as_a_word = jieba_pypinyin(["银行。"], lambda sentence: ["银行", "。"])
    cut_in_characters = jieba_pypinyin(["银行。"], lambda sentence: ["银", "行", "。"])

    assert cut_as_a_word == [["yin2", "hang2", None]]
    assert cut_in_characters == [["yin2", "xing2", None]]


def test_the_model_baseline_takes_the_models_reading_of_its_polyphones(tools: LanguageTools):
    sentence = "他的头发长了很多。"

    (readings,) = g2pm_alone([sentence], tools.model)

    (predicted,) = tools.model.readings([sentence])
    assert 4 in predicted  # 长
    plain = pypinyin_readings(sentence)
    assert readings == [predicted.get(index, reading) for index, reading in enumerate(plain)]
    assert readings[-1] is None


def test_cpp_labels_take_the_neutral_tone_cc_cedict_gives_the_word(tools):
    items = [Item("我认识他。", {2: "shi2"}, True), Item("他有这个意识。", {5: "shi2"}, False)]

    relabelled = in_dictionary_tones(items, tools)

    assert relabelled[0].labels == {2: "shi5"}  # CC-CEDICT: 认识 ren4 shi5
    assert relabelled[1].labels == {5: "shi2"}  # CC-CEDICT: 意识 yi4 shi2
    assert relabelled[0].tuning and not relabelled[1].tuning
