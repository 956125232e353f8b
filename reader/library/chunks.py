"""The pieces of a document's text the library index stores, and what FTS5 gets of each.

A chunk is about CHUNK_SIZE characters cut after a line break, so a query (which never spans
a line break unless it holds one) is found whole inside one chunk. A line longer than
LONGEST_CHUNK is cut inside; such a chunk also stores the next OVERLAP characters, and only
matches that start in its own part count, so a query up to OVERLAP characters long is still
found where the cut falls.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.language.pinyin_query import canonical
from reader.language.script import fold

CHUNK_SIZE = 1_000
LONGEST_CHUNK = 4_000
OVERLAP = 64
HAN = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U000323af]"
)
"""A Han character, as reader.language.pinyin.is_han tells one."""
HAN_RUN = re.compile(HAN.pattern + "+")


@dataclass(frozen=True)
class Chunk:
    start: int
    length: int
    """Characters of its own; `text` may go OVERLAP further (a long line cut inside)."""
    text: str


def cut(text: str) -> Iterator[Chunk]:
    """The chunks of `text`, in order, covering it all."""
    start = 0
    size = len(text)
    while start < size:
        end = text.find("\n", min(start + CHUNK_SIZE, size) - 1)
        end = size if end < 0 else end + 1
        if end - start > LONGEST_CHUNK:
            end = text.rfind("\n", start, start + LONGEST_CHUNK) + 1
        if end <= start:  # one line longer than LONGEST_CHUNK: cut inside it
            end = start + LONGEST_CHUNK
            yield Chunk(start, end - start, text[start : end + OVERLAP])
        else:
            yield Chunk(start, end - start, text[start:end])
        start = end


def search_form(text: str) -> str:
    """`text` as queries are compared with it: folded to simplified script, lowercased where
    lowering keeps the length (as reader.language.find.Finder compares)."""
    folded = fold(text)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else folded


def han_offsets(text: str) -> list[int]:
    """The offsets of the Han characters of `text`: a token's position in `han_fts`."""
    return [match.start() for match in HAN.finditer(text)]


class HanRuns:
    """The runs of side-by-side Han characters of a text: where the Han character of a
    given rank stands, and whether a few from one rank on stand side by side. Cheaper
    than every Han character's offset: punctuation breaks a text into far fewer runs."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ranks: list[int] = []
        """The rank of each run's first Han character."""
        self._sizes: list[int] = []
        rank = 0
        for match in HAN_RUN.finditer(text):
            start, end = match.span()
            self._starts.append(start)
            self._ranks.append(rank)
            self._sizes.append(end - start)
            rank += end - start

    def place(self, rank: int, size: int) -> int | None:
        """The offset of the Han character of `rank` if it and the `size - 1` after it
        stand side by side, else None."""
        run = bisect.bisect_right(self._ranks, rank) - 1
        if run < 0:
            return None
        inside = rank - self._ranks[run]
        if inside + size > self._sizes[run]:
            return None
        return self._starts[run] + inside


def toneless(name: str) -> str:
    """The FTS token of a numbered syllable: "lv4" -> "lv", "xx5" (no reading) -> "xx"."""
    return canonical(name[:-1])


def fts_row(
    chunk_id: int, text: str, form: str, readings: array, tokens: Sequence[str]
) -> tuple[int, str, str, str]:
    """(id, folded text, Han characters, toneless syllables) as the FTS tables take them:
    the Han characters are those of the text as written, in their folded form; `tokens`
    is the toneless syllable of each syllable id."""
    hans = " ".join([form[offset] for offset in han_offsets(text)])
    syls = " ".join(map(tokens.__getitem__, readings))
    return chunk_id, form, hans, syls


def fts_rows(
    rows: Iterable[tuple[int, str, bytes]], tokens: Sequence[str]
) -> Iterator[tuple[int, str, str, str]]:
    """FTS rows made again from stored chunks (id, text, readings)."""
    for chunk_id, text, blob in rows:
        yield fts_row(chunk_id, text, search_form(text), readings_of(blob), tokens)


def readings_of(blob: bytes) -> array:
    found = array("H")
    found.frombytes(blob)
    return found
