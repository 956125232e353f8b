"""Spoken tones: how 一, 不 and runs of third tones change in speech.

Dictionaries give each syllable its citation tone; a learner who reads aloud also wants the
tone as said. The rules here are the common textbook ones, decided on word boundaries:

- 不 bù becomes bú before a fourth tone (不是 búshì).
- 一 yī becomes yí before a fourth tone and yì before the other tones (一定 yídìng, 一起
  yìqǐ); it keeps yī at the end of a word (统一), as an ordinal (第一), among numerals (一一,
  十一), and before a neutral tone or anything not read; between a doubled verb it is
  neutral (看一看 kàn yi kàn).
- Third tones: in a run of third tones inside one word all but the last become second
  (展览馆 zhánlánguǎn); a one-syllable word in the third tone before a word that starts in
  the third tone becomes second (很好 hén hǎo). Longer chains have several accepted
  readings; this is one of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.language.pinyin import tone, with_tone
from reader.language.segmentation import Token

_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟0123456789")


def spoken_syllables(
    text: str, start: int, syllables: Sequence[str | None], tokens: Sequence[Token]
) -> list[str | None]:
    """The spoken syllables of `text[start:start + len(syllables)]`, split into `tokens`."""
    spoken = list(syllables)
    _third_tones(start, syllables, tokens, spoken)
    word_ends = {token.end for token in tokens if token.end - token.start > 1}
    for index, syllable in enumerate(syllables):
        char = text[start + index]
        if char == "不" and syllable == "bu4":
            following = _syllable(syllables, index + 1)
            if following is not None and tone(following) == 4:
                spoken[index] = "bu2"
        elif char == "一" and syllable == "yi1":
            spoken[index] = _yi(text, start, index, syllables, word_ends)
    return spoken


def _yi(
    text: str, start: int, index: int, syllables: Sequence[str | None], word_ends: set[int]
) -> str:
    following = _syllable(syllables, index + 1)
    if following is None or tone(following) == 5:
        return "yi1"
    offset = start + index
    before = text[offset - 1] if offset > 0 else ""
    after = text[offset + 1]
    if before == "第" or before in _NUMERALS or after in _NUMERALS:
        return "yi1"
    if offset + 1 in word_ends:
        return "yi1"
    if before and before == after:
        return "yi5"
    return "yi2" if tone(following) == 4 else "yi4"


def _third_tones(
    start: int, syllables: Sequence[str | None], tokens: Sequence[Token], spoken: list[str | None]
) -> None:
    def is_third(position: int) -> bool:
        syllable = _syllable(syllables, position - start)
        return syllable is not None and tone(syllable) == 3

    for number, token in enumerate(tokens):
        for position in range(token.start, token.end - 1):
            if is_third(position) and is_third(position + 1):
                spoken[position - start] = with_tone(syllables[position - start] or "", 2)
        following = tokens[number + 1] if number + 1 < len(tokens) else None
        if (
            token.end - token.start == 1
            and following is not None
            and following.start == token.end
            and is_third(token.start)
            and is_third(following.start)
        ):
            spoken[token.start - start] = with_tone(syllables[token.start - start] or "", 2)


def _syllable(syllables: Sequence[str | None], index: int) -> str | None:
    return syllables[index] if 0 <= index < len(syllables) else None
