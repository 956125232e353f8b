"""A saved word as the exports write it: the same fields, in the same order, for Anki and CSV.

Plain text here; each export writes it its own way (the deck as HTML with every piece of the
document's text escaped, the CSV as text cells).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.store.saved_words import SavedWord

FIELD_NAMES = (
    "Hanzi",
    "Traditional",
    "Pinyin",
    "Meaning",
    "HSK",
    "Sentence",
    "Sentence pinyin",
    "Source",
)
"""The note type's fields and the CSV's first columns, in this order."""


@dataclass(frozen=True)
class SentenceParts:
    """The saved sentence cut around the word: what comes before it, the word, what follows."""

    before: str
    word: str
    after: str


def sentence_parts(saved: SavedWord) -> SentenceParts:
    sentence = saved.sentence
    return SentenceParts(
        sentence[: saved.word_start],
        sentence[saved.word_start : saved.word_end],
        sentence[saved.word_end :],
    )


def meanings(saved: SavedWord) -> list[str]:
    """The chosen senses, one per item (stored one per line)."""
    return [line.strip() for line in saved.meaning.splitlines() if line.strip()]
