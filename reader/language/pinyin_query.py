"""A find query typed in pinyin, parsed into the syllables it may stand for.

A reader types pinyin as it comes: toneless (`zhugeliang`, `zhuge liang`), with tone numbers
(`zhu1ge3liang4`), with tone marks (`zhūgěliàng`), ü as `v`, `ü` or `u:`, in any case.
Spaces and apostrophes (also ’ and -) mark syllable boundaries. Inside a run of letters the
pinyin apostrophe rule decides where syllables may start: one that begins with a, o or e
must be marked off (`xi'an`), so `xian` is one syllable (先, 县), never xī'ān; a tone
number ends a syllable as an apostrophe does (`xi1an1`). Where a run still splits in more
than one way (`hang`: hang, or ha + ng? the syllabic nasals m, n, ng, hm, hng and ê count
only as a whole run), every split is kept and tried. A run that has no split under the rule
is split without it (`dier` → di + er), as a reader who skipped the apostrophe meant.

Tones: a syllable with a number compares its tone (5 or 0 is the neutral tone); one with a
mark too. In a query written with marks, an unmarked syllable is neutral (péngyou), as
pinyin writes it; in one with numbers or none, a syllable without a number matches any tone,
so that `zhu1ge3lia` finds something while it is being typed.

Chinese characters mixed with pinyin (`诸ge`) are not a pinyin query: a clear error says so.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from reader.language.pinyin import load_pypinyin

MAX_PARSES = 64
"""Splits of one query tried at most; real queries have one to four."""
SEPARATORS = frozenset(" \t'’‘-·")
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_DIAERESIS = "\u0308"
_CIRCUMFLEX = "\u0302"
_VOWEL_STARTS = frozenset("aoe")
_WHOLE_RUN_ONLY = frozenset({"m", "n", "ng", "hm", "hng", "ê", "r"})
"""Syllables that stand only as a whole run of letters: inside one they would split
`hang` into ha + ng, `xin` into xi + n."""
_LONGEST = 6  # zhuang, shuang
_J_Q_X_Y = frozenset("jqxy")


class PinyinQueryError(ValueError):
    """The query is not pinyin; the message says why, for the find bar and the CLI."""


@dataclass(frozen=True)
class QuerySyllable:
    """One syllable of a query: toneless (ü as v), and its tone 1–5, or None for any."""

    base: str
    tone: int | None

    def matches(self, syllable: str) -> bool:
        """True if a numbered reading ("lv4", "de5") is this syllable."""
        base, tone = syllable[:-1], syllable[-1]
        if self.tone is not None and str(self.tone) != tone:
            return False
        return canonical(base) == self.base


@dataclass(frozen=True)
class PinyinQuery:
    """A parsed query: its splits into syllables, each tried; all the same length or not."""

    text: str
    parses: tuple[tuple[QuerySyllable, ...], ...]

    @property
    def toned(self) -> bool:
        return any(s.tone is not None for parse in self.parses for s in parse)


def canonical(base: str) -> str:
    """A toneless syllable in one spelling: ü as v, but u after j, q, x, y (ju, not jv), and
    the common lue/nue for lüe/nüe."""
    base = base.replace("ü", "v").replace("u:", "v")
    if base[:1] in _J_Q_X_Y:
        return base.replace("v", "u")
    if base in ("lue", "nue"):
        return base[0] + "ve"
    return base


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin knows a character to be read (426: a … zuo)."""
    load_pypinyin()
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal

    readings = {reading for value in PINYIN_DICT.values() for reading in value.split(",")}
    return frozenset(canonical(to_normal(reading)) for reading in readings)


def looks_like_pinyin(query: str) -> bool:
    """True for a query in Latin letters (with tone marks, numbers, spaces, apostrophes):
    what the find bar reads as pinyin rather than as characters."""
    letters = [c for c in unicodedata.normalize("NFD", query.strip()) if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)


def unfinished_pinyin(query: str) -> bool:
    """True if `query` is not pinyin yet but ends inside a syllable that more letters
    would finish (`zhug`, `xi'a`, `z`): the find bar waits for them instead of saying the
    query is wrong while the reader is still typing it."""
    text = unicodedata.normalize("NFC", query).rstrip("0123456789")
    if not text or text[-1] in SEPARATORS:
        return False
    prefixes = _syllable_prefixes()
    for size in range(1, min(_LONGEST, len(text)) + 1):
        fragment = canonical(text[-size:].lower())
        if fragment not in prefixes:
            break
        head = text[:-size]
        if not head.strip("".join(SEPARATORS)):
            return True
        try:
            parse_query(head)
        except PinyinQueryError:
            continue
        return True
    return False


@cache
def _syllable_prefixes() -> frozenset[str]:
    return frozenset(s[:n] for s in syllables() for n in range(1, len(s) + 1))


def parse_query(query: str) -> PinyinQuery:
    """The splits of `query` into syllables; PinyinQueryError if it is not pinyin."""
    runs, marked = _runs(query)
    if not runs:
        raise PinyinQueryError(f"{query!r} is not pinyin: it holds no letters")
    per_run = [_split_run(run, marked, query) for run in runs]
    parses: list[tuple[QuerySyllable, ...]] = [()]
    for splits in per_run:
        parses = [done + split for done in parses for split in splits][:MAX_PARSES]
    return PinyinQuery(query, tuple(dict.fromkeys(parses)))


_Letter = tuple[str, int | None]
"""A letter of a run (lowercase, ü as v, ê kept) and the tone its mark gives, if any;
a tone number is the letter "1"–"5" (0 read as 5)."""


def _runs(query: str) -> tuple[list[list[_Letter]], bool]:
    """The runs of letters between separators, and whether any letter carries a tone mark."""
    runs: list[list[_Letter]] = [[]]
    marked = False
    for char in unicodedata.normalize("NFD", query.strip().lower()):
        if char in SEPARATORS or char.isspace():
            runs.append([])
        elif char in _TONE_MARKS:
            _mark(runs[-1], query, _TONE_MARKS[char])
            marked = True
        elif char == _DIAERESIS or char == ":":
            if not runs[-1] or runs[-1][-1][0] != "u":
                raise PinyinQueryError(f"{query!r} is not pinyin: {char!r} stands after u only")
            runs[-1][-1] = ("v", runs[-1][-1][1])
        elif char == _CIRCUMFLEX and runs[-1] and runs[-1][-1][0] == "e":
            runs[-1][-1] = ("ê", runs[-1][-1][1])
        elif char.isascii() and char.isdigit():
            if char not in "012345":
                raise PinyinQueryError(f"{query!r} is not pinyin: a tone is 1 to 5, not {char}")
            runs[-1].append(("5" if char == "0" else char, None))
        elif char.isascii() and char.isalpha():
            runs[-1].append((char, None))
        else:
            raise PinyinQueryError(_not_pinyin(query, char))
    return [run for run in runs if run], marked


def _mark(run: list[_Letter], query: str, tone: int) -> None:
    if not run or not run[-1][0].isalpha():
        raise PinyinQueryError(f"{query!r} is not pinyin: a tone mark stands on no vowel")
    letter, _ = run[-1]
    run[-1] = (letter, tone)


def _not_pinyin(query: str, char: str) -> str:
    from reader.language.pinyin import is_han

    if is_han(char):
        return (
            f"{query!r} mixes characters and pinyin, which find does not do: "
            "search for the characters or for the pinyin alone"
        )
    return f"{query!r} is not pinyin: {char!r} is no pinyin letter"


def _split_run(run: list[_Letter], marked: bool, query: str) -> list[tuple[QuerySyllable, ...]]:
    """Every split of one run into syllables, under the apostrophe rule if any obeys it."""
    for strict in (True, False):
        splits = _splits(run, 0, strict, marked, whole=True)
        if splits:
            return splits
    raise PinyinQueryError(f"{query!r} is not pinyin: it cannot be read as pinyin syllables")


def _splits(
    run: list[_Letter], start: int, strict: bool, marked: bool, whole: bool
) -> list[tuple[QuerySyllable, ...]]:
    """The splits of `run[start:]`; `whole` when `start` begins the run."""
    if start == len(run):
        return [()]
    found: list[tuple[QuerySyllable, ...]] = []
    known = syllables()
    for length in range(1, min(_LONGEST, len(run) - start) + 1):
        letters = run[start : start + length]
        if not all(letter.isalpha() for letter, _ in letters):
            break
        base = canonical("".join(letter for letter, _ in letters))
        if base not in known:
            continue
        end = start + length
        number = run[end][0] if end < len(run) and run[end][0].isdigit() else None
        if base in _WHOLE_RUN_ONLY and not (whole and end + (number is not None) == len(run)):
            continue
        tone = _tone(letters, number, marked)
        if tone is False:
            continue
        following = end + (number is not None)
        if (
            strict
            and number is None
            and following < len(run)
            and run[following][0] in _VOWEL_STARTS
        ):
            continue
        syllable = QuerySyllable(base, tone)
        for rest in _splits(run, following, strict, marked, whole=False):
            found.append((syllable, *rest))
            if len(found) >= MAX_PARSES:
                return found
    return found


def _tone(letters: list[_Letter], number: str | None, marked: bool) -> int | bool | None:
    """The syllable's tone, None for any, or False where marks and number disagree."""
    marks = {tone for _, tone in letters if tone is not None}
    if len(marks) > 1:
        return False
    mark = marks.pop() if marks else None
    if number is not None:
        if mark is not None and mark != int(number):
            return False
        return int(number)
    if mark is not None:
        return mark
    return 5 if marked else None
