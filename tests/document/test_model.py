"""The Document model: its section tree walks without recursion."""

from __future__ import annotations

from reader.document.model import Section


def test_walking_a_tree_deeper_than_the_recursion_limit():
    root = section = Section("书", 0, 0, 10)
    for depth in range(1, 5001):
        child = Section(f"第{depth}层", depth, 0, 10, parent=section)
        section.children.append(child)
        section = child
    names = [walked.heading for walked in root.walk()]
    assert names[:2] == ["书", "第1层"]
    assert len(names) == 5001


def test_walking_goes_in_reading_order():
    root = Section("书", 0, 0, 10)
    first = Section("一", 1, 0, 5, parent=root)
    first.children.append(Section("一.1", 2, 1, 5, parent=first))
    root.children.extend([first, Section("二", 1, 5, 10, parent=root)])
    assert [s.heading for s in root.walk()] == ["书", "一", "一.1", "二"]
