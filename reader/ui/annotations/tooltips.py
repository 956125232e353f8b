"""Annotations as tooltips show them. Tooltips are rich text, and a note, a tag or a quote
is the reader's plain text: everything is escaped, so `<b>` in a note stays `<b>`."""

from __future__ import annotations

from collections.abc import Sequence

from reader.store import Annotation
from reader.ui.plain_text import rich_text_of, tooltip


def notes_tooltip(under: Sequence[Annotation], names: dict[str, str]) -> str | None:
    """For the highlights under the mouse (the one on top last): the notes and tags of
    those that have any, the top one first; None when none has."""
    told = [a for a in under if a.note.strip() or a.tags]
    if not told:
        return None
    parts = []
    for annotation in reversed(told):
        line = " · ".join([names[annotation.colour], *annotation.tags])
        note = tooltip(annotation.note) if annotation.note.strip() else ""
        parts.append(f"{note}<p><i>{rich_text_of(line)}</i></p>")
    return "<hr>".join(parts)


def row_tooltip(annotation: Annotation, colour_name: str, unsaved: bool) -> str:
    """A panel row's tooltip: the whole quote, the note, the colour's name and the tags."""
    lines = [annotation.quote, ""]
    if annotation.note:
        lines += [annotation.note, ""]
    lines.append(" · ".join([colour_name, *annotation.tags]))
    if annotation.orphan:
        lines.append("Not found in the text as it is now.")
    if unsaved:
        lines.append("Not saved yet.")
    return tooltip("\n".join(lines))
