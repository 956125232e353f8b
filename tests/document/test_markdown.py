from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import BlockKind, Document, DocumentError, markdown
from reader.document.markdown import MARKDOWN_MAX_MARKS, read_markdown
from reader.document.outline import block_lines, outline_lines

NOTES = """\
学习笔记：网络安全
==================

习近平强调，**网信事业**要发展，必须贯彻
以人民为中心的*发展思想*。See the [full text](https://example.com/a "原文")
for _details_.

一、大局
--------

- 第一项，`代码` 保持
- 第二项
  1. 子项一
  2. 子项二

     子项二的补充段落。

## 二、未来 ##

> 引用的话，
> 分两行写。

### （一）细则

第一行\x20\x20
第二行\\
第三行<br>第四行

![远程图片](https://example.com/photo.jpg)
"""


def covers_text(document: Document) -> bool:
    return document.text == "\n".join(document.block_text(block) for block in document.blocks)


def test_headings_paragraphs_and_lists_become_blocks_and_sections() -> None:
    document = read_markdown(NOTES, Path("notes.md"))

    assert outline_lines(document) == [
        "学习笔记：网络安全",
        "  一、大局",
        "  二、未来",
        "    （一）细则",
    ]
    assert block_lines(document) == [
        "title\t学习笔记：网络安全",
        "paragraph\t习近平强调，网信事业要发展，必须贯彻以人民为中心的发展思想。"
        "See the full text for details.",
        "heading\t一、大局",
        "list-item\t第一项，代码 保持",
        "list-item\t第二项",
        "list-item\t子项一",
        "list-item\t子项二",
        "paragraph\t子项二的补充段落。",
        "heading\t二、未来",
        "paragraph\t引用的话，分两行写。",
        "heading\t（一）细则",
        "paragraph\t第一行 第二行 第三行 第四行",
    ]
    assert [b.level for b in document.blocks if b.kind is BlockKind.HEADING] == [1, 1, 2]
    assert covers_text(document)


def test_hard_line_breaks_stay_inside_the_paragraph() -> None:
    document = read_markdown(NOTES)

    assert document.text.endswith("第一行\n第二行\n第三行\n第四行")


def test_links_and_images_leave_only_the_text_a_reader_sees() -> None:
    text = read_markdown(NOTES).text

    assert "example.com" not in text
    assert "远程图片" not in text
    assert "原文" not in text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("这是**“强调”**文字。", "这是“强调”文字。"),
        ("**注意：**正文。", "注意：正文。"),
        ("**真，**她", "真，她"),
        ("*《红楼梦》*是小说。", "《红楼梦》是小说。"),
        ("~~删除~~保留", "删除保留"),
        ("foo**bar**baz", "foobarbaz"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("snake_case_name", "snake_case_name"),
        ("\\*不是强调\\*", "*不是强调*"),
        ("`**代码**`", "**代码**"),
        ("a &amp; b &copy;", "a & b ©"),
    ],
)
def test_emphasis_is_dropped_to_plain_text_also_against_chinese_punctuation(
    source: str, expected: str
) -> None:
    assert read_markdown(source).text == expected


def test_a_hash_inside_a_code_block_is_not_a_heading() -> None:
    document = read_markdown("# 标题\n\n```python\n# 注释\nprint('你好')\n```\n\n    # 缩进代码\n")

    assert outline_lines(document) == ["标题"]
    assert block_lines(document) == [
        "title\t标题",
        "paragraph\t# 注释 print('你好')",
        "paragraph\t# 缩进代码",
    ]


def test_several_top_headings_are_sections_under_the_file_name() -> None:
    document = read_markdown("# 第一章\n\n正文。\n\n# 第二章\n\n正文。\n", Path("/notes/小说.md"))

    assert outline_lines(document) == ["小说", "  第一章", "  第二章"]
    assert not any(block.kind is BlockKind.TITLE for block in document.blocks)


def test_front_matter_is_metadata_not_text() -> None:
    document = read_markdown("---\ntitle: 笔记\ntags: [中文]\n---\n# 标题\n\n正文。\n")

    assert document.text == "标题\n正文。"


def test_html_blocks_are_read_as_html() -> None:
    document = read_markdown(
        '<h1 align="center">项目</h1>\n\n<script>alert("脚本")</script>\n\n## 用法\n\n说明。\n'
    )

    assert outline_lines(document) == ["项目", "  用法"]
    assert "脚本" not in document.text


def test_a_table_row_is_one_paragraph() -> None:
    document = read_markdown("| 词 | 拼音 |\n|---|---|\n| 中文 | zhōngwén |\n|  |  |\n")

    assert block_lines(document) == ["paragraph\t词 拼音", "paragraph\t中文 zhōngwén"]


@pytest.mark.parametrize("text", ["", "\ufeff\n\n", "---\n\n***\n", "<!-- 注释 -->\n"])
def test_a_file_without_text_is_refused(text: str) -> None:
    with pytest.raises(DocumentError, match="holds no text"):
        read_markdown(text, Path("empty.md"))


def test_windows_line_ends_read_the_same() -> None:
    assert read_markdown(NOTES.replace("\n", "\r\n")).text == read_markdown(NOTES).text


_MARKDOWN_PIECES = [
    "```",
    "---",
    "<br>",
    "<p>",
    "<![",
    "<!--",
    "&amp;",
    "    ",
    "\r",
    "\x00",
    "\ud800",
]
_MARKDOWN = st.sampled_from([*"#*_-=>`[]()!<|\\ \n\t1.中文a“”，", *_MARKDOWN_PIECES])


@settings(max_examples=200, deadline=None)
@given(st.text() | st.lists(_MARKDOWN | st.text(max_size=3), max_size=60).map("".join))
def test_any_text_reads_or_is_refused_with_a_reason(text: str) -> None:
    try:
        document = read_markdown(text)
    except DocumentError as error:
        assert error.reason
        return
    assert covers_text(document)
    assert all(document.block_text(block) for block in document.blocks)


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("a\n=\n" * 50_000, "100,000"),  # setext headings: 20 s and 490 MB a megabyte
        ("[" * 90_000, "90,000"),  # 30 s a megabyte
        ("*a **b " * 30_000, "90,002"),  # the first line opens a list item: two more
        ("[a](b) " * 45_000, "90,000"),
        ("- 项\n" * 27_000, "81,000"),  # a line, and two for the list item it opens
    ],
)
def test_markdown_with_more_markup_than_reader_reads_quickly_is_refused(text, marks) -> None:
    with pytest.raises(DocumentError) as caught:
        read_markdown(text, Path("heavy.md"))
    assert caught.value.reason == (
        f"has {marks} lines and marks of Markdown, more than the {MARKDOWN_MAX_MARKS:,} "
        "Reader reads in reasonable time; rename it to .txt to read it as plain text"
    )


def test_markdown_longer_than_reader_reads_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(markdown, "MARKDOWN_MAX_CHARS", 100)
    with pytest.raises(DocumentError, match="is a Markdown file of 101 characters, more than"):
        read_markdown("中" * 101)


@pytest.mark.parametrize(
    "text",
    [
        "> " * 17 + "深处的文字\n",
        "> " * 5_000 + "深处的文字\n",
        "".join("  " * level + "- 项目\n" for level in range(20)),
        "".join(">" * (line % 30) + " a\n" for line in range(2_000)),  # 30 s before
    ],
)
def test_markdown_nested_deeper_than_reader_reads_is_refused(text) -> None:
    """markdown-it drops the text of blocks nested 20 deep (the file held "no text")."""
    with pytest.raises(DocumentError, match="nests Markdown blocks more than 16 levels deep"):
        read_markdown(text)


def test_nesting_within_the_limit_keeps_every_word() -> None:
    document = read_markdown("# 标题\n\n" + "> " * 15 + "深处的文字\n\n后文。\n")
    assert block_lines(document)[1:] == ["paragraph\t深处的文字", "paragraph\t后文。"]
