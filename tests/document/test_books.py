"""Books read as books: chapters as sections, every other line a paragraph, articles untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.document import BlockKind, Document, build_document, open_document
from reader.document.chapters import collapse_spaces, parse_heading
from reader.document.outline import block_lines, outline_lines
from reader.document.structure import preview_headings


def chapters(document: Document) -> list[str]:
    return [section.heading for section in document.root.children]


def texts_of(document: Document, kind: BlockKind) -> list[str]:
    return [document.block_text(block) for block in document.blocks if block.kind is kind]


def assert_well_formed(document: Document) -> None:
    """Blocks cover the text in order, one newline apart; sections nest and start at headings."""
    text = document.text
    assert text == "\n".join(document.block_text(block) for block in document.blocks)
    position = 0
    for block in document.blocks:
        assert block.start == position <= block.end
        position = block.end + 1
    headings = {block.start: block for block in document.blocks if block.kind is BlockKind.HEADING}
    assert document.root.start == 0 and document.root.end == len(text)
    for section in document.sections():
        for child in section.children:
            assert child.parent is section
            assert section.start <= child.start < child.end <= section.end
            assert child.level > section.level
        for left, right in zip(section.children, section.children[1:], strict=False):
            assert left.end <= right.start
    starts = [section.start for section in document.sections()][1:]
    assert starts == sorted(starts) == sorted(headings)
    for section in list(document.sections())[1:]:
        block_text = document.block_text(headings[section.start])
        parsed = parse_heading(block_text)
        # An article's heading is named by its text; a book's, by its spaces collapsed.
        assert section.heading in {
            block_text.replace("\n", " "),
            collapse_spaces(block_text),
            parsed.heading if parsed else None,
        }


# --- the shared novels -------------------------------------------------------------------


@pytest.fixture(scope="module")
def novels() -> dict[str, Document]:
    return {}


def novel(shared_data: Path, novels: dict[str, Document], name: str) -> Document:
    if name not in novels:
        novels[name] = open_document(shared_data / "novels" / f"{name}.txt")
    return novels[name]


def test_hongloumeng_has_its_120_chapters(shared_data, novels):
    document = novel(shared_data, novels, "hongloumeng")
    names = chapters(document)
    assert len(names) == 120
    assert names[0] == "第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀"
    assert names[37] == "第三十八回 林潇湘魁夺菊花诗 薛蘅芜讽和螃蟹咏"
    assert names[61] == "第六十二回 憨湘云醉眠芍药茵?呆香菱情解石榴裙"
    assert names[-1] == "第一二零回 甄士隐详说太虚情 贾雨村归结红楼梦"
    numbers = [parse_heading(name).number for name in names]
    assert numbers == list(range(1, 121))


def test_hongloumeng_title_and_author(shared_data, novels):
    document = novel(shared_data, novels, "hongloumeng")
    assert document.title == "红楼梦"
    assert texts_of(document, BlockKind.TITLE) == ["《红楼梦》曹雪芹"]
    assert outline_lines(document)[0] == "红楼梦"


@pytest.mark.parametrize(
    "line",
    [
        "第四回中既将薛家母子在荣府内寄居等事略已表明，此回则暂不能写矣．",
        "第三十八回林潇湘魁夺菊花诗薛蘅芜讽和螃蟹咏——",
        "第一一九回中乡魁宝玉却尘缘沐皇恩贾家延世泽——",
    ],
)
def test_hongloumeng_body_lines_beginning_with_a_chapter_number_are_paragraphs(
    shared_data, novels, line
):
    document = novel(shared_data, novels, "hongloumeng")
    assert line in texts_of(document, BlockKind.PARAGRAPH)
    assert line not in texts_of(document, BlockKind.HEADING)


def test_each_line_of_a_novel_is_a_block_and_nothing_is_rewritten(shared_data, novels):
    path = shared_data / "novels" / "hongloumeng.txt"
    source = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    source = [line for line in source if line]
    document = novel(shared_data, novels, "hongloumeng")
    assert [document.block_text(block) for block in document.blocks] == source


def test_heading_blocks_keep_the_source_line(shared_data, novels):
    document = novel(shared_data, novels, "hongloumeng")
    first = texts_of(document, BlockKind.HEADING)[0]
    assert first == "第一回  甄士隐梦幻识通灵\u3000贾雨村风尘怀闺秀"


def test_xiyouji_has_its_100_chapters_and_the_appendix(shared_data, novels):
    document = novel(shared_data, novels, "xiyouji")
    names = chapters(document)
    numbered = [name for name in names if name.startswith("第")]
    assert len(numbered) == 100
    assert numbered[0] == "第一回 灵根育孕源流出 心性修持大道生"
    assert numbered[-1] == "第一百回 径回东土 五圣成真"
    assert [parse_heading(name).number for name in numbered] == list(range(1, 101))
    # The interpolated story of Xuanzang's birth stands between chapters 8 and 9.
    assert names[8] == "附录 陈光蕊赴任逢灾 江流僧复仇报本"
    assert len(names) == 101
    assert document.title == "西游记"


@pytest.mark.parametrize("name", ["hongloumeng", "xiyouji"])
def test_novels_are_well_formed(shared_data, novels, name):
    document = novel(shared_data, novels, name)
    assert_well_formed(document)
    assert {block.kind for block in document.blocks} == {
        BlockKind.TITLE,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    }


def test_a_novel_section_holds_its_chapter_text(shared_data, novels):
    document = novel(shared_data, novels, "hongloumeng")
    offset = document.text.index("话说宝钗湘云二人计议已妥")
    assert document.section_at(offset).heading.startswith("第三十八回 ")


def test_a_custom_pattern_on_a_novel(shared_data, novels):
    text = (shared_data / "novels" / "xiyouji.txt").read_text(encoding="utf-8")
    found = preview_headings(text, r"^附录|^第.+回 ", limit=500)
    assert len(found) == 101 and found[8].startswith("附录")
    assert (
        preview_headings(text, r"^第.+回 ", limit=5)
        == chapters(novel(shared_data, novels, "xiyouji"))[:5]
    )
    document = build_document(text, heading_pattern=r"^第[一二三四五六七八九十百]+回 ")
    assert len(chapters(document)) == 100


# --- books built from text ---------------------------------------------------------------

BOOK = (
    "《某书》某人\r\n"
    "作者：某人\r\n"
    "\r\n"
    "楔子\r\n"
    "\u3000\u3000很久以前。\r\n"
    "第一卷 风起\r\n"
    "第一章 开始\r\n"
    "\u3000\u3000他走了出去，看见\r\n"
    "一片天空。\r\n"
    "\u3000\u3000第二天他又来了。\r\n"
    "第二章\u3000重逢\r\n"
    "\u3000\u3000第二章里讲到的人，回来了。\r\n"
    "第二卷 云涌\r\n"
    "第一章 再会\r\n"
    "\u3000\u3000正文。\r\n"
    "第九章大团圆\r\n"
    "\u3000\u3000完。\r\n"
    "后记\r\n"
    "\u3000\u3000谢谢。\r\n"
)


def test_a_book_outline():
    assert outline_lines(build_document(BOOK)) == [
        "某书",
        "  楔子",
        "  第一卷 风起",
        "    第一章 开始",
        "    第二章 重逢",
        "  第二卷 云涌",
        "    第一章 再会",
        "    第九章 大团圆",
        "  后记",
    ]


def test_a_book_blocks():
    assert block_lines(build_document(BOOK)) == [
        "title\t《某书》某人",
        "subtitle\t作者：某人",
        "heading\t楔子",
        "paragraph\t很久以前。",
        "heading\t第一卷 风起",
        "heading\t第一章 开始",
        "paragraph\t他走了出去，看见一片天空。",
        "paragraph\t第二天他又来了。",
        "heading\t第二章\u3000重逢",
        "paragraph\t第二章里讲到的人，回来了。",
        "heading\t第二卷 云涌",
        "heading\t第一章 再会",
        "paragraph\t正文。",
        "heading\t第九章大团圆",
        "paragraph\t完。",
        "heading\t后记",
        "paragraph\t谢谢。",
    ]


def test_a_book_is_well_formed():
    assert_well_formed(build_document(BOOK))


def test_novel_lines_are_not_joined_where_paragraphs_are_not_indented():
    text = "书\n第一章 甲\n他说，\n我们走吧\n第二章 乙\n好的\n"
    document = build_document(text)
    assert texts_of(document, BlockKind.PARAGRAPH) == ["他说，", "我们走吧", "好的"]


def test_a_heading_with_sentence_marks_in_its_title_is_not_joined_to_the_next_line():
    text = (
        "书\n\u3000\u3000序。\n第一章 你好，世界\n\u3000\u3000他说\n"
        "第二章 再见？\n\u3000\u3000完。\n"
    )
    document = build_document(text)
    assert texts_of(document, BlockKind.HEADING) == ["第一章 你好，世界", "第二章 再见？"]


def test_a_book_without_a_title_line_is_named_after_its_file(tmp_path):
    path = tmp_path / "三国.txt"
    path.write_text("第一回 宴桃园\n正文。\n第二回 张翼德\n正文。\n", encoding="utf-8")
    document = open_document(path)
    assert document.title == "三国"
    assert texts_of(document, BlockKind.TITLE) == []
    assert chapters(document) == ["第一回 宴桃园", "第二回 张翼德"]


def test_a_long_first_line_is_text_not_a_title():
    text = "话说天下大势，分久必合，合久必分。\n第一回 甲\n正文。\n第二回 乙\n正文。\n"
    document = build_document(text)
    assert texts_of(document, BlockKind.TITLE) == []
    assert texts_of(document, BlockKind.PARAGRAPH)[0].startswith("话说")


def test_english_chapters():
    text = "A Tale\n\nChapter 1\nIt was the best of times.\nCHAPTER II. The Mail\nIt was.\n"
    assert outline_lines(build_document(text)) == ["A Tale", "  Chapter 1", "  CHAPTER II The Mail"]


# --- articles stay articles --------------------------------------------------------------


def test_the_seed_is_read_as_an_article(seed_path):
    document = open_document(seed_path)
    kinds = {block.kind for block in document.blocks}
    assert {BlockKind.SUBTITLE, BlockKind.LIST_ITEM, BlockKind.CAPTION, BlockKind.SOURCE} <= kinds


def test_an_article_mentioning_one_chapter_stays_an_article():
    text = (
        "标题\n\n一段导语\n\n第一章 总则\n\n正文说到第二章的内容，很长。\n\n"
        "延伸阅读\n\n小标题\n\n正文。\n"
    )
    document = build_document(text)
    assert texts_of(document, BlockKind.SUBTITLE) == ["一段导语"]
    assert outline_lines(document) == ["标题", "  第一章 总则", "  延伸阅读", "    小标题"]


def test_an_article_with_numbered_headings_nests_them():
    text = (
        "关于加强工作的意见\n\n"
        "一、总体要求\n\n（一）指导思想\n\n坚持以人民为中心，做好工作。\n\n"
        "（二）基本原则\n\n坚持问题导向。\n\n"
        "二、主要任务\n1.加强领导\n各级要加强领导，落实责任。\n2.完善制度\n建立健全制度。\n"
    )
    document = build_document(text)
    assert outline_lines(document) == [
        "关于加强工作的意见",
        "  一、总体要求",
        "    （一）指导思想",
        "    （二）基本原则",
        "  二、主要任务",
        "    1.加强领导",
        "    2.完善制度",
    ]
    assert texts_of(document, BlockKind.SUBTITLE) == []
    assert_well_formed(document)


def test_an_article_titled_in_book_marks_is_named_by_them():
    document = build_document("《背影》朱自清\n\n我与父亲不相见已二年余了。\n")
    assert document.title == "背影"
    assert texts_of(document, BlockKind.TITLE) == ["《背影》朱自清"]


# --- a pattern of the reader's own -------------------------------------------------------


def test_a_custom_pattern_marks_the_headings():
    text = "书名\n卷首语\n正文。\n【一】开端\n正文。\n【二】 结局\n正文。\n"
    document = build_document(text, heading_pattern=r"^【.】|^卷首语$")
    assert outline_lines(document) == ["书名", "  卷首语", "  【一】开端", "  【二】 结局"]
    assert texts_of(document, BlockKind.PARAGRAPH) == ["正文。"] * 3
    assert_well_formed(document)


def test_a_custom_pattern_that_finds_nothing_gives_no_sections():
    document = build_document("书名\n第一章 甲\n正文。\n第二章 乙\n", heading_pattern="^Kapitel")
    assert chapters(document) == []


def test_a_bad_custom_pattern_is_a_value_error():
    with pytest.raises(ValueError, match="bad heading pattern"):
        build_document("书名\n正文。\n", heading_pattern="[第")
    with pytest.raises(ValueError, match="bad heading pattern"):
        preview_headings("书名\n正文。\n", "(?P<x")


def test_preview_is_capped_and_agrees_with_the_document():
    text = "书\n" + "".join(f"第{n}章  标题{n}\n正文。\n" for n in range(1, 301))
    found = preview_headings(text, r"^第\d+章", limit=50)
    assert len(found) == 50
    assert found[:3] == ["第1章 标题1", "第2章 标题2", "第3章 标题3"]
    document = build_document(text, heading_pattern=r"^第\d+章")
    assert chapters(document)[:50] == found


# --- properties --------------------------------------------------------------------------

_LINES = st.one_of(
    st.sampled_from(
        [
            "第一回  甄士隐梦幻识通灵\u3000贾雨村风尘怀闺秀",
            "第二回 贾夫人仙逝扬州城",
            "第一百二十回",
            "第九章大团圆",
            "第一卷 风起",
            "第三节 方法",
            "楔子",
            "后记",
            "一、总体要求",
            "（一）指导思想",
            "1.加强领导",
            "《红楼梦》曹雪芹",
            "延伸阅读",
            "(据新华社)",
            "吴曼青",
            "新华社记者 张铎 摄",
            "第四回中既将薛家母子在荣府内寄居等事略已表明，此回则暂不能写矣．",
            "话说宝钗湘云二人计议已妥，一宿无话。",
            "他走了出去，看见",
            "一片天空",
            "",
            "",
        ]
    ),
    st.text(alphabet="甲乙丙丁，。、第一二回章 \u3000", min_size=1, max_size=12),
)
_INDENTS = st.sampled_from(["", "", "    ", "\u3000\u3000"])
_TEXTS = st.lists(st.tuples(_INDENTS, _LINES), max_size=30).map(
    lambda lines: "\r\n".join(indent + line for indent, line in lines)
)


def _source_characters(text: str) -> str:
    return "".join(line.strip() for line in re.split(r"\r\n|\r|\n", text.replace("\x00", "")))


@given(_TEXTS)
def test_any_text_gives_well_formed_blocks_and_sections(text):
    document = build_document(text)
    assert_well_formed(document)
    # Nothing is rewritten: the blocks hold the source's characters, in order.
    assert document.text.replace("\n", "") == _source_characters(text)


@given(_TEXTS, st.sampled_from([r"^第", r"回", r"^\s*[一二]、", r"^楔子$"]))
def test_any_pattern_gives_well_formed_blocks_and_sections(text, pattern):
    document = build_document(text, heading_pattern=pattern)
    assert_well_formed(document)
    assert document.text.replace("\n", "") == _source_characters(text)
    names = [section.heading for section in list(document.sections())[1:]]
    assert names == preview_headings(text, pattern)
