"""open_document on real files: every encoding gives the same Document, bad files a reason."""

from __future__ import annotations

import codecs
import contextlib
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    DocumentError,
    build_document,
    open_document,
    source_text,
)
from reader.document.importers import IMPORTERS
from reader.document.outline import block_lines, outline_lines
from reader.document.user_pattern import UserPatternError
from tests.document import test_epub as epub_books

TRADITIONAL = (
    "第一章 回家\n\n"
    "畢業以後,我回到臺灣,在一家出版社當編輯。工作雖然忙碌,但是每當我翻開一本新書,"
    "聞到紙張的味道,心裡就覺得十分滿足。\n\n"
    "第二章 外婆\n\n"
    "外婆是個很會做菜的人。過年的時候,她總要準備一大桌子的菜,還有我最喜歡的蘿蔔糕。\n"
)


@pytest.fixture
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


def write(folder: Path, data: bytes, name: str = "book.txt") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("codec", "bom", "newline", "expected"),
    [
        ("gb18030", b"", "\n", "GB18030"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\n", "UTF-16 LE"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "\n", "UTF-16 BE"),
        ("utf-8", codecs.BOM_UTF8, "\n", "UTF-8 (BOM)"),
        ("utf-8", b"", "\r\n", "UTF-8"),
        ("gb18030", b"", "\r\n", "GB18030"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n", "UTF-16 LE"),
    ],
)
def test_the_seed_re_encoded_gives_the_same_outline(
    tmp_path, seed_path, seed_text, codec, bom, newline, expected
):
    original = open_document(seed_path)
    data = bom + seed_text.replace("\n", newline).encode(codec)
    document = open_document(write(tmp_path, data))
    assert outline_lines(document) == outline_lines(original)
    assert document.text == original.text
    assert (document.encoding, document.replacements) == (expected, 0)


def test_the_seed_itself_is_utf8(seed_path):
    document = open_document(seed_path)
    assert (document.encoding, document.replacements) == ("UTF-8", 0)


def test_a_novel_re_encoded_as_gb18030_gives_the_same_outline(tmp_path, shared_data):
    novel = shared_data / "novels" / "hongloumeng.txt"
    data = novel.read_text(encoding="utf-8").encode("gb18030")
    document = open_document(write(tmp_path, data))
    assert document.encoding == "GB18030"
    assert outline_lines(document) == outline_lines(open_document(novel))


def test_big5_opens_as_big5_not_gb18030_nonsense(tmp_path):
    path = write(tmp_path, TRADITIONAL.encode("big5"))
    document = open_document(path)
    assert document.encoding == "Big5"
    assert outline_lines(document) == outline_lines(build_document(TRADITIONAL, path=path))
    assert document.text == build_document(TRADITIONAL).text


def test_mixed_newlines_nul_bytes_and_whitespace_lines_read_as_plain_lf(tmp_path, seed_text):
    lines = seed_text.split("\n")
    endings = ["\r\n", "\r", "\n"]
    blank_lines = [" ", "\t", "\u3000", " \t\u3000"]  # so no CR meets the next LF
    messy = ""
    for number, line in enumerate(lines):
        if not line:
            line = blank_lines[number % len(blank_lines)]
        elif number % 7 == 0:
            line = line[:3] + "\x00" + line[3:]
        messy += line + endings[number % len(endings)]
    document = open_document(write(tmp_path, messy.encode("gb18030")))
    original = build_document(seed_text)
    assert document.text == original.text
    assert block_lines(document) == block_lines(original)


def test_broken_bytes_in_good_text_are_replaced_and_counted(tmp_path, seed_text):
    data = b"\xff".join(
        part.encode("gbk") for part in (seed_text[:300], seed_text[300:4000], seed_text[4000:])
    )
    document = open_document(write(tmp_path, data))
    assert (document.encoding, document.replacements) == ("GB18030", 2)
    assert document.text.count("\ufffd") == 2


def test_the_encoding_override_is_used_and_kept(tmp_path):
    path = write(tmp_path, TRADITIONAL.encode("big5"))
    document = open_document(path, encoding="GB18030")
    assert document.encoding == "GB18030"
    assert document.text != open_document(path).text
    assert open_document(path, encoding="big5").encoding == "Big5"


def test_an_unknown_encoding_name_is_a_clear_error(tmp_path, seed_path):
    with pytest.raises(DocumentError, match="unknown encoding 'klingon'") as caught:
        open_document(seed_path, encoding="klingon")
    assert "\n" not in str(caught.value)


def zip_bytes(folder: Path, entries: dict[str, bytes]) -> bytes:
    path = folder / "archive.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compression)
    return path.read_bytes()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (PNG + bytes(range(256)) * 4, "is a PNG image, not text"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "is a JPEG image, not text"),
        (b"GIF89a\x10\x00\x10\x00" + bytes(100), "is a GIF image, not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "is a PDF document, not text"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "is a program (ELF), not text"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(500), "is a binary file, not text"),
        (bytes(range(256)) * 40, "is a binary file, not text"),
        (b"", "the file holds no text"),
        (b" \t\r\n\r\n\t \n", "the file holds no text"),
        ("\u3000\u3000\n \n".encode("gb18030"), "the file holds no text"),
        (codecs.BOM_UTF8 + "\u3000\n".encode(), "the file holds no text"),
        (codecs.BOM_UTF16_LE, "the file holds no text"),
        (b"PK\x03\x04" + b"garbage" * 20, "is a ZIP archive that cannot be read, not text"),
    ],
)
def test_bad_files_give_a_one_line_reason(tmp_path, data, reason):
    path = write(tmp_path, data)
    with pytest.raises(DocumentError) as caught:
        open_document(path)
    assert caught.value.reason == reason
    assert caught.value.path == path
    assert str(caught.value) == f"{path}: {reason}"


def test_text_in_an_encoding_reader_does_not_detect_says_so_and_opens_when_named(tmp_path):
    text = "Ça a été déjà vu là-bas, à l'été; ô ça! " * 50
    path = write(tmp_path, text.encode("latin-1"))
    with pytest.raises(DocumentError, match="choose its encoding to open it"):
        open_document(path)
    document = open_document(path, encoding="latin-1")
    assert (document.encoding, document.text) == ("ISO8859-1", text.strip())


def test_a_zip_that_is_not_an_epub_is_named(tmp_path):
    data = zip_bytes(tmp_path, {"chapter1.txt": "第一章".encode()})
    with pytest.raises(DocumentError, match="is a ZIP archive, not an EPUB book"):
        open_document(write(tmp_path, data, "book.zip"))
    with pytest.raises(DocumentError, match="is a ZIP archive but not an EPUB"):
        open_document(write(tmp_path, data, "book.epub"))


def test_a_word_document_is_named(tmp_path):
    data = zip_bytes(tmp_path, {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    with pytest.raises(DocumentError, match="is a Word document"):
        open_document(write(tmp_path, data, "book.docx"))


@pytest.fixture(params=["mimetype first", "mimetype last"])
def epub_bytes(tmp_path, request) -> bytes:
    """An EPUB as the standard wants it, and one whose mimetype is not where it should be."""
    entries = {
        "META-INF/container.xml": b"<container/>",
        "OEBPS/chapter1.xhtml": "<p>第一章</p>".encode(),
    }
    mimetype = {"mimetype": b"application/epub+zip"}
    if request.param == "mimetype first":
        return zip_bytes(tmp_path, mimetype | entries)
    return zip_bytes(tmp_path, entries | mimetype)


def test_an_epub_goes_to_the_epub_importer(tmp_path, epub_bytes, monkeypatch):
    def import_epub(path: Path, data: bytes, encoding: str | None):
        return build_document("EPUB 书", path=path)

    monkeypatch.setitem(IMPORTERS, "epub", import_epub)
    assert open_document(write(tmp_path, epub_bytes, "book.epub")).text == "EPUB 书"


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(DocumentError, match="is a folder, not a file"):
        open_document(tmp_path)


def test_a_missing_path_is_named(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        open_document(tmp_path / "missing.txt")


def test_a_device_is_not_read(tmp_path):
    with pytest.raises(DocumentError, match="is not a regular file"):
        open_document("/dev/zero")


@contextlib.contextmanager
def as_nobody():
    """Root reads every file; to see a permission refused, act as the nobody user for a while."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.mark.skipif(not hasattr(os, "seteuid"), reason="needs POSIX permissions")
def test_a_file_without_read_permission_is_named(seed_text):
    # tmp_path sits in a folder only root may enter; this folder is open to all.
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        path = write(folder, seed_text.encode())
        path.chmod(0)
        with as_nobody(), pytest.raises(DocumentError, match="permission denied"):
            open_document(path)
    finally:
        shutil.rmtree(folder)


def test_a_50_mb_file_on_one_line_is_refused_by_size(tmp_path):
    path = tmp_path / "one-line.txt"
    with path.open("wb") as file:
        chunk = ("很长的一行" * 100_000).encode()
        while file.tell() < 50 * 1024 * 1024:
            file.write(chunk)
    limit = MAX_FILE_BYTES // (1024 * 1024)
    with pytest.raises(DocumentError) as caught:
        open_document(path)
    assert caught.value.reason == f"is larger than {limit} MB, the most Reader opens"


def test_a_20_mb_novel_in_gb18030_opens(tmp_path, shared_data):
    novel = (shared_data / "novels" / "hongloumeng.txt").read_text(encoding="utf-8")
    chapters = novel.encode("gb18030")
    data = chapters * (20 * 1024 * 1024 // len(chapters) + 1)
    assert 20 * 1024 * 1024 < len(data) < MAX_FILE_BYTES
    document = open_document(write(tmp_path, data))
    assert (document.encoding, document.replacements) == ("GB18030", 0)
    assert len(document.text) > 10_000_000


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("arbitrary")


PREFIXES = [
    b"",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    b"PK\x03\x04",
    b"PK\x05\x06",
    "第一回\n".encode("gb18030"),
]


@settings(max_examples=300)
@given(st.sampled_from(PREFIXES), st.binary(max_size=3000))
def test_any_bytes_give_a_document_or_the_documented_error(scratch, prefix, data):
    path = write(scratch, prefix + data)
    try:
        document = open_document(path)
    except DocumentError as error:
        assert error.reason
        assert "\n" not in error.reason
    else:
        assert document.text.strip()
        assert document.replacements >= 0


def test_source_text_reads_the_file_again_as_the_document_was_read(tmp_path):
    path = write(tmp_path, "书名\n\n  第一章  开始\n正文。\n".encode("gb18030"))
    document = open_document(path)
    assert source_text(document) == "书名\n\n  第一章  开始\n正文。\n"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda path: path.unlink(), "no such file"),
        (lambda path: path.write_bytes(b"%PDF-1.7\n"), "is a PDF document, not text"),
        (lambda path: os.truncate(path, MAX_FILE_BYTES + 1), "is larger than 32 MB"),
    ],
)
def test_source_text_checks_the_file_as_opening_it_does(tmp_path, change, reason):
    path = write(tmp_path, "书名\n正文。\n".encode())
    document = open_document(path)
    change(path)
    with pytest.raises(DocumentError, match=reason):
        source_text(document)


def test_source_text_is_for_plain_text_files(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<h1>标题</h1><p>正文。</p>", encoding="utf-8")
    with pytest.raises(DocumentError, match="is not a plain-text file"):
        source_text(open_document(path))


# Hostile input of every format, built in memory: whatever comes, opening it gives a
# Document or a DocumentError (a UserPatternError for a user's pattern), never another
# exception, and in bounded time (the deadline).

MARKUP = (
    "<img src=/dev/zero>",
    "<script>alert(1)</script>",
    "[链接](javascript:alert(1))",
    "![x](http://tracker.example/x.png)",
    "**粗体**",
    "&amp;&#0;&#xD800;",
    "<!--",
    "]]>",
    "`code`",
    "# ",
    "=",
    "> ",
    "- ",
    "\x00",
    "\ud800",
    "\u2028",
    "第一章 ",
    "红楼梦",
)
HEADINGS = st.lists(st.sampled_from(MARKUP) | st.text(max_size=8), max_size=6).map("".join)
CHARSETS = ("utf-8", "gb2312", "big5", "idna", "punycode", "rot13", "base64", "utf-7", "x-bogus")


def _markdown(headings: list[str], body: str) -> str:
    return "".join(f"{'#' * (1 + i % 6)} {h}\n\n{body}\n\n" for i, h in enumerate(headings))


def _html(headings: list[str], body: str, charset: str) -> str:
    parts = "".join(f"<h{1 + i % 6}>{h}</h{1 + i % 6}><p>{body}" for i, h in enumerate(headings))
    return f'<html><head><meta charset="{charset}"><title>{body}</title></head>{parts}'


def _epub(headings: list[str], body: str, charset: str) -> bytes:
    entries = "".join(f'<li><a href="c.xhtml#h{i}">{h}</a><ol>' for i, h in enumerate(headings))
    nav = epub_books.xhtml(
        f'<nav epub:type="toc"><ol>{entries}{"</ol></li>" * len(headings)}</ol></nav>'
    )
    return epub_books.zip_bytes(
        {
            "META-INF/container.xml": epub_books.CONTAINER.replace("UTF-8", charset),
            "OEBPS/content.opf": epub_books.package(
                body, [("nav", "nav.xhtml", "nav"), ("c", "c.xhtml", "")], ["c"]
            ),
            "OEBPS/nav.xhtml": nav,
            "OEBPS/c.xhtml": epub_books.xhtml(_html(headings, body, charset)),
        }
    )


def _no_surrogates(text: str) -> str:
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)


def _encoded(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding, errors="ignore")
    except (LookupError, UnicodeError):
        return text.encode("utf-8", errors="surrogatepass")


@settings(max_examples=120, deadline=5_000)
@given(
    suffix=st.sampled_from([".txt", "", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub"]),
    name=HEADINGS,
    headings=st.lists(HEADINGS, max_size=8),
    body=HEADINGS,
    charset=st.sampled_from(CHARSETS),
    pattern=st.none() | st.sampled_from(["^第", "(a+)+$", "(", "<img", ".*"]),
)
def test_hostile_documents_open_or_are_refused_with_a_reason(
    suffix, name, headings, body, charset, pattern
):
    stem = "".join(c for c in _no_surrogates(name) if c not in "/\\\x00")
    if suffix == ".epub":  # an archive holds UTF-8 names and texts: no lone surrogates
        data = _epub([_no_surrogates(h) for h in headings], _no_surrogates(body), charset)
    elif suffix in (".md", ".markdown"):
        data = _encoded(_markdown(headings, body), charset)
    elif suffix in (".html", ".htm", ".xhtml"):
        data = _encoded(_html(headings, body, charset), charset)
    else:
        data = _encoded("\n".join([body, *headings, body]), charset)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ((stem or "book")[:100] + suffix)
        path.write_bytes(data)
        try:
            document = open_document(path, heading_pattern=pattern)
        except DocumentError as error:
            assert error.reason and "\n" not in error.reason
            return
        except UserPatternError as error:
            assert pattern is not None and str(error).startswith("bad heading pattern")
            return
        assert outline_lines(document)[0] == document.title
        assert len(block_lines(document)) == len(document.blocks)
        assert len(document.text) <= MAX_TEXT_CHARS
