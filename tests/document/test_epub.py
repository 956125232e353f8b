"""EPUB books built here with zipfile, as real readers' books are laid out."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import BlockKind, Document, DocumentError, epub, limits
from reader.document.epub import read_epub
from reader.document.outline import block_lines, outline_lines
from reader.document.structure import MAX_SECTION_DEPTH

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"""


def zip_bytes(files: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        for name, content in files.items():
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


def xhtml(body: str, title: str = "") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{title}</title><link rel="stylesheet" href="style.css"/></head>
<body>{body}</body>
</html>"""


def package(
    title: str, items: list[tuple[str, str, str]], spine: list[str], version: str = "3.0"
) -> str:
    """An OPF: items are (id, href, properties); the spine lists ids in reading order."""
    manifest = "\n".join(
        f'<item id="{ident}" href="{href}" media-type="{_media_type(href)}"'
        + (f' properties="{props}"' if props else "")
        + "/>"
        for ident, href, props in items
    )
    toc = ' toc="ncx"' if any(ident == "ncx" for ident, _, _ in items) else ""
    refs = "\n".join(f'<itemref idref="{ident}"/>' for ident in spine)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:0</dc:identifier>
    <dc:title>{title}</dc:title>
    <dc:creator>佚名</dc:creator>
    <dc:language>zh</dc:language>
  </metadata>
  <manifest>
{manifest}
  </manifest>
  <spine{toc}>
{refs}
  </spine>
</package>"""


def _media_type(href: str) -> str:
    if href.endswith(".ncx"):
        return "application/x-dtbncx+xml"
    if href.endswith(".css"):
        return "text/css"
    if href.endswith(".jpg"):
        return "image/jpeg"
    return "application/xhtml+xml"


NAV = xhtml(
    """<nav epub:type="toc" id="toc"><h1>目录</h1>
<ol>
  <li><a href="vol1.xhtml">第一卷</a>
    <ol>
      <li><a href="chapter1.xhtml">第一回　甄士隐梦幻识通灵</a></li>
      <li><a href="chapter2.xhtml#s2">第二回 贾夫人仙逝扬州城</a>
        <ol><li><a href="chapter2.xhtml#more">扬州</a></li></ol>
      </li>
    </ol>
  </li>
  <li><a href="afterword.xhtml">后记</a></li>
</ol></nav>
<nav epub:type="landmarks" hidden=""><ol><li><a href="titlepage.xhtml">封面</a></li></ol></nav>"""
)

EPUB3 = {
    "META-INF/container.xml": CONTAINER,
    # The manifest's order is not the reading order: the spine's is.
    "OEBPS/content.opf": package(
        "红楼梦",
        [
            ("after", "afterword.xhtml", ""),
            ("c2", "chapter2.xhtml", ""),
            ("nav", "nav.xhtml", "nav"),
            ("c1", "chapter1.xhtml", ""),
            ("title", "titlepage.xhtml", ""),
            ("v1", "vol1.xhtml", ""),
            ("css", "style.css", ""),
            ("cover", "cover.jpg", "cover-image"),
        ],
        ["title", "v1", "c1", "c2", "after"],
    ),
    "OEBPS/nav.xhtml": NAV,
    "OEBPS/style.css": "h1 { text-align: center }",
    "OEBPS/cover.jpg": b"\xff\xd8\xff\xe0 not really a jpeg",
    "OEBPS/titlepage.xhtml": xhtml(
        '<div class="title"><img src="cover.jpg" alt="封面"/><h1>红楼梦</h1>'
        "<h2>曹雪芹　著</h2></div>"
    ),
    "OEBPS/vol1.xhtml": xhtml("<p>卷首语。</p>"),
    "OEBPS/chapter1.xhtml": xhtml(
        "<h2>第一回</h2><h3>甄士隐梦幻识通灵</h3>"
        "<p>此开卷第一回也。作者自云：曾历过一番梦幻之后，\n故将真事隐去。</p>"
        "<h4>注释</h4><p>注释内容。</p>"
    ),
    "OEBPS/chapter2.xhtml": xhtml(
        '<p>引子。</p><h2 id="s2">第二回 贾夫人仙逝扬州城</h2><p>正文。</p><p id="more">更多。</p>'
        "<script>document.write('脚本')</script>"
    ),
    "OEBPS/afterword.xhtml": xhtml("<h1>后记</h1><p>后记内容。</p>"),
}

NCX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="urn:uuid:0"/><meta name="dtb:depth" content="2"/></head>
  <docTitle><text>西游记</text></docTitle>
  <navMap>
    <navPoint id="p1" playOrder="1">
      <navLabel><text>上卷</text></navLabel><content src="Text/%E7%AC%AC1%E5%9B%9E.xhtml"/>
      <navPoint id="p2" playOrder="2">
        <navLabel><text>第一回　灵根孕育源流出</text></navLabel>
        <content src="Text/%E7%AC%AC1%E5%9B%9E.xhtml"/>
      </navPoint>
      <navPoint id="p3" playOrder="3">
        <navLabel><text>第二回 悟彻菩提真妙理</text></navLabel><content src="Text/ch2.xhtml"/>
      </navPoint>
    </navPoint>
    <navPoint id="p4" playOrder="4">
      <navLabel><text>下卷</text></navLabel><content src="Text/ch3.xhtml"/>
      <navPoint id="p5" playOrder="5">
        <navLabel><text>第三回 四海千山皆拱伏</text></navLabel>
        <content src="Text/ch3.xhtml#c3"/>
      </navPoint>
    </navPoint>
  </navMap>
</ncx>"""

EPUB2 = {
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": package(
        "西游记",
        [
            ("ncx", "toc.ncx", ""),
            ("ch3", "Text/ch3.xhtml", ""),
            ("ch1", "Text/%E7%AC%AC1%E5%9B%9E.xhtml", ""),
            ("ch2", "Text/ch2.xhtml", ""),
        ],
        ["ch1", "ch2", "ch3"],
        version="2.0",
    ),
    "OEBPS/toc.ncx": NCX,
    "OEBPS/Text/第1回.xhtml": xhtml(
        "<h1>第一回　灵根孕育源流出</h1><p>诗曰：混沌未分天地乱，茫茫渺渺无人见。</p>"
    ),
    "OEBPS/Text/ch2.xhtml": xhtml("<h1>第二回</h1><p>话表美猴王得了姓名。</p>"),
    "OEBPS/Text/ch3.xhtml": xhtml(
        '<h1>下卷</h1><p>说明。</p><h1 id="c3">第三回</h1><p>却说美猴王荣归故里。</p>'
    ),
}


def covers_text(document: Document) -> bool:
    return document.text == "\n".join(document.block_text(block) for block in document.blocks)


def test_an_epub3_reads_in_spine_order_with_its_navigation_document_as_sections() -> None:
    document = read_epub(zip_bytes(EPUB3), Path("红楼梦.epub"))

    assert outline_lines(document) == [
        "红楼梦",
        "  第一卷",
        "    第一回　甄士隐梦幻识通灵",
        "      注释",
        "    第二回 贾夫人仙逝扬州城",
        "      扬州",
        "  后记",
    ]
    assert block_lines(document) == [
        "title\t红楼梦",
        "subtitle\t曹雪芹　著",
        "heading\t第一卷",
        "paragraph\t卷首语。",
        "heading\t第一回 甄士隐梦幻识通灵",
        "paragraph\t此开卷第一回也。作者自云：曾历过一番梦幻之后，故将真事隐去。",
        "heading\t注释",
        "paragraph\t注释内容。",
        "paragraph\t引子。",
        "heading\t第二回 贾夫人仙逝扬州城",
        "paragraph\t正文。",
        "heading\t扬州",
        "paragraph\t更多。",
        "heading\t后记",
        "paragraph\t后记内容。",
    ]
    levels = [block.level for block in document.blocks if block.kind is BlockKind.HEADING]
    assert levels == [1, 2, 3, 2, 3, 1]
    assert covers_text(document)
    assert document.title == "红楼梦"
    assert "脚本" not in document.text
    assert "封面" not in document.text


def test_a_section_starts_at_its_heading_and_ends_at_the_next() -> None:
    document = read_epub(zip_bytes(EPUB3))
    chapter = document.root.children[0].children[0]

    assert document.text[chapter.start :].startswith("第一回\n甄士隐梦幻识通灵\n此开卷")
    assert document.text[chapter.end :].startswith("第二回 贾夫人仙逝扬州城")


def test_an_epub2_reads_with_its_ncx_as_sections() -> None:
    document = read_epub(zip_bytes(EPUB2), Path("西游记.epub"))

    assert outline_lines(document) == [
        "西游记",
        "  上卷",
        "    第一回　灵根孕育源流出",
        "    第二回 悟彻菩提真妙理",
        "  下卷",
        "    第三回 四海千山皆拱伏",
    ]
    assert block_lines(document) == [
        "title\t西游记",
        "heading\t上卷",
        "heading\t第一回　灵根孕育源流出",
        "paragraph\t诗曰：混沌未分天地乱，茫茫渺渺无人见。",
        "heading\t第二回",
        "paragraph\t话表美猴王得了姓名。",
        "heading\t下卷",
        "paragraph\t说明。",
        "heading\t第三回",
        "paragraph\t却说美猴王荣归故里。",
    ]
    assert covers_text(document)


def test_a_sloppy_navigation_document_still_gives_the_contents() -> None:
    files = dict(EPUB3)
    files["OEBPS/nav.xhtml"] = NAV.replace("<h1>目录</h1>", "<h1>目录<![foo]></h1>").replace(
        "</ol></nav>\n<nav", "</ol></nav><!-- 未闭合的注释 <nav"
    )

    assert outline_lines(read_epub(zip_bytes(files)))[1:3] == [
        "  第一卷",
        "    第一回　甄士隐梦幻识通灵",
    ]


def test_an_epub3_without_a_navigation_document_falls_back_to_its_ncx() -> None:
    files = dict(EPUB2)
    files["OEBPS/content.opf"] = files["OEBPS/content.opf"].replace(
        'version="2.0"', 'version="3.0"'
    )

    assert outline_lines(read_epub(zip_bytes(files)))[1:3] == [
        "  上卷",
        "    第一回　灵根孕育源流出",
    ]


def test_a_book_without_contents_takes_its_sections_from_its_headings() -> None:
    files = {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": package(
            "散文集", [("a", "a.xhtml", ""), ("b", "b.xhtml", "")], ["a", "b"]
        ),
        "OEBPS/a.xhtml": xhtml("<h1>春</h1><p>盼望着，盼望着。</p><h2>一</h2><p>甲。</p>"),
        "OEBPS/b.xhtml": xhtml("<h1>背影</h1><p>我与父亲不相见已二年余了。</p>"),
    }

    document = read_epub(zip_bytes(files), Path("book.epub"))

    assert outline_lines(document) == ["散文集", "  春", "    一", "  背影"]
    assert covers_text(document)


def test_fonts_scrambled_by_font_obfuscation_are_not_drm() -> None:
    files = dict(EPUB3)
    files["META-INF/encryption.xml"] = _encryption("http://www.idpf.org/2008/embedding")

    assert read_epub(zip_bytes(files)).title == "红楼梦"


def _encryption(algorithm: str) -> str:
    return f"""<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
            xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="{algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="OEBPS/chapter1.xhtml"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>"""


def _reason(data: bytes) -> str:
    with pytest.raises(DocumentError) as raised:
        read_epub(data, Path("book.epub"))
    assert raised.value.path == Path("book.epub")
    return raised.value.reason


def test_a_drm_protected_book_is_refused() -> None:
    files = dict(EPUB3)
    files["META-INF/encryption.xml"] = _encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc")

    assert _reason(zip_bytes(files)) == "is protected by DRM (encrypted content)"


def test_a_zip_with_password_protected_entries_is_refused() -> None:
    data = zip_bytes(EPUB3)
    book = bytearray(data)
    # zipfile cannot write encrypted entries: set the "encrypted" flag in the headers instead.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            book[info.header_offset + 6] |= 0x1
    central = data.find(b"PK\x01\x02")
    while central != -1:
        book[central + 8] |= 0x1
        central = data.find(b"PK\x01\x02", central + 4)

    assert _reason(bytes(book)) == "is protected by a password (encrypted ZIP entries)"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a zip at all", "is not an EPUB (not a ZIP archive)"),
        (
            zip_bytes({"word/document.xml": "<w/>"}),
            "is a ZIP archive but not an EPUB (no META-INF/container.xml)",
        ),
        (
            zip_bytes({"META-INF/container.xml": "<container><rootfiles/></container>"}),
            "is a broken EPUB: its container names no package",
        ),
        (
            zip_bytes({"META-INF/container.xml": CONTAINER}),
            "is a broken EPUB: package file (OEBPS/content.opf) is missing",
        ),
        (
            zip_bytes({"META-INF/container.xml": CONTAINER, "OEBPS/content.opf": "<package"}),
            "its package file (OEBPS/content.opf) is not valid XML "
            "(unclosed token: line 1, column 0)",
        ),
        (
            zip_bytes(
                {
                    "META-INF/container.xml": CONTAINER,
                    "OEBPS/content.opf": package("书", [("a", "a.xhtml", "")], ["a"]),
                }
            ),
            "is a broken EPUB: a document of the book (OEBPS/a.xhtml) is missing",
        ),
        (
            zip_bytes(
                {
                    "META-INF/container.xml": CONTAINER,
                    "OEBPS/content.opf": package("书", [("css", "a.css", "")], ["css"]),
                }
            ),
            "is a broken EPUB: its spine lists no documents",
        ),
        (
            zip_bytes(
                {
                    "META-INF/container.xml": CONTAINER,
                    "OEBPS/content.opf": package("书", [("a", "a.xhtml", "")], ["a"]),
                    "OEBPS/a.xhtml": xhtml('<img src="page1.jpg"/><img src="page2.jpg"/>'),
                }
            ),
            "the book holds no text",
        ),
    ],
)
def test_what_is_not_a_readable_epub_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    assert _reason(data) == reason


def test_xml_that_declares_entities_is_refused() -> None:
    laughs = """<?xml version="1.0"?>
<!DOCTYPE container [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<container><rootfiles><rootfile full-path="&lol3;"/></rootfiles></container>"""

    reason = _reason(zip_bytes({"META-INF/container.xml": laughs}))

    assert reason == "its container (META-INF/container.xml) declares XML entities"


def test_a_book_that_unpacks_to_too_much_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "MAX_UNPACKED_BYTES", 1024 * 1024)
    files = dict(EPUB3)
    files["OEBPS/chapter1.xhtml"] = xhtml("<p>" + "长" * 1024 * 1024 + "</p>")

    data = zip_bytes(files)

    assert len(data) < 100 * 1024
    assert _reason(data) == "unpacks to more than 1 MB, too much for a book"


def test_a_zip_of_too_many_files_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "MAX_ENTRIES", 20)
    files = dict(EPUB3) | {f"OEBPS/images/{index}.jpg": b"" for index in range(20)}

    assert _reason(zip_bytes(files)) == "holds more than 20 files, too many for a book"


def test_a_truncated_book_is_refused() -> None:
    data = zip_bytes(EPUB3)

    assert _reason(data[: len(data) // 2]) == "is not an EPUB (not a ZIP archive)"


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_damaged_book_reads_or_is_refused_with_a_reason(data: st.DataObject) -> None:
    book = bytearray(zip_bytes(EPUB3, compression=zipfile.ZIP_STORED))
    for _ in range(data.draw(st.integers(1, 8))):
        book[data.draw(st.integers(0, len(book) - 1))] = data.draw(st.integers(0, 255))
    try:
        document = read_epub(bytes(book))
    except DocumentError as error:
        assert error.reason
        return
    assert covers_text(document)


@pytest.mark.parametrize("encoding", ["idna", "rot13", "punycode", "utf-7", "undefined"])
def test_xml_declaring_an_encoding_that_is_no_text_is_refused(encoding: str) -> None:
    files = dict(EPUB3)
    files["META-INF/container.xml"] = CONTAINER.replace(
        'encoding="UTF-8"', f'encoding="{encoding}"'
    )
    assert _reason(zip_bytes(files)) == (
        "its container (META-INF/container.xml) declares an encoding that is not one of text"
    )


def deep_contents_book(depth: int) -> bytes:
    """A book whose navigation document nests `depth` lists deep, each entry a heading."""
    entries = "".join(f'<li><a href="c.xhtml#h{i}">第{i}节</a><ol>' for i in range(depth))
    nav = xhtml(f'<nav epub:type="toc"><ol>{entries}{"</ol></li>" * depth}</ol></nav>')
    body = "".join(f'<h2 id="h{i}">第{i}节</h2><p>正文{i}。</p>' for i in range(depth))
    return zip_bytes(
        {
            "META-INF/container.xml": CONTAINER,
            "OEBPS/content.opf": package(
                "深", [("nav", "nav.xhtml", "nav"), ("c", "c.xhtml", "")], ["c"]
            ),
            "OEBPS/nav.xhtml": nav,
            "OEBPS/c.xhtml": xhtml(body),
        }
    )


def test_contents_nested_a_thousand_deep_stop_at_the_deepest_section_level() -> None:
    document = read_epub(deep_contents_book(1000), Path("深.epub"))
    lines = outline_lines(document)
    assert len(lines) == 1001
    assert lines[-1] == "  " * MAX_SECTION_DEPTH + "第999节"


def test_a_small_book_that_unpacks_to_too_much_text_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1_000)
    files = dict(EPUB3)
    files["OEBPS/vol1.xhtml"] = xhtml("<p>" + "卷首语。" * 300 + "</p>")
    assert _reason(zip_bytes(files)) == (
        "holds more than 1,000 characters of text, the most Reader opens"
    )
