"""Proper names: the words a count of what a learner knows leaves out.

A learner is not expected to know 王夫人 or 刘姥姥 before reading about them, so the share
of known words would fall with every new character of a novel. Two sources say a word is a
name: CC-CEDICT, whose every entry of the word is a name (capitalised reading: 林黛玉,
习近平), and jieba's dictionary, which tags names nr, nrfg, nrt (people), ns (places) and
nt (organisations). jieba's tags are noisy (明白 nr, 东西 ns, 武功 nr), so its tag counts
only for a word CC-CEDICT lacks (王夫人, 刘姥姥, 探春, 怡红院), and neither counts for a
word of one character or a word of the HSK lists (中国, 北京, 老太太: words learners learn).
Reading jieba's whole dictionary takes a second, so its name tags are kept in Reader's
cache folder after the first time.
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
CACHE_VERSION = 1


class ProperNames:
    """Tells names apart from words, in batches (one dictionary query per few hundred)."""

    def __init__(
        self, dictionary: Dictionary, hsk: HskLevels, cache_folder: Path | None = None
    ) -> None:
        self._dictionary = dictionary
        self._hsk = hsk
        self._cache_folder = cache_folder
        self._tagged: frozenset[str] | None = None
        self._lock = threading.Lock()

    def names(self, words: Iterable[str]) -> set[str]:
        """Those of `words` (simplified) that are names, as the module docstring says."""
        candidates = [
            word for word in dict.fromkeys(words) if len(word) > 1 and self._hsk.level(word) is None
        ]
        if not candidates:
            return set()
        in_dictionary = self._dictionary.are_names(candidates)
        tagged = self._jieba_names()
        return {
            word
            for word in candidates
            if in_dictionary.get(word, word in tagged)  # jieba's tag where CC-CEDICT is silent
        }

    def _jieba_names(self) -> frozenset[str]:
        with self._lock:
            if self._tagged is None:
                self._tagged = _jieba_names(self._cache_folder)
            return self._tagged


def _jieba_names(cache_folder: Path | None) -> frozenset[str]:
    """The words of two or more characters jieba's dictionary tags as names."""
    from reader.language.segmentation import jieba_module

    jieba = jieba_module()
    cache = (cache_folder or cache_dir()) / f"names-{jieba.__version__}-v{CACHE_VERSION}.marshal"
    saved = read_cache_file(cache)
    if saved is not None:
        try:
            names = marshal.loads(saved)
        except (EOFError, ValueError, TypeError):
            names = None
        if isinstance(names, str):
            return frozenset(names.split("\n"))
    found = []
    with jieba.get_dict_file() as lines:
        for raw in lines:
            parts = raw.decode("utf-8").split() if isinstance(raw, bytes) else raw.split()
            if len(parts) == 3 and parts[2] in NAME_TAGS and len(parts[0]) > 1:
                found.append(parts[0])
    write_cache_file(cache, marshal.dumps("\n".join(found)))
    return frozenset(found)
