"""Chapter headings as Chinese books write them, and the numbers inside them.

One line is recognised at a time (第一百二十回 甄士隐…, 第九章大团圆, 楔子, Chapter 3,
一、总体要求); whether a text is a book at all, and which of its candidate lines head its
chapters and at what level, is decided over the whole text by `book_headings`. A user's own
pattern replaces all of this with `pattern_headings`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import takewhile

from reader.document.user_pattern import (
    PATTERN_TIME_LIMIT_S,
    UserPattern,
    UserPatternError,
    compile_user_pattern,
)

CHAPTER_MAX_CHARS = 50
"""A longer line that begins like a heading is body text that merely starts with 第X回."""
NUMBERED_MAX_CHARS = 30
"""Numbered headings (一、 (一) 1.) are short labels; longer numbered lines are list paragraphs."""
BOOK_MIN_HEADINGS = 2
"""A text is a book when this many lines head chapters of one kind (第X回, 第X章 ... Chapter N)."""
PATTERN_LINE_MAX_CHARS = 200
"""The longest line a user's heading pattern is tried on."""
HEADING_PATTERN = "heading pattern"  # what messages call a user's chapter pattern
ECHO_MAX_LINES = 10
"""A chapter's heading repeated within this many lines is an echo, whatever its title."""
CONTENTS_MIN_RUN = 3
"""Fewer heading lines in a row than this are empty chapters, not a table of contents."""

# The full-width forms are written as escapes so that no editor's normalisation can turn
# them into their ASCII look-alikes.
CLAUSE_ENDINGS = frozenset("\uff0c\u3002\uff0e\u3001\uff1b\uff1a,;:")
"""，。．、；： — a line ending in one of these is a sentence, never a heading."""
SENTENCE_MARKS = frozenset("\uff0c\u3002\uff0e\uff1b\uff1a\uff01\uff1f,;:!?")
"""，。．；：！？ — none of these appears in the title of a numbered heading."""

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MYRIADS = {"万": 10**4, "萬": 10**4, "亿": 10**8}
_ENGLISH_NUMBERS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

_NUMERAL = "0-9\uff10-\uff19" + "".join(_DIGITS) + "".join(_UNITS) + "".join(_MYRIADS)
_SMALL_NUMERAL = "一二三四五六七八九十百"
_SEPARATORS = " \t\u3000:\uff1a.\uff0e\u3001\u00b7\u30fb-\u2014_"
_SEPARATOR_RUN = f"[{re.escape(_SEPARATORS)}]*"
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_WHITESPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")

# Units after 第X, ranked from the largest part of a book to the smallest.
ORDINAL_RANKS = {"部": 0, "卷": 1, "篇": 1, "集": 1, "回": 2, "章": 2, "话": 2, "节": 3}
_ENGLISH_RANKS = {"part": 0, "book": 0, "chapter": 2}
# 第一部分, 第一回合, 第一集团军 ...: words that begin like a heading but are not one.
_NOT_A_UNIT = "分合团队门幅"
_UNIT = f"[{''.join(ORDINAL_RANKS)}]"
_ORDINAL = re.compile(
    rf"(?P<label>第[ \u3000]*(?P<number>[{_NUMERAL}]+)[ \u3000]*(?P<unit>{_UNIT}))"
    rf"(?![{_NOT_A_UNIT}]){_SEPARATOR_RUN}(?P<title>.*)"
)
_VOLUME = re.compile(rf"(?P<label>卷(?P<number>[{_NUMERAL}]+))(?P<rest>.*)")
_ENGLISH_NUMBER = "|".join(sorted(_ENGLISH_NUMBERS, key=len, reverse=True))
_ENGLISH = re.compile(
    rf"(?P<label>(?P<unit>chapter|part|book)[ \t]+(?P<number>\d+|[ivxlcdm]+|{_ENGLISH_NUMBER}))"
    rf"\b{_SEPARATOR_RUN}(?P<title>.*)",
    re.IGNORECASE,
)
FRONT_MATTER = (
    "楔子",
    "序章",
    "序言",
    "序幕",
    "自序",
    "代序",
    "序",
    "引子",
    "引言",
    "前言",
    "后记",
    "尾声",
    "终章",
    "番外篇",
    "番外",
    "附录",
    "跋",
    "prologue",
    "epilogue",
    "preface",
    "afterword",
)
_NUMBERED_FRONT_MATTER = ("番外", "附录")
"""Front matter that comes in numbered series: 番外一, 附录二."""
_FRONT = re.compile(
    rf"(?P<label>{'|'.join(FRONT_MATTER)})(?P<number>[0-9\uff10-\uff19{_SMALL_NUMERAL}]*)(?P<rest>.*)",
    re.IGNORECASE,
)
# Article-style numbering, from the outermost level in (the order of official documents).
_NUMBERED = (
    (
        "一、",
        re.compile(rf"(?P<label>(?P<number>[{_SMALL_NUMERAL}]+)[ \u3000]*\u3001)(?P<title>.*)"),
    ),
    (
        "(一)",
        re.compile(
            rf"(?P<label>[(\uff08][ \u3000]*(?P<number>[{_SMALL_NUMERAL}]+)[ \u3000]*[)\uff09])"
            r"(?P<title>.*)"
        ),
    ),
    (
        "1.",
        re.compile(
            r"(?P<label>(?P<number>[0-9\uff10-\uff19]{1,3})[ \u3000]*[.\uff0e\u3001])"
            r"(?![0-9\uff10-\uff19])(?P<title>.*)"
        ),
    ),
    (
        "(1)",
        re.compile(
            r"(?P<label>[(\uff08][ \u3000]*(?P<number>[0-9\uff10-\uff19]{1,3})[ \u3000]*[)\uff09])"
            r"(?P<title>.*)"
        ),
    ),
)
NUMBERED_RANKS = {family: 10 + rank for rank, (family, _) in enumerate(_NUMBERED)}
_TITLE_LINE = re.compile(r"《(?P<title>[^《》]{1,40})》[ \t\u3000]*(?P<author>[^《》]{0,30})")


@dataclass(frozen=True)
class ChapterHeading:
    """One line read as a heading: its label (第一回, 楔子, 一、), its title, and its kind."""

    label: str
    title: str
    family: str
    """The unit after 第X (回, 章, 卷 ...), chapter/part/book, front (matter), or a numbering
    (一、 (一) 1. (1))."""
    number: int | None
    rank: int
    """Which heading holds which: a smaller rank is a larger part; front matter is -1."""

    @property
    def heading(self) -> str:
        """The section's name: label and title with one space between, whatever the file had."""
        if not self.title:
            return self.label
        if self.family in NUMBERED_RANKS and _CJK.match(self.title):
            return self.label + self.title
        return f"{self.label} {self.title}"

    @property
    def key(self) -> tuple[str, int | None, str]:
        """Two headings with the same key in a row are one heading and its echo."""
        return (self.family, self.number, self.label if self.number is None else "")


@dataclass(frozen=True)
class HeadingMark:
    """What a heading line becomes: the section's name and its level (1 at the top)."""

    heading: str
    level: int


def collapse_spaces(text: str) -> str:
    """Runs of spaces, tabs and U+3000 become one space: the form a section's name is shown in."""
    return _WHITESPACE.sub(" ", text).strip()


def parse_number(text: str) -> int | None:
    """一百二十 is 120, 一二零 (digit by digit) 120, 两千 2000, １２ 12, XII 12; else None."""
    if not text:
        return None
    if text.isdecimal():
        return int(text)
    lowered = text.lower()
    if lowered in _ENGLISH_NUMBERS:
        return _ENGLISH_NUMBERS[lowered]
    if _ROMAN.fullmatch(text):
        return _roman_value(text.upper())
    if all(char in _DIGITS for char in text):
        return int("".join(str(_DIGITS[char]) for char in text))
    return _chinese_value(text)


def _chinese_value(text: str) -> int | None:
    total = section = 0
    digit: int | None = None
    for char in text:
        if char in _DIGITS:
            if digit:  # two digits in a row with no unit between: 一百二三
                return None
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif char in _MYRIADS:
            total += (section + (digit or 0)) * _MYRIADS[char]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _roman_value(text: str) -> int:
    values = [_ROMAN_VALUES[char] for char in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def parse_heading(line: str) -> ChapterHeading | None:
    """The heading on this line (spaces around it ignored), or None if it is not one."""
    text = line.strip()
    if not text or len(text) > CHAPTER_MAX_CHARS or text[-1] in CLAUSE_ENDINGS:
        return None
    if "\u3002" in text:  # 。
        return None
    first = text[0]
    if first == "第":
        return _ordinal(text)
    if first == "卷":
        return _volume(text)
    heading = _front(text)
    if heading is None and first.isascii() and first.isalpha():
        heading = _english(text)
    if heading is None:
        heading = _numbered(text)
    return heading


def _ordinal(text: str) -> ChapterHeading | None:
    match = _ORDINAL.fullmatch(text)
    if match is None:
        return None
    unit = match["unit"]
    return ChapterHeading(
        label=collapse_spaces(match["label"]).replace(" ", ""),
        title=collapse_spaces(match["title"]),
        family=unit,
        number=parse_number(match["number"]),
        rank=ORDINAL_RANKS[unit],
    )


def _volume(text: str) -> ChapterHeading | None:
    match = _VOLUME.fullmatch(text)
    if match is None or not _starts_apart(match["rest"]):
        return None
    return ChapterHeading(
        label=match["label"],
        title=_title_after(match["rest"]),
        family="卷",
        number=parse_number(match["number"]),
        rank=ORDINAL_RANKS["卷"],
    )


def _front(text: str) -> ChapterHeading | None:
    match = _FRONT.fullmatch(text)
    if match is None:
        return None
    label, number, rest = match["label"], match["number"], match["rest"]
    if number and not label.startswith(_NUMBERED_FRONT_MATTER):
        number, rest = "", number + rest
    # 前言不搭后语 is prose; 前言, 前言：…, 番外一 重逢 and 番外一重逢 are headings.
    if not number and not _starts_apart(rest):
        return None
    return ChapterHeading(
        label=label + number,
        title=_title_after(rest),
        family="front",
        number=parse_number(number),
        rank=-1,
    )


def _english(text: str) -> ChapterHeading | None:
    match = _ENGLISH.fullmatch(text)
    if match is None:
        return None
    number = parse_number(match["number"])
    if number is None:
        return None
    unit = match["unit"].lower()
    return ChapterHeading(
        label=collapse_spaces(match["label"]),
        title=collapse_spaces(match["title"]),
        family=unit,
        number=number,
        rank=_ENGLISH_RANKS[unit],
    )


def _numbered(text: str) -> ChapterHeading | None:
    if len(text) > NUMBERED_MAX_CHARS:
        return None
    for family, pattern in _NUMBERED:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        title = collapse_spaces(match["title"])
        if not title or any(char in SENTENCE_MARKS for char in title):
            return None
        return ChapterHeading(
            label=collapse_spaces(match["label"]).replace(" ", ""),
            title=title,
            family=family,
            number=parse_number(match["number"]),
            rank=NUMBERED_RANKS[family],
        )
    return None


def _starts_apart(rest: str) -> bool:
    return not rest or rest[0] in _SEPARATORS


def _title_after(rest: str) -> str:
    return collapse_spaces(rest.lstrip(_SEPARATORS))


def book_headings(lines: Sequence[str]) -> dict[int, HeadingMark]:
    """The heading lines of a book, by index into `lines`; empty when the text is no book.

    A book has at least BOOK_MIN_HEADINGS chapter headings of one kind. Units nest by rank
    (部 above 卷 above 回/章 above 节), numbered headings (一、 (一) 1. (1)) below them all,
    each level counted only when the book uses it; front matter (楔子, 后记 ...) sits at the
    top. A chapter's heading repeated as the next heading (its title echoed at the top of its
    own text) is no new chapter, and a table of contents is no chapters either.
    """
    found: dict[int, ChapterHeading] = {}
    previous: ChapterHeading | None = None
    since_previous = 0
    for index, line in enumerate(lines):
        heading = parse_heading(line)
        if heading is None:
            since_previous += bool(line.strip())
            continue
        if previous is not None and _is_echo(heading, previous, since_previous):
            since_previous += 1
            continue
        found[index] = heading
        previous, since_previous = heading, 0
    for index in _contents_lines(lines, found):
        del found[index]
    counts = Counter(heading.family for heading in found.values())
    chapter_families = {h.family for h in found.values() if 0 <= h.rank < 10}
    if not any(counts[family] >= BOOK_MIN_HEADINGS for family in chapter_families):
        return {}
    found = {
        index: heading
        for index, heading in found.items()
        if heading.rank < 10 or counts[heading.family] >= BOOK_MIN_HEADINGS
    }
    return _levelled(found)


def _is_echo(heading: ChapterHeading, previous: ChapterHeading, lines_between: int) -> bool:
    """The previous heading again: the same title, or close by (第一章, then 第一章 开始)."""
    if heading.key != previous.key:
        return False
    if lines_between <= ECHO_MAX_LINES:
        return True
    return bool(heading.title) and _bare(heading.title) == _bare(previous.title)


def _bare(title: str) -> str:
    return _NOT_WORD.sub("", title)


def _contents_lines(lines: Sequence[str], found: dict[int, ChapterHeading]) -> list[int]:
    """Lines of a table of contents: CONTENTS_MIN_RUN or more heading lines with nothing else
    between them, each of which heads a chapter again further on.

    The contents may run straight into the first chapter, so a run of heading lines is a
    table of contents only as far as its headings come again.
    """
    last_seen = {heading.heading: index for index, heading in found.items()}
    runs: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if index in found:
            runs[-1].append(index)
        elif line.strip() and runs[-1]:
            runs.append([])
    contents: list[int] = []
    for run in runs:
        listed = list(takewhile(lambda index: last_seen[found[index].heading] > index, run))
        if len(listed) >= CONTENTS_MIN_RUN:
            contents.extend(listed)
    return contents


def _levelled(found: dict[int, ChapterHeading]) -> dict[int, HeadingMark]:
    ranks = sorted({heading.rank for heading in found.values() if heading.rank >= 0})
    level_of = {rank: level for level, rank in enumerate(ranks, start=1)}
    level_of[-1] = 1
    return {
        index: HeadingMark(heading.heading, level_of[heading.rank])
        for index, heading in found.items()
    }


def compile_heading_pattern(pattern: str) -> UserPattern:
    """A user's chapter pattern, or UserPatternError (a ValueError) with a message a reader
    can act on. It runs with user_pattern's time limit."""
    compiled = compile_user_pattern(pattern, HEADING_PATTERN)
    if compiled.run().search(""):
        raise UserPatternError(
            f"bad {HEADING_PATTERN} {pattern!r}: it matches an empty line, "
            "so it would mark every line"
        )
    return compiled


def pattern_headings(
    lines: Sequence[str],
    pattern: UserPattern,
    time_limit: float = PATTERN_TIME_LIMIT_S,
    cancelled: Callable[[], bool] | None = None,
) -> dict[int, HeadingMark]:
    """Lines the user's pattern finds (searched in the line as the file has it), all at level 1.

    Lines longer than PATTERN_LINE_MAX_CHARS are body text and are not searched: that keeps a
    pattern such as `.*回` from scanning every long paragraph. All the searches share
    `time_limit` (PatternTimeout when it is spent); `cancelled` is asked between lines
    (PatternCancelled).
    """
    run = pattern.run(time_limit, cancelled)
    marks: dict[int, HeadingMark] = {}
    for index, line in enumerate(lines):
        if len(line) <= PATTERN_LINE_MAX_CHARS and line.strip() and run.search(line):
            heading = parse_heading(line)
            marks[index] = HeadingMark(heading.heading if heading else collapse_spaces(line), 1)
    return marks


def split_title_line(line: str) -> tuple[str, str | None] | None:
    """《红楼梦》曹雪芹 is the title 红楼梦 by 曹雪芹; None when the line is not of that form."""
    match = _TITLE_LINE.fullmatch(line.strip())
    if match is None or any(char in SENTENCE_MARKS for char in match["author"]):
        return None
    return match["title"].strip(), match["author"].strip() or None
