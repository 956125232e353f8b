"""Lists of words a learner knows: the HSK levels, and word lists from a file.

A learner who starts using Reader already knows words, and marking them one by one would
take weeks. They can say "I know HSK 1–3", or give a list: one word per line, or an export
of Anki or Pleco, tab-separated, whose first column with Chinese in it holds the word.
Everything here gives words in their simplified form (`word_key`), the key their status has
in the store, so a traditional list marks the same words as a simplified one.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.document.encoding import EncodingError, decode_text
from reader.document.errors import DocumentError
from reader.document.limits import read_file
from reader.language.hsk import LEVELS_RESOURCE
from reader.language.pinyin import is_han
from reader.language.script import converter
from reader.resources import find

HSK_VERSIONS = {"2.0": 6, "3.0": 9}
"""The HSK versions Reader has lists for, with their highest level: HSK 2.0 (2010, levels
1–6) and HSK 3.0 (2021, levels 1–6 and one band for 7–9)."""
MAX_LIST_BYTES = 8 * 1024 * 1024
"""A word list larger than this is refused: 8 MB holds a million words, far more than any
learner's list, and a larger file is almost surely something else."""
KEY_CONFIG = "t2s"
"""The OpenCC conversion that gives a word's key, its simplified form."""

_FIELD_PARTS = re.compile(r"[\s,;，；、/|\[\]()（）【】]+")
"""What separates a word from what a list writes beside it in the same field: Pleco's
`学习[學習]`, a reading after a space, several forms after a comma or a slash."""
_TAG = re.compile(r"<[^>]*>")
"""HTML in an Anki field (`<b>学习</b>`); the word is in the text between the tags."""


def word_key(word: str) -> str:
    """The word's simplified form, which keys its status: 學習 and 学习 are one word."""
    return converter(KEY_CONFIG).convert(word)


def hsk_words(level: int, version: str = "3.0") -> list[str]:
    """Every word of HSK levels 1 to `level` of `version` ("2.0" or "3.0"): what a learner
    who says "I know HSK `level`" knows. HSK 3.0 lists levels 7, 8 and 9 as one band, so
    any of them gives the whole band. ValueError for a level or version there is no list of.
    """
    highest = HSK_VERSIONS.get(version)
    if highest is None:
        raise ValueError(f"no HSK version {version!r} (one of: {', '.join(HSK_VERSIONS)})")
    if not 1 <= level <= highest:
        raise ValueError(f"HSK {version} has levels 1 to {highest}, not {level}")
    column = 1 if version == "3.0" else 2
    words = []
    for line in find(LEVELS_RESOURCE).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        listed = fields[column]
        if listed and _level_number(listed) <= level:
            words.append(fields[0])
    return words


def _level_number(listed: str) -> int:
    """The lowest level a listed level stands for: "7-9" is reached at 7."""
    return int(listed.split("-")[0])


def read_word_list(path: Path) -> list[str]:
    """The words of a word list, simplified, each once, in the order the file gives them.

    Any encoding Reader detects. A line holds one word, or is a row of a tab-separated
    export (Anki, Pleco) whose first field with a Chinese character holds it. Lines without
    Chinese (a header row, Anki's `#separator:tab`) are passed over. DocumentError, with a
    reason, for a file that cannot be read, is larger than MAX_LIST_BYTES, is not text, or
    holds no Chinese word.
    """
    data = read_file(path, MAX_LIST_BYTES)
    try:
        text = decode_text(data).text
    except EncodingError as error:
        raise DocumentError(path, str(error)) from None
    words = words_of_list(text)
    if not words:
        raise DocumentError(path, "holds no Chinese words (one word a line, or tab-separated)")
    return words


def words_of_list(text: str) -> list[str]:
    """The words of a word list's text, as `read_word_list` reads them."""
    found: dict[str, None] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        word = _word_of_line(line)
        if word:
            found[word] = None
    if not found:
        return []
    keys = converter(KEY_CONFIG).convert("\n".join(found)).split("\n")
    if len(keys) != len(found):  # never seen: OpenCC keeps lines; convert one by one then
        keys = [word_key(word) for word in found]
    return list(dict.fromkeys(keys))


def _word_of_line(line: str) -> str | None:
    for field in line.split("\t"):
        for part in _FIELD_PARTS.split(_TAG.sub(" ", field)):
            if any(is_han(char) for char in part):
                return part
    return None
