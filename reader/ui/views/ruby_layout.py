"""Lines of ruby boxes: one block's characters, each with its reading above it, set in a width.

Qt's rich text has no ruby (DESIGN.md §8), so the pinyin view lays its text out itself. A
box holds one character (or an unbreakable run of Latin letters and digits). A character
with a reading stands in a box of one width, the step, so the characters of a line stand
evenly spaced; a reading is centred over its own character, and one wider than the step
reaches over its neighbours' room, as ruby does. Where two readings would touch they are
condensed (painted narrower, down to a least share of their width that stays legible),
the wider one first, and then the gap between them narrows to half; only where even that
cannot keep them apart does the character move along. A justified line is spread by a
little at most, never so much that its characters stand apart. Widths come from the
caller's measuring functions, which keeps this module free of Qt and cheap to test.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from reader.ui.views.page_style import Align

NO_LINE_START = frozenset(
    "\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f\uff09\u300b\u300d\u300f\u3011\u3009"
    "\uff0e\u3015\u3017\u3019\u301b\uff3d\uff5d\uff60\u00bb\u203a"
    "\u201d\u2019\u2026\u00b7,.;:!?)]}"
)
"""Closing punctuation, kept at the end of the line before rather than starting a line: the
full stops, commas and closing brackets of Chinese and Latin text (the fullwidth full stop
．of older texts too), as the plain view's line breaking keeps them (Unicode's class CL)."""
HANGING = 2
"""Closing punctuation marks that may stand past a line's end: more start the next line."""
NUDGE = 0.2
"""How far a reading may stand off its character's centre, as a share of its box."""
_UNIT = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+|\n|.", re.DOTALL)
"""A Latin word or number stays whole; anything else is a box of its own."""


@dataclass(frozen=True)
class Box:
    """One character (or Latin run) at `x` of its line; `ruby` is its reading or None,
    painted `squeeze` times its width, centred over the box."""

    start: int
    end: int
    x: float
    width: float
    text_width: float
    ruby: str | None
    tone: int = 0
    squeeze: float = 1.0
    nudge: float = 0.0
    """How far the reading's centre stands left of the box's (negative: to the left)."""


@dataclass
class Line:
    """`y` is the top of the line (its ruby band first) from the top of the block."""

    y: float
    start: int
    end: int
    boxes: list[Box] = field(default_factory=list)

    def right(self) -> float:
        return self.boxes[-1].x + self.boxes[-1].width if self.boxes else 0.0


@dataclass
class BlockLayout:
    """A block's lines; offsets are the document's, heights in pixels."""

    start: int
    end: int
    lines: list[Line]
    line_height: float
    height: float

    def line_index_at(self, offset: int) -> int:
        """The line holding `offset` (the last line for the block's end)."""
        starts = [line.start for line in self.lines]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def line_at_y(self, y: float) -> Line | None:
        for line in self.lines:
            if line.y <= y < line.y + self.line_height:
                return line
        return None

    def box_at(self, x: float, y: float) -> Box | None:
        """The box under (x, y), or None in the margins, between lines or past a line's end."""
        line = self.line_at_y(y)
        if line is None:
            return None
        for box in line.boxes:
            if box.x <= x < box.x + box.width:
                return box
        return None

    def position_at(self, x: float, y: float) -> int:
        """The offset between characters nearest to (x, y): where a selection starts or ends."""
        if not self.lines:
            return self.start
        if y < self.lines[0].y:
            return self.start
        line = self.line_at_y(y)
        if line is None:
            return self.end
        for box in line.boxes:
            if x < box.x + box.width / 2:
                return box.start
        return line.end

    def box_for(self, offset: int) -> tuple[Line, Box] | None:
        """The line and box holding `offset`, or None for a line break or past the end."""
        line = self.lines[self.line_index_at(offset)] if self.lines else None
        if line is None:
            return None
        for box in line.boxes:
            if box.start <= offset < box.end:
                return line, box
        return None


@dataclass(frozen=True)
class BlockShape:
    """How a block is set: pixels for the measure, indent and the vertical rhythm."""

    width: float
    line_height: float
    """The whole line: the ruby band and the characters below it."""
    above: float = 0.0
    below: float = 0.0
    indent: float = 0.0
    align: Align = Align.LEFT
    ruby_padding: float = 0.0
    """Room kept on either side of a reading, so neighbouring readings do not touch."""
    tab: float | None = None
    """For a list item ("name\nrole"): where the text after the line break starts, on the
    same line, and where wrapped lines start, so the roles line up in a column."""
    ruby_box: float = 0.0
    """The width of a box with a reading, the step from character to character: most
    readings fit it, and a longer one (zhuàng) reaches over its neighbours' room."""
    stretch: float = math.inf
    """How much a justified line may widen each gap between its boxes, at most."""
    least_squeeze: float = 1.0
    """How far a reading may be condensed so as not to touch its neighbour's, as a share
    of its width (1.0: never; the character moves along instead)."""


def layout_block(
    text: str,
    start: int,
    rubies: Sequence[tuple[str, int] | None],
    shape: BlockShape,
    measure: Callable[[str], float],
    measure_ruby: Callable[[str], float],
) -> BlockLayout:
    """Lays out `text` (the document's text from `start`) in lines of boxes.

    `rubies` has one entry per character: its written reading and tone, or None. An empty
    reading keeps the room of one (a Chinese character whose reading is hidden or not
    known yet), so characters stand as evenly with readings as without.
    A "\\n" ends a line; a line breaks before the box that would overflow it, unless
    that box is closing punctuation, which stays with the character before it (up to
    HANGING marks, so a run of them still wraps).
    """
    lines: list[Line] = []
    current = Line(shape.above, start, start)
    x = shape.indent
    hanging = 0
    before: tuple[int, float, float, float] | None = None
    """The last reading on the line: its box's index, its box's centre, its full width and
    how far left its reading may start (the one before it ends there, a gap apart)."""
    gap = 2 * shape.ruby_padding

    def finish(line: Line, last: bool) -> None:
        _align(line, shape, last)
        lines.append(line)

    for into, unit in _units(text, measure, shape.width - (shape.tab or 0.0)):
        offset = start + into
        if unit == "\n" and shape.tab is not None:
            x = shape.tab if x < shape.tab else x + measure(" ")
            continue
        if unit == "\n":
            current.end = offset
            finish(current, True)
            current = Line(shape.above + len(lines) * shape.line_height, offset + 1, offset + 1)
            x = 0.0
            hanging = 0
            before = None
            continue
        ruby = rubies[into] if len(unit) == 1 else None
        text_width = measure(unit)
        width = text_width
        reading = 0.0
        if ruby is not None:
            width = max(width, shape.ruby_box)
            if ruby[0]:
                reading = measure_ruby(ruby[0])
        squeezes = (1.0, 1.0)
        shift = nudge = 0.0
        if reading and before is not None:
            index, centre, full, limit = before
            last = current.boxes[index]
            # The reading before first moves left into room its own neighbour leaves free.
            half = full * last.squeeze / 2
            overlap = centre + last.nudge + half + gap - (x + (width - reading) / 2)
            free = min(centre + last.nudge - half - limit, NUDGE * last.width + last.nudge)
            nudge = last.nudge - max(0.0, min(overlap, free))
            room = x + width / 2 - centre - nudge - gap
            squeezes = _condense(full, last.squeeze, reading, room, shape)
            # Condensed as far as they may be, they may come up to half the gap apart.
            halves = (full * squeezes[0] + reading * squeezes[1]) / 2
            shift = max(0.0, halves - room - gap / 2)
        overflows = bool(current.boxes) and x + shift + width > shape.width
        if overflows and unit in NO_LINE_START and hanging < HANGING:
            hanging += 1
        elif overflows:
            hanging = 0
            current.end = offset
            finish(current, False)
            current = Line(shape.above + len(lines) * shape.line_height, offset, offset)
            x = shape.tab or 0.0
            shift, nudge, squeezes, before = 0.0, 0.0, (1.0, 1.0), None
            if unit.isspace():
                current.start = current.end = offset + 1
                continue
        if before is not None and reading:
            current.boxes[before[0]] = replace(
                current.boxes[before[0]], squeeze=squeezes[0], nudge=nudge
            )
        x += shift
        written, tone = ruby if ruby is not None and ruby[0] else (None, 0)
        box = Box(offset, offset + len(unit), x, width, text_width, written, tone, squeezes[1])
        current.boxes.append(box)
        if reading:
            limit = x  # the first on a line stays over its character
            if before is not None:
                last = current.boxes[before[0]]
                limit = before[1] + last.nudge + before[2] * last.squeeze / 2 + gap
            before = (len(current.boxes) - 1, x + width / 2, reading, limit)
        x += width
        current.end = offset + len(unit)
    current.end = start + len(text)
    finish(current, True)
    height = shape.above + len(lines) * shape.line_height + shape.below
    return BlockLayout(start, start + len(text), lines, shape.line_height, height)


def _condense(
    first: float, squeeze: float, second: float, room: float, shape: BlockShape
) -> tuple[float, float]:
    """How much two neighbouring readings, `first` (already condensed to `squeeze`) and
    `second` wide, are condensed so that their halves fit in `room`: the one wider than
    its half of the room gives way first, never below the least squeeze."""
    wide, narrow = first * squeeze, second
    if (wide + narrow) / 2 <= room:
        return squeeze, 1.0
    if wide <= room:
        targets = (wide, 2 * room - wide)
    elif narrow <= room:
        targets = (2 * room - narrow, narrow)
    else:
        targets = (room, room)
    least = shape.least_squeeze
    return (
        max(least, min(squeeze, targets[0] / first)),
        max(least, min(1.0, targets[1] / second)),
    )


def _units(text: str, measure: Callable[[str], float], width: float) -> Iterator[tuple[int, str]]:
    """Each box's text and where in `text` it starts. A Latin word wider than a line comes
    letter by letter, to wrap anywhere, as Qt wraps a word too long for its line."""
    for match in _UNIT.finditer(text):
        unit = match.group()
        if len(unit) > 1 and measure(unit) > width:
            for into in range(match.start(), match.end()):
                yield into, text[into]
        else:
            yield match.start(), unit


def _align(line: Line, shape: BlockShape, last: bool) -> None:
    """Moves the boxes of a finished line to the block's alignment."""
    if not line.boxes:
        return
    spare = shape.width - line.right()
    if spare <= 0 or shape.align is Align.LEFT:
        return
    if shape.align is Align.JUSTIFY:
        if last or len(line.boxes) < 2:
            return
        step = min(spare / (len(line.boxes) - 1), shape.stretch)
        line.boxes[:] = [_moved(box, index * step) for index, box in enumerate(line.boxes)]
        return
    shift = spare if shape.align is Align.RIGHT else spare / 2
    line.boxes[:] = [_moved(box, shift) for box in line.boxes]


def _moved(box: Box, dx: float) -> Box:
    return replace(box, x=box.x + dx)
