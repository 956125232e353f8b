"""Spoken tones beside dictionary tones: 一, 不 and third-tone sandhi."""

from __future__ import annotations

import pytest

from reader.language.pinyin import PinyinStyle, format_syllable
from reader.language.transcript import annotated_lines


def read(tools, text: str, spoken: bool) -> str:
    return next(annotated_lines(text, tools, spoken=spoken))


@pytest.mark.parametrize(
    ("text", "dictionary", "spoken"),
    [
        ("不是", "不是(bùshì)", "不是(búshì)"),
        ("不好", "不好(bùhǎo)", "不好(bùhǎo)"),
        ("一定", "一定(yīdìng)", "一定(yídìng)"),
        ("一起", "一起(yīqǐ)", "一起(yìqǐ)"),
        ("一天", "一天(yītiān)", "一天(yìtiān)"),
        ("第一", "第一(dìyī)", "第一(dìyī)"),
        ("统一的", "统一(tǒngyī)的(de)", "统一(tǒngyī)的(de)"),
        ("十一", "十一(shíyī)", "十一(shíyī)"),
        ("看一看", "看一看(kànyīkàn)", "看一看(kànyikàn)"),
        ("展览馆", "展览馆(zhǎnlǎnguǎn)", "展览馆(zhánlánguǎn)"),
        ("很好", "很(hěn)好(hǎo)", "很(hén)好(hǎo)"),
    ],
)
def test_spoken_tones_are_an_option_beside_the_dictionary_tones(tools, text, dictionary, spoken):
    assert read(tools, text, spoken=False) == dictionary
    assert read(tools, text, spoken=True) == spoken


def test_the_lookup_keeps_both_tones(tools):
    found = tools.lookup.word("不是")
    assert [format_syllable(s, PinyinStyle.MARKS) for s in found.syllables] == ["bù", "shì"]
    assert found.pinyin(spoken=True) == "búshì"
    assert found.pinyin() == "bùshì"
