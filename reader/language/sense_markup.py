"""CC-CEDICT's markup inside a sense, read into pieces a reader can be shown.

A sense refers to other words as `trad|simp[pin1 yin1]`, `simp[pin1 yin1]`, `trad|simp` or
the bare characters, gives measure words as `CL:個|个[ge4],條|条[tiao2]`, and writes a
reading on its own in brackets (`Taiwan pr. [jiao4]`). Shown raw, that is noise to a
learner; `parse_sense` turns a sense into plain text, references, readings and measure
words, and `sense_text` writes them as the pop-up and `reader lookup` show them:
"measure word: 个 gè", "variant of 万（萬）wàn", "Taiwan pr. jiào".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.language.pinyin import PLACEHOLDER, PinyinStyle, numbered, reading_text

_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U000323af"
_FORM = rf"(?:[{_HAN}A-Za-z0-9·…∼～\u0370-\u03ff，、]|\.\.\.)+"
"""The characters of a written word in a sense: Han, and what some words mix in (B超,
3C, γ射线, 珍·奥斯汀, 就…, 丈二和尚，摸不着头脑)."""
_REFERENCE = rf"(?P<first>{_FORM})(?:\|(?P<second>{_FORM})?)?\|?(?:\[(?P<reading>[^\[\]]*)\])?"
"""trad|simp[pin1 yin1], either part optional; a stray "|" before the bracket (胡同|胡同|[...])
is taken with it."""
_UNNAMED = re.sub(r"\?P<\w+>", "?:", _REFERENCE)
_PIECE = re.compile(
    rf"(?P<measures>CL:{_UNNAMED}(?:,{_UNNAMED})*)|{_REFERENCE}|\[(?P<alone>[^\[\]]*)\]"
)
_ONE_REFERENCE = re.compile(_REFERENCE)
_HAN_CHAR = re.compile(f"[{_HAN}]")
_LIST_MARKS = re.compile("([，、])")
_GLUED_WORD = re.compile("[a-z]+")
_ROMAN_PART = re.compile(r"[A-Za-z0-9·,γ]+")


@dataclass(frozen=True)
class Reference:
    """A word a sense refers to; either form may be the same as the other."""

    simplified: str
    traditional: str
    reading: tuple[str, ...] = ()
    """CC-CEDICT's reading of it in parts ("Xi2", "Jin4", "ping2"); empty if none is given."""

    def syllables(self) -> tuple[str | None, ...] | None:
        """The reading as one numbered syllable (or None) per character, if it fits the word."""
        if len(self.reading) != len(self.simplified):
            return None
        return tuple(numbered(part) if part != PLACEHOLDER else None for part in self.reading)


@dataclass(frozen=True)
class Reading:
    """A reading standing alone: "also pr. [pou1]", "(Taiwan pr. [jiao4])"."""

    parts: tuple[str, ...]


@dataclass(frozen=True)
class MeasureWords:
    """`CL:` and the measure words (classifiers) the word is counted with."""

    words: tuple[Reference, ...]


Piece = str | Reference | Reading | MeasureWords


@lru_cache(maxsize=4096)
def parse_sense(sense: str) -> tuple[Piece, ...]:
    """A sense as plain text and the markup's pieces, in order; plain text is kept as it is."""
    pieces: list[Piece] = []
    position = 0
    for match in _PIECE.finditer(sense):
        found = _pieces_of(match)
        if found is None:
            continue
        if match.start() > position:
            pieces.append(sense[position : match.start()])
        pieces.extend(found)
        position = match.end()
    if position < len(sense):
        pieces.append(sense[position:])
    return _joined(pieces)


def sense_text(pieces: Sequence[Piece], style: PinyinStyle = PinyinStyle.MARKS) -> str:
    """The pieces as a reader reads them: "measure words: 个 gè, 条 tiáo", "劳碌 láolù"."""
    return "".join(piece_text(piece, style) for piece in pieces)


def piece_text(piece: Piece, style: PinyinStyle = PinyinStyle.MARKS) -> str:
    if isinstance(piece, str):
        return piece
    if isinstance(piece, Reference):
        return reference_text(piece, style)
    if isinstance(piece, Reading):
        return reading_text(piece.parts, style)
    return measure_label(piece) + ", ".join(
        reference_text(word, style, traditional=False) for word in piece.words
    )


def measure_label(piece: MeasureWords) -> str:
    return "measure words: " if len(piece.words) > 1 else "measure word: "


def reference_text(
    reference: Reference, style: PinyinStyle = PinyinStyle.MARKS, traditional: bool = True
) -> str:
    """ "个（個）gè": the simplified form, the traditional beside it if it differs (and if
    `traditional`), then the reading."""
    forms = traditional_text(reference, traditional)
    reading = reference_reading(reference, style)
    space = " " if reading and not forms else ""
    return f"{reference.simplified}{forms}{space}{reading}"


def traditional_text(reference: Reference, shown: bool = True) -> str:
    if not shown or reference.traditional == reference.simplified:
        return ""
    return f"（{reference.traditional}）"


def reference_reading(reference: Reference, style: PinyinStyle = PinyinStyle.MARKS) -> str:
    return reading_text(reference.reading, style) if reference.reading else ""


@dataclass(frozen=True)
class EntrySenses:
    """An entry's senses read: its meanings in order, and apart from them the senses that
    only give measure words ("CL:個|个[ge4]"), which a reader looks for at the end."""

    meanings: tuple[tuple[Piece, ...], ...]
    measure_words: tuple[MeasureWords, ...]


def entry_senses(senses: Sequence[str]) -> EntrySenses:
    meanings: list[tuple[Piece, ...]] = []
    measure_words: list[MeasureWords] = []
    for sense in senses:
        pieces = parse_sense(sense)
        if len(pieces) == 1 and isinstance(pieces[0], MeasureWords):
            measure_words.append(pieces[0])
        else:
            meanings.append(pieces)
    return EntrySenses(tuple(meanings), tuple(measure_words))


def _pieces_of(match: re.Match[str]) -> list[Piece] | None:
    """What one match of the markup stands for; None if it is no markup after all."""
    if match.group("measures") is not None:
        found = (_reference(one) for one in _ONE_REFERENCE.finditer(match.group("measures")[3:]))
        return [MeasureWords(tuple(word for word, _ in found if word is not None))]
    if match.group("alone") is not None:
        parts = _reading(match.group("alone"))
        return [Reading(parts)] if parts is not None else None
    reference, rest = _reference(match)
    if reference is None:
        return None
    if reference.reading or reference.simplified != reference.traditional:
        return [reference, *rest]
    # Bare characters: a list of words (甲、乙) is several references, and an English word
    # written against the characters (stroke𠄌) is none.
    glued = _GLUED_WORD.match(reference.simplified)
    start = glued.end() if glued else 0
    split = [part for part in _LIST_MARKS.split(reference.simplified[start:]) if part]
    bare: list[Piece] = [reference.simplified[:start]] if start else []
    bare.extend(Reference(part, part) if _HAN_CHAR.search(part) else part for part in split)
    return [*bare, *rest]


def _reference(match: re.Match[str]) -> tuple[Reference | None, list[Piece]]:
    """The reference a match holds, and the bracket after it if that is no reading (kept as
    text); no reference where the words hold no Han and nothing marks them as one."""
    first, second, bracket = match.group("first", "second", "reading")
    traditional, simplified = first, second or first
    parts = _reading(bracket) if bracket is not None else None
    rest: list[Piece] = [] if bracket is None or parts is not None else [f"[{bracket}]"]
    marked = second is not None or parts is not None
    if not _HAN_CHAR.search(first) and not marked:
        return None, rest
    return Reference(simplified, traditional, parts or ()), rest


def _reading(bracket: str) -> tuple[str, ...] | None:
    """The parts of a bracket that holds pinyin (at least one numbered syllable, the rest
    letters, commas or dots); None for anything else (Tai-lo, "[ ]")."""
    parts = tuple(bracket.split())
    syllables = [numbered(part) for part in parts]
    if not any(syllables) or not all(
        syllable or _ROMAN_PART.fullmatch(part)
        for part, syllable in zip(parts, syllables, strict=True)
    ):
        return None
    return parts


def _joined(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring plain texts as one."""
    joined: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and joined and isinstance(joined[-1], str):
            joined[-1] += piece
        else:
            joined.append(piece)
    return tuple(joined)
