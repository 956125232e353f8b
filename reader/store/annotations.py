"""Annotations: highlights with a colour, a plain-text note and tags, anchored in a text.

Every change is one transaction, and every change gives back what undoing it needs: `delete`
returns the whole record and `restore` puts it back under the same id; `update` and
`reattach` return the state before.

Every write adds one to the record's version. `save` writes an edit only over the version the
edited copy was read at, so a window holding a copy from before `reader notes import` changed
the note gets StaleAnnotation (with the record as it now is) instead of writing the old note
back. What is read back is always usable: a time or colour out of range (written by another
program, or by an older Reader) reads as the nearest one Reader can show and export.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from reader.store.anchoring import Placement, Quote, quote_at
from reader.store.colours import COLOURS, DEFAULT_COLOUR, check_colour
from reader.store.database import Database, StoreError

_COLUMNS = (
    "id, document_id, start_offset, end_offset, quote, prefix, suffix, colour, note, tags, "
    "orphan, created, updated, version"
)
_WRITE = (
    f"INSERT OR REPLACE INTO annotations ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, coalesce((SELECT version FROM annotations WHERE id = ?), 0) + 1)"
)

TAG_SEPARATOR = "\n"
"""Tags are stored as one text, a line each: a tag never holds a line break (clean_tags)."""


def now() -> datetime:
    """The time to the millisecond, as stored, so a record read back equals the one written."""
    moment = datetime.now(timezone.utc)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


@dataclass(frozen=True)
class Annotation:
    id: str
    """A UUID, the same in every export and import."""
    document_id: int
    start: int
    end: int
    """Code-point offsets into the document's text, half-open."""
    quote: str
    prefix: str = ""
    suffix: str = ""
    colour: str = DEFAULT_COLOUR
    note: str = ""
    tags: tuple[str, ...] = ()
    orphan: bool = False
    """Not found in the current text: kept, listed, and re-attachable; start/end are stale."""
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    version: int = field(default=0, compare=False)
    """The store's version of the record when this copy was read (0: never written). Not
    part of equality: two copies saying the same thing are equal."""

    @property
    def anchor(self) -> Quote:
        return Quote(self.quote, self.prefix, self.suffix)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags with their spaces tidied, empty ones dropped, each once, in the order given."""
    seen: dict[str, None] = {}
    for tag in tags:
        tidy = " ".join(str(tag).split())
        if tidy:
            seen.setdefault(tidy, None)
    return tuple(seen)


def _check_span(text: str, start: int, end: int, what: str) -> None:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"no text to {what} between {start} and {end}")


def new_annotation(
    document_id: int,
    text: str,
    start: int,
    end: int,
    *,
    colour: str = DEFAULT_COLOUR,
    note: str = "",
    tags: Iterable[str] = (),
) -> Annotation:
    """A new highlight of text[start:end], not yet written: the window shows it (and keeps
    it for a retry) even when the store cannot take it."""
    _check_span(text, start, end, "annotate")
    anchor = quote_at(text, start, end)
    return Annotation(
        id=str(uuid.uuid4()),
        document_id=document_id,
        start=start,
        end=end,
        quote=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        colour=check_colour(colour),
        note=note,
        tags=clean_tags(tags),
    )


def edited(
    annotation: Annotation,
    *,
    colour: str | None = None,
    note: str | None = None,
    tags: Iterable[str] | None = None,
) -> Annotation:
    """The annotation with what is given changed, and the time of the edit."""
    return replace(
        annotation,
        colour=annotation.colour if colour is None else check_colour(colour),
        note=annotation.note if note is None else note,
        tags=annotation.tags if tags is None else clean_tags(tags),
        updated=now(),
    )


def reattached(annotation: Annotation, text: str, start: int, end: int) -> Annotation:
    """The annotation anchored to text[start:end]: no longer an orphan."""
    _check_span(text, start, end, "attach to")
    anchor = quote_at(text, start, end)
    return replace(
        annotation,
        start=start,
        end=end,
        quote=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        orphan=False,
        updated=now(),
    )


class StaleAnnotation(StoreError):
    """The record changed (or went) in the store since the copy being saved was read."""

    def __init__(self, path: Path, attempted: Annotation, current: Annotation | None) -> None:
        super().__init__(
            path,
            "the highlight was changed or deleted elsewhere (another window, or reader notes "
            "import) since it was shown; nothing was written",
        )
        self.attempted = attempted
        self.current = current
        """The record as the store now holds it; None if it was deleted."""


def placed(text: str, annotation: Annotation, placement: Placement | None) -> Annotation:
    """The annotation where re-anchoring found it in `text` (None: an orphan); the same object
    if nothing changed. The time of the reader's last edit is left alone: they edited nothing."""
    if placement is None:
        return annotation if annotation.orphan else replace(annotation, orphan=True)
    anchor = quote_at(text, placement.start, placement.end)
    same_place = (placement.start, placement.end) == (annotation.start, annotation.end)
    if same_place and not annotation.orphan and anchor == annotation.anchor:
        return annotation
    return replace(
        annotation,
        start=placement.start,
        end=placement.end,
        quote=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        orphan=False,
    )


def _row(annotation: Annotation) -> tuple:
    return (
        annotation.id,
        annotation.document_id,
        annotation.start,
        annotation.end,
        annotation.quote,
        annotation.prefix,
        annotation.suffix,
        annotation.colour,
        annotation.note,
        TAG_SEPARATOR.join(clean_tags(annotation.tags)),
        int(annotation.orphan),
        annotation.created.isoformat(timespec="milliseconds"),
        annotation.updated.isoformat(timespec="milliseconds"),
    )


def _annotation(row: tuple) -> Annotation:
    id_, document_id, start, end, quote, prefix, suffix, colour, note, tags, orphan, c, u, v = row
    return Annotation(
        id_,
        document_id,
        start,
        end,
        quote,
        prefix,
        suffix,
        colour if colour in COLOURS else DEFAULT_COLOUR,
        note,
        tuple(tags.split(TAG_SEPARATOR)) if tags else (),
        bool(orphan),
        _stored_time(c),
        _stored_time(u),
        v,
    )


_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)
_LATEST = datetime.max.replace(tzinfo=timezone.utc)


def _stored_time(text: str) -> datetime:
    """A stored time in UTC; one that is not a time, or is out of UTC's range (year 1 at
    +14:00), reads as the nearest time there is, so every export of it still works."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return _EARLIEST
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:
        return _EARLIEST if moment.year == datetime.min.year else _LATEST


class Annotations:
    def __init__(self, database: Database) -> None:
        self._database = database

    def create(
        self,
        document_id: int,
        text: str,
        start: int,
        end: int,
        *,
        colour: str = DEFAULT_COLOUR,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Annotation:
        """Highlight text[start:end] of the document."""
        annotation = new_annotation(
            document_id, text, start, end, colour=colour, note=note, tags=tags
        )
        return self.restore(annotation)

    def restore(self, annotation: Annotation) -> Annotation:
        """Write the whole record under its own id, replacing any there (undo, redo, import);
        returns it as stored, with its new version."""
        check_colour(annotation.colour)
        with self._database.transaction():
            self._database.execute(_WRITE, (*_row(annotation), annotation.id))
            ((version,),) = self._database.query(
                "SELECT version FROM annotations WHERE id = ?", (annotation.id,)
            )
        return replace(annotation, version=version)

    def restore_many(self, annotations: Sequence[Annotation]) -> None:
        for annotation in annotations:
            check_colour(annotation.colour)
        with self._database.transaction():
            self._database.executemany(_WRITE, [(*_row(a), a.id) for a in annotations])

    def save(self, annotation: Annotation) -> Annotation:
        """Write an edited copy, if the store still holds the version it was read at (a copy
        never written, version 0: if its id is free); returns it as stored, one version on.

        Raises StaleAnnotation, writing nothing, when the record changed or went meanwhile.
        """
        check_colour(annotation.colour)
        with self._database.transaction():
            if annotation.version == 0:
                current = self.get(annotation.id)
                if current is not None:
                    raise StaleAnnotation(self._database.path, annotation, current)
                self._database.execute(_WRITE, (*_row(annotation), annotation.id))
            else:
                changed = self._database.execute(
                    "UPDATE annotations SET document_id = ?, start_offset = ?, end_offset = ?, "
                    "quote = ?, prefix = ?, suffix = ?, colour = ?, note = ?, tags = ?, "
                    "orphan = ?, created = ?, updated = ?, version = version + 1 "
                    "WHERE id = ? AND version = ?",
                    (*_row(annotation)[1:], annotation.id, annotation.version),
                ).rowcount
                if changed != 1:
                    raise StaleAnnotation(self._database.path, annotation, self.get(annotation.id))
        return replace(annotation, version=annotation.version + 1)

    def get(self, annotation_id: str) -> Annotation | None:
        rows = self._database.query(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        )
        return _annotation(rows[0]) if rows else None

    def _existing(self, annotation_id: str) -> Annotation:
        found = self.get(annotation_id)
        if found is None:
            raise KeyError(annotation_id)
        return found

    def for_document(self, document_id: int) -> list[Annotation]:
        """In reading order; orphans (whose offsets are stale) are among them."""
        return [
            _annotation(row)
            for row in self._database.query(
                f"SELECT {_COLUMNS} FROM annotations WHERE document_id = ? "
                "ORDER BY start_offset, end_offset, created, id",
                (document_id,),
            )
        ]

    def tags(self) -> list[str]:
        """Every tag in use, sorted ignoring case: what a filter by tag offers."""
        found: dict[str, str] = {}
        for (tags,) in self._database.query("SELECT DISTINCT tags FROM annotations"):
            for tag in str(tags).splitlines():
                if tag:
                    found.setdefault(tag.casefold(), tag)
        return sorted(found.values(), key=str.casefold)

    def count(self, document_id: int | None = None) -> int:
        if document_id is None:
            return int(self._database.query("SELECT count(*) FROM annotations")[0][0])
        return int(
            self._database.query(
                "SELECT count(*) FROM annotations WHERE document_id = ?", (document_id,)
            )[0][0]
        )

    def update(
        self,
        annotation_id: str,
        *,
        colour: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Annotation:
        """Change what is given; returns the annotation as it was, for undo."""
        with self._database.transaction():
            before = self._existing(annotation_id)
            after = edited(before, colour=colour, note=note, tags=tags)
            self.restore(after)
        return before

    def delete(self, annotation_id: str, *, version: int | None = None) -> Annotation:
        """Remove the annotation; returns the whole record, which `restore` puts back.

        With `version`, only that version of it: a newer one raises StaleAnnotation.
        """
        with self._database.transaction():
            before = self._existing(annotation_id)
            if version is not None and before.version != version:
                raise StaleAnnotation(self._database.path, before, before)
            self._database.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return before

    def reattach(self, annotation_id: str, text: str, start: int, end: int) -> Annotation:
        """Anchor an annotation (an orphan, usually) to text[start:end]; returns the old state."""
        _check_span(text, start, end, "attach to")
        with self._database.transaction():
            before = self._existing(annotation_id)
            self.restore(reattached(before, text, start, end))
        return before

    def place(
        self, text: str, moves: Sequence[tuple[Annotation, Placement | None]]
    ) -> list[Annotation]:
        """Record where re-anchoring found each annotation (None: an orphan); returns them
        as they now are. The quote and context become what the text now holds there."""
        now_placed = []
        changed = []
        for annotation, placement in moves:
            now_there = placed(text, annotation, placement)
            if now_there is not annotation:
                now_there = replace(now_there, version=annotation.version + 1)
                changed.append(now_there)
            now_placed.append(now_there)
        with self._database.transaction():
            self._database.executemany(
                "UPDATE annotations SET start_offset = ?, end_offset = ?, quote = ?, prefix = ?, "
                "suffix = ?, orphan = ?, version = version + 1 WHERE id = ?",
                [
                    (a.start, a.end, a.quote, a.prefix, a.suffix, int(a.orphan), a.id)
                    for a in changed
                ],
            )
        return now_placed


def filter_annotations(
    annotations: Iterable[Annotation],
    *,
    colour: str | None = None,
    tag: str | None = None,
    text: str | None = None,
) -> list[Annotation]:
    """Those of the given colour, carrying the tag, and holding the text in quote, note or tags.

    Plain Python over loaded annotations: 10,000 take a few milliseconds (bench/store.py).
    Case is ignored for tags and text.
    """
    wanted_tag = tag.casefold() if tag else None
    needle = text.casefold() if text else None
    found = []
    for annotation in annotations:
        if colour is not None and annotation.colour != colour:
            continue
        if wanted_tag is not None and wanted_tag not in (t.casefold() for t in annotation.tags):
            continue
        if needle is not None and not (
            needle in annotation.quote.casefold()
            or needle in annotation.note.casefold()
            or any(needle in t.casefold() for t in annotation.tags)
        ):
            continue
        found.append(annotation)
    return found
