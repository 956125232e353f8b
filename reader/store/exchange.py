"""Annotations in and out of Reader: W3C Web Annotation JSON both ways, Markdown and CSV out.

The JSON follows the W3C Web Annotation Data Model: a TextQuoteSelector (exact, prefix,
suffix) and a TextPositionSelector (code-point offsets into the document's text, the same
offsets Reader keeps); the note is a TextualBody with purpose "commenting"; the colour's name
and each tag are TextualBodies with purpose "tagging"; the colour itself is the target's
styleClass, with the annotation's stylesheet. An orphan has no position selector.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from reader.document.model import Document, Section
from reader.store.anchoring import Quote, locate, quote_at
from reader.store.annotations import Annotation, clean_tags, now
from reader.store.colours import COLOURS, DEFAULT_COLOUR, DEFAULT_NAMES, HIGHLIGHT_RGB
from reader.store.store import Store

FORMATS = ("json", "md", "csv")
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_NAMESPACE = uuid.UUID("9b0f6c4e-4a8f-5b1e-9c67-2f7f1d1a6e52")
"""For ids derived from a document's fingerprint, and from foreign annotation ids."""
CSV_COLUMNS = (
    "id",
    "section",
    "start",
    "end",
    "quote",
    "note",
    "colour",
    "colour_name",
    "tags",
    "prefix",
    "suffix",
    "orphan",
    "created",
    "updated",
)


class ExchangeError(Exception):
    """An annotation file that cannot be imported, with the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    by_position: int = 0
    by_quote: int = 0
    orphans: int = 0
    skipped: int = 0
    """Items with no text selector at all: nothing to anchor or to show."""

    @property
    def message(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated; {self.by_position} placed by "
            f"position, {self.by_quote} by quote, {self.orphans} not found in the text"
        )
        return text + (f"; {self.skipped} skipped (no text selector)" if self.skipped else "")


# Out


def export_annotations(store: Store, document: Document, format: str) -> str:
    """The document's annotations (re-anchored first if its text changed) in `format`."""
    annotations = store.open_document(document).annotations
    names = store.colours.all()
    if format == "json":
        return w3c_json(to_w3c(document, annotations, names))
    if format == "md":
        return to_markdown(document, annotations, names)
    if format == "csv":
        return to_csv(document, annotations, names)
    raise ValueError(f"unknown format {format!r}; the formats are {', '.join(FORMATS)}")


def to_w3c(document: Document, annotations: list[Annotation], names: dict[str, str]) -> dict:
    """An AnnotationCollection with its one page embedded."""
    collection = uuid.uuid5(_NAMESPACE, document.fingerprint)
    source = _source(document)
    return {
        "@context": W3C_CONTEXT,
        "id": collection.urn,
        "type": "AnnotationCollection",
        "label": document.title,
        "total": len(annotations),
        "first": {
            "id": uuid.uuid5(collection, "page-1").urn,
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [_w3c_annotation(source, a, names) for a in annotations],
        },
    }


def w3c_json(collection: dict) -> str:
    """The collection as text, one annotation per line: readable, and quick to write, since
    Python's fast JSON encoder does not indent."""
    items = collection["first"]["items"]
    outline = {**collection, "first": {**collection["first"], "items": []}}
    head, empty, tail = json.dumps(outline, ensure_ascii=False, indent=2).rpartition('"items": []')
    assert empty, "the page's items are the last key of the collection"
    lines = ",\n".join("      " + json.dumps(item, ensure_ascii=False) for item in items)
    return f'{head}"items": [\n{lines}\n    ]{tail}\n' if items else f"{head}{empty}{tail}\n"


def _source(document: Document) -> str:
    if document.path is not None:
        return Path(document.path).resolve().as_uri()
    return f"urn:sha256:{document.fingerprint}"


def _w3c_annotation(source: str, annotation: Annotation, names: dict[str, str]) -> dict:
    bodies: list[dict[str, Any]] = []
    if annotation.note:
        bodies.append(_textual_body(annotation.note, "commenting"))
    bodies.append(_textual_body(names[annotation.colour], "tagging"))
    bodies.extend(_textual_body(tag, "tagging") for tag in annotation.tags)
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": annotation.quote,
            "prefix": annotation.prefix,
            "suffix": annotation.suffix,
        }
    ]
    if not annotation.orphan:
        selectors.append(
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
        )
    return {
        "id": uuid.UUID(annotation.id).urn,
        "type": "Annotation",
        "motivation": "commenting" if annotation.note else "highlighting",
        "created": _w3c_time(annotation.created),
        "modified": _w3c_time(annotation.updated),
        "body": bodies,
        "target": {
            "source": source,
            "styleClass": annotation.colour,
            "selector": selectors,
        },
        "stylesheet": {
            "type": "CssStylesheet",
            "value": f".{annotation.colour} {{ background-color: "
            f"{HIGHLIGHT_RGB[annotation.colour]}; }}",
        },
    }


def _textual_body(value: str, purpose: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _w3c_time(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_markdown(document: Document, annotations: list[Annotation], names: dict[str, str]) -> str:
    """The title, then each section heading with its annotations, then those not found.

    Everything in it came from a document or a reader, so all of it is text: raw HTML
    (<script>, <img src=...>), links and images ([x](javascript:...)) come out escaped, and
    a note's line that would start a Markdown block is kept literal.
    """
    lines = [f"# {_markdown_text(_one_line(document.title))}", ""]
    current: Section | None = document.root
    for annotation in (a for a in annotations if not a.orphan):
        section = document.section_at(annotation.start)
        if section is not current:
            current = section
            heading = _markdown_text(_one_line(section.heading))
            lines += [f"{'#' * min(6, section.level + 1)} {heading}", ""]
        lines += _markdown_entry(annotation, names)
    orphans = [a for a in annotations if a.orphan]
    if orphans:
        lines += ["## Not found in the current text", ""]
        for annotation in orphans:
            lines += _markdown_entry(annotation, names)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_entry(annotation: Annotation, names: dict[str, str]) -> list[str]:
    quote = annotation.quote.split("\n")
    lines = [f"> {_markdown_text(line)}" if line else ">" for line in quote]
    lines.append("")
    if annotation.note:
        lines += [_escape_markdown(_markdown_text(line)) for line in annotation.note.split("\n")]
        lines.append("")
    name = _markdown_text(names[annotation.colour])
    details = f"Colour: {name} ({annotation.colour})"
    if annotation.tags:
        details += f" · Tags: {_markdown_text(', '.join(annotation.tags))}"
    return [*lines, details, ""]


_MARKDOWN_BLOCK_START = re.compile(r"^(\s*)([#>+\-*=|`~]|\d+[.)])")
_MARKDOWN_ACTIVE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "[": "\\[", "]": "\\]"}
)
"""HTML's and Markdown's link characters, so that no text becomes a tag, a link or an image."""


def _markdown_text(text: str) -> str:
    """`text` as Markdown that shows it as written: no HTML, links or images in it run."""
    return text.translate(_MARKDOWN_ACTIVE)


def _escape_markdown(line: str) -> str:
    """A note is plain text: a line that would start a Markdown block is kept literal."""
    return _MARKDOWN_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)


def _one_line(text: str) -> str:
    return " ".join(text.split())


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def _csv_cell(value: str | int) -> str | int:
    """A text cell that a spreadsheet would run as a formula (=HYPERLINK(...), +1+1, @SUM,
    -2+3) starts with a single quote, as OWASP recommends; the writer quotes every cell."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(document: Document, annotations: list[Annotation], names: dict[str, str]) -> str:
    """One row per annotation; an orphan has no offsets and no section. Every cell is
    quoted, and none can run as a spreadsheet formula (`_csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for a in annotations:
        section = "" if a.orphan else _one_line(document.section_at(a.start).heading)
        row = (
            a.id,
            section,
            "" if a.orphan else a.start,
            "" if a.orphan else a.end,
            a.quote,
            a.note,
            a.colour,
            names[a.colour],
            "; ".join(a.tags),
            a.prefix,
            a.suffix,
            "yes" if a.orphan else "no",
            _w3c_time(a.created),
            _w3c_time(a.updated),
        )
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue()


# In


@dataclass(frozen=True)
class _Incoming:
    id: str
    quote: Quote | None
    position: tuple[int, int] | None
    style_class: str | None
    note: str
    tags: tuple[str, ...]
    created: datetime
    updated: datetime


def import_annotations(
    store: Store, document: Document, data: str | bytes, source: Path | str = "<input>"
) -> ImportReport:
    """Add W3C annotations to the document, in one transaction: all of them or none.

    Each is placed by its position when the quote is there, else by its quote; one that
    cannot be placed is kept as an orphan. An id the store already holds is updated.
    """
    incoming = parse_w3c(data, source)
    text = document.text
    with store.database.transaction():
        record = store.open_document(document).record
        names = store.colours.all()
        known = {row[0] for row in store.database.query("SELECT id FROM annotations")}
        counts = dict.fromkeys(("added", "updated", "by_position", "by_quote", "orphans"), 0)
        skipped = 0
        ready: dict[str, Annotation] = {}
        for item in incoming:
            quote = item.quote
            if quote is None and item.position is not None:
                start, end = item.position
                if 0 <= start < end <= len(text):
                    quote = Quote(text[start:end])
            if quote is None or not quote.exact:
                skipped += 1
                continue
            placement = locate(text, quote, item.position, trust_position=True)
            if placement is None:
                counts["orphans"] += 1
                start, end = item.position or (0, len(quote.exact))
                start = max(0, start)
                end = max(start + 1, end)
            else:
                counts["by_position" if placement.method == "position" else "by_quote"] += 1
                start, end = placement.start, placement.end
                quote = quote_at(text, start, end)
            colour, tags = _colour_and_tags(item.style_class, item.tags, names)
            counts["updated" if item.id in known or item.id in ready else "added"] += 1
            ready[item.id] = Annotation(
                id=item.id,
                document_id=record.id,
                start=start,
                end=end,
                quote=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
                colour=colour,
                note=item.note,
                tags=tags,
                orphan=placement is None,
                created=item.created,
                updated=item.updated,
            )
        store.annotations.restore_many(list(ready.values()))
    return ImportReport(skipped=skipped, **counts)


def _colour_and_tags(
    style_class: str | None, tags: tuple[str, ...], names: dict[str, str]
) -> tuple[str, tuple[str, ...]]:
    """The colour, and the tags without the one that only names it."""

    def names_of(colour: str) -> set[str]:
        return {colour, names[colour].casefold(), DEFAULT_NAMES[colour]}

    colour = style_class if style_class in COLOURS else None
    kept = list(tags)
    for tag in tags:
        wanted = tag.casefold()
        if colour is None:
            colour = next((c for c in COLOURS if wanted in names_of(c)), None)
            if colour is not None:
                kept.remove(tag)
                break
        elif wanted in names_of(colour):
            kept.remove(tag)
            break
    return colour or DEFAULT_COLOUR, tuple(kept)


def parse_w3c(data: str | bytes, source: Path | str = "<input>") -> list[_Incoming]:
    """The annotations in a W3C JSON document: one, a list, a page, or a collection."""
    if isinstance(data, bytes) and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # as Windows tools write it
    try:
        parsed = json.loads(data)
    except UnicodeDecodeError:
        raise ExchangeError(source, "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ExchangeError(
            source, f"is not JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    items = _items(parsed)
    if items is None:
        raise ExchangeError(source, "holds no W3C annotations (no Annotation, page or collection)")
    return [_incoming(item) for item in items if isinstance(item, dict)]


def _types(node: dict) -> set[str]:
    kind = node.get("type", node.get("@type"))
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _items(parsed: Any) -> list[Any] | None:
    if isinstance(parsed, list):
        return parsed
    if not isinstance(parsed, dict):
        return None
    types = _types(parsed)
    if "AnnotationCollection" in types:
        items: list[Any] = []
        page = parsed.get("first")
        while isinstance(page, dict):
            items += page.get("items") or []
            page = page.get("next")
        return items
    if "AnnotationPage" in types or ("items" in parsed and "target" not in parsed):
        items = parsed.get("items")
        return items if isinstance(items, list) else None
    if "Annotation" in types or "target" in parsed:
        return [parsed]
    return None


def _incoming(item: dict) -> _Incoming:
    quote, position, style_class = _target(item.get("target"))
    notes: list[str] = []
    tags: list[str] = []
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purposes = _as_list(body.get("purpose"))
        (tags if "tagging" in purposes else notes).append(body["value"])
    created = _time(item.get("created")) or now()
    return _Incoming(
        id=_annotation_id(item.get("id")),
        quote=quote,
        position=position,
        style_class=style_class,
        note="\n\n".join(note for note in notes if note),
        tags=clean_tags(tags),
        created=created,
        updated=_time(item.get("modified")) or created,
    )


def _target(
    target: Any,
) -> tuple[Quote | None, tuple[int, int] | None, str | None]:
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
                exact = selector.get("exact")
                if isinstance(exact, str):
                    quote = Quote(exact, _str(selector.get("prefix")), _str(selector.get("suffix")))
            if position is None and "TextPositionSelector" in types:
                start, end = selector.get("start"), selector.get("end")
                if _is_int(start) and _is_int(end):
                    position = (start, end)
    return quote, position, style_class


def _annotation_id(value: Any) -> str:
    """A UUID: the annotation's own, or one derived from a foreign id, so a second import of
    the same file updates rather than duplicates."""
    if not isinstance(value, str) or not value:
        return str(uuid.uuid4())
    try:
        return str(uuid.UUID(value.removeprefix("urn:uuid:")))
    except ValueError:
        return str(uuid.uuid5(_NAMESPACE, value))


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
