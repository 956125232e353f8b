"""Words of a text: jieba's segmentation as (start, end) offsets into the text it was given.

Reader owns its `jieba.Tokenizer` instead of using jieba's global one: nothing else in the
process can change it, and Reader caches its prefix dictionary itself, in its cache folder
(jieba would use the temp folder). Loading that takes a fifth of a second (building it, the
first time, about a second), so it happens on first use, once, under a lock; `ensure_ready`
lets a worker thread pay that cost up front.

jieba is pure Python: while a worker runs it, the ui thread waits for the GIL each time it
takes it back, after every Qt call, up to the interpreter's switch interval (5 ms). A hover
makes several such calls, so it took 10-50 ms instead of 3. `UserActivity` lets the worker
step aside while the user acts, and `short_switch_interval` shortens the wait otherwise.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import logging
import marshal
import math
import re
import sys
import threading
import time
import warnings
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from reader.language.cache import cache_dir, read_cache_file, write_cache_file
from reader.language.corrections import Corrections
from reader.language.numbers import regroup_numbers

if TYPE_CHECKING:
    import jieba

PREFIX_PIECE = 5_000
"""Entries in a piece of the cached prefix dictionary: a few milliseconds' unmarshalling."""
USER_QUIET_S = 0.1
"""How long the user must have been still before background segmentation goes on."""
SEGMENTING_SWITCH_INTERVAL_S = 0.0005
"""The interpreter's switch interval while a worker segments; Python's default is 5 ms."""
LONGEST_RUN = 500
"""Characters of one run jieba is given at most. In a run of characters it cuts as one piece
(Han, Latin letters, digits: its re_han_default), its hidden Markov model copies the path
so far at every character it does not know: 40,000 中 in a row took 5 s, 160,000 two
minutes, a one-line file of a million would take hours. Text breaks its runs with
punctuation or spaces long before this, so only such files are cut here."""
_RUN_CHARACTER = "[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]"
"""A character jieba cuts in runs (its re_han_default)."""
_LONG_RUN = re.compile(f"(?<!{_RUN_CHARACTER}){_RUN_CHARACTER}{{{LONGEST_RUN + 1},}}")
"""A run longer than LONGEST_RUN, matched from its first character only (linear time)."""


@functools.cache
def jieba_module() -> ModuleType:
    """jieba, imported on first use: its import (with pkg_resources) costs a window's
    start-up about 0.15 s, and nothing needs it before the first paint."""
    with warnings.catch_warnings():
        # jieba imports pkg_resources, which newer setuptools deprecates on import.
        warnings.filterwarnings("ignore", message=r".*pkg_resources", category=Warning)
        import jieba
    jieba.setLogLevel(logging.WARNING)
    return jieba


class SegmentingCancelled(Exception):
    """A span's segmenting stopped halfway, as its caller asked: nothing of it was kept."""


class Token(NamedTuple):
    """A word as a half-open range of code-point offsets into the segmented text."""

    start: int
    end: int


class Segmenter:
    """Splits text into words with an own jieba tokenizer, built lazily and thread-safely."""

    def __init__(self, cache_folder: Path | None = None) -> None:
        self._cache_folder = cache_folder
        self._tokenizer: jieba.Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        """True once segmenting no longer has to build jieba's prefix dictionary first."""
        return self._tokenizer is not None

    def import_jieba(self) -> None:
        """Imports jieba (a tenth of a second, mostly pkg_resources), not its dictionary:
        a worker warming up does it, so that the first hovers do not wait for the GIL."""
        jieba_module()

    def ensure_ready(self, give_way: Callable[[], None] | None = None) -> None:
        """Loads jieba's prefix dictionary (a fifth of a second, about a second the
        first time); call it from a worker thread, which calls `give_way` between pieces."""
        self._get_tokenizer(give_way)

    def segment(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        """The words of `text[start:end]`, contiguous, covering the span exactly."""
        end = len(text) if end is None else end
        starts = self.word_starts(text, start, end)
        return [Token(s, e) for s, e in itertools.pairwise([*starts, end])]

    def word_starts(
        self, text: str, start: int, end: int, cancelled: Callable[[], bool] | None = None
    ) -> list[int]:
        """Where each word of `text[start:end]` begins: the compact form of `segment`.

        jieba's words, with numbers joined to their units (reader.language.numbers).

        `cancelled` is asked between the pieces of a long run (raising SegmentingCancelled),
        so that a span of a million characters does not keep a closing window waiting.
        """
        tokenizer = self._get_tokenizer()
        span = text[start:end]
        starts: list[int] = []
        for piece_start, piece_end in itertools.pairwise([0, *_cuts(span), len(span)]):
            if cancelled is not None and piece_start and cancelled():
                raise SegmentingCancelled
            piece = span[piece_start:piece_end]
            words = tokenizer.lcut(piece)
            inside = list(itertools.accumulate(map(len, words), initial=0))
            inside.pop()  # where the last word ends: the next piece's start
            inside = regroup_numbers(piece, inside, tokenizer.lcut)
            starts.extend(start + piece_start + offset for offset in inside)
        return starts

    def _get_tokenizer(self, give_way: Callable[[], None] | None = None) -> jieba.Tokenizer:
        tokenizer = self._tokenizer
        if tokenizer is not None:
            return tokenizer
        with self._lock:
            if self._tokenizer is None:
                folder = self._cache_folder or cache_dir()
                folder.mkdir(parents=True, exist_ok=True)
                jieba = jieba_module()
                tokenizer = jieba.Tokenizer()
                cache = folder / f"jieba-{jieba.__version__}-pieces.cache"
                tokenizer.FREQ, tokenizer.total = _prefix_dictionary(tokenizer, cache, give_way)
                # jieba's own cache, which Reader wrote before: 9 MB no longer read.
                with contextlib.suppress(OSError):
                    (folder / f"jieba-{jieba.__version__}.cache").unlink(missing_ok=True)
                tokenizer.initialized = True
                self._tokenizer = tokenizer
            return self._tokenizer


def _cuts(text: str) -> list[int]:
    """Where `text` is cut before jieba reads it: every LONGEST_RUN characters of a longer
    run, and nowhere else, so text with punctuation is cut as jieba would cut it."""
    cuts: list[int] = []
    for match in _LONG_RUN.finditer(text):
        cuts.extend(range(match.start() + LONGEST_RUN, match.end(), LONGEST_RUN))
    return cuts


def _prefix_dictionary(
    tokenizer: jieba.Tokenizer, cache: Path, give_way: Callable[[], None] | None
) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary and the total of its frequencies, from `cache` if it can.

    jieba's own cache is one marshal blob, whose loading holds the GIL for 0.2-0.6 s: the
    window froze while a worker got jieba ready. Reader's is a list of pieces of
    PREFIX_PIECE entries; the GIL can change hands between two of them.
    """
    try:
        saved = read_cache_file(cache)
        if saved is None:
            raise ValueError("no whole cache")
        total, pieces = marshal.loads(saved)
        if not isinstance(total, int) or total <= 0:
            raise ValueError("not a total")
        frequencies: dict[str, int] = {}
        for piece in pieces:
            if give_way is not None:
                give_way()
            frequencies.update(marshal.loads(piece))
    except (EOFError, ValueError, TypeError):
        frequencies, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        entries = iter(frequencies.items())
        pieces = []
        while piece := dict(itertools.islice(entries, PREFIX_PIECE)):
            pieces.append(marshal.dumps(piece))
        write_cache_file(cache, marshal.dumps((total, pieces)))
    return frequencies, total


class Segmentation:
    """The words of one text's spans (a document's blocks), filled in any order, from any thread.

    Each span's word starts are computed independently and stored with one assignment, so a
    worker can segment the whole book while the ui thread segments the block under the mouse:
    both compute the same result, and readers see either nothing or a whole span.
    """

    def __init__(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        segmenter: Segmenter,
        corrections: Corrections | None = None,
    ) -> None:
        self.text = text
        self._span_starts = [start for start, _ in spans]
        self._span_ends = [end for _, end in spans]
        if any(e < s for s, e in spans) or any(
            self._span_starts[i] < self._span_ends[i - 1] for i in range(1, len(spans))
        ):
            raise ValueError("spans must be ordered and must not overlap")
        self._segmenter = segmenter
        self._corrections = corrections if corrections is not None else Corrections()
        self._word_starts: list[array | None] = [None] * len(spans)
        self._first_waiting = 0
        """No span before this one waits to be segmented (all_segmented)."""

    def __len__(self) -> int:
        return len(self._span_starts)

    @property
    def corrections(self) -> Corrections:
        return self._corrections

    def span(self, index: int) -> tuple[int, int]:
        return self._span_starts[index], self._span_ends[index]

    def is_segmented(self, index: int) -> bool:
        return self._word_starts[index] is not None

    def segmented_count(self) -> int:
        return sum(starts is not None for starts in self._word_starts)

    def all_segmented(self) -> bool:
        """Every span segmented; asked at every scroll, so it resumes where it last found a
        span waiting instead of counting a book's thousands of spans each time. Only the
        thread that forgets spans (the ui thread) may ask it."""
        starts, first = self._word_starts, self._first_waiting
        while first < len(starts) and starts[first] is not None:
            first += 1
        self._first_waiting = first
        return first == len(starts)

    def span_indexes(self, start: int, end: int) -> range:
        """The spans that overlap `[start, end)`, for example the visible part of a view."""
        first = bisect.bisect_right(self._span_ends, start)
        last = bisect.bisect_left(self._span_starts, end)
        return range(first, max(first, last))

    def segment_span(self, index: int, cancelled: Callable[[], bool] | None = None) -> array:
        """Segments one span now (a few milliseconds for a paragraph once jieba is ready).

        Returns the span's word starts, as stored. A long span asks `cancelled` on the way
        and raises SegmentingCancelled, storing nothing, when it says True.
        """
        while True:
            snapshot = self._corrections.snapshot()
            start, end = self.span(index)
            starts = self._segmenter.word_starts(self.text, start, end, cancelled)
            starts = snapshot.apply(self.text, starts, end)
            stored = array("l", starts)
            self._word_starts[index] = stored
            # Checked after storing: a correction changes the snapshot before it forgets the
            # spans it touches, so words cut the old way are either forgotten or redone here.
            if self._corrections.snapshot() is snapshot:
                return stored

    def span_word_starts(self, index: int) -> array:
        """Where each word of one span begins, segmenting the span first if need be: the
        compact form of `tokens`, for a walk over a whole book's words."""
        starts = self._word_starts[index]
        return starts if starts is not None else self.segment_span(index)

    def segment_all(
        self, first: Iterable[int] = (), cancelled: Callable[[], bool] | None = None
    ) -> int:
        """Segments every span not done yet, `first` ones first; returns how many it did.

        `cancelled` is asked between spans (and inside a long one), so a worker can stop
        when its document closes.
        """
        done = 0
        for index in _priority_order(first, len(self)):
            if cancelled is not None and cancelled():
                break
            if self._word_starts[index] is None:
                try:
                    self.segment_span(index, cancelled)
                except SegmentingCancelled:
                    break
                done += 1
        return done

    def token_at(self, offset: int) -> Token | None:
        """The word holding `offset`; None outside the spans or where not segmented yet."""
        index = bisect.bisect_right(self._span_starts, offset) - 1
        if index < 0 or offset >= self._span_ends[index]:
            return None
        starts = self._word_starts[index]
        if starts is None:
            return None
        position = bisect.bisect_right(starts, offset) - 1
        end = starts[position + 1] if position + 1 < len(starts) else self._span_ends[index]
        return Token(starts[position], end)

    def tokens(
        self, start: int, end: int, cancelled: Callable[[], bool] | None = None
    ) -> list[Token]:
        """The words overlapping `[start, end)`, segmenting the spans there if needed (a long
        one asking `cancelled` on the way, as segment_span does)."""
        tokens: list[Token] = []
        for index in self.span_indexes(start, end):
            starts = self._word_starts[index]
            if starts is None:
                starts = self.segment_span(index, cancelled)
            span_end = self._span_ends[index]
            first = max(bisect.bisect_right(starts, start) - 1, 0)
            for position in range(first, len(starts)):
                word_start = starts[position]
                if word_start >= end:
                    break
                word_end = starts[position + 1] if position + 1 < len(starts) else span_end
                tokens.append(Token(word_start, word_end))
        return tokens

    def corrections_at(self, offset: int) -> list[str]:
        """The corrected words that shape the words at `offset`: what an undo there removes.

        A correction shapes them where it occurs around `offset` beginning and ending on
        word boundaries, with its cuts among them. Longest first; none before segmenting.
        """
        index = bisect.bisect_right(self._span_starts, offset) - 1
        snapshot = self._corrections.snapshot()
        if index < 0 or offset >= self._span_ends[index] or not snapshot:
            return []
        starts = self._word_starts[index]
        if starts is None:
            return []
        start, end = self.span(index)
        boundaries = {*starts, end}
        found = []
        for word, cuts in snapshot.words.items():
            position = self.text.find(word, max(start, offset - len(word) + 1), end)
            while 0 <= position <= offset:
                stop = position + len(word)
                if (
                    position in boundaries
                    and stop in boundaries
                    and all(position + cut in boundaries for cut in cuts)
                ):
                    found.append(word)
                    break
                position = self.text.find(word, position + 1, end)
        return sorted(found, key=lambda word: (-len(word), word))

    def invalidate_containing(self, words: Iterable[str]) -> list[int]:
        """Forgets the spans that hold any of `words` (after a correction); returns them.

        The caller segments them again, visible ones first, with `segment_all(first=...)`.
        """
        wanted = [word for word in set(words) if word]
        stale = []
        for index, starts in enumerate(self._word_starts):
            if starts is None:
                continue
            start, end = self.span(index)
            if any(self.text.find(word, start, end) >= 0 for word in wanted):
                self._word_starts[index] = None
                self._first_waiting = min(self._first_waiting, index)
                stale.append(index)
        return stale


class UserActivity:
    """When the user last acted in the window, so that background segmentation can wait.

    The ui thread calls `touch` as the user hovers or scrolls; a worker segmenting the
    whole book calls `give_way` between paragraphs, and so takes the GIL from the ui thread
    only once the user has paused.
    """

    def __init__(self, quiet_s: float = USER_QUIET_S) -> None:
        self._quiet_s = quiet_s
        self._last = -math.inf

    def touch(self) -> None:
        """The user acts now; called on the ui thread."""
        self._last = time.monotonic()

    def give_way(self) -> None:
        """Sleeps until the user has been still for `quiet_s`; at most that long, so that
        a worker still goes on, a paragraph at a time, while the user keeps acting."""
        remaining = self._last + self._quiet_s - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)


class _ShortSwitchInterval:
    """Lowers the interpreter's switch interval while any thread is inside `with` it.

    The ui thread releases the GIL in its Qt calls, and waits up to the switch interval to
    take it back from a worker running jieba: with the default 5 ms, a hover after the
    user had been still took about 10 ms, up to 37; with 0.5 ms, about 6, up to 12.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inside = 0
        self._before = sys.getswitchinterval()

    def __enter__(self) -> None:
        with self._lock:
            if self._inside == 0:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(SEGMENTING_SWITCH_INTERVAL_S)
            self._inside += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0:
                sys.setswitchinterval(self._before)


short_switch_interval = _ShortSwitchInterval()
"""`with short_switch_interval:` around work a worker does while the user may be acting."""


def _priority_order(first: Iterable[int], count: int) -> Iterable[int]:
    seen: set[int] = set()
    for index in first:
        if 0 <= index < count and index not in seen:
            seen.add(index)
            yield index
    for index in range(count):
        if index not in seen:
            yield index
