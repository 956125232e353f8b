"""Chapter headings one line at a time, Chinese numerals, and which lines head a book's chapters."""

from __future__ import annotations

import pytest

from reader.document.chapters import (
    CLAUSE_ENDINGS,
    HeadingMark,
    book_headings,
    compile_heading_pattern,
    parse_heading,
    parse_number,
    pattern_headings,
    split_title_line,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百二十", 120),
        ("一百零五", 105),
        ("一千零一", 1001),
        ("两千", 2000),
        ("一万二千", 12000),
        ("二十万", 200000),
        ("一二零", 120),
        ("一一九", 119),
        ("一零二", 102),
        ("〇", 0),
        ("零", 0),
        ("壹佰贰拾", 120),
        ("12", 12),
        ("１２０", 120),
        ("XII", 12),
        ("iv", 4),
        ("twenty", 20),
    ],
)
def test_numbers_as_chapters_write_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "一百二三", "第", "abc", "十x"])
def test_what_is_no_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("line", "heading", "family", "number"),
    [
        ("第一回  甄士隐梦幻识通灵\u3000贾雨村", "第一回 甄士隐梦幻识通灵 贾雨村", "回", 1),
        (
            "第一二零回  甄士隐详说太虚情\u3000贾雨村",
            "第一二零回 甄士隐详说太虚情 贾雨村",
            "回",
            120,
        ),
        ("第一百二十回 终", "第一百二十回 终", "回", 120),
        ("第两千回", "第两千回", "回", 2000),
        ("第〇回 缘起", "第〇回 缘起", "回", 0),
        ("第九章大团圆", "第九章 大团圆", "章", 9),
        ("第九章\u3000大团圆", "第九章 大团圆", "章", 9),
        ("第 12 章：归来", "第12章 归来", "章", 12),
        ("第１２章 归来", "第１２章 归来", "章", 12),
        ("第三节 方法", "第三节 方法", "节", 3),
        ("第二卷 云涌", "第二卷 云涌", "卷", 2),
        ("卷三 风雪", "卷三 风雪", "卷", 3),
        ("第一部 春", "第一部 春", "部", 1),
        ("第五篇 论兵", "第五篇 论兵", "篇", 5),
        ("第十集", "第十集", "集", 10),
        ("第十章 你是谁？", "第十章 你是谁？", "章", 10),
        ("  第二回 缩进", "第二回 缩进", "回", 2),
        ("Chapter 3: The End", "Chapter 3 The End", "chapter", 3),
        ("CHAPTER XII", "CHAPTER XII", "chapter", 12),
        ("Part Two", "Part Two", "part", 2),
    ],
)
def test_chapter_headings_in_their_real_forms(line, heading, family, number):
    parsed = parse_heading(line)
    assert parsed is not None
    assert (parsed.heading, parsed.family, parsed.number) == (heading, family, number)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("楔子", "楔子"),
        ("序", "序"),
        ("序言", "序言"),
        ("序：自述", "序 自述"),
        ("引子 一块石头", "引子 一块石头"),
        ("前言", "前言"),
        ("后记", "后记"),
        ("尾声", "尾声"),
        ("番外", "番外"),
        ("番外一 重逢", "番外一 重逢"),
        ("番外二重逢", "番外二 重逢"),
        ("附录 陈光蕊赴任逢灾 江流僧复仇报本", "附录 陈光蕊赴任逢灾 江流僧复仇报本"),
        ("Prologue", "Prologue"),
    ],
)
def test_front_and_back_matter(line, heading):
    parsed = parse_heading(line)
    assert parsed is not None and parsed.family == "front"
    assert parsed.heading == heading


@pytest.mark.parametrize(
    ("line", "heading", "family"),
    [
        ("一、总体要求", "一、总体要求", "一、"),
        ("十二、附则", "十二、附则", "一、"),
        ("（一）指导思想", "（一）指导思想", "(一)"),
        ("(二) 基本原则", "(二)基本原则", "(一)"),
        ("1.加强组织领导", "1.加强组织领导", "1."),
        ("2、完善制度", "2、完善制度", "1."),
        ("（1）明确责任", "（1）明确责任", "(1)"),
        ("3. Results", "3. Results", "1."),
    ],
)
def test_article_style_numbered_headings(line, heading, family):
    parsed = parse_heading(line)
    assert parsed is not None
    assert (parsed.heading, parsed.family) == (heading, family)


@pytest.mark.parametrize(
    "line",
    [
        # Body text that merely begins like a heading (these three are from 红楼梦).
        "第四回中既将薛家母子在荣府内寄居等事略已表明，此回则暂不能写矣．",
        "前言少述，且说当下芳官回至怡红院中，回复了宝玉．",
        "此开卷第一回也．作者自云：因曾历过一番梦幻之后，故将真事隐去．",
        # Sentences, clauses and over-long lines.
        "第一回中有诗云：",
        "第二章讲到的事，大家都还记得。",
        "第三章" + "很" * 60,
        # Words that begin like headings but are not.
        "第一部分 工作回顾",
        "第一回合",
        "第一集团军",
        "前言不搭后语",
        "后记得",
        "序号",
        "卷起千堆雪",
        "Chapter did it",
        "Chapters",
        # Numbered lines that are sentences, not headings.
        "一、坚持党的领导，加强组织建设。",
        "1.5亿元",
        "2016年",
        "一、",
    ],
)
def test_lines_that_are_not_headings(line):
    assert parse_heading(line) is None


def test_clause_endings_are_the_full_width_marks():
    # Guards the escapes against an editor's normalisation: ，。．、；： must be in the set.
    assert {"\uff0c", "\u3002", "\uff0e", "\u3001", "\uff1b", "\uff1a"} <= CLAUSE_ENDINGS


def test_a_book_needs_two_chapter_headings_of_one_kind():
    assert book_headings(["标题", "第一章 开始", "正文。"]) == {}
    assert book_headings(["标题", "第一章 开始", "正文。", "第二章 结束", "正文。"]) == {
        1: HeadingMark("第一章 开始", 1),
        3: HeadingMark("第二章 结束", 1),
    }


def test_front_matter_or_numbered_lines_alone_make_no_book():
    assert book_headings(["楔子", "正文。", "后记", "正文。"]) == {}
    assert book_headings(["一、总体要求", "正文。", "二、主要任务", "正文。"]) == {}


def test_volumes_hold_chapters_and_front_matter_sits_at_the_top():
    lines = [
        "楔子",
        "很久以前。",
        "第一卷 风起",
        "第一章 开始",
        "正文。",
        "第二章 重逢",
        "正文。",
        "第二卷 云涌",
        "第一章 再会",
        "正文。",
        "后记",
        "谢谢。",
    ]
    marks = book_headings(lines)
    assert {lines[i]: mark.level for i, mark in marks.items()} == {
        "楔子": 1,
        "第一卷 风起": 1,
        "第一章 开始": 2,
        "第二章 重逢": 2,
        "第二卷 云涌": 1,
        "第一章 再会": 2,
        "后记": 1,
    }


def test_levels_count_only_the_units_a_book_uses():
    lines = ["第一部 春", "第一节 甲", "正文。", "第二节 乙", "第二部 夏", "第一节 丙"]
    assert [mark.level for mark in book_headings(lines).values()] == [1, 2, 2, 1, 2]


def test_numbered_headings_nest_below_chapters():
    lines = [
        "第一章 绪论",
        "一、背景",
        "正文。",
        "二、方法",
        "（一）取样",
        "正文。",
        "（二）分析",
        "第二章 结果",
        "一、发现",
        "3.这一行只出现一次",
    ]
    marks = book_headings(lines)
    assert [(lines[i], mark.level) for i, mark in marks.items()] == [
        ("第一章 绪论", 1),
        ("一、背景", 2),
        ("二、方法", 2),
        ("（一）取样", 3),
        ("（二）分析", 3),
        ("第二章 结果", 1),
        ("一、发现", 2),
    ]


def test_a_heading_echoed_on_the_next_heading_line_is_not_a_new_chapter():
    # 红楼梦 repeats the titles of chapters 38 and 119, run together, below 回目录 / 回首页.
    lines = [
        "第三十八回  林潇湘魁夺菊花诗\u3000薛蘅芜讽和螃蟹咏",
        "    回目录",
        "    第三十八回林潇湘魁夺菊花诗薛蘅芜讽和螃蟹咏——",
        "    话说宝钗湘云二人计议已妥，一宿无话．",
        "第三十九回  村姥姥是信口开合\u3000情哥哥偏寻根究底",
    ]
    assert list(book_headings(lines)) == [0, 4]


def test_a_bare_heading_followed_by_its_titled_form_is_one_chapter():
    lines = ["第一章", "", "第一章 开始", "正文。", "第二章", "第二章 重逢", "正文。"]
    assert [mark.heading for mark in book_headings(lines).values()] == ["第一章", "第二章"]


def test_the_same_number_again_with_another_title_is_a_new_chapter():
    lines = ["第一章 甲", *["正文。"] * 20, "第一章 乙", "正文。"]
    assert list(book_headings(lines)) == [0, 21]


def test_the_same_title_again_far_on_is_an_echo():
    lines = ["第一章 甲", *["正文。"] * 20, "第一章  甲——", "正文。", "第二章 乙"]
    assert list(book_headings(lines)) == [0, 23]


def test_the_same_bare_number_far_apart_is_a_new_chapter():
    lines = ["第一章", *["正文。"] * 20, "第一章", "正文。"]
    assert list(book_headings(lines)) == [0, 21]


def test_numbering_restarting_in_each_volume_is_kept():
    lines = ["第一卷", "第一章", "正文。", "第二卷", "第一章", "正文。"]
    assert list(book_headings(lines)) == [0, 1, 3, 4]


def test_a_table_of_contents_is_not_chapters():
    lines = [
        "目录",
        "第一章 开始",
        "第二章 重逢",
        "",
        "第三章 告别",
        "第一章 开始",
        "正文一。",
        "第二章 重逢",
        "正文二。",
        "第三章 告别",
        "正文三。",
    ]
    assert list(book_headings(lines)) == [5, 7, 9]


def test_a_few_empty_chapters_in_a_row_are_still_chapters():
    lines = ["第一卷 甲", "第一章", "正文。", "第二卷 乙", "第一章", "正文。"]
    assert list(book_headings(lines)) == [0, 1, 3, 4]


def test_a_bad_pattern_gets_a_readable_error():
    with pytest.raises(ValueError, match=r"bad heading pattern '第\(': missing \), .* position 1"):
        compile_heading_pattern("第(")


@pytest.mark.parametrize("pattern", ["", "x*", "(?m)^"])
def test_a_pattern_that_matches_an_empty_line_is_refused(pattern):
    with pytest.raises(ValueError, match="matches an empty line"):
        compile_heading_pattern(pattern)


def test_pattern_headings_search_the_line_as_the_file_has_it():
    lines = ["书名", "  卷首语", "卷首语不是标题。", "　　第一章  开始", "", "Act 2"]
    pattern = compile_heading_pattern(r"^\s*(卷首语$|第.章)|^Act \d")
    assert pattern_headings(lines, pattern) == {
        1: HeadingMark("卷首语", 1),
        3: HeadingMark("第一章 开始", 1),
        5: HeadingMark("Act 2", 1),
    }


def test_pattern_headings_skip_very_long_lines():
    pattern = compile_heading_pattern("回")
    assert pattern_headings(["第一回", "回" * 500], pattern) == {0: HeadingMark("第一回", 1)}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("《红楼梦》曹雪芹", ("红楼梦", "曹雪芹")),
        ("《西游记》吴承恩（明）", ("西游记", "吴承恩（明）")),
        ("《论语》", ("论语", None)),
        ("  《红楼梦》\u3000曹雪芹 ", ("红楼梦", "曹雪芹")),
        ("红楼梦", None),
        ("《人民日报》评论：要认真研究，吸收批评", None),
        ("《甲》与《乙》", None),
    ],
)
def test_title_and_author_line(line, expected):
    assert split_title_line(line) == expected
