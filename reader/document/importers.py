"""Reading files into Documents, with a plain reason for every file that cannot be opened."""

from __future__ import annotations

import codecs
from pathlib import Path

from reader.document.model import Document
from reader.document.structure import build_document

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger files are refused: the whole text is held and laid out in memory."""


class DocumentError(Exception):
    """A file that cannot be opened, with a reason a reader understands."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


def open_document(path: Path | str) -> Document:
    path = Path(path)
    data = _read_bytes(path)
    text = _decode(path, data)
    if not text.strip():
        raise DocumentError(path, "the file holds no text")
    return build_document(text, path=path.resolve(), encoding="utf-8")


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise DocumentError(path, "is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise DocumentError(path, f"is larger than {limit} MB, the most Reader opens")
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except PermissionError:
        raise DocumentError(path, "permission denied") from None
    except OSError as error:
        raise DocumentError(path, error.strerror or str(error)) from None


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError(path, "is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            path, f"is not UTF-8 text (undecodable byte at position {error.start})"
        ) from None
