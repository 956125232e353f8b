"""Finding an annotation's text again after the document changed.

An anchor is a quote (the exact text, with some text before and after it, as in the W3C
TextQuoteSelector) and code-point offsets (a TextPositionSelector). When the text changed,
each anchor is placed by the first of these that succeeds:

1. its offsets, if the quote and its context are still there (or, for an import, the quote);
2. its offsets moved by the shift of the anchor placed before it (an inserted or deleted
   paragraph moves everything after it by the same amount);
3. the quote with its whole context, searched near its old place, then anywhere;
4. candidates scored as the Hypothesis client does (match-quote.ts): the quote's similarity,
   its prefix's and suffix's similarity, and, as a tie-breaker, nearness to the old place.
   Near the old place first (the quote there, then the quote with edits there), then the
   quote anywhere, then the quote with edits anywhere. Edits are counted by Myers'
   bit-parallel edit distance, run on the windows that can hold a match: a quote with k
   edits keeps one of k+1 pieces of itself unchanged.

A candidate from step 4 is accepted only if at most a quarter of the quote changed and its
context still half agrees (or the quote is long and unchanged); anything else is an orphan,
so a short quote is never pinned to a look-alike elsewhere in the text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

CONTEXT_LENGTH = 32
"""Characters kept before and after a quote, as the Hypothesis client keeps."""
NEAR = 10_000
"""How far around the old place the quote is searched for first."""
MIN_QUOTE_SIMILARITY = 0.75
MIN_CONTEXT_SIMILARITY = 0.5
SELF_EVIDENT_LENGTH = 16
"""An unchanged quote this long is accepted wherever it moved, whatever its context."""
MAX_SCORED = 100
"""Exact occurrences scored, nearest to the old place first: a common word has thousands."""
NEARBY = 256
"""How far around the expected place an edited quote is looked for before anywhere else."""
MAX_WINDOWS = 2_000
"""Stretches of text searched for an edited quote at most, the nearest to its old place."""
MAX_OCCURRENCES = 20_000
"""Occurrences of one piece of an edited quote looked at, at most."""

_QUOTE_WEIGHT, _PREFIX_WEIGHT, _SUFFIX_WEIGHT, _POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0


POSITION_PROBE_CHARS = 12
"""How much text at a reading place is looked for when the document is read anew."""


@dataclass(frozen=True)
class Quote:
    """The quoted text and its surroundings when it was anchored."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Placement:
    """Where an anchor was found, and by which step (for reports and tests)."""

    start: int
    end: int
    method: str
    """"position", "shift", "context", "quote" (exact, scored) or "fuzzy"."""


def quote_at(text: str, start: int, end: int) -> Quote:
    return Quote(
        text[start:end],
        text[max(0, start - CONTEXT_LENGTH) : start],
        text[end : end + CONTEXT_LENGTH],
    )


def locate(
    text: str,
    quote: Quote,
    position: tuple[int, int] | None = None,
    *,
    hint: int | None = None,
    trust_position: bool = False,
) -> Placement | None:
    """Place one anchor in `text`, or None if it cannot be placed (an orphan).

    `position` is the anchor's old offsets; `hint` where it is expected now (the old start
    moved by the shift of its neighbours). With `trust_position` the offsets are taken as
    soon as the quote is there, whatever its context: an import's positions were made
    against this text, with context of some other tool's length.
    """
    if not quote.exact:
        return None
    if position is not None:
        start, end = position
        found = 0 <= start <= end <= len(text) and text[start:end] == quote.exact
        if found and (trust_position or _context_matches(text, start, end, quote)):
            return Placement(start, end, "position")
        if hint is None:
            hint = start
    if hint is not None and (position is None or hint != position[0]):
        end = hint + len(quote.exact)
        if hint >= 0 and text[hint:end] == quote.exact and _context_matches(text, hint, end, quote):
            return Placement(hint, end, "shift")
    found = _find_with_context(text, quote, hint)
    if found is not None:
        return Placement(found, found + len(quote.exact), "context")
    return _best_scored(text, quote, hint)


def reanchor(
    text: str, anchors: Sequence[tuple[Quote, tuple[int, int] | None]]
) -> list[Placement | None]:
    """Place many anchors (in the order given), using each one's neighbours to guess its shift.

    An anchor whose position is None (an orphan from an older text) is searched for by its
    quote alone and does not move the shift for the others.
    """
    results: list[Placement | None] = [None] * len(anchors)
    order = sorted(range(len(anchors)), key=lambda i: (anchors[i][1] or (0, 0))[0])
    shift = 0
    for index in order:
        quote, position = anchors[index]
        hint = position[0] + shift if position is not None else None
        placement = locate(text, quote, position, hint=hint)
        results[index] = placement
        if placement is not None and position is not None:
            shift = placement.start - position[0]
    return results


def _context_matches(text: str, start: int, end: int, quote: Quote) -> bool:
    return text.endswith(quote.prefix, 0, start) and text.startswith(quote.suffix, end)


def _find_with_context(text: str, quote: Quote, hint: int | None) -> int | None:
    """The start of the quote where its whole context is unchanged, nearest the hint."""
    needle = quote.prefix + quote.exact + quote.suffix
    offset = len(quote.prefix)
    if hint is not None:
        low = max(0, hint - NEAR)
        near = _occurrences(text, needle, low, hint + NEAR + len(needle))
        if near:
            return min(near, key=lambda at: abs(at + offset - hint)) + offset
    every = _occurrences(text, needle, 0, len(text), limit=MAX_SCORED)
    if not every:
        return None
    target = hint if hint is not None else 0
    return min(every, key=lambda at: abs(at + offset - target)) + offset


def _occurrences(
    text: str, needle: str, low: int, high: int, limit: int | None = None
) -> list[int]:
    found: list[int] = []
    at = text.find(needle, low, high)
    while at != -1 and (limit is None or len(found) < limit):
        found.append(at)
        at = text.find(needle, at + 1, high)
    return found


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    errors: int


def _best_scored(text: str, quote: Quote, hint: int | None) -> Placement | None:
    """Step 4: near the hint first (the quote where it should be, then edited there), then
    the quote anywhere, then edited anywhere."""
    max_errors = int(len(quote.exact) * (1 - MIN_QUOTE_SIMILARITY))
    if hint is not None and hint >= 0 and text.startswith(quote.exact, hint):
        here = [_Candidate(hint, hint + len(quote.exact), 0)]
        placement = _choose(text, quote, hint, here, "quote")
        if placement is not None:
            return placement
    if hint is not None and max_errors:
        low = max(0, hint - NEARBY)
        high = hint + len(quote.exact) + NEARBY
        near = _fuzzy_candidates(text, quote.exact, max_errors, [(low, high)])
        placement = _choose(text, quote, hint, [c for c in near if c.errors], "fuzzy")
        if placement is not None:
            return placement
    exact = _exact_candidates(text, quote.exact, hint)
    placement = _choose(text, quote, hint, exact, "quote")
    if placement is not None or not max_errors:
        return placement
    windows = _windows(text, quote.exact, max_errors, hint)
    fuzzy = [c for c in _fuzzy_candidates(text, quote.exact, max_errors, windows) if c.errors]
    return _choose(text, quote, hint, fuzzy, "fuzzy")


def _exact_candidates(text: str, exact: str, hint: int | None) -> list[_Candidate]:
    starts = _occurrences(text, exact, 0, len(text))
    if hint is not None and len(starts) > MAX_SCORED:
        starts = sorted(starts, key=lambda at: abs(at - hint))[:MAX_SCORED]
    return [_Candidate(at, at + len(exact), 0) for at in starts[:MAX_SCORED]]


def _choose(
    text: str, quote: Quote, hint: int | None, candidates: list[_Candidate], method: str
) -> Placement | None:
    best: tuple[float, _Candidate] | None = None
    for candidate in candidates:
        quote_score = 1 - candidate.errors / len(quote.exact)
        prefix_score = _context_score(
            text[max(0, candidate.start - len(quote.prefix)) : candidate.start], quote.prefix
        )
        suffix_score = _context_score(
            text[candidate.end : candidate.end + len(quote.suffix)], quote.suffix
        )
        context = (prefix_score + suffix_score) / 2
        long_and_whole = candidate.errors == 0 and len(quote.exact) >= SELF_EVIDENT_LENGTH
        if quote_score < MIN_QUOTE_SIMILARITY or (
            context < MIN_CONTEXT_SIMILARITY and not long_and_whole
        ):
            continue
        nearness = 1.0 if hint is None else 1 - abs(candidate.start - hint) / max(1, len(text))
        score = (
            _QUOTE_WEIGHT * quote_score
            + _PREFIX_WEIGHT * prefix_score
            + _SUFFIX_WEIGHT * suffix_score
            + _POSITION_WEIGHT * nearness
        )
        if best is None or score > best[0]:
            best = (score, candidate)
    if best is None:
        return None
    return Placement(best[1].start, best[1].end, method)


def _context_score(actual: str, expected: str) -> float:
    """1.0 when the expected context is all there, falling with each edit it takes."""
    if not expected:
        return 1.0
    if not actual:
        return 0.0
    return 1 - min(_end_distances(actual, expected), default=len(expected)) / len(expected)


def _fuzzy_candidates(
    text: str, pattern: str, max_errors: int, windows: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """The best local matches of `pattern` with at most `max_errors` edits in the windows."""
    candidates: list[_Candidate] = []
    for low, high in windows:
        run: list[tuple[int, int]] = []
        for index, errors in enumerate(_end_distances(text[low:high], pattern)):
            if errors <= max_errors:
                run.append((errors, low + index + 1))
            elif run:
                candidates.append(_candidate(text, pattern, max_errors, min(run)))
                run = []
        if run:
            candidates.append(_candidate(text, pattern, max_errors, min(run)))
    return candidates


def _candidate(text: str, pattern: str, max_errors: int, best: tuple[int, int]) -> _Candidate:
    errors, end = best
    return _Candidate(_match_start(text, pattern, end, max_errors), end, errors)


def _windows(text: str, pattern: str, max_errors: int, hint: int | None) -> list[tuple[int, int]]:
    """Stretches of `text` that can hold a match: a match with k edits keeps one of k+1
    pieces of the pattern whole. When a piece is common, the windows nearest the hint."""
    pieces = max_errors + 1
    size = len(pattern) // pieces
    spans: list[tuple[int, int]] = []
    for index in range(pieces):
        offset = index * size
        piece = pattern[offset:] if index == pieces - 1 else pattern[offset : offset + size]
        for at in _occurrences(text, piece, 0, len(text), limit=MAX_OCCURRENCES):
            low = max(0, at - offset - max_errors)
            spans.append((low, at - offset + len(pattern) + max_errors))
    if len(spans) > MAX_WINDOWS:
        target = hint or 0
        spans = sorted(spans, key=lambda span: abs(span[0] - target))[:MAX_WINDOWS]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _match_start(text: str, pattern: str, end: int, max_errors: int) -> int:
    """Where the best match ending at `end` begins: the pattern, reversed, matched backwards."""
    low = max(0, end - len(pattern) - max_errors)
    before = text[low:end][::-1]
    best_length, best_errors = len(pattern), len(pattern) + max_errors + 1
    for index, errors in enumerate(_end_distances(before, pattern[::-1], anchored=True)):
        length = index + 1
        closer = abs(length - len(pattern)) < abs(best_length - len(pattern))
        if errors < best_errors or (errors == best_errors and closer):
            best_length, best_errors = length, errors
    return end - best_length


def _end_distances(text: str, pattern: str, anchored: bool = False) -> Iterator[int]:
    """For each end position in `text`, the fewest edits turning some text ending there into
    `pattern` (Myers 1999, as Hyyrö 2001 explains it); with `anchored` the text must be matched
    from its first character.
    """
    length = len(pattern)
    full = (1 << length) - 1
    last = 1 << (length - 1)
    masks: dict[str, int] = {}
    for index, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << index)
    carry = 1 if anchored else 0
    positive, negative, score = full, 0, length
    for char in text:
        equal = masks.get(char, 0)
        vertical = equal | negative
        horizontal = (((equal & positive) + positive) ^ positive) | equal
        plus = negative | (~(horizontal | positive) & full)
        minus = positive & horizontal
        if plus & last:
            score += 1
        elif minus & last:
            score -= 1
        plus = ((plus << 1) | carry) & full
        minus = (minus << 1) & full
        positive = minus | (~(vertical | plus) & full)
        negative = plus & vertical
        yield score


def nearest_offset(old_text: str, offset: int, new_text: str) -> int:
    """Where the reader was at `offset` of `old_text`, in `new_text` read anew from the file.

    The same words if they are found near the same share of the way through, else that share:
    a text read in another encoding has none of the words it had.
    """
    if old_text == new_text:
        return offset
    guess = min(len(new_text), round(offset * len(new_text) / max(1, len(old_text))))
    probe = old_text[offset : offset + POSITION_PROBE_CHARS]
    if probe.strip():
        found = [
            place
            for place in (new_text.find(probe, guess), new_text.rfind(probe, 0, guess + len(probe)))
            if place >= 0
        ]
        if found:
            return min(found, key=lambda place: abs(place - guess))
    return guess
