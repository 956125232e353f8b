"""The language tools of one running program, each built once, on first use, on any thread.

Building them costs time (jieba's prefix dictionary about a second, the dictionary index a
few seconds the first time, the model a tenth of a second), so the window calls
`warm_up` from a worker at start and the CLI builds only what a command needs.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from reader.language.dictionary import Dictionary
from reader.language.hsk import HskLevels
from reader.language.lookup import Lookup
from reader.language.pronunciation import Pronouncer
from reader.language.segmentation import Segmenter
from reader.language.word_classes import WordClasses

if TYPE_CHECKING:
    from reader.language.counted_words import CountedWords
    from reader.language.polyphones import PolyphoneModel


class LanguageTools:
    """Segmenter, dictionary, HSK levels, reading model and lookup, shared by all threads."""

    def __init__(self, cache_folder: Path | None = None) -> None:
        self._cache_folder = cache_folder
        self._lock = threading.RLock()
        self.segmenter = Segmenter(cache_folder)
        self.word_classes = WordClasses(cache_folder)
        self._dictionary: Dictionary | None = None
        self._hsk: HskLevels | None = None
        self._model: PolyphoneModel | None = None
        self._pronouncer: Pronouncer | None = None
        self._lookup: Lookup | None = None
        self._counted_words: CountedWords | None = None

    @property
    def ready(self) -> bool:
        """True once `warm_up` has finished: the ui thread can look up without waiting."""
        return self._lookup is not None and self.segmenter.ready

    @property
    def dictionary(self) -> Dictionary:
        with self._lock:
            if self._dictionary is None:
                self._dictionary = Dictionary.open(self._cache_folder)
            return self._dictionary

    @property
    def hsk(self) -> HskLevels:
        with self._lock:
            if self._hsk is None:
                self._hsk = HskLevels()
            return self._hsk

    @property
    def model(self) -> PolyphoneModel:
        with self._lock:
            if self._model is None:
                from reader.language.polyphones import PolyphoneModel  # numpy: load late

                self._model = PolyphoneModel()
            return self._model

    @property
    def pronouncer(self) -> Pronouncer:
        with self._lock:
            if self._pronouncer is None:
                self._pronouncer = Pronouncer(
                    self.dictionary,
                    self.model,
                    self.segmenter,
                    self.hsk,
                    self.word_classes,
                )
            return self._pronouncer

    @property
    def lookup(self) -> Lookup:
        with self._lock:
            if self._lookup is None:
                self._lookup = Lookup(self.dictionary, self.hsk, self.pronouncer)
            return self._lookup

    @property
    def counted_words(self) -> CountedWords:
        """Which words coverage counts, kept for every document read (reader.language.coverage)."""
        with self._lock:
            if self._counted_words is None:
                from reader.language.counted_words import CountedWords
                from reader.language.proper_names import ProperNames

                names = ProperNames(self.dictionary, self.hsk, self._cache_folder)
                self._counted_words = CountedWords(self.hsk, names)
            return self._counted_words

    def warm_up(self) -> None:
        """Builds everything now; meant for a worker thread at start-up."""
        self.segmenter.ensure_ready()
        self.word_classes.ensure_loaded()
        _ = self.lookup

    def close(self) -> None:
        with self._lock:
            if self._dictionary is not None:
                self._dictionary.close()
                self._dictionary = None
                self._pronouncer = None
                self._lookup = None
                self._counted_words = None
