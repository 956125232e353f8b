"""Syllables and how they are written: tone marks, tone numbers or zhuyin.

Inside the program a syllable is one form only, "numbered": lowercase, ü as v, the tone as
a digit 1–5 with 5 for the neutral tone (lv4, le5, nve4). That is CC-CEDICT's and the CPP
benchmark's form less their "u:", so readings from every source compare as strings. The
written styles are made from it only when shown; a setting stores the style's name.

pypinyin is imported where it is used: loading its phrase table takes about 0.4 s, which
the dictionary (it needs only `numbered`) should not pay at start-up.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

_NUMBERED = re.compile(r"^([a-zêv]+)([1-5])$")
_ZHUYIN_TONES = {1: "", 2: "ˊ", 3: "ˇ", 4: "ˋ"}
_ZHUYIN_SYLLABIC = {
    "r": "ㄦ",
    "er": "ㄦ",
    "m": "ㄇ",
    "n": "ㄣ",
    "ng": "ㄫ",
    "hm": "ㄏㄇ",
    "hng": "ㄏㄫ",
}
_SANDHI_IN_PHRASES = {"一": "yi1", "不": "bu4"}
_VOWEL_STARTS = "aeoāáǎàēéěèōóǒò"
_JOINING = "·"
"""A part of a reading that binds its neighbours (Zhēn·Àosītīng)."""
PLACEHOLDER = "xx5"
"""CC-CEDICT's syllable for a gap in a pattern (就…[jiu4 xx5])."""


class PinyinStyle(str, Enum):
    """How syllables are written. Stored by value (its name), never as a number."""

    MARKS = "marks"
    NUMBERS = "numbers"
    ZHUYIN = "zhuyin"


def is_han(char: str) -> bool:
    """True for a Chinese character (an ideograph of any CJK block, or 〇)."""
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF:  # Unified Ideographs, by far the most frequent
        return True
    if code < 0x3400:
        return code == 0x3007  # 〇
    if code <= 0x4DBF:  # Extension A
        return True
    if code < 0xF900:
        return False
    if code <= 0xFAFF:  # Compatibility Ideographs
        return True
    # Extensions B–F and the Compatibility Supplement; Extensions G–H
    return 0x20000 <= code <= 0x2FA1F or 0x30000 <= code <= 0x323AF


def tone(syllable: str) -> int:
    """The tone digit of a numbered syllable: 1–4, or 5 for the neutral tone."""
    return int(syllable[-1])


def with_tone(syllable: str, new_tone: int) -> str:
    return f"{syllable[:-1]}{new_tone}"


def numbered(raw: str) -> str | None:
    """A syllable from CC-CEDICT or g2pM ("Lu:4", "r5", "xx5") in Reader's numbered form."""
    syllable = raw.strip().lower().replace("u:", "v")
    return syllable if _NUMBERED.match(syllable) else None


_pypinyin_lock = threading.Lock()
_pypinyin_loaded = False


def load_pypinyin() -> None:
    """Imports pypinyin whole, once, under a lock; every lazy import of it comes after this.

    Its package imports its submodules itself (pypinyin → core → … → seg.mmseg): a thread
    importing `pypinyin.seg.mmseg` first while another imports `pypinyin` deadlocks, and
    Python raises _DeadlockError in one of them (seen when the pinyin view's worker and the
    lookup's warm-up start together).
    """
    global _pypinyin_loaded
    if _pypinyin_loaded:
        return
    with _pypinyin_lock:
        import pypinyin
        import pypinyin.constants
        import pypinyin.contrib.tone_convert
        import pypinyin.seg.mmseg
        import pypinyin.style  # noqa: F401

        _pypinyin_loaded = True


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> tuple[str | None, ...]:
    """The dictionary reading of each character of `word`, None where a character has none.

    pypinyin reads a whole word with its phrase table, which gets 银行 right where
    character by character it would not. Its table writes some 一 and 不 with their spoken
    tones (一个 yí gè, 不要 bú yào); they are put back to the dictionary tone here, and the
    spoken tones come from `reader.language.sandhi` when asked for.
    """
    looked_up = _table_syllables(word)
    return looked_up if looked_up is not None else _pypinyin_syllables(word)


def _pypinyin_syllables(word: str) -> tuple[str | None, ...]:
    load_pypinyin()
    from pypinyin import Style, pinyin

    items = pinyin(
        word, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda chars: [""] * len(chars)
    )
    if len(items) != len(word):
        # pypinyin gives one item per character with this `errors`; this guards the offsets.
        if len(word) == 1:
            return (None,)
        return tuple(syllable for char in word for syllable in word_syllables(char))
    syllables: list[str | None] = []
    for char, (item, *_) in zip(word, items, strict=True):
        syllable = numbered(item) if item and is_han(char) else None
        if syllable is not None and char in _SANDHI_IN_PHRASES and tone(syllable) != 5:
            syllable = _SANDHI_IN_PHRASES[char]
        syllables.append(syllable)
    return tuple(syllables)


def _table_syllables(word: str) -> tuple[str | None, ...] | None:
    """What `pinyin(word)` gives a word of Chinese characters, read from pypinyin's tables
    directly, a tenth of its time: its own split of the word (mmseg), each part's phrase
    reading or each character's first one. Checked equal on 60,000 words of two novels and
    the CPP sentences; None (ask pypinyin) for a word with any other character."""
    load_pypinyin()
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.seg.mmseg import seg

    if not all(is_han(char) for char in word):
        return None
    marked: list[str] = []
    for part in seg.cut(word):
        if part in PHRASES_DICT:
            marked.extend(items[0] for items in PHRASES_DICT[part])
            continue
        for char in part:
            readings = PINYIN_DICT.get(ord(char))
            if readings is None:
                return None
            marked.append(readings.split(",")[0])
    syllables: list[str | None] = []
    for char, item in zip(word, marked, strict=True):
        syllable = _numbered_from_marks(item)
        if syllable is not None and char in _SANDHI_IN_PHRASES and tone(syllable) != 5:
            syllable = _SANDHI_IN_PHRASES[char]
        syllables.append(syllable)
    return tuple(syllables)


@lru_cache(maxsize=4096)
def _numbered_from_marks(syllable: str) -> str | None:
    load_pypinyin()
    from pypinyin.contrib.tone_convert import to_tone3

    return numbered(to_tone3(syllable, neutral_tone_with_five=True))


@lru_cache(maxsize=4096)
def format_syllable(syllable: str, style: PinyinStyle = PinyinStyle.MARKS) -> str:
    """One numbered syllable written in `style`: lǜ, lv4 or ㄌㄩˋ; le, le5 or ˙ㄌㄜ."""
    load_pypinyin()
    from pypinyin import Style
    from pypinyin.contrib.tone_convert import to_tone
    from pypinyin.style import convert

    if style is PinyinStyle.NUMBERS:
        return syllable
    if style is PinyinStyle.MARKS:
        return to_tone(syllable)
    base, syllable_tone = syllable[:-1], tone(syllable)
    if base in _ZHUYIN_SYLLABIC:
        symbols = _ZHUYIN_SYLLABIC[base]
    else:
        symbols = convert(to_tone(f"{base}1"), Style.BOPOMOFO, strict=True)
    if syllable_tone == 5:
        return "˙" + symbols
    return symbols + _ZHUYIN_TONES[syllable_tone]


def format_word(syllables: Sequence[str], style: PinyinStyle = PinyinStyle.MARKS) -> str:
    """A word's syllables written together: wǎngluò, Xī'ān; "wang3 luo4" and zhuyin spaced."""
    if style is not PinyinStyle.MARKS:
        return " ".join(format_syllable(syllable, style) for syllable in syllables)
    written = []
    for index, syllable in enumerate(syllables):
        text = format_syllable(syllable, style)
        if index and text[:1] in _VOWEL_STARTS:
            text = "'" + text
        written.append(text)
    return "".join(written)


@dataclass(frozen=True)
class WrittenSyllable:
    """One part of a reading as shown, and what stands before it ("", " " or "'")."""

    before: str
    text: str
    syllable: str | None
    """The numbered syllable, for its tone; None for a part that is no syllable (B in B超)."""


def written_reading(
    parts: Sequence[str], style: PinyinStyle = PinyinStyle.MARKS
) -> tuple[WrittenSyllable, ...]:
    """A reading in CC-CEDICT's parts ("Xi2", "Jin4", "ping2") as a reader expects it.

    With tone marks, a capital starts a new word and keeps its capital (Xí Jìnpíng),
    lowercase syllables run on (wǎngluò, Xī'ān), a letter stands apart (B chāo), a comma
    follows its word (…héshang, mō…) and a middle dot binds (Zhēn·Àosītīng). Tone numbers
    and zhuyin are spaced and lowercase. The gap of a pattern (xx5) is written "…".
    """
    written: list[WrittenSyllable] = []
    marks = style is PinyinStyle.MARKS
    after_part: str | None = None
    """What the part before asks to stand before a syllable that follows it."""
    for raw in parts:
        syllable = numbered(raw) if raw != PLACEHOLDER else None
        if syllable is not None:
            text = format_syllable(syllable, style)
            capital = marks and raw[:1].isupper()
            if capital:
                text = text[:1].upper() + text[1:]
            if not written:
                before = ""
            elif after_part is not None:
                before = after_part
            elif not marks or capital:
                before = " "
            else:
                before = "'" if text[:1] in _VOWEL_STARTS else ""
            after_part = None
        else:
            text = "…" if raw == PLACEHOLDER else raw
            joining = text == _JOINING
            before = "" if not written or joining or not text[:1].isalnum() else " "
            after_part = "" if joining else " "
        written.append(WrittenSyllable(before, text, syllable))
    return tuple(written)


def reading_text(parts: Sequence[str], style: PinyinStyle = PinyinStyle.MARKS) -> str:
    """`written_reading` as one string: "Xí Jìnpíng"."""
    return "".join(part.before + part.text for part in written_reading(parts, style))
