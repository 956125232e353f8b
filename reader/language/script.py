"""Simplified and traditional script: fold a text to one script for find, convert it for display.

Both keep the one-offset rule (DESIGN.md §2): the result has as many code points as the
text, and each character as many UTF-16 units as the one it replaces, so every offset into
the document means the same character in the result.

Built on OpenCC (the official binding, `opencc` on PyPI), loaded on first use only: its
dictionaries take from 10 ms (t2s) to a few tenths of a second (s2tw, whose phrase table
also segments) to open, which the window must not pay before its first paint when the text
is shown as written.

`fold` replaces each character by one simplified character, from a table made once by
running OpenCC over every Han character on its own (t2s, then the Taiwan and Hong Kong
variants for what t2s leaves), so 諸葛亮, 诸葛亮 and 乾淨/干净 fold alike.

`display_text` converts phrase by phrase (乾淨 → 干净, 頭髮 → 头发, 干部 → 幹部: a character
table alone cannot choose among 乾, 幹 and 干). It converts every run of Han characters
between two non-Han characters (a clause, as punctuation ends it) in one OpenCC call; a run
whose conversion has another length, or would change a character's UTF-16 width, is kept as
written, whole, since inside it the conversion's characters no longer line up with the text's.
"""

from __future__ import annotations

import re
import threading
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

HAN_RANGES = (
    (0x2E80, 0x2FE0),  # radicals
    (0x3005, 0x3008),  # 々 〆 〇
    (0x3021, 0x302A),  # Hangzhou numerals
    (0x3400, 0x4DC0),  # extension A
    (0x4E00, 0xA000),  # unified ideographs
    (0xF900, 0xFB00),  # compatibility ideographs
    (0x20000, 0x323B0),  # extensions B to H and the supplement
)
"""Code points OpenCC may convert; every other character is left as it is."""

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _han_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One that splits a text into non-Han and Han runs (the Han runs at odd indexes), one
    that matches Han characters and line breaks only. Compiled on first use: their classes
    take milliseconds, which the window would otherwise pay before its first paint."""
    han = "".join(f"{chr(low)}-{chr(high - 1)}" for low, high in HAN_RANGES)
    return re.compile(f"([{han}]+)"), re.compile(f"[{han}\n]*")


FOLD_CONFIGS = ("t2s", "tw2s", "hk2s")
"""OpenCC conversions a character is folded by, in turn, until one changes it."""
TO_TRADITIONAL = "s2tw"
"""Taiwan's standard character forms (為, 裡, 線), the ones traditional readers see in print
every day, rather than OpenCC's own (爲, 裏, 綫). Not s2twp, which also swaps mainland words
for Taiwanese ones (软件 → 軟體, 信息 → 資訊): that would rewrite what the author wrote."""
TO_SIMPLIFIED = "tw2s"
"""Undoes the Taiwan forms first (著 → 着 in 看著) and converts OpenCC's own forms too."""


class Script(str, Enum):
    """How the reader chose to see the text; the value is what the settings store."""

    AS_WRITTEN = "as-written"
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


_lock = threading.Lock()
_converters: dict[str, opencc.OpenCC] = {}
_fold_lock = threading.Lock()
_fold_table: dict[int, str] | None = None


def converter(config: str) -> opencc.OpenCC:
    """OpenCC's converter for `config`, opened once; characters that fonts may lack stay out."""
    with _lock:
        found = _converters.get(config)
        if found is None:
            import opencc

            found = opencc.OpenCC(config, include_tofu_risk_dictionaries=False)
            _converters[config] = found
        return found


def _han_characters() -> list[str]:
    return [chr(code) for low, high in HAN_RANGES for code in range(low, high)]


def _build_fold_table() -> dict[int, str]:
    """Each Han character OpenCC simplifies to one character (of the same UTF-16 width)."""
    characters = _han_characters()
    table: dict[int, str] = {}
    for config in FOLD_CONFIGS:
        # One call for all: no dictionary entry spans a newline, so each converts alone.
        converted = converter(config).convert("\n".join(characters)).split("\n")
        if len(converted) != len(characters):
            continue
        for original, simplified in zip(characters, converted, strict=True):
            if (
                simplified != original
                and ord(original) not in table
                and _same_width(original, simplified)
            ):
                table[ord(original)] = simplified
    # Follow chains (A → B → C) so that folding twice changes nothing.
    for code, simplified in table.items():
        seen = {code}
        while ord(simplified) in table and ord(simplified) not in seen:
            seen.add(ord(simplified))
            simplified = table[ord(simplified)]
        table[code] = simplified
    return {code: simplified for code, simplified in table.items() if chr(code) != simplified}


def _same_width(original: str, replacement: str) -> bool:
    """One character for one, taking as many UTF-16 units."""
    return len(replacement) == 1 and (original > "\uffff") == (replacement > "\uffff")


def fold_table() -> dict[int, str]:
    """The `str.translate` table behind `fold`, built on first use (a tenth of a second or more)."""
    global _fold_table
    if _fold_table is None:
        with _fold_lock:
            if _fold_table is None:
                _fold_table = _build_fold_table()
    return _fold_table


def fold(text: str) -> str:
    """`text` with every character replaced by one simplified character, so offsets stay."""
    return text.translate(fold_table())


def display_text(text: str, script: Script) -> str:
    """`text` as the reader chose to see it: same length, same UTF-16 width per character."""
    if script is Script.AS_WRITTEN or not text:
        return text
    pieces = _han_patterns()[0].split(text)
    runs = pieces[1::2]
    if not runs:
        return text
    config = TO_TRADITIONAL if script is Script.TRADITIONAL else TO_SIMPLIFIED
    joined = "\n".join(runs)
    converted_joined = converter(config).convert(joined)
    converted = converted_joined.split("\n")
    if len(converted) != len(runs):
        return text
    if (
        list(map(len, converted)) == list(map(len, runs))
        and _han_patterns()[1].fullmatch(converted_joined)
        and not (_ASTRAL.search(joined) or _ASTRAL.search(converted_joined))
    ):
        pieces[1::2] = converted  # the common case, checked for the whole text at once
    else:
        for index, (run, new) in enumerate(zip(runs, converted, strict=True)):
            if new != run and _fits(run, new):
                pieces[2 * index + 1] = new
    return "".join(pieces)


def _fits(run: str, new: str) -> bool:
    """Whether `new` can stand for `run` character by character."""
    if len(new) != len(run) or not _han_patterns()[1].fullmatch(new):
        return False
    if not (_ASTRAL.search(run) or _ASTRAL.search(new)):
        return True
    return all((a > "\uffff") == (b > "\uffff") for a, b in zip(run, new, strict=True))
