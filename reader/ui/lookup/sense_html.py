"""An entry's senses as the pop-up's rich text, CC-CEDICT's markup read.

reader.language.sense_markup reads the markup; here each word a sense refers to becomes a
link that looks it up (`reference_of` reads the link back), measure words go on a line
of their own after the numbered senses, and everything from the dictionary is escaped.
Any part of the pop-up that shows an entry's senses uses `entry_html`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import quote, unquote

from reader.language.lookup import CharacterLookup
from reader.language.pinyin import PinyinStyle, reading_text
from reader.language.sense_markup import (
    MeasureWords,
    Piece,
    Reading,
    Reference,
    entry_senses,
    measure_label,
    parse_sense,
    reference_reading,
    traditional_text,
)
from reader.ui.lookup.popup_colours import muted, popup_colours

_SCHEME = "word:"


def entry_html(
    heading: str, senses: Sequence[str], style: PinyinStyle, limit: int | None = None
) -> str:
    """The heading in bold, the first `limit` senses numbered (all if None) and how many
    more there are, then the measure words: lines of one paragraph."""
    read = entry_senses(senses)
    shown = read.meanings if limit is None else read.meanings[:limit]
    lines = [f"<b>{html.escape(heading)}</b>"] if heading else []
    lines.extend(f"{number}. {sense_html(pieces, style)}" for number, pieces in enumerate(shown, 1))
    hidden = len(read.meanings) - len(shown)
    if hidden:
        lines.append(f'<span style="color:{muted()}">… {hidden} more</span>')
    lines.extend(sense_html((measure,), style) for measure in read.measure_words)
    return "<br>".join(lines)


def sense_html(pieces: Sequence[Piece], style: PinyinStyle) -> str:
    """One sense: its text escaped, its references links."""
    return "".join(_piece_html(piece, style) for piece in pieces)


def reference_href(reference: Reference) -> str:
    """The link of a reference: its forms and reading, quoted so no markup survives."""
    parts = (reference.simplified, reference.traditional, " ".join(reference.reading))
    return _SCHEME + "/".join(quote(part, safe="") for part in parts)


def reference_of(href: str) -> Reference | None:
    """The reference a link of `reference_href` stands for; None for any other link."""
    if not href.startswith(_SCHEME):
        return None
    parts = [unquote(part) for part in href[len(_SCHEME) :].split("/")]
    if len(parts) != 3 or not parts[0]:
        return None
    simplified, traditional, reading = parts
    return Reference(simplified, traditional or simplified, tuple(reading.split()))


def _piece_html(piece: Piece, style: PinyinStyle) -> str:
    if isinstance(piece, str):
        return html.escape(piece)
    if isinstance(piece, Reading):
        return html.escape(reading_text(piece.parts, style))
    if isinstance(piece, MeasureWords):
        words = ", ".join(_reference_html(word, style, traditional=False) for word in piece.words)
        return f'<span style="color:{muted()}">{measure_label(piece)}</span>{words}'
    return _reference_html(piece, style)


def _reference_html(reference: Reference, style: PinyinStyle, traditional: bool = True) -> str:
    href = html.escape(reference_href(reference), quote=True)
    link = (
        f'<a href="{href}" style="color:{popup_colours().link}; text-decoration:none">'
        f"{html.escape(reference.simplified)}</a>"
    )
    forms = traditional_text(reference, traditional)
    if forms:
        link += f'<span style="color:{muted()}">{html.escape(forms)}</span>'
    reading = reference_reading(reference, style)
    if reading:
        link += ("" if forms else " ") + html.escape(reading)
    return link


def character_senses(character: CharacterLookup, limit: int | None) -> list[tuple[Piece, ...]]:
    """The meanings of the character's reading here, and the surname it also is, if any:
    in a name the dictionary lacks (鲁炜) the surname says more than "crass; stupid"."""
    if not character.entries:
        return []
    senses = list(entry_senses(character.entries[0].senses).meanings[:limit])
    surname = next(
        (
            sense
            for entry in character.entries
            if entry.is_name and entry.syllables == (character.syllable,)
            for sense in entry.senses
            if sense.startswith("surname ")
        ),
        None,
    )
    if surname is not None and parse_sense(surname) not in senses:
        senses.append(parse_sense(surname))
    return senses
