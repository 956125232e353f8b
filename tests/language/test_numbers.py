"""Numbers cut with their units, as a reader reads them, on sentences and real text."""

from __future__ import annotations

import itertools

import pytest

from reader.language.numbers import cut_numbers, regroup_numbers


def words(segmenter, text: str) -> list[str]:
    return [text[token.start : token.end] for token in segmenter.segment(text)]


def jieba_starts(segmenter, text: str) -> list[int]:
    tokenizer = segmenter._get_tokenizer()
    return list(itertools.accumulate(map(len, tokenizer.lcut(text)), initial=0))[:-1]


def test_the_seeds_dateline_is_read_as_a_date_and_a_dispatch(segmenter, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "4月19日电" in line)
    starts = jieba_starts(segmenter, line)
    assert "日电" in [line[s:e] for s, e in itertools.pairwise([*starts, len(line)])]
    assert "日电" not in words(segmenter, line)  # not "NEC (Nippon Electronic Company)"
    assert words(segmenter, "新华社北京4月19日电") == ["新华社", "北京", "4月", "19日", "电"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016年4月19日", ["2016年", "4月", "19日"]),
        ("上午10点30分开会", ["上午", "10点", "30分", "开会"]),  # not 分开 / 会
        ("约300万人", ["约", "300万", "人"]),
        ("共有100多个国家", ["共有", "100多个", "国家"]),
        ("第19届", ["第19届"]),
        ("二〇一六年", ["二〇一六年"]),
        ("今年3月份", ["今年", "3月份"]),
    ],
)
def test_a_number_keeps_its_unit(segmenter, text, expected):
    assert words(segmenter, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他有三个孩子", ["他", "有", "三个", "孩子"]),
        ("一年级的学生", ["一年级", "的", "学生"]),  # a word that begins with the number
        ("十分重要", ["十分", "重要"]),
        ("统一年度", ["统一", "年度"]),  # the number would begin inside a word
        ("三分之一的人", ["三分之一", "的", "人"]),
        ("增长了3.5%", ["增长", "了", "3.5%"]),
        ("只有东西两角门有人", ["只有", "东西", "两", "角门", "有人"]),  # 红楼梦
        ("至一所在", ["至", "一", "所在"]),  # a place, not a measure word
    ],
)
def test_where_jieba_already_reads_the_number_its_cut_stands(segmenter, text, expected):
    assert words(segmenter, text) == expected


def test_without_a_number_cut_from_its_unit_the_words_are_jiebas(segmenter):
    text = "网络安全和信息化是事关国家安全和国家发展的重大战略问题。"
    starts = jieba_starts(segmenter, text)
    assert regroup_numbers(text, starts, segmenter._get_tokenizer().lcut) is starts


def test_on_real_text_no_number_is_left_cut_from_its_unit(segmenter, seed_path, shared_data):
    """The seed (the only news text at hand) and the CPP sentences (Wikipedia-style text,
    dense with dates): jieba cuts hundreds of numbers from their units, Reader none."""
    sentences = (shared_data / "polyphone" / "cpp-dev.sent").read_text(encoding="utf-8")
    texts = {
        "seed": seed_path.read_text(encoding="utf-8").splitlines(),
        "cpp": sentences.replace("▁", "").splitlines()[:3000],
    }
    for name, lines in texts.items():
        lines = [line for line in lines if line]
        before = sum(len(cut_numbers(line, jieba_starts(segmenter, line))) for line in lines)
        after = sum(
            len(cut_numbers(line, segmenter.word_starts(line, 0, len(line)))) for line in lines
        )
        assert (name, after) == (name, 0)
        assert before > {"seed": 20, "cpp": 1000}[name]
