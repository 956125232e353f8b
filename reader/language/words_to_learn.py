"""The words to learn to reach a share of a section known: its new words, most frequent first.

Learning a new word raises the share known by its occurrences over the section's running
words, so the section's new words ordered by occurrence (more first; then the lower HSK
band first) raise it fastest. The list ends with
the word that reaches the target (95%, the share at which reading is said to be
comfortable), or, where learning words (1-4) and new ones together keep the target out of
reach of new words alone, with the last new word, at most MOST_WORDS of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from reader.language.counted_words import BANDS
from reader.language.coverage import IGNORED, KNOWN, LEARNING, SectionCounts, coverage
from reader.language.lookup import Lookup
from reader.language.pinyin import PinyinStyle

TARGET_SHARE = 0.95
_VARIANT = re.compile(r"(old |archaic |Japanese )?variant of ")
_NOT_NEW = frozenset({KNOWN, IGNORED, *LEARNING})
MOST_WORDS = 500
"""The longest list offered: past it, a reader learns from a word list, not a chapter."""


@dataclass(frozen=True)
class WordToLearn:
    word: str
    """Simplified form: the key its status is stored under."""
    count: int
    """Its running words in the section."""
    band: str
    """Its HSK band (counted_words.BANDS)."""
    share_after: float
    """The section's share known once this word and those before it are known."""


@dataclass(frozen=True)
class WordDetails:
    """What a list of words to learn shows of each: usual reading, first sense."""

    pinyin: str
    gloss: str


def words_to_learn(
    counts: SectionCounts,
    bands: Mapping[str, str],
    statuses: Mapping[str, int],
    target: float = TARGET_SHARE,
    most: int = MOST_WORDS,
) -> list[WordToLearn]:
    """The new words of `counts` whose learning reaches `target` of it known, in order."""
    reached = coverage(counts, bands, statuses)
    if not reached.words:
        return []
    order = {band: number for number, band in enumerate(BANDS)}
    new = [
        (word, times)
        for word, times in counts.occurrences.items()
        if statuses.get(word, 0) not in _NOT_NEW
    ]
    new.sort(key=lambda item: (-item[1], order[bands[item[0]]], item[0]))
    known = reached.known
    found: list[WordToLearn] = []
    for word, times in new:
        if known / reached.words >= target or len(found) >= most:
            break
        known += times
        found.append(WordToLearn(word, times, bands[word], known / reached.words))
    return found


def word_details(
    words: list[str], lookup: Lookup, style: PinyinStyle = PinyinStyle.MARKS
) -> dict[str, WordDetails]:
    """The reading and first sense of each of `words`, looked up now (on a worker: the
    reading model takes a few milliseconds a word). A word CC-CEDICT lacks is glossed by the
    words it is made of; one without any (a name), not at all."""
    found: dict[str, WordDetails] = {}
    for word in words:
        looked = lookup.word(word)
        if looked.entries:
            # 以's first entry is "old variant of 以[yi3]": its own sense says more.
            senses = [entry.senses[0] for entry in looked.entries]
            gloss = next((sense for sense in senses if not _VARIANT.match(sense)), senses[0])
        else:  # 网络安全: by the words it is made of, "网络 network + 安全 safe"
            gloss = " + ".join(
                f"{part.word} {part.entries[0].senses[0]}" if part.entries else part.word
                for part in looked.parts
            )
        found[word] = WordDetails(looked.pinyin(style), gloss)
    return found
