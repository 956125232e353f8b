"""The saved words as an Anki package (.apkg), made with genanki.

The note type and the deck have fixed ids and each note's GUID comes from the saved word's
id, so importing a new export into Anki updates the cards made from the last one (their
review history kept) instead of adding copies. Every piece of the document's text is
HTML-escaped before it goes into a field: Anki shows fields as HTML, and a sentence such as
`<img src=x onerror=...>` must show as written.
"""

from __future__ import annotations

import html
import itertools
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import genanki

from reader.store.vocabulary_fields import FIELD_NAMES, meanings, sentence_parts

if TYPE_CHECKING:
    from reader.store.saved_words import SavedWord

MODEL_ID = 1892236308
"""The note type's id in Anki: fixed, so a new export updates the notes of an older one."""
MODEL_NAME = "Reader vocabulary"
DECK_ID = 1923603784
DECK_NAME = "Reader vocabulary"

_STYLE = """\
.card { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
        font-size: 22px; text-align: center; color: #222; background: #fffdf8; }
.hanzi { font-size: 56px; }
.traditional { font-size: 28px; color: #777; }
.pinyin { font-size: 26px; color: #255a8a; }
.meaning { font-size: 20px; margin: 8px 0; }
.hsk, .source { font-size: 14px; color: #888; }
.sentence { font-size: 26px; margin: 12px 0; }
.sentence b { color: #a0522d; }
.blank b { color: transparent; border-bottom: 2px solid #a0522d; }
.sentence-pinyin { font-size: 16px; color: #555; }
.hint { font-size: 18px; color: #777; }
"""

_READING = """\
<div class="pinyin">{{Pinyin}}</div>
<div class="meaning">{{Meaning}}</div>
{{#HSK}}<div class="hsk">{{HSK}}</div>{{/HSK}}"""

_SOURCE = """\
<div class="sentence-pinyin">{{Sentence pinyin}}</div>
<div class="source">{{Source}}</div>"""

TEMPLATES = [
    {
        "name": "Recognition",
        "qfmt": '<div class="hanzi">{{Hanzi}}</div>',
        "afmt": "\n".join(
            (
                "{{FrontSide}}",
                '<hr id="answer">',
                '{{#Traditional}}<div class="traditional">{{Traditional}}</div>{{/Traditional}}',
                _READING,
                '<div class="sentence">{{Sentence}}</div>',
                _SOURCE,
            )
        ),
    },
    {
        "name": "Sentence cloze",
        "qfmt": (
            '<div class="sentence blank">{{Sentence}}</div>\n'
            '{{#Meaning}}<div class="hint">{{Meaning}}</div>{{/Meaning}}'
        ),
        "afmt": "\n".join(
            (
                '<div class="sentence">{{Sentence}}</div>',
                '<hr id="answer">',
                '<div class="hanzi">{{Hanzi}}</div>',
                _READING,
                _SOURCE,
            )
        ),
    },
]
"""Recognition: the word, then its reading, meaning and sentence. Sentence cloze: the
sentence with the word blanked (the marked word drawn as an empty line) and its meaning,
then the word."""

MODEL = genanki.Model(
    MODEL_ID,
    MODEL_NAME,
    fields=[{"name": name} for name in FIELD_NAMES],
    templates=TEMPLATES,
    css=_STYLE,
)


def note_fields(saved: SavedWord) -> list[str]:
    """The note's fields in FIELD_NAMES order, as HTML: the document's text escaped, the
    word marked in its sentence with <b>, the senses one per line."""
    parts = sentence_parts(saved)
    marked = f"{_escaped(parts.before)}<b>{_escaped(parts.word)}</b>{_escaped(parts.after)}"
    return [
        _escaped(saved.word),
        _escaped(saved.traditional),
        _escaped(saved.pinyin),
        "<br>".join(_escaped(sense) for sense in meanings(saved)),
        _escaped(saved.hsk),
        marked,
        _escaped(saved.sentence_pinyin),
        _escaped(saved.source),
    ]


def note_guid(saved: SavedWord) -> str:
    """The note's GUID, from the saved word's id alone: the same at every export."""
    return genanki.guid_for(saved.id)


def write_deck(
    path: Path, saved_words: Sequence[SavedWord], timestamp: float | None = None
) -> None:
    """Write every saved word to `path` as an .apkg. The file appears whole or not at all
    (written beside it, then renamed); OSError when it cannot be written."""
    deck = genanki.Deck(DECK_ID, DECK_NAME, "Words saved in Reader, with their sentences.")
    for saved in saved_words:
        tags = [_tag(tag) for tag in saved.tags if _tag(tag)]
        deck.add_note(
            genanki.Note(model=MODEL, fields=note_fields(saved), tags=tags, guid=note_guid(saved))
        )
    moment = time.time() if timestamp is None else timestamp
    path = Path(path)
    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(collection)
        try:
            genanki.Package(deck).write_to_db(
                connection.cursor(), moment, itertools.count(int(moment * 1000))
            )
            connection.commit()
        finally:
            connection.close()
        partial = path.with_name(f".{path.name}.partial")
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as package:
                package.write(collection, "collection.anki2")
                package.writestr("media", "{}")
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


def _tag(tag: str) -> str:
    """A tag as Anki takes it: one word (spaces become underscores)."""
    return "_".join(tag.split())
