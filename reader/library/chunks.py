"""The pieces of a document's text the library index stores, and what FTS5 gets of each.

A chunk is about CHUNK_SIZE characters cut after a line break, so a query (which never spans
a line break unless it holds one) is found whole inside one chunk. A line longer than
LONGEST_CHUNK is cut inside; such a chunk also stores the next OVERLAP characters, and only
matches that start in its own part count, so a query up to OVERLAP characters long is still
found where the cut falls.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.language.pinyin_query import canonical
from reader.language.script import fold

CHUNK_SIZE = 1_000
LONGEST_CHUNK = 4_000
OVERLAP = 64
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
LEVEL = 1
"""zlib's level for stored text and readings: the fastest, for a third less than level 6."""
HAN = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U000323af]"
)
"""A Han character, as reader.language.pinyin.is_han tells one."""
HAN_RUNS = re.compile(HAN.pattern + "+")


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


def toneless(name: str) -> str:
    """The FTS token of a numbered syllable: "lv4" -> "lv", "xx5" (no reading) -> "xx"."""
    return canonical(name[:-1])


def fts_row(
    chunk_id: int, form: str, readings: array, tokens: Sequence[str]
) -> tuple[int, str, str, str]:
    """(id, search form but Han characters, Han characters, toneless syllables) as the FTS
    tables take them.

    `readings` has a syllable id per character (0 for none: every character but Han ones
    the dictionary reads); `tokens` gives each id's toneless syllable. The syllables are
    those of the characters read, in order: a phrase of them holds every run of side-by-side
    characters read so, and the exact places are checked on `readings` afterwards."""
    hans = " ".join(HAN.findall(form))
    syls = " ".join(map(tokens.__getitem__, filter(None, readings)))
    return chunk_id, HAN_RUNS.sub(" ", form), hans, syls


def fts_rows(
    rows: Iterable[tuple[int, bytes, bytes]], tokens: Sequence[str]
) -> Iterator[tuple[int, str, str, str]]:
    """FTS rows made again from stored chunks (id, packed text, packed readings)."""
    for chunk_id, packed_text, packed_readings in rows:
        form = search_form(unpack_text(packed_text))
        readings = array("H", zlib.decompress(packed_readings))
        yield fts_row(chunk_id, form, readings, tokens)


def pack_text(text: str) -> bytes:
    """A chunk's text as stored: UTF-8, compressed (Chinese text takes about half)."""
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack_text(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def pack_readings(readings: bytes) -> bytes:
    """A chunk's readings as stored: `array("H")` bytes, one id per character, compressed."""
    return zlib.compress(readings, LEVEL)


def unpack_readings(packed: bytes) -> str:
    """A chunk's readings as a string: each syllable id a character (see readings_text)."""
    return readings_text(zlib.decompress(packed))


def readings_text(readings: bytes) -> str:
    """`array("H")` bytes of syllable ids as a string of as many characters, each id the
    code point: a pattern over it finds runs of readings in C (ids stay far below the
    surrogates: there are some 1,500 toned syllables)."""
    return readings.decode(_UTF16)
