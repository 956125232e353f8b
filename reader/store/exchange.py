"""Annotations in and out of Reader: W3C Web Annotation JSON both ways, Markdown and CSV out.

The JSON follows the W3C Web Annotation Data Model: a TextQuoteSelector (exact, prefix,
suffix) and a TextPositionSelector (code-point offsets into the document's text, the same
offsets Reader keeps); the note is a TextualBody with purpose "commenting"; the colour's name
and each tag are TextualBodies with purpose "tagging"; the colour itself is the target's
styleClass, with the annotation's stylesheet. An orphan has no position selector.

Ids are global to the store: importing an annotation whose id belongs to another document
copies it under a new id (the same new id each time, so a second import updates the copy)
and leaves the first document's annotation where it is. The file itself is read and checked
by reader.store.import_file, within its limits.
"""

from __future__ import annotations

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
from reader.store.annotations import Annotation
from reader.store.colours import COLOURS, DEFAULT_COLOUR, DEFAULT_NAMES, HIGHLIGHT_RGB
from reader.store.import_file import ID_NAMESPACE as _NAMESPACE
from reader.store.import_file import parse_w3c
from reader.store.store import AnchorReport, Store

FORMATS = ("json", "md", "csv")
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
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


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    by_position: int = 0
    by_quote: int = 0
    orphans: int = 0
    skipped: int = 0
    """Items with no text selector at all: nothing to anchor or to show."""
    copied: int = 0
    """Of those added, copies of another document's annotations, under new ids."""
    anchoring: AnchorReport | None = None
    """What re-anchoring did first, when the document's text had changed."""

    @property
    def message(self) -> str:
        copies = f" ({self.copied} copied from another document with new ids)"
        text = (
            f"{self.added} added{copies if self.copied else ''}, {self.updated} updated; "
            f"{self.by_position} placed by position, {self.by_quote} by quote, "
            f"{self.orphans} not found in the text"
        )
        return text + (f"; {self.skipped} skipped (no text selector)" if self.skipped else "")


# Out


def export_annotations(store: Store, document: Document, format: str) -> str:
    """The document's annotations (re-anchored first if its text changed) in `format`."""
    opened = store.read_document(document)
    annotations = opened.annotations if opened is not None else []
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


def csv_cell(value: str | int) -> str | int:
    """A text cell that a spreadsheet would run as a formula (=HYPERLINK(...), +1+1, @SUM,
    -2+3) starts with a single quote, as OWASP recommends; the writer quotes every cell."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(document: Document, annotations: list[Annotation], names: dict[str, str]) -> str:
    """One row per annotation; an orphan has no offsets and no section. Every cell is
    quoted, and none can run as a spreadsheet formula (`csv_cell`)."""
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
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


# In


def import_annotations(
    store: Store, document: Document, data: str | bytes, source: Path | str = "<input>"
) -> ImportReport:
    """Add W3C annotations to the document, in one transaction: all of them or none.

    Each is placed by its position when the quote is there, else by its quote; one that
    cannot be placed is kept as an orphan. An id the document already holds is updated; an
    id another document holds is copied under a new id. Raises ExchangeError, writing
    nothing, for a file that is not W3C JSON, is over the import limits, or holds a value
    Reader cannot keep.
    """
    incoming = parse_w3c(data, source)
    text = document.text
    with store.database.transaction():
        opened = store.open_document(document)
        record = opened.record
        names = store.colours.all()
        owners = dict(store.database.query("SELECT id, document_id FROM annotations"))
        counts = dict.fromkeys(("added", "updated", "by_position", "by_quote", "orphans"), 0)
        skipped = copied = 0
        ready: dict[str, Annotation] = {}
        for item in incoming:
            quote = item.quote
            if quote is None and item.position is not None:
                start, end = item.position
                if end <= len(text):
                    quote = Quote(text[start:end])
            if quote is None or not quote.exact:
                skipped += 1
                continue
            placement = locate(text, quote, item.position, trust_position=True)
            if placement is None:
                counts["orphans"] += 1
                start, end = item.position or (0, len(quote.exact))
            else:
                counts["by_position" if placement.method == "position" else "by_quote"] += 1
                start, end = placement.start, placement.end
                quote = quote_at(text, start, end)
            annotation_id = item.id
            if owners.get(annotation_id, record.id) != record.id:
                annotation_id = _copy_id(annotation_id, record.id, owners)
                if annotation_id not in owners and annotation_id not in ready:
                    copied += 1
            colour, tags = _colour_and_tags(item.style_class, item.tags, names)
            known = annotation_id in owners or annotation_id in ready
            counts["updated" if known else "added"] += 1
            ready[annotation_id] = Annotation(
                id=annotation_id,
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
    return ImportReport(skipped=skipped, copied=copied, anchoring=opened.report, **counts)


def _copy_id(annotation_id: str, document_id: int, owners: dict[str, int]) -> str:
    """The id of the document's copy of another document's annotation: derived from both, so
    importing the same file again updates the copy instead of adding another."""
    copy = str(uuid.uuid5(_NAMESPACE, f"{annotation_id} in document {document_id}"))
    return copy if owners.get(copy, document_id) == document_id else str(uuid.uuid4())


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
