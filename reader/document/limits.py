"""How much Reader takes in: the size limits of the document layer, and the reads that keep
to them.

Files come from anywhere: a device (`/dev/zero`) never ends, an EPUB of 400 KB unpacks to
tens of millions of characters, a symbolic link may point to itself. Every read of a user's
file goes through `read_file` or `read_stream`, and every importer's text through
`check_text_length`, so that each limit holds in one place and each refusal says why.

The other limits live beside the work they bound: epub.MAX_UNPACKED_BYTES and
epub.MAX_ENTRIES (archives), markdown.MARKDOWN_MAX_MARKS (Markdown's parser) and
user_pattern.PATTERN_TIME_LIMIT_S (the user's chapter patterns). README.md lists them all.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from reader.document.errors import DocumentError

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Larger files are refused: the whole text is held and laid out in memory.

32 MB is about 11 million Chinese characters in UTF-8 (16 million in GB18030), a dozen
times 红楼梦; a bigger file is almost never a book, and Reader would take a long time and
a lot of memory over it.
"""
MAX_TEXT_CHARS = 32_000_000
"""The longest text a Document may hold, whatever the file's format or size on disk.

A 32 MB text file in a one-byte encoding holds this many; an EPUB or a compressed page can
unpack to far more than its size (a 414 KB EPUB made 66 million characters), and it is the
text that the views, the segmentation and the search hold in memory.
"""

_MB = 1024 * 1024
_REASONS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "no such file (a part of its path is not a folder)",
    errno.ELOOP: "too many levels of symbolic links (a link that leads back to itself)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the file name is too long",
}


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at `path`, or DocumentError saying why not.

    Folders, devices and pipes are refused before anything is read (reading a device might
    never end), and so is a file larger than `limit` bytes, however its size is reported.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(path, "is not a regular file")
        if info.st_size > limit:
            raise DocumentError(path, _too_large(limit))
        with open(path, "rb") as file:
            return read_stream(file, path, limit)
    except OSError as error:
        raise DocumentError(path, _reason(error)) from None
    except ValueError:  # a NUL in the name
        raise DocumentError(path, "is not a valid file name") from None


def read_stream(stream: BinaryIO, where: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most `limit` bytes of `stream` (standard input, an open file); DocumentError naming
    `where` if there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DocumentError(where, _too_large(limit))
    return data


def check_text_length(where: Path | str, length: int) -> None:
    """DocumentError if a text of `length` characters is more than a Document may hold."""
    if length > MAX_TEXT_CHARS:
        raise DocumentError(
            where,
            f"holds more than {MAX_TEXT_CHARS:,} characters of text, the most Reader opens",
        )


def _too_large(limit: int) -> str:
    size = f"{limit // _MB} MB" if limit >= _MB else f"{limit:,} bytes"
    return f"is larger than {size}, the most Reader opens"


def _reason(error: OSError) -> str:
    return _REASONS.get(error.errno or 0) or error.strerror or str(error)
