"""A reading as the pop-up shows it: rich text, each syllable in its tone's colour, and
everything escaped (the syllables come from the dictionary and from pypinyin)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from reader.language.pinyin import PinyinStyle, WrittenSyllable, written_reading
from reader.ui.lookup.popup_colours import popup_colours
from reader.ui.views.tone_colours import ToneColours


def pinyin_html(syllables: Sequence[str | None], style: PinyinStyle, colours: ToneColours) -> str:
    """A word's reading as rich text, each syllable in its tone's colour (escaped)."""
    return written_html(written_reading([s for s in syllables if s is not None], style), colours)


def written_html(written: Sequence[WrittenSyllable], colours: ToneColours) -> str:
    """A reading as written (WordLookup.written: Xí Jìnpíng), each syllable in its tone's
    colour (escaped)."""
    paper = popup_colours().paper
    parts = []
    for part in written:
        colour = colours.colour(int(part.syllable[-1]), paper) if part.syllable else None
        text = html.escape(part.text)
        if colour is not None:
            text = f'<span style="color:{colour}">{text}</span>'
        parts.append(html.escape(part.before) + text)
    return "".join(parts)
