"""What `reader pinyin` prints: words with readings, or one JSON array per line."""

from __future__ import annotations

import json

from reader.language.pinyin import PinyinStyle
from reader.language.transcript import annotated_lines, json_lines


def test_each_word_is_followed_by_its_reading(tools):
    (line,) = annotated_lines("网络安全和信息化，2016年。", tools)
    assert line == "网络安全(wǎngluò'ānquán)和(hé)信息化(xìnxīhuà)，2016年(nián)。"


def test_names_keep_their_capitals(tools):
    (line,) = annotated_lines("习近平会见扎克伯格", tools)
    assert line.startswith("习近平(Xí Jìnpíng)")


def test_styles_in_text_mode(tools):
    (numbers,) = annotated_lines("绿色的了", tools, PinyinStyle.NUMBERS)
    (zhuyin,) = annotated_lines("绿色的了", tools, PinyinStyle.ZHUYIN)
    assert numbers == "绿色(lv4 se4)的(de5)了(le5)"
    assert zhuyin == "绿色(ㄌㄩˋ ㄙㄜˋ)的(˙ㄉㄜ)了(˙ㄌㄜ)"


def test_json_has_one_item_per_character_and_null_for_non_han(tools):
    lines = ["银行A𠀀，", "", "重庆"]
    arrays = [json.loads(line) for line in json_lines("\n".join(lines), tools)]
    assert arrays[0] == ["yín", "háng", None, "hē", None]
    assert arrays[1] == []
    assert arrays[2] == ["chóng", "qìng"]
    assert [len(array) for array in arrays] == [len(line) for line in lines]
    (numbers,) = json_lines("女儿", tools, PinyinStyle.NUMBERS)
    assert json.loads(numbers) == ["nv3", "er2"]


def test_a_line_cut_mid_sentence_is_read_joined_as_the_document_joins_it(tools):
    cut = list(json_lines("他说，他还没还\n钱。", tools, PinyinStyle.NUMBERS))
    whole = next(json_lines("他说，他还没还钱。", tools, PinyinStyle.NUMBERS))
    assert [json.loads(line) for line in cut] == [json.loads(whole)[:7], ["qian2", None]]
    assert json.loads(cut[0])[6] == "huan2"


def test_lines_the_document_keeps_apart_are_read_apart(tools):
    together = list(json_lines("他还没还\n钱。", tools, PinyinStyle.NUMBERS))
    apart = list(json_lines("他还没还\n\n书。", tools, PinyinStyle.NUMBERS))
    assert together[0] == apart[0]  # not a prose line: what follows is another paragraph
    assert json.loads(together[1]) == ["qian2", None]


def test_a_word_joined_across_lines_is_written_in_each_with_its_part(tools):
    text = "  习近平还问起微信产\n品的情况。  \n\n  abc def"
    lines = list(annotated_lines(text, tools))
    assert lines == [
        "  习近平(Xí Jìnpíng)还(hái)问起(wènqǐ)微信产(wēixìnchǎn)",
        "品(pǐn)的(de)情况(qíngkuàng)。  ",
        "",
        "  abc def",
    ]


def test_a_line_the_document_changed_is_read_on_its_own_and_the_next_found_again(tools):
    text = "他还\x00没还钱。\n他说，他还没还\n钱。"
    changed, cut, rest = (json.loads(line) for line in json_lines(text, tools))
    assert len(changed) == 7 and changed[:2] == ["tā", "hái"] and changed[2] is None
    assert cut[6] == "huán" and rest == ["qián", None]


def test_spoken_tones_on_request(tools):
    (line,) = json_lines("一定不是", tools, spoken=True)
    assert json.loads(line) == ["yí", "dìng", "bú", "shì"]
