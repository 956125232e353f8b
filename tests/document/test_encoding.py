"""Encoding detection on bytes the tests encode themselves."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.document.encoding import (
    ENCODINGS,
    EncodingError,
    codec_for,
    decode_text,
    display_name,
    replacements_message,
)

# Traditional Chinese as written in Taiwan, all of it in Big5 (CP950).
TRADITIONAL = """\
臺北的冬天不太冷,可是常常下雨。每到十二月,街上的行人都撐著傘,匆匆忙忙地走過騎樓。\
我小時候住在萬華,外婆家就在龍山寺旁邊,每天早上都能聽見廟裡的鐘聲。

外婆是個很會做菜的人。過年的時候,她總要準備一大桌子的菜:紅燒肉、滷豬腳、炒米粉,\
還有我最喜歡的蘿蔔糕。她說,做菜和讀書一樣,都要用心,不能馬虎。

後來我到香港唸大學,才發現那裡的人說話跟我們完全不一樣。同學們講廣東話,我一句也聽不懂,\
只好從最簡單的「早晨」、「多謝」學起。三年過去了,我已經能和茶餐廳的老闆聊天,也學會了點一杯凍檸茶。

畢業以後,我回到臺灣,在一家出版社當編輯。工作雖然忙碌,但是每當我翻開一本新書,\
聞到紙張的味道,心裡就覺得十分滿足。我想,這大概就是外婆說的「用心」吧。
"""
# Cantonese as written in Hong Kong: 嘅 嘢 啱 哋 咗 are in HKSCS, not in Big5.
CANTONESE = "你講嘅嘢啱晒,我哋今日食咗飯先至去。\n佢哋話聽日唔使返學,個個都好開心。\n"

SIMPLIFIED = "习近平指出,我国有7亿网民,这是一个了不起的数字,也是一个了不起的成就。\n"


@pytest.fixture
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("codec", "prefix", "expected"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", codecs.BOM_UTF8, "UTF-8 (BOM)"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE"),
        ("utf-16-le", b"", "UTF-16 LE"),
        ("utf-16-be", b"", "UTF-16 BE"),
        ("gb18030", b"", "GB18030"),
        ("gbk", b"", "GB18030"),
    ],
)
def test_the_seed_round_trips_in_each_encoding(seed_text, codec, prefix, expected):
    decoded = decode_text(prefix + seed_text.encode(codec))
    assert decoded.encoding == expected
    assert decoded.text == seed_text
    assert decoded.replacements == 0


def test_gb2312_text_decodes_as_gb18030():
    decoded = decode_text(SIMPLIFIED.encode("gb2312"))
    assert (decoded.encoding, decoded.text) == ("GB18030", SIMPLIFIED)


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_traditional_text_in_big5_round_trips(codec):
    decoded = decode_text(TRADITIONAL.encode(codec))
    assert (decoded.encoding, decoded.text, decoded.replacements) == ("Big5", TRADITIONAL, 0)


def test_the_big5_trap_big5_is_not_taken_for_gb18030():
    data = TRADITIONAL.encode("big5")
    nonsense = data.decode("gb18030")  # decodes without an error ...
    assert nonsense != TRADITIONAL  # ... into nonsense
    assert decode_text(data).text == TRADITIONAL


@pytest.mark.parametrize("text", ["臺灣", "謝謝你", "香港的天氣", "我們的學校很大。"])
def test_short_big5_texts_are_not_taken_for_gb18030(text):
    assert decode_text(text.encode("big5")).encoding == "Big5"


@pytest.mark.parametrize("text", ["中国", "谢谢你", "网络安全", "我们的学校很大。"])
def test_short_gb18030_texts_are_not_taken_for_big5_or_utf8(text):
    assert decode_text(text.encode("gb18030")).encoding == "GB18030"


@pytest.mark.parametrize("text", ["你好", "中", "café", "nǐ hǎo", "“quoted”"])
def test_short_utf8_texts_stay_utf8(text):
    assert decode_text(text.encode("utf-8")).encoding == "UTF-8"


def test_hkscs_characters_choose_big5_hkscs():
    text = TRADITIONAL + CANTONESE
    with pytest.raises(UnicodeEncodeError):
        text.encode("cp950")
    decoded = decode_text(text.encode("big5hkscs"))
    assert (decoded.encoding, decoded.text, decoded.replacements) == ("Big5-HKSCS", text, 0)


def test_cp950_extensions_decode_as_big5():
    text = TRADITIONAL + "一杯凍檸茶賣三€。\n"
    decoded = decode_text(text.encode("cp950"))
    assert (decoded.encoding, decoded.text) == ("Big5", text)


def test_undecodable_bytes_in_good_gbk_text_are_replaced_and_counted(seed_text):
    cuts = [100, 2000, 5000]
    pieces = [seed_text[:100], seed_text[100:2000], seed_text[2000:5000], seed_text[5000:]]
    data = b"\xff".join(piece.encode("gbk") for piece in pieces)
    decoded = decode_text(data)
    assert decoded.encoding == "GB18030"
    assert decoded.replacements == len(cuts)
    assert decoded.text == "\ufffd".join(pieces)


def test_replacement_characters_of_the_text_itself_are_not_counted(seed_text):
    text = "\ufffd" + seed_text
    data = text.encode("utf-8") + b"\xe4\xb8"  # a character cut off at the end
    decoded = decode_text(data)
    assert (decoded.encoding, decoded.replacements) == ("UTF-8", 1)
    assert decoded.text == text + "\ufffd"


def test_an_odd_byte_at_the_end_of_utf16_is_counted(seed_text):
    decoded = decode_text(codecs.BOM_UTF16_LE + seed_text.encode("utf-16-le") + b"\x00")
    assert (decoded.encoding, decoded.replacements) == ("UTF-16 LE", 1)


def test_one_broken_byte_in_a_short_file_is_replaced_not_refused():
    decoded = decode_text("你好".encode("gb18030") + b"\xff")
    assert (decoded.encoding, decoded.text, decoded.replacements) == ("GB18030", "你好\ufffd", 1)


@pytest.mark.parametrize(
    ("codec", "expected"), [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")]
)
def test_utf16_without_a_bom_or_any_nul_byte_is_detected(codec, expected):
    data = "网络安全和信息化工作座谈会".encode(codec)
    assert b"\x00" not in data
    assert decode_text(data).encoding == expected


def test_a_chinese_text_after_a_long_ascii_preamble_is_detected():
    text = "Project notes, exported from an old machine.\n" * 3000 + TRADITIONAL
    assert decode_text(text.encode("big5")).encoding == "Big5"


def test_empty_bytes_are_empty_text():
    assert decode_text(b"") == decode_text(b"", None)
    assert decode_text(b"").text == ""


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 64,
        b"\x00" * 4096 + b"text",
        b"\x01\x02\x03\x04" * 1000,
        bytes((i * 7919 + 13) % 256 for i in range(100_000)),
    ],
)
def test_binary_data_is_not_text(data):
    with pytest.raises(EncodingError, match="is a binary file, not text"):
        decode_text(data)


def test_a_few_nul_bytes_do_not_make_a_file_binary(seed_text):
    data = seed_text.replace("\n", "\x00\n", 10).encode("gb18030")
    decoded = decode_text(data)
    assert decoded.encoding == "GB18030"
    assert decoded.text == seed_text.replace("\n", "\x00\n", 10)


def test_text_mostly_undecodable_in_every_candidate_is_refused():
    # Latin-1 text with an accent every few letters: no candidate reads it.
    data = ("Ça été déjà là; " * 200).encode("latin-1")
    with pytest.raises(EncodingError, match="not text in UTF-8, UTF-16, GB18030 or Big5"):
        decode_text(data)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("GBK", "GBK"),
        ("gb18030", "GB18030"),
        ("big5", "Big5"),
        ("Big5-HKSCS", "Big5-HKSCS"),
        ("big5hkscs", "Big5-HKSCS"),
        ("utf-16 le", "UTF-16 LE"),
        ("UTF16LE", "UTF-16 LE"),
        ("utf8", "UTF-8"),
        ("UTF-8 (BOM)", "UTF-8 (BOM)"),
        ("latin-1", "ISO8859-1"),
    ],
)
def test_names_the_user_types_map_to_a_codec_and_a_shown_name(name, expected):
    assert display_name(name) == expected
    codecs.lookup(codec_for(name))


def test_every_listed_encoding_is_its_own_shown_name():
    assert [display_name(name) for name in ENCODINGS] == list(ENCODINGS)


def test_an_override_decodes_with_that_codec(seed_text):
    data = TRADITIONAL.encode("big5")
    decoded = decode_text(data, "gb18030")
    assert decoded == decode_text(data, "GB18030")
    assert (decoded.encoding, decoded.text) == ("GB18030", data.decode("gb18030"))


def test_an_override_that_cannot_decode_everything_replaces_and_counts(seed_text):
    data = seed_text.encode("gbk")
    decoded = decode_text(data, "utf-8")
    assert decoded.encoding == "UTF-8"
    assert decoded.replacements == decoded.text.count("\ufffd") > 100


def test_an_override_drops_a_byte_order_mark():
    decoded = decode_text(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8")
    assert decoded.text == SIMPLIFIED


@pytest.mark.parametrize("name", ["klingon", "base64", "rot13", ""])
def test_an_unknown_or_non_text_encoding_is_a_clear_error(name):
    with pytest.raises(EncodingError, match="unknown encoding"):
        decode_text(b"abc", name)


def test_the_replacements_message_counts():
    assert replacements_message(1, "GB18030") == (
        "1 character could not be decoded as GB18030 and shows as �"
    )
    assert replacements_message(3, "Big5") == (
        "3 characters could not be decoded as Big5 and show as �"
    )


@given(st.binary(max_size=4096))
def test_any_bytes_give_text_or_the_documented_error(data):
    try:
        decoded = decode_text(data)
    except EncodingError as error:
        assert str(error)
    else:
        assert decoded.encoding in ENCODINGS
        assert 0 <= decoded.replacements <= decoded.text.count("\ufffd")


@given(st.binary(max_size=2048), st.sampled_from([*ENCODINGS, "gbk", "latin-1", "shift_jis"]))
def test_any_bytes_with_an_override_give_text(data, name):
    decoded = decode_text(data, name)
    assert decoded.encoding == display_name(name)
    assert 0 <= decoded.replacements <= decoded.text.count("\ufffd")


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("shift_jis", "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。" * 3),
        ("euc_kr", "대한민국은 민주공화국이다. 대한민국의 주권은 국민에게 있고," * 3),
    ],
)
def test_japanese_and_korean_text_are_read_by_charset_normalizer(codec, text):
    decoded = decode_text(text.encode(codec))
    assert decoded.text == text
    assert decoded.replacements == 0


@pytest.mark.parametrize(
    "name",
    [
        "idna",
        "punycode",
        "rot13",
        "base64",
        "uu",
        "zlib",
        "bz2",
        "hex",
        "quopri",
        "undefined",
        "unicode_escape",
        "raw-unicode-escape",
    ],
)
def test_codecs_that_are_no_encodings_of_text_are_refused(name):
    with pytest.raises(EncodingError, match=f"unknown encoding '{name}'"):
        codec_for(name)
    with pytest.raises(EncodingError):
        decode_text(b"abc", name)


@pytest.mark.parametrize("text", ["你好世界", "中文测试", "银行", "第一章节", "abcd", "好。"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_tiny_utf16_file_without_a_bom_is_text(text, codec):
    """你好世界 in UTF-16 LE is `O}Y\\x16NLu: ASCII bytes with a control character."""
    decoded = decode_text(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == ("UTF-16 LE" if codec == "utf-16-le" else "UTF-16 BE")


def test_ascii_with_a_stray_control_character_is_still_utf8():
    text = "Chapter 1\x1a\nIt was a dark and stormy night; the rain fell in torrents.\n"
    assert decode_text(text.encode()).encoding == "UTF-8"
