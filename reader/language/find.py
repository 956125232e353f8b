"""Find in one document's text, by characters in either script or by pinyin.

A `Finder` is made once per document text and kept while it is open. Character find is
script-blind: the text and the query are both folded to simplified script one character for
one (reader.language.script.fold), so 諸葛亮 finds 诸葛亮 and the other way round, and every
offset found is an offset into the document's own text. Latin letters compare without case
(where lowering keeps the text's length, which it does but for a few letters such as İ).

Matches are returned in text order and do not overlap (`了了` in `了了了` once): a reader
steps from one to the next, and the marks of two overlapping matches would read as one.
The query is trimmed at both ends; what is left is found as typed, spaces included, so a
match never spans a line break unless the query holds one.

Pinyin find (reader.language.pinyin_find) is reached through `find_pinyin`; its syllable
index is built on the first pinyin query, not before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from reader.language.pinyin_find import (
    KnownReadings,
    PinyinFinder,
    PinyinProgress,
    PinyinResult,
    TokensProvider,
)
from reader.language.pinyin_query import parse_query
from reader.language.script import fold
from reader.language.tools import LanguageTools


class Finder:
    """Find by characters (`find_characters`) or by pinyin (`find_pinyin`) in one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = fold(text)
        lowered = folded.lower()
        self._lowered = len(lowered) == len(folded)
        self._folded = lowered if self._lowered else folded
        self._pinyin: PinyinFinder | None = None
        self._lock = threading.Lock()

    def fold_query(self, query: str) -> str:
        """The query as it is compared with the folded text."""
        folded = fold(query.strip())
        lowered = folded.lower()
        return lowered if self._lowered and len(lowered) == len(folded) else folded

    def find_characters(self, query: str) -> list[tuple[int, int]]:
        """Every occurrence of `query` in either script, `(start, end)` in text order, not
        overlapping; none for an empty query. A few milliseconds on a novel."""
        needle = self.fold_query(query)
        if not needle:
            return []
        haystack = self._folded
        find = haystack.find
        step = len(needle)
        matches = []
        at = find(needle)
        while at >= 0:
            matches.append((at, at + step))
            at = find(needle, at + step)
        return matches

    def pinyin_finder(self, tools: LanguageTools) -> PinyinFinder:
        """The pinyin finder of this text, its syllable index built on first use (a fifth
        of a second on a novel, once); for a worker thread."""
        with self._lock:
            if self._pinyin is None:
                self._pinyin = PinyinFinder(self.text, tools, fold)
            return self._pinyin

    def forget_readings(self, spans: Sequence[tuple[int, int]]) -> None:
        """The words of these spans (paragraphs) changed: readings kept there are stale."""
        with self._lock:
            pinyin = self._pinyin
        if pinyin is not None:
            pinyin.forget(spans)

    def find_pinyin(
        self,
        query: str,
        tokens: TokensProvider,
        tools: LanguageTools,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[PinyinProgress], None] | None = None,
        known: KnownReadings | None = None,
        first_at: int = 0,
    ) -> PinyinResult:
        """The runs of characters read `query` in context; PinyinQueryError (a ValueError
        whose message the find bar and the CLI show) if the query is not pinyin.

        For a worker thread: `cancelled` and `progress` are called between batches of
        candidates read in context, those from `first_at` on first
        (reader.language.pinyin_find)."""
        parsed = parse_query(query)
        finder = self.pinyin_finder(tools)
        return finder.find(parsed, tokens, cancelled, progress, known, first_at)
