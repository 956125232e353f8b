"""The open document's annotations, held once: by id, and by place in the text.

The reading view's painter, the annotations panel and the pinyin view all show the same
annotations; they read them here and follow this set's changes rather than keep copies
that drift apart. The window's controller is the one that changes it.

"What is at this offset" is asked at every hover, click and paint, of up to 10,000
annotations, so it is answered without looking at them all: placed annotations sit in
lanes by length (1, 2-3, 4-7, 8-15 ... characters), each lane sorted by start. In a lane
whose lengths are under `reach`, only annotations starting in `(start - reach, end)` can
reach into `[start, end)`, and bisection finds those; one long highlight (a chapter) has a
lane of its own and does not make every question about short ones slower.

Orphans (not found in the text) are kept and listed but have no place, so no lane.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Protocol

from reader.document.model import Document
from reader.store.annotations import Annotation


def _paint_order(annotation: Annotation) -> tuple:
    """The highlight made last is on top where highlights overlap."""
    return (annotation.created, annotation.id)


@dataclass(frozen=True)
class AnnotationChange:
    """One annotation put in, changed or taken out: as it was and as it is now."""

    before: Annotation | None
    """None: it is new."""
    after: Annotation | None
    """None: it was taken out."""
    draft: bool = False
    """The draft of a note being written changed (see AnnotationSet.set_draft)."""

    def ranges(self) -> list[tuple[int, int]]:
        """Where in the text it is now and where it was: what a painter paints again."""
        return [(a.start, a.end) for a in (self.after, self.before) if a and not a.orphan]


class AnnotationListener(Protocol):
    """Whoever shows the set: told after each change, the set already changed."""

    def annotations_replaced(self, before: Sequence[Annotation]) -> None:
        """Every annotation replaced at once (a document opened, the store read again);
        `before` are those placed in the text until now, the draft among them."""

    def annotation_changed(self, change: AnnotationChange) -> None: ...


_start = attrgetter("start")


class _Lane:
    """Placed annotations shorter than `reach` characters, in order of their starts (kept
    apart, so bisection compares plain integers)."""

    __slots__ = ("annotations", "reach", "starts")

    def __init__(self, reach: int) -> None:
        self.reach = reach
        self.starts: list[int] = []
        self.annotations: list[Annotation] = []

    def add(self, annotation: Annotation) -> None:
        number = bisect_right(self.starts, annotation.start)
        self.starts.insert(number, annotation.start)
        self.annotations.insert(number, annotation)

    def discard(self, annotation: Annotation) -> None:
        number = bisect_left(self.starts, annotation.start)
        while self.annotations[number].id != annotation.id:
            number += 1  # past others starting at the same place
        del self.starts[number]
        del self.annotations[number]


def _lane_number(annotation: Annotation) -> int:
    """Lane n holds lengths under 2**n and at least 2**(n-1)."""
    return (annotation.end - annotation.start).bit_length()


class AnnotationSet:
    """One set per window: the annotations of the document shown, orphans included."""

    def __init__(self) -> None:
        self._document: Document | None = None
        self._by_id: dict[str, Annotation] = {}
        """In the order they came: loaded, then made."""
        self._lanes: dict[int, _Lane] = {}
        """Placed annotations and the draft, by _lane_number."""
        self._draft: Annotation | None = None
        self._listeners: list[AnnotationListener] = []

    # Listening

    def add_listener(self, listener: AnnotationListener) -> None:
        """Tell `listener` of every change from now on, after those added before it."""
        self._listeners.append(listener)

    # Reading

    @property
    def document(self) -> Document | None:
        """The document these annotations belong to; None before one is shown."""
        return self._document

    @property
    def draft(self) -> Annotation | None:
        return self._draft

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._by_id

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def all(self) -> list[Annotation]:
        """Every annotation, orphans included, the draft not."""
        return list(self._by_id.values())

    def at(self, offset: int) -> list[Annotation]:
        """The highlights holding the character at `offset`, the one on top last."""
        return self.touching(offset, offset + 1)

    def touching(self, start: int, end: int) -> list[Annotation]:
        """The highlights reaching into `[start, end)`, the one on top last; the draft
        counts, as it is painted."""
        found = []
        for lane in self._lanes.values():
            starts = lane.starts
            first = bisect_right(starts, start - lane.reach)
            last = bisect_left(starts, end, first)
            found += [a for a in lane.annotations[first:last] if a.end > start]
        found.sort(key=_paint_order)
        return found

    def in_paint_order(self) -> list[Annotation]:
        """Every highlight placed in the text (the draft too), the one on top last."""
        placed = [a for a in self._by_id.values() if not a.orphan]
        if self._draft is not None and not self._draft.orphan:
            placed.append(self._draft)
        return sorted(placed, key=_paint_order)

    # Changing

    def replace(self, document: Document | None, annotations: Iterable[Annotation]) -> None:
        """Hold `annotations` of `document` in place of all held until now, the draft too."""
        before = [a for lane in self._lanes.values() for a in lane.annotations]
        self._document = document
        self._by_id = {a.id: a for a in annotations}
        self._draft = None
        lanes: dict[int, _Lane] = {}
        placed = sorted((a for a in self._by_id.values() if not a.orphan), key=_start)
        for annotation in placed:  # in order of starts: each lane fills in order
            number = (annotation.end - annotation.start).bit_length()
            lane = lanes.get(number)
            if lane is None:
                lane = lanes[number] = _Lane(1 << number)
            lane.starts.append(annotation.start)
            lane.annotations.append(annotation)
        self._lanes = lanes
        for listener in tuple(self._listeners):
            listener.annotations_replaced(before)

    def put(self, annotation: Annotation) -> None:
        """Add an annotation, or hold it as it now is (another colour, a note, a new place).
        The draft put in is no longer a draft."""
        if self._draft is not None and self._draft.id == annotation.id:
            self.set_draft(None)
        before = self._by_id.get(annotation.id)
        if before is not None:
            self._unplace(before)
        self._by_id[annotation.id] = annotation
        self._place(annotation)
        self._tell(AnnotationChange(before, annotation))

    def remove(self, annotation_id: str) -> Annotation | None:
        """Take an annotation out; it is given back, None if it was not held."""
        before = self._by_id.pop(annotation_id, None)
        if before is not None:
            self._unplace(before)
            self._tell(AnnotationChange(before, None))
        return before

    def set_draft(self, draft: Annotation | None) -> None:
        """The highlight of a note being written on new text (None: no longer): painted and
        found at its place like the others, but not one of the document's annotations (not
        listed, not counted) until its note is saved and it is put in."""
        before = self._draft
        if before is not None:
            self._unplace(before)
        self._draft = draft
        if draft is not None:
            self._place(draft)
        if before is not None or draft is not None:
            self._tell(AnnotationChange(before, draft, draft=True))

    def _place(self, annotation: Annotation) -> None:
        if annotation.orphan:
            return
        number = _lane_number(annotation)
        lane = self._lanes.get(number)
        if lane is None:
            lane = self._lanes[number] = _Lane(1 << number)
        lane.add(annotation)

    def _unplace(self, annotation: Annotation) -> None:
        """Take out of its lane an annotation as it was placed (an orphan never was)."""
        if not annotation.orphan:
            self._lanes[_lane_number(annotation)].discard(annotation)

    def _tell(self, change: AnnotationChange) -> None:
        for listener in tuple(self._listeners):
            listener.annotation_changed(change)
