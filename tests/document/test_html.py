from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import BlockKind, Document, DocumentError, open_document
from reader.document.html import collapse_whitespace, declared_charset, read_html
from reader.document.outline import block_lines, outline_lines

NOT_TEXT = (
    "idna",
    "punycode",
    "rot13",
    "base64",
    "uu",
    "zlib",
    "hex",
    "undefined",
    "unicode_escape",
)

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>网络安全工作座谈会 - 新华网</title>
<style>p { color: red } .secret::after { content: "样式文字" }</style>
<script>document.write("脚本文字"); var s = "</p>";</script>
<link rel="stylesheet" href="https://example.com/remote.css">
</head>
<body>
<nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<h1>习近平主持召开
网络安全和信息化工作座谈会</h1>
<p>新华社北京4月19日电　中共中央总书记、国家主席习近平19日上午在京主持召开网络安全和
信息化工作座谈会并发表重要讲话。</p>
<figure><img src="https://example.com/photo.jpg" alt="远程图片">
<figcaption>新华社记者 李学仁 摄</figcaption></figure>
<h2>一、大局</h2>
<p>Tom &amp; Jerry &lt;3 &quot;quoted&quot; &#x4E2D;&#25991; &nbsp;end</p>
<h3>（一）发展</h3>
<p>第一行<br>第二行<br/>
第三行</p>
<blockquote><p>网信事业要发展，必须贯彻以人民为中心的发展思想。</p></blockquote>
<h4>细则</h4>
<ul><li>第一项</li><li>第二项<ul><li>子项</li></ul></li></ul>
<h2>二、未来</h2>
<p>English words
wrapped across lines stay   apart.</p>
<noscript>请启用脚本</noscript>
<script src="https://example.com/tracker.js"></script>
</body>
</html>
"""


def covers_text(document: Document) -> bool:
    """The blocks, joined by newlines, are the whole text in order."""
    return document.text == "\n".join(document.block_text(block) for block in document.blocks)


def test_a_page_becomes_title_headings_and_blocks() -> None:
    document = read_html(PAGE, Path("page.html"))

    assert outline_lines(document) == [
        "习近平主持召开网络安全和信息化工作座谈会",
        "  一、大局",
        "    （一）发展",
        "      细则",
        "  二、未来",
    ]
    assert block_lines(document) == [
        "title\t习近平主持召开网络安全和信息化工作座谈会",
        "paragraph\t新华社北京4月19日电　中共中央总书记、国家主席习近平19日上午在京主持召开"
        "网络安全和信息化工作座谈会并发表重要讲话。",
        "caption\t新华社记者 李学仁 摄",
        "heading\t一、大局",
        'paragraph\tTom & Jerry <3 "quoted" 中文 \xa0end',
        "heading\t（一）发展",
        "paragraph\t第一行 第二行 第三行",
        "paragraph\t网信事业要发展，必须贯彻以人民为中心的发展思想。",
        "heading\t细则",
        "list-item\t第一项",
        "list-item\t第二项",
        "list-item\t子项",
        "heading\t二、未来",
        "paragraph\tEnglish words wrapped across lines stay apart.",
    ]
    assert [b.level for b in document.blocks if b.kind is BlockKind.HEADING] == [1, 2, 3, 1]
    assert covers_text(document)


def test_line_breaks_are_kept_inside_their_block() -> None:
    document = read_html(PAGE)
    block = next(b for b in document.blocks if document.block_text(b).startswith("第一行"))

    assert document.block_text(block) == "第一行\n第二行\n第三行"


def test_scripts_styles_navigation_and_remote_resources_leave_no_text() -> None:
    text = read_html(PAGE).text

    for unwanted in ("脚本文字", "样式文字", "color", "首页", "请启用脚本", "远程图片", "http"):
        assert unwanted not in text


def test_hidden_elements_and_ruby_annotations_are_not_text() -> None:
    document = read_html(
        "<h1>标题</h1><p>看<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字</p>"
        '<p hidden>隐藏</p><p style="display: none">不显示</p><template><p>模板</p></template>'
    )

    assert document.text == "标题\n看汉字"


def test_a_page_without_a_single_top_heading_takes_its_title_element() -> None:
    document = read_html(
        "<title>学习笔记</title><h2>第一课</h2><p>你好。</p><h3>生词</h3><p>谢谢。</p>"
        "<h2>第二课</h2><p>再见。</p>"
    )

    assert outline_lines(document) == ["学习笔记", "  第一课", "    生词", "  第二课"]
    assert document.blocks[0].kind is BlockKind.TITLE
    assert [b.level for b in document.blocks if b.kind is BlockKind.HEADING] == [1, 2, 1]
    assert covers_text(document)


def test_without_any_title_the_file_name_is_the_title() -> None:
    document = read_html("<h1>甲</h1><p>一。</p><h1>乙</h1><p>二。</p>", Path("/books/两篇.html"))

    assert outline_lines(document) == ["两篇", "  甲", "  乙"]
    assert all(b.kind is not BlockKind.TITLE for b in document.blocks)


def test_unclosed_paragraphs_list_items_and_cells_end_where_a_browser_ends_them() -> None:
    document = read_html(
        "<h1>标题</h1><p>第一段<p>第二段<ol><li>甲<li>乙</ol>"
        "<table><tr><th>词<th>拼音<tr><td>中文<td>zhōngwén</table><dl><dt>词<dd>释义</dl>"
    )

    assert block_lines(document) == [
        "title\t标题",
        "paragraph\t第一段",
        "paragraph\t第二段",
        "list-item\t甲",
        "list-item\t乙",
        "paragraph\t词 拼音",
        "paragraph\t中文 zhōngwén",
        "paragraph\t词",
        "paragraph\t释义",
    ]


def test_a_list_item_of_several_paragraphs_is_one_item_and_its_continuation() -> None:
    document = read_html("<ul><li><p>要点。</p><p>补充说明。</p></li><li><p>第二点。</p></li></ul>")

    assert [b.kind for b in document.blocks] == [
        BlockKind.LIST_ITEM,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
    ]


def test_preformatted_text_keeps_its_spaces_and_lines() -> None:
    document = read_html("<p>代码：</p><pre>\nif a:\n    print('中  文')\n</pre>")

    assert document.text == "代码：\nif a:\n    print('中  文')"


def test_xhtml_as_in_an_epub_reads_the_same() -> None:
    document = read_html(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        "<head><title>第一回</title></head><body>"
        '<h2 id="c1">第一回</h2><p>此开卷第一回也。<a id="n1"/>作者自云。</p>'
        "<p><![CDATA[原文]]></p></body></html>"
    )

    assert document.text == "第一回\n此开卷第一回也。作者自云。\n原文"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("中文\n换行", "中文换行"),
        ("中文 \n\t 换行", "中文换行"),
        ("中文  空格", "中文 空格"),
        ("word\nwrap", "word wrap"),
        ("中文\nword", "中文 word"),
        ("，\n“引号”", "，“引号”"),
        ("한국어\n문장", "한국어 문장"),
        ("\u3000\u3000缩进的段落", "缩进的段落"),
        ("a\x00b\u2028c", "ab c"),
    ],
)
def test_whitespace_collapses_as_in_a_browser(source: str, expected: str) -> None:
    assert collapse_whitespace(source) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<html><head><meta charset="gb2312"><title>', "gb18030"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=GBK'>", "gb18030"),
        (b'<META CHARSET="Big5">', "big5"),
        (b'<?xml version="1.0" encoding="UTF-8"?><html>', "utf-8"),
        (b'<meta charset="utf-16">', "utf-8"),
        (b"<meta charset=iso-8859-1>", "cp1252"),
        (b'<meta charset="shift_jis">', "shift_jis"),
        (b"\xef\xbb\xbf<html>", "utf-8-sig"),
        (b"\xff\xfe<\x00h\x00", "utf-16"),
        (b'<meta charset="no-such-encoding">', None),
        # Python codecs that are no encodings of text: the declaration is ignored.
        *((f'<meta charset="{name}">'.encode(), None) for name in NOT_TEXT),
        (b"<html><p>no declaration</p></html>", None),
    ],
)
def test_declared_charset(data: bytes, expected: str | None) -> None:
    assert declared_charset(data) == expected


def test_the_declared_charset_decodes_a_gb18030_page() -> None:
    data = '<meta charset="gb2312"><h1>汉字</h1><p>正文。</p>'.encode("gb18030")

    document = read_html(data.decode(declared_charset(data) or "utf-8"))

    assert document.text == "汉字\n正文。"


@pytest.mark.parametrize(
    "construct",
    [
        "<!--",
        "<!-- >",
        "<a",
        "<a href='",
        "</",
        "</x",
        "<?",
        "<!",
        "<![CDATA[",
        "<![foo",
        "<!DOCTYPE",
    ],
)
def test_a_construct_left_open_runs_to_the_end_of_the_page(construct: str) -> None:
    # Thousands of them: Python 3.11's parser alone would take minutes over this.
    document = read_html("<h1>标题</h1><p>正文。</p>" + construct * 5000)

    assert document.text == "标题\n正文。"


def test_office_marked_sections_are_dropped_and_cdata_is_text() -> None:
    document = read_html("<p>甲<![if !supportLists]>乙<![endif]>丙<![CDATA[<丁>]]></p>")

    assert document.text == "甲乙丙<丁>"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n",
        "<html><head><title>只有标题</title></head><body></body></html>",
        "<script>x</script>",
    ],
)
def test_a_page_without_text_is_refused(text: str) -> None:
    with pytest.raises(DocumentError, match="holds no text") as raised:
        read_html(text, Path("empty.html"))

    assert raised.value.path == Path("empty.html")


_MARKUP_WORDS = """<p> </p> <li> <ul> <h1> </h2> <br/> <pre> <svg> <title> <td> <![CDATA[ ]]>
    <![ <![if <!-- --> &#x &amp; <script> </script> <a id=x> <!DOCTYPE <?xml < > / = " ' & ; 中
    a"""
_MARKUP = st.sampled_from([*_MARKUP_WORDS.split(), "\n", "\r", "\x00", "\ud800", "\u2028", " "])


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(_MARKUP | st.text(max_size=3), max_size=40).map("".join))
def test_any_text_reads_or_is_refused_with_a_reason(text: str) -> None:
    try:
        document = read_html(text)
    except DocumentError as error:
        assert error.reason
        return
    assert covers_text(document)
    assert all(document.block_text(block) for block in document.blocks)


@pytest.mark.parametrize("name", NOT_TEXT)
def test_a_page_declaring_a_codec_that_is_no_text_encoding_is_read_as_detected(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f'<html><head><meta charset="{name}"></head><p>中文正文</p>'.encode())
    document = open_document(path)
    assert document.text.endswith("中文正文")
    assert document.encoding == "UTF-8"
