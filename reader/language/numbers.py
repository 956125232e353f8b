"""Numbers with their units cut as a reader reads them: 4月 / 19日 / 电, not 4 / 月 / 19 / 日电.

jieba cuts Arabic digits off the Han character after them, and then reads that character
with the next ones as a word: the dateline 北京4月19日电 came out as 19 / 日电, and the pop-up
said 日电 = "NEC". Here a number (Arabic or Chinese numerals, with 第 before it, 万 or 亿
and 多 or 余 after it) is joined to the date, time or measure word that follows it, and the
text around it is cut again by jieba on its own. Where jieba already cut the number as a
word or the start of one (两年, 十分, 一年级) or the number began inside a word (统一), its
cut stands; so does a word jieba reads across the unit after Chinese numerals, which in a
novel is right more often than not (东西两角门, 至一所在: 两 / 角门, 一 / 所在), while after
Arabic digits it is the error (19 / 日电, 3 / 个人).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

_NUMBER = (
    "(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+)[万亿]?(?:多|余)?"
)
_UNITS = (
    # dates and times, longest first
    "小时|分钟|世纪|年代|月份|周年|星期|点钟|年|月|日|号|时|点|分|秒|周|天|岁"
    # measure words and units seen with numbers in news
    "|个|位|名|次|件|条|只|种|项|家|所|座|台|辆|架|艘|张|本|部|场|届|期|篇|批|例"
    "|元|块|角|倍|万|亿|米|公里|千米|厘米|毫米|平方米|吨|公斤|千克|克|亩|公顷|层|户|人次"
)
NUMBER_WORD = re.compile(f"第?({_NUMBER})(?:{_UNITS})")
"""A number with its unit; the unit is required (a bare number is jieba's word already)."""


def cut_numbers(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The numbers with their units that the words starting at `starts` cut apart or run
    on from (4 / 月, 19 / 日电), as (start, end) offsets into `text`: what a reader would
    be misled by, and what `regroup_numbers` joins."""
    boundaries = set(starts)
    ends = sorted({*starts[1:], len(text)})
    found: list[tuple[int, int]] = []
    for match in NUMBER_WORD.finditer(text):
        start, end = match.span()
        if start not in boundaries:
            continue  # the number begins inside a word: 统一年度
        word_end = ends[bisect.bisect_right(ends, start)]
        if word_end >= end:
            continue  # jieba's word is the number with its unit, or begins with it: 一年级
        if not match.group(1)[:1].isdigit() and ends[bisect.bisect_right(ends, end - 1)] > end:
            continue  # a word jieba reads after a numeral stands: 两 / 角门, 一 / 所在, 一 / 日夜
        found.append((start, end))
    return found


def regroup_numbers(text: str, starts: list[int], cut: Callable[[str], list[str]]) -> list[int]:
    """Word starts for `text` (all of it, from offset 0) with each number joined to its unit.

    `starts` are jieba's (beginning with 0); `cut` is jieba's cut, used again on the text
    between two numbers that were joined, so that a word jieba had run across the unit
    (日电, 分开会) is cut anew without it (电, 开会).
    """
    joined = cut_numbers(text, starts)
    if not joined:
        return starts
    result: list[int] = []
    position = 0
    for start, end in joined:
        result.extend(_cut_starts(text, position, start, cut))
        result.append(start)
        position = end
    result.extend(_cut_starts(text, position, len(text), cut))
    return result


def _cut_starts(text: str, start: int, end: int, cut: Callable[[str], list[str]]) -> list[int]:
    starts = []
    position = start
    for word in cut(text[start:end]) if end > start else ():
        starts.append(position)
        position += len(word)
    return starts
