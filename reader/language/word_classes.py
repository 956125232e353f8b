"""Parts of speech of words: what the particles' and everyday polyphones' readings turn on.

Two sources, both tagging with ICTCLAS tags (v verb, a adjective, d adverb, r pronoun …):
the HSK lists (resources/hsk/classes.tsv, 11,000 everyday words), which give a word every
part of speech it has (长 a, ad, v), and jieba's dictionary, which gives each of its
349,000 words the one it has most often, the tag its tagger jieba.posseg starts from, and is
often wrong for everyday words (高兴 b, 穿 zg, 习惯 n). A word the HSK lists hold takes
their tags; any other takes jieba's. Reading jieba's whole file takes a second and 40 MB:
only the tags the rules ask about are kept (about 70,000 words), in Reader's cache folder
after the first time.
"""

from __future__ import annotations

import marshal
import threading
from enum import Enum
from pathlib import Path

from reader.language.cache import cache_dir, read_cache_file, write_cache_file
from reader.resources import find

CLASSES_RESOURCE = "resources/hsk/classes.tsv"


class WordClass(str, Enum):
    """The parts of speech the reading rules tell apart."""

    VERB = "v"
    ADJECTIVE = "a"
    ADVERB = "d"
    DESCRIPTIVE = "z"
    """A vivid form that modifies like an adverb or adjective (悄悄, 高高兴兴)."""
    PRONOUN = "r"
    PREPOSITION = "p"
    NOUN = "n"
    NUMERAL = "m"
    MEASURE = "q"


_BY_TAG = {
    "v": WordClass.VERB,
    "vd": WordClass.VERB,
    "vi": WordClass.VERB,
    "vn": WordClass.VERB,
    "vq": WordClass.VERB,
    "a": WordClass.ADJECTIVE,
    "ad": WordClass.ADJECTIVE,
    "an": WordClass.ADJECTIVE,
    "d": WordClass.ADVERB,
    "z": WordClass.DESCRIPTIVE,
    "r": WordClass.PRONOUN,
    "rr": WordClass.PRONOUN,
    "p": WordClass.PREPOSITION,
    "n": WordClass.NOUN,
    "m": WordClass.NUMERAL,
    "q": WordClass.MEASURE,
}
_NONE: frozenset[WordClass] = frozenset()


class WordClasses:
    """The parts of speech of a word; loaded on first use, from any thread."""

    def __init__(self, cache_folder: Path | None = None) -> None:
        self._cache_folder = cache_folder
        self._classes: dict[str, frozenset[WordClass]] | None = None
        self._lock = threading.Lock()

    def of(self, word: str) -> frozenset[WordClass]:
        classes = self._classes if self._classes is not None else self._load()
        return classes.get(word, _NONE)

    def ensure_loaded(self) -> None:
        """Loads the tables now (a tenth of a second; a second the first time), on a worker."""
        self._load()

    def _load(self) -> dict[str, frozenset[WordClass]]:
        with self._lock:
            if self._classes is None:
                tags = _jieba_tags(self._cache_folder)
                tags.update(_hsk_tags())
                sets: dict[str, frozenset[WordClass]] = {}
                self._classes = {
                    word: sets.setdefault(found, _classes(found)) for word, found in tags.items()
                }
            return self._classes


def _classes(tags: str) -> frozenset[WordClass]:
    return frozenset(_BY_TAG[tag] for tag in tags.split(",") if tag in _BY_TAG)


def _hsk_tags() -> dict[str, str]:
    tags = {}
    for line in find(CLASSES_RESOURCE).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, found = line.split("\t")
            tags[word] = found
    return tags


def _jieba_tags(cache_folder: Path | None) -> dict[str, str]:
    """jieba's tag of each word whose tag the rules ask about."""
    from reader.language.segmentation import jieba_module

    jieba = jieba_module()
    cache = (cache_folder or cache_dir()) / f"word-classes-{jieba.__version__}.marshal"
    saved = read_cache_file(cache)
    if saved is not None:
        try:
            tags = marshal.loads(saved)
        except (EOFError, ValueError, TypeError):
            tags = None
        if isinstance(tags, dict):
            return tags
    tags = {}
    with jieba.get_dict_file() as lines:
        for raw in lines:
            parts = raw.decode("utf-8").split() if isinstance(raw, bytes) else raw.split()
            if len(parts) == 3 and parts[2] in _BY_TAG and parts[2] != "n":
                tags[parts[0]] = parts[2]
    write_cache_file(cache, marshal.dumps(tags))
    return tags
