"""An annotation file to import: read within the import limits, parsed as JSON no deeper than
the nesting limit, and each W3C annotation in it checked before anything is written.

An import is all or nothing: a file over a limit, or holding one item with a value Reader
cannot keep (text with a lone surrogate, a position past any text, a time outside the range
every export can write), is refused with a message naming the item and the field, and the
store is left as it was. The limits (documented in the README, "Limits"):

- MAX_IMPORT_BYTES, MAX_IMPORT_ITEMS (annotations in one file, over all its pages): a
  million annotations took 52 s and 1.9 GB to import in one transaction. 100,000 with notes
  (30 MB) took 20 s and 380 MB here, 50,000 (15 MB) 8 s and 210 MB: more than a reader
  makes in one book, at a cost a person waits for. The byte limit leaves room for notes.
- MAX_JSON_DEPTH: Python's JSON parser recurses, so a file nested 100,000 deep (or 50,000
  chained `next` pages, each inside the one before) would stop it with RecursionError. The
  depth is measured before parsing, by one pass over the brackets outside strings.
- MAX_OFFSET: the largest position a TextPositionSelector may give; SQLite keeps 64-bit
  integers, and no text Reader opens comes near this many characters.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import accumulate
from pathlib import Path
from typing import Any

from reader.document import DocumentError
from reader.document.limits import read_file
from reader.store.anchoring import Quote
from reader.store.annotations import clean_tags, now

MAX_IMPORT_BYTES = 32 * 1024 * 1024
MAX_IMPORT_ITEMS = 50_000
MAX_JSON_DEPTH = 100
MAX_OFFSET = 2**31 - 1

ID_NAMESPACE = uuid.UUID("9b0f6c4e-4a8f-5b1e-9c67-2f7f1d1a6e52")
"""For ids derived from a document's fingerprint, and from foreign annotation ids."""

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'"[]{}')
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_SURROGATE = re.compile("[\ud800-\udfff]")


class ExchangeError(Exception):
    """An annotation file that cannot be imported, with the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class _Invalid(Exception):
    """A value of one item that cannot be imported: the field, and why."""

    def __init__(self, field: str, why: str) -> None:
        super().__init__(f"{field}: {why}")


@dataclass(frozen=True)
class Incoming:
    """One annotation of the file, checked: every text is valid, every time in range."""

    id: str
    quote: Quote | None
    position: tuple[int, int] | None
    style_class: str | None
    note: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime


def read_import_file(path: Path) -> bytes:
    """The file's bytes, refused before reading if it is larger than an import takes, or is
    no regular file (a device or a pipe might never end)."""
    with contextlib.suppress(OSError):  # if it cannot be looked at, read_file says why
        _check_size(os.stat(path).st_size, path)
    try:
        return read_file(Path(path), MAX_IMPORT_BYTES)
    except DocumentError as error:
        raise ExchangeError(path, error.reason) from None


def _check_size(size: int, source: Path | str) -> None:
    if size > MAX_IMPORT_BYTES:
        raise ExchangeError(
            source,
            f"is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MiB, the most one import "
            "reads; split it into smaller files",
        )


def parse_w3c(data: str | bytes, source: Path | str = "<input>") -> list[Incoming]:
    """The annotations in a W3C JSON document: one, a list, a page, or a collection."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    _check_size(len(data), source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # as Windows tools write it
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExchangeError(source, "is not UTF-8 text") from None
    if _depth(data) > MAX_JSON_DEPTH:
        raise ExchangeError(
            source, f"is nested more than {MAX_JSON_DEPTH} levels deep, the most an import reads"
        )
    parsed = _json(text, source)
    items = _items(parsed, source)
    if items is None:
        raise ExchangeError(source, "holds no W3C annotations (no Annotation, page or collection)")
    incoming = []
    for number, item in enumerate(items, 1):
        try:
            incoming.append(_incoming(item))
        except _Invalid as error:
            raise ExchangeError(source, f"item {number}: {error}") from None
    return incoming


def _depth(data: bytes) -> int:
    """How deep the JSON's arrays and objects nest, brackets inside strings left out.

    On the UTF-8 bytes, where no byte of a multi-byte character is a bracket or a quote:
    escapes dropped, then all but quotes and brackets, then what lies between quotes (a
    30 MB file takes under a second; a regular expression over the text took two).
    """
    structure = _ESCAPE.sub(b"", data).translate(None, _NOT_STRUCTURE)
    brackets = b"".join(structure.split(b'"')[::2])
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _json(text: str, source: Path | str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ExchangeError(
            source, f"is not JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except ValueError as error:  # a number of more digits than Python converts
        raise ExchangeError(source, f"is not JSON Reader can read ({error})") from None
    except RecursionError:  # not reached within MAX_JSON_DEPTH; kept as a last guard
        raise ExchangeError(source, "is nested too deeply") from None


def _types(node: dict) -> set[str]:
    kind = node.get("type", node.get("@type"))
    kinds = kind if isinstance(kind, list) else [kind]
    return {k for k in kinds if isinstance(k, str)}


def _items(parsed: Any, source: Path | str) -> list[Any] | None:
    if isinstance(parsed, list):
        return _counted(parsed, source)
    if not isinstance(parsed, dict):
        return None
    types = _types(parsed)
    if "AnnotationCollection" in types:
        items: list[Any] = []
        for number, page in enumerate(_pages(parsed.get("first")), 1):
            page_items = page.get("items")
            if page_items is None:
                continue
            if not isinstance(page_items, list):
                raise ExchangeError(source, f"page {number}: items: not a list")
            items += _counted(page_items, source, len(items))
        return items
    if "AnnotationPage" in types or ("items" in parsed and "target" not in parsed):
        items = parsed.get("items")
        return _counted(items, source) if isinstance(items, list) else None
    if "Annotation" in types or "target" in parsed:
        return [parsed]
    return None


def _pages(first: Any) -> Iterator[dict]:
    page = first
    while isinstance(page, dict):
        yield page
        page = page.get("next")


def _counted(items: list[Any], source: Path | str, before: int = 0) -> list[Any]:
    if before + len(items) > MAX_IMPORT_ITEMS:
        raise ExchangeError(
            source,
            f"holds more than {MAX_IMPORT_ITEMS:,} annotations, the most one import takes; "
            "split it into smaller files",
        )
    return items


def _incoming(item: Any) -> Incoming:
    if not isinstance(item, dict):
        raise _Invalid("annotation", "not a JSON object")
    quote, position, style_class = _target(item.get("target"))
    notes: list[str] = []
    tags: list[str] = []
    if item.get("bodyValue") is not None:
        notes.append(_text(item["bodyValue"], "note"))
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or body.get("value") is None:
            continue
        tagging = "tagging" in _as_list(body.get("purpose"))
        (tags if tagging else notes).append(_text(body["value"], "tag" if tagging else "note"))
    created = _time(item.get("created"), "created") or now()
    return Incoming(
        id=_annotation_id(item.get("id")),
        quote=quote,
        position=position,
        style_class=style_class,
        note="\n\n".join(note for note in notes if note),
        tags=clean_tags(tags),
        created=created,
        updated=_time(item.get("modified"), "modified") or created,
    )


def _target(target: Any) -> tuple[Quote | None, tuple[int, int] | None, str | None]:
    quote: Quote | None = None
    position: tuple[int, int] | None = None
    style_class: str | None = None
    for part in _as_list(target):
        if not isinstance(part, dict):
            continue
        if isinstance(part.get("styleClass"), str):
            style_class = style_class or part["styleClass"]
        for selector in _as_list(part.get("selector")):
            if not isinstance(selector, dict):
                continue
            types = _types(selector)
            if quote is None and "TextQuoteSelector" in types:
                quote = _quote(selector)
            if position is None and "TextPositionSelector" in types:
                position = _position(selector)
    return quote, position, style_class


def _quote(selector: dict) -> Quote | None:
    if selector.get("exact") is None:
        return None
    return Quote(
        _text(selector["exact"], "quote"),
        _optional_text(selector.get("prefix"), "prefix"),
        _optional_text(selector.get("suffix"), "suffix"),
    )


def _position(selector: dict) -> tuple[int, int] | None:
    """The offsets, or None for an empty span (a point, which has no text to hold)."""
    start, end = (_offset(selector.get(key), key) for key in ("start", "end"))
    if end < start:
        raise _Invalid("position", "end is before start")
    return (start, end) if start < end else None


def _offset(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Invalid("position", f"{key} is not a whole number")
    if not 0 <= value <= MAX_OFFSET:
        raise _Invalid("position", f"{key} is out of range (0 to {MAX_OFFSET:,})")
    return value


def _text(value: Any, field: str) -> str:
    """Text SQLite and every export can hold: a str without lone surrogates."""
    if not isinstance(value, str):
        raise _Invalid(field, "not text")
    if _SURROGATE.search(value):
        raise _Invalid(field, "not valid text (lone surrogate)")
    return value


def _optional_text(value: Any, field: str) -> str:
    return "" if value is None else _text(value, field)


def _annotation_id(value: Any) -> str:
    """A UUID: the annotation's own, or one derived from a foreign id, so a second import of
    the same file updates rather than duplicates."""
    if value is None or value == "":
        return str(uuid.uuid4())
    value = _text(value, "id")
    try:
        return str(uuid.UUID(value.removeprefix("urn:uuid:")))
    except ValueError:
        return str(uuid.uuid5(ID_NAMESPACE, value))


def _time(value: Any, field: str) -> datetime | None:
    """The time in UTC, as the store keeps it, or None if there is none."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(_text(value, field).replace("Z", "+00:00"))
    except ValueError:
        raise _Invalid(field, "not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:
        raise _Invalid(field, "out of range (before year 1 or after 9999 in UTC)") from None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
