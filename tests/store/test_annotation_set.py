"""The open document's annotations held once: found by id and by offset, changes told."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from reader.document import build_document
from reader.store import Annotation, AnnotationChange, AnnotationSet, edited

TEXT = "第一段有一个𠀀字,后面还有很多很多字。\n\n第二段也说了一件事,说完了。"
EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)


def made(number: int, start: int, end: int, **changes) -> Annotation:
    """The annotation made `number` seconds after the first: later ones lie on top."""
    annotation = Annotation(
        id=f"a{number:05d}",
        document_id=1,
        start=start,
        end=end,
        quote=TEXT[start:end],
        created=EPOCH + timedelta(seconds=number),
        updated=EPOCH + timedelta(seconds=number),
    )
    return replace(annotation, **changes)


class Heard:
    """A listener that writes down what it hears, and what the set held when it heard it."""

    def __init__(self, annotations: AnnotationSet) -> None:
        self.annotations = annotations
        self.events: list[tuple] = []
        annotations.add_listener(self)

    def annotations_replaced(self, before) -> None:
        self.events.append(("replaced", [a.id for a in before], len(self.annotations)))

    def annotation_changed(self, change: AnnotationChange) -> None:
        self.events.append(("changed", change, change.ranges()))


@pytest.fixture
def annotations() -> AnnotationSet:
    return AnnotationSet()


def ids(found: list[Annotation]) -> list[str]:
    return [a.id for a in found]


def test_an_annotation_holds_its_characters_and_no_others(annotations):
    one = made(1, 3, 7)
    annotations.replace(build_document(TEXT), [one])
    assert annotations.at(2) == []
    assert [annotations.at(offset) for offset in range(3, 7)] == [[one]] * 4
    assert annotations.at(7) == []
    assert annotations.touching(0, 3) == []
    assert annotations.touching(6, 20) == [one]
    assert annotations.touching(7, 20) == []


def test_overlapping_highlights_come_in_paint_order_the_last_made_on_top(annotations):
    below = made(1, 2, 10)
    above = made(5, 6, 12)
    middle = made(3, 0, 30)
    annotations.replace(None, [above, middle, below])
    assert ids(annotations.at(7)) == [below.id, middle.id, above.id]
    assert ids(annotations.in_paint_order()) == [below.id, middle.id, above.id]
    same_time = replace(made(5, 7, 8), id="a00005b")
    annotations.put(same_time)
    assert ids(annotations.at(7)) == [below.id, middle.id, above.id, same_time.id]


def test_orphans_are_kept_and_listed_but_found_nowhere(annotations):
    placed = made(1, 3, 7)
    orphan = made(2, 3, 7, orphan=True)
    annotations.replace(None, [placed, orphan])
    assert len(annotations) == 2
    assert orphan.id in annotations
    assert annotations.get(orphan.id) == orphan
    assert annotations.all() == [placed, orphan]
    assert annotations.at(4) == [placed]
    assert annotations.in_paint_order() == [placed]
    attached = replace(orphan, orphan=False, start=20, end=22)
    annotations.put(attached)
    assert annotations.at(21) == [attached]


def test_a_changed_annotation_is_found_where_it_now_is(annotations):
    first = made(1, 3, 7)
    annotations.replace(None, [first])
    moved = replace(first, start=10, end=40)  # longer now: in another lane
    annotations.put(moved)
    assert annotations.at(4) == []
    assert annotations.at(39) == [moved]
    assert annotations.all() == [moved]
    assert annotations.remove(first.id) == moved
    assert annotations.at(39) == []
    assert annotations.remove(first.id) is None
    assert len(annotations) == 0


def test_the_set_keeps_the_order_annotations_came_in(annotations):
    a, b, c = made(3, 0, 1), made(1, 2, 3), made(2, 4, 5)
    annotations.replace(None, [a, b])
    annotations.put(c)
    annotations.put(edited(a, colour="red"))  # changed in place, not moved to the end
    assert ids(annotations.all()) == [a.id, b.id, c.id]


def test_listeners_hear_each_change_after_it_is_made(annotations):
    heard = Heard(annotations)
    document = build_document(TEXT)
    first = made(1, 3, 7)
    annotations.replace(document, [first, made(2, 8, 9, orphan=True)])
    assert annotations.document is document
    assert heard.events == [("replaced", [], 2)]

    red = edited(first, colour="red")
    annotations.put(red)
    moved = replace(red, start=20, end=25)
    annotations.put(moved)
    annotations.remove(moved.id)
    assert heard.events[1:] == [
        ("changed", AnnotationChange(first, red), [(3, 7), (3, 7)]),
        ("changed", AnnotationChange(red, moved), [(20, 25), (3, 7)]),
        ("changed", AnnotationChange(moved, None), [(20, 25)]),
    ]
    new = made(3, 0, 2)
    annotations.put(new)
    assert heard.events[-1] == ("changed", AnnotationChange(None, new), [(0, 2)])
    annotations.replace(document, [])
    assert heard.events[-1] == ("replaced", [new.id], 0)


def test_the_draft_is_painted_and_found_but_not_one_of_the_annotations(annotations):
    heard = Heard(annotations)
    kept = made(1, 3, 7)
    annotations.replace(None, [kept])
    draft = made(2, 5, 9)
    annotations.set_draft(draft)
    assert annotations.draft == draft
    assert annotations.at(6) == [kept, draft]
    assert annotations.all() == [kept]
    assert len(annotations) == 1
    assert draft.id not in annotations
    assert heard.events[-1] == ("changed", AnnotationChange(None, draft, draft=True), [(5, 9)])
    annotations.set_draft(None)
    assert annotations.at(6) == [kept]
    assert heard.events[-1] == ("changed", AnnotationChange(draft, None, draft=True), [(5, 9)])
    annotations.set_draft(None)  # no draft, nothing to tell
    assert len(heard.events) == 3


def test_a_draft_put_in_is_an_annotation_and_no_longer_the_draft(annotations):
    draft = made(2, 5, 9)
    annotations.set_draft(draft)
    noted = edited(draft, note="记下")
    annotations.put(noted)
    assert annotations.draft is None
    assert annotations.at(6) == [noted]
    assert annotations.all() == [noted]


def test_replacing_drops_the_draft_and_tells_its_place(annotations):
    heard = Heard(annotations)
    draft = made(2, 5, 9)
    annotations.set_draft(draft)
    annotations.replace(None, [])
    assert annotations.draft is None
    assert annotations.at(6) == []
    assert heard.events[-1] == ("replaced", [draft.id], 0)


def brute_touching(annotations: list[Annotation], start: int, end: int) -> list[str]:
    """What the set must answer, found the slow way."""
    touching = [a for a in annotations if not a.orphan and a.start < end and a.end > start]
    return [a.id for a in sorted(touching, key=lambda a: (a.created, a.id))]


def test_ten_thousand_annotations_are_found_as_a_scan_of_all_would_find_them(annotations):
    chance = random.Random(20240101)
    length = 1_000_000
    lengths = [1, 2, 3, 4, 7, 8, 15, 16, 40, 200]
    many = []
    for number in range(10_000):
        size = chance.choice(lengths)
        if number % 1000 == 0:
            size = chance.randrange(5_000, 300_000)  # a chapter highlighted now and then
        start = chance.randrange(0, length - size)
        many.append(made(number, start, start + size, orphan=number % 97 == 0))
    chance.shuffle(many)
    annotations.replace(None, many)
    for _ in range(120):
        offset = chance.randrange(0, length)
        assert ids(annotations.at(offset)) == brute_touching(many, offset, offset + 1)
        start = chance.randrange(0, length)
        end = start + chance.choice([1, 5, 80, 2_000])
        assert ids(annotations.touching(start, end)) == brute_touching(many, start, end)

    # Changed one by one, the index stays right: moved, recoloured, removed, added.
    for number in range(500):
        victim = many[number]
        start = chance.randrange(0, length - 50)
        moved = replace(victim, start=start, end=start + chance.randrange(1, 50), orphan=False)
        annotations.put(moved)
        many[number] = moved
    for victim in many[500:1000]:
        annotations.remove(victim.id)
    del many[500:1000]
    for number in range(10_000, 10_300):
        start = chance.randrange(0, length - 10)
        new = made(number, start, start + 10)
        annotations.put(new)
        many.append(new)
    assert len(annotations) == len(many)
    for _ in range(120):
        start = chance.randrange(0, length)
        end = start + chance.choice([1, 30, 1_000])
        assert ids(annotations.touching(start, end)) == brute_touching(many, start, end)
    assert ids(annotations.in_paint_order()) == brute_touching(many, 0, length)


def test_listeners_hear_in_the_order_they_were_added(annotations):
    """A panel's model hears before the panel that counts its rows."""
    order: list[str] = []

    class Named:
        def __init__(self, name: str) -> None:
            self.name = name

        def annotations_replaced(self, before) -> None:
            order.append(self.name)

        def annotation_changed(self, change) -> None:
            order.append(self.name)

    annotations.add_listener(Named("model"))
    annotations.add_listener(Named("panel"))
    annotations.put(made(1, 0, 1))
    annotations.replace(None, [])
    assert order == ["model", "panel", "model", "panel"]
