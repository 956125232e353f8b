"""Proper names: the words a count of what a learner knows leaves out.

A learner is not expected to know 王夫人 or 刘姥姥 before reading about them, so the share
of known words would fall with every new character of a novel. Two sources say a word is a
name: CC-CEDICT, whose every entry of the word is a name (capitalised reading: 林黛玉,
习近平), and jieba's dictionary, which tags names nr, nrfg, nrt (people), ns (places) and
nt (organisations). jieba's tags are noisy (明白 nr, 东西 ns, 武功 nr), so its tag counts
only for a word CC-CEDICT lacks (王夫人, 刘姥姥, 探春, 怡红院), and neither counts for a
word of one character or a word of the HSK lists (中国, 北京, 老太太: words learners learn).

Both sources are read whole once (a second and a half: jieba's dictionary file and every
CC-CEDICT entry) into one set of names, kept in Reader's cache folder beside the
dictionary's index; after that, telling a book's names costs a set lookup per word.
"""

from __future__ import annotations

import marshal
import threading
from collections.abc import Iterable
from pathlib import Path

from reader.language.cache import cache_dir, read_cache_file, write_cache_file
from reader.language.dictionary import Dictionary
from reader.language.hsk import HskLevels

NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt"})
"""jieba's tags of person, place and organisation names."""
CACHE_VERSION = 2
"""2: one set from both sources, built beside the dictionary's index."""


class ProperNames:
    """Tells names apart from words; the set of names is made on first use, on any thread."""

    def __init__(
        self, dictionary: Dictionary, hsk: HskLevels, cache_folder: Path | None = None
    ) -> None:
        self._dictionary = dictionary
        self._hsk = hsk
        self._cache_folder = cache_folder
        self._names: frozenset[str] | None = None
        self._lock = threading.Lock()

    def names(self, words: Iterable[str]) -> set[str]:
        """Those of `words` (simplified) that are names, as the module docstring says."""
        names = self._all_names()
        return {word for word in words if word in names and self._hsk.level(word) is None}

    def _all_names(self) -> frozenset[str]:
        with self._lock:
            if self._names is None:
                self._names = _load_names(self._dictionary, self._cache_folder)
            return self._names


def _load_names(dictionary: Dictionary, cache_folder: Path | None) -> frozenset[str]:
    from reader.language.segmentation import jieba_module

    jieba = jieba_module()
    name = f"names-{jieba.__version__}-{dictionary.index.stem}-v{CACHE_VERSION}.marshal"
    cache = (cache_folder or cache_dir()) / name
    saved = read_cache_file(cache)
    if saved is not None:
        try:
            names = marshal.loads(saved)
        except (EOFError, ValueError, TypeError):
            names = None
        if isinstance(names, str):
            return frozenset(names.split("\n"))
    only_names, in_dictionary = dictionary.name_forms()
    found = set(only_names)
    with jieba.get_dict_file() as lines:
        for raw in lines:
            parts = raw.decode("utf-8").split() if isinstance(raw, bytes) else raw.split()
            if len(parts) == 3 and parts[2] in NAME_TAGS and parts[0] not in in_dictionary:
                found.add(parts[0])
    found = {word for word in found if len(word) > 1 and "\n" not in word}
    write_cache_file(cache, marshal.dumps("\n".join(sorted(found))))
    return frozenset(found)
