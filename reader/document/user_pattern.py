"""Regular expressions the user types, run so that none can hang Reader.

A pattern such as `(a+)+$` or `(.*.*)*x` backtracks for minutes on a short line with
Python's `re`, which cannot be stopped. User patterns are therefore written in `re`'s syntax
(checked by `re` itself, so its error messages and its dialect stay what users know) and run
by the `regex` module, whose searches take a timeout:

- a pattern is at most MAX_PATTERN_CHARS long, and its counted repeats, multiplied out
  (`(?:a{316}){316}` is 100,000), at most MAX_PATTERN_SIZE: `regex` has no time limit while
  it compiles, and `(?:a{65535}){65535}` compiles for longer than anyone waits;
- all the searches of one run over a document (one `PatternRun`) share PATTERN_TIME_LIMIT_S;
  when it is spent, PatternTimeout says so. A run can also be cancelled between two
  searches by the caller (a dialog whose user typed on), which raises PatternCancelled.

The API, for the CLI, the importers and the window's Chapter Pattern dialog:

    pattern = compile_user_pattern(text, "chapter pattern")   # UserPatternError if unusable
    run = pattern.run(time_limit=PATTERN_TIME_LIMIT_S, cancelled=lambda: token.cancelled)
    for line in lines:
        if run.search(line): ...    # PatternTimeout / PatternCancelled stop the loop
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

try:
    from re import _parser as _re_parser  # Python 3.11 and later
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _re_parser  # type: ignore[no-redef]

PATTERN_TIME_LIMIT_S = 2.0
"""How long all the searches of one pattern over one document may take together.

Searching a user's chapter pattern in every line of 红楼梦 takes about 0.02 s; two
seconds leave room for slow machines and unusual patterns, and stop a runaway one before
the reader wonders whether Reader has hung."""
MAX_PATTERN_CHARS = 500
"""The longest pattern accepted: a chapter heading's pattern is a line, not a program."""
MAX_PATTERN_SIZE = 100_000
"""The most pattern items once counted repeats are multiplied out (compiles in < 0.3 s)."""

_TIMEOUT_OVERRUN = 2.5
"""`regex` stops a search two to three times later than the timeout it is given (measured
with regex 2026.x): each search gets the time left divided by this."""
_REPEATS = frozenset(
    getattr(_re_parser, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_re_parser, name)
)


class UserPatternError(ValueError):
    """A pattern that cannot be used, or that ran out of time; str() says which and why."""


class PatternTimeout(UserPatternError):
    """A run of the pattern used up its time limit."""


class PatternCancelled(Exception):
    """The caller cancelled the run (not an error to show)."""


@dataclass(frozen=True)
class UserPattern:
    """A compiled user pattern; `what` names it in messages ("chapter pattern")."""

    source: str
    what: str
    compiled: regex.Pattern[str]

    def run(
        self,
        time_limit: float = PATTERN_TIME_LIMIT_S,
        cancelled: Callable[[], bool] | None = None,
    ) -> PatternRun:
        """A run of searches sharing `time_limit` seconds; `cancelled` is asked between them."""
        return PatternRun(self, time.monotonic() + time_limit, time_limit, cancelled)


@dataclass
class PatternRun:
    """The searches of one pattern over one text, under one deadline."""

    pattern: UserPattern
    deadline: float
    time_limit: float
    cancelled: Callable[[], bool] | None = None
    searched: int = 0
    """How many searches ran, as a timeout's message tells."""

    def search(self, text: str) -> bool:
        """Whether the pattern occurs in `text`; PatternTimeout once the time is spent."""
        if self.cancelled is not None and self.cancelled():
            raise PatternCancelled
        self.searched += 1
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self._timeout()
        try:
            # concurrent: the GIL is let go while it searches, so a worker's search does not
            # hold up the window.
            found = self.pattern.compiled.search(
                text, timeout=left / _TIMEOUT_OVERRUN, concurrent=True
            )
        except TimeoutError:
            raise self._timeout() from None
        return found is not None

    def _timeout(self) -> PatternTimeout:
        return PatternTimeout(
            f"the {self.pattern.what} took too long: {self.pattern.source!r} ran for more "
            f"than {self.time_limit:g} s (gave up after searching {self.searched:,} lines); "
            "nested repeats "
            "such as (a+)+ or (.*)* can take forever, so write it without them"
        )


def compile_user_pattern(source: str, what: str) -> UserPattern:
    """The pattern `source` in Python's `re` syntax, ready to run with a time limit.

    Raises UserPatternError saying why a pattern cannot be used: bad syntax (in `re`'s
    words), too long, or too large once its repeats are multiplied out.
    """
    if len(source) > MAX_PATTERN_CHARS:
        raise UserPatternError(
            f"bad {what}: it is {len(source):,} characters long; the most is {MAX_PATTERN_CHARS}"
        )
    try:
        with warnings.catch_warnings():
            # "Possible nested set" and the like: advice to programmers, not to readers.
            warnings.simplefilter("ignore", FutureWarning)
            re.compile(source)
            size = _expanded_size(_re_parser.parse(source))
    except re.error as error:
        where = f" at position {error.pos}" if error.pos is not None else ""
        raise UserPatternError(f"bad {what} {source!r}: {error.msg}{where}") from None
    if size > MAX_PATTERN_SIZE:
        raise UserPatternError(
            f"bad {what} {source!r}: its repeats multiply out to {size:,} items; "
            f"the most is {MAX_PATTERN_SIZE:,}"
        )
    import regex  # 14 ms to import: only when a reader gives a pattern, not at start-up

    try:
        compiled = regex.compile(source, flags=regex.VERSION0)
    except regex.error as error:  # what re accepts, VERSION0 does too; kept as a safeguard
        raise UserPatternError(f"bad {what} {source!r}: {error}") from None
    return UserPattern(source, what, compiled)


def _expanded_size(items: Iterable[tuple[object, object]]) -> int:
    """How many items the pattern has once each counted repeat is written out."""
    size = 0
    for op, argument in items:
        if op in _REPEATS:
            low, high, inner = argument  # type: ignore[misc]
            count = max(low, 1) if high == _re_parser.MAXREPEAT else max(high, 1)
            size += count * _expanded_size(inner)
        else:
            size += 1 + sum(_expanded_size(inner) for inner in _subpatterns(argument))
    return size


def _subpatterns(argument: object) -> Iterable[_re_parser.SubPattern]:
    """The subpatterns inside an item's argument (a group, an assertion, a branch's arms)."""
    if isinstance(argument, _re_parser.SubPattern):
        yield argument
    elif isinstance(argument, (tuple, list)):
        for part in argument:
            if isinstance(part, _re_parser.SubPattern):
                yield part
            elif isinstance(part, list):
                yield from (arm for arm in part if isinstance(arm, _re_parser.SubPattern))
