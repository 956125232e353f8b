"""CC-CEDICT's markup in senses, read on the dictionary the project ships."""

from __future__ import annotations

import re
import sqlite3

import pytest

from reader.language.pinyin import PinyinStyle
from reader.language.sense_markup import (
    MeasureWords,
    Reading,
    Reference,
    entry_senses,
    parse_sense,
    sense_text,
)

RAW_MARKUP = re.compile(r"\[[^\]]*[A-Za-z:][1-5]|\||CL:")
"""What must not survive the rendering: a bracket with numbered pinyin, a pipe, `CL:`."""
HAN = re.compile(r"[\u4e00-\u9fff]")
MEASURE_WORD_TRADITIONAL = re.compile(r"(?<=[:,])[^,|\[\]]+\|")
"""個| in CL:個|个[ge4],條|条[tiao2]."""


def entry_of(tools, word: str, pinyin: str):
    (entry,) = [e for e in tools.dictionary.lookup(word) if e.pinyin == pinyin]
    return entry


def test_a_measure_word_is_named_and_read_with_tone_marks(tools):
    read = entry_senses(entry_of(tools, "冰棍", "bing1 gun4").senses)
    assert [sense_text(s) for s in read.meanings] == ["popsicle", "ice lolly"]
    assert read.measure_words == (MeasureWords((Reference("根", "根", ("gen1",)),)),)
    assert sense_text(read.measure_words) == "measure word: 根 gēn"


def test_several_measure_words_inside_a_sense(tools):
    senses = entry_of(tools, "夢", "meng4").senses
    (dream,) = [s for s in senses if "CL:" in s]
    assert dream == "dream (CL:場|场[chang2],個|个[ge4])"
    assert sense_text(parse_sense(dream)) == "dream (measure words: 场 cháng, 个 gè)"
    assert entry_senses(senses).measure_words == ()  # a meaning with its measure words


def test_references_in_every_form_the_dictionary_writes(tools):
    (sense,) = entry_of(tools, "碌", "lu4").senses
    assert sense == "(bound form used in 忙碌[mang2 lu4], 勞碌|劳碌[lao2 lu4], 庸碌[yong1 lu4] etc)"
    pieces = parse_sense(sense)
    assert pieces[1] == Reference("忙碌", "忙碌", ("mang2", "lu4"))
    assert pieces[3] == Reference("劳碌", "勞碌", ("lao2", "lu4"))
    assert (
        sense_text(pieces) == "(bound form used in 忙碌 mánglù, 劳碌（勞碌）láolù, 庸碌 yōnglù etc)"
    )

    senses = entry_of(tools, "日電", "Ri4 dian4").senses
    assert senses[1] == "abbr. for 日電電子|日电电子"
    assert parse_sense(senses[1]) == ("abbr. for ", Reference("日电电子", "日電電子"))
    assert sense_text(parse_sense(senses[1])) == "abbr. for 日电电子（日電電子）"

    (bare,) = [s for s in entry_of(tools, "平", "ping2").senses if s.startswith("abbr. for")]
    assert sense_text(parse_sense(bare)) == "abbr. for 平声（平聲）píngshēng"


def test_names_keep_their_capitals_and_u_colon_is_u_umlaut(tools):
    (abbreviation,) = [s for s in entry_of(tools, "中共", "Zhong1 Gong4").senses if "abbr." in s]
    assert sense_text(parse_sense(abbreviation)) == (
        "abbr. for 中国共产党（中國共產黨）Zhōngguó Gòngchǎndǎng, Chinese Communist Party"
    )
    slang = entry_of(tools, "綠", "lu:4").senses[1]
    assert "绿帽子（綠帽子）lǜmàozi" in sense_text(parse_sense(slang))
    assert "lv4 mao4 zi5" in sense_text(parse_sense(slang), PinyinStyle.NUMBERS)


def test_a_reading_alone_and_the_variants(tools):
    senses = entry_of(tools, "中用", "zhong1 yong4").senses
    assert parse_sense(senses[-1]) == ("Taiwan pr. ", Reading(("zhong4", "yong4")))
    assert sense_text(parse_sense(senses[-1])) == "Taiwan pr. zhòngyòng"
    behaviour = entry_of(tools, "行", "xing2").senses[-1]
    assert sense_text(parse_sense(behaviour)) == "Taiwan pr. xìng for the behavior-conduct sense"
    assert sense_text(parse_sense(entry_of(tools, "女", "ru3").senses[0])) == (
        "archaic variant of 汝 rǔ"
    )


@pytest.mark.parametrize(
    "sense, shown",
    [
        ("see 3C[san1 C]", "see 3C sān C"),
        (
            "abbr. for B型超聲|B型超声[B xing2 chao1 sheng1]",
            "abbr. for B型超声（B型超聲）B xíngchāoshēng",
        ),
        ("erhua variant of 胡同|胡同|[hu2 tong4]", "erhua variant of 胡同 hútòng"),
        (
            "see 珍·奧斯汀|珍·奥斯汀[Zhen1 · Ao4 si1 ting1]",
            "see 珍·奥斯汀（珍·奧斯汀）Zhēn·Àosītīng",
        ),
        ("preceded by 就…[jiu4 xx5]", "preceded by 就… jiù…"),
        (
            "(from Taiwanese 萵仔菜, Tai-lo pr. [ue-á-tshài])",
            "(from Taiwanese 萵仔菜, Tai-lo pr. [ue-á-tshài])",
        ),
        ("square brackets [ ]", "square brackets [ ]"),
        ("stroke𠄌 in characters (e.g. 以[yi3])", "stroke𠄌 in characters (e.g. 以 yǐ)"),
        ("<b>bold</b> & 個|个[ge4]", "<b>bold</b> & 个（個）gè"),
    ],
)
def test_odd_markup_from_the_dictionary(sense, shown):
    assert sense_text(parse_sense(sense)) == shown


def test_bare_characters_are_references_and_what_is_written_against_them_is_not():
    assert parse_sense("stroke𠄌 in 以") == (
        "stroke",
        Reference("𠄌", "𠄌"),
        " in ",
        Reference("以", "以"),
    )
    assert parse_sense("as in 甲、乙") == (
        "as in ",
        Reference("甲", "甲"),
        "、",
        Reference("乙", "乙"),
    )
    assert parse_sense("e.g. PO文") == ("e.g. ", Reference("PO文", "PO文"))


def test_plain_text_is_kept_as_it_is(tools):
    for sense in entry_of(tools, "行", "hang2").senses:
        assert parse_sense(sense) == (sense,)


def test_every_sense_of_the_dictionary_renders_without_raw_markup(tools):
    """The whole dictionary: nothing crashes, nothing of the markup is left to read, and no
    written word is lost (each Han character of a sense is shown, but the traditional
    forms of measure words, which are left out)."""
    connection = sqlite3.connect(tools.dictionary.index.as_uri() + "?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT senses FROM entry").fetchall()
    finally:
        connection.close()
    senses = [sense for (joined,) in rows for sense in joined.split("/")]
    assert len(senses) > 200_000
    left = []
    for sense in senses:
        text = sense_text(parse_sense(sense))
        shown = MEASURE_WORD_TRADITIONAL.sub("", sense)
        if RAW_MARKUP.search(text) or not set(HAN.findall(shown)) <= set(text):
            left.append((sense, text))
    assert left == []
