"""The limits of what Reader reads: regular files, bounded reads, bounded text."""

from __future__ import annotations

import io
import os

import pytest

from reader.document import DocumentError
from reader.document.limits import (
    MAX_TEXT_CHARS,
    check_text_length,
    read_file,
    read_stream,
)


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    assert read_file(path) == b"abc"


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(DocumentError, match="is larger than 10 bytes, the most Reader opens"):
        read_file(path, limit=10)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_before_it_is_read():
    with pytest.raises(DocumentError, match="is not a regular file"):
        read_file("/dev/zero")


def test_a_stream_is_read_up_to_the_limit_only():
    endless = io.BytesIO(b"\0" * 1000)
    with pytest.raises(DocumentError, match=r"^<standard input>: is larger than 100 bytes"):
        read_stream(endless, "<standard input>", limit=100)
    assert endless.tell() == 101


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_loop_is_named_as_such(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(DocumentError, match="too many levels of symbolic links"):
        read_file(first)


def test_a_path_through_a_file_is_no_such_file(tmp_path):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError, match="no such file"):
        read_file(tmp_path / "file.txt" / "inner.txt")


def test_text_past_the_limit_is_refused():
    check_text_length("book.epub", MAX_TEXT_CHARS)
    with pytest.raises(DocumentError, match=r"^book.epub: holds more than 32,000,000 characters"):
        check_text_length("book.epub", MAX_TEXT_CHARS + 1)
