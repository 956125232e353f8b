"""Annotations in tooltips: plain text escaped, the top highlight's note first."""

from __future__ import annotations

from dataclasses import replace

from reader.store import DEFAULT_NAMES, new_annotation
from reader.ui.annotations.tooltips import notes_tooltip, row_tooltip

TEXT = "这是第一段,里面有一个生僻字。"


def made(note: str = "", tags=(), colour: str = "yellow"):
    return new_annotation(1, TEXT, 0, 5, colour=colour, note=note, tags=tags)


def test_highlights_without_notes_or_tags_have_no_tooltip():
    assert notes_tooltip([made(), made(note="  ")], DEFAULT_NAMES) is None


def test_the_top_highlight_is_told_first_with_its_colour_name_and_tags():
    below = made(note="下面的", colour="green")
    plain = made()
    top = made(tags=["生词"], colour="red")
    tip = notes_tooltip([below, plain, top], DEFAULT_NAMES)
    assert tip is not None
    first, second = tip.split("<hr>")
    assert first == f"<p><i>{DEFAULT_NAMES['red']} · 生词</i></p>"
    assert "下面的" in second and DEFAULT_NAMES["green"] in second


def test_a_row_says_when_it_is_an_orphan_or_unsaved():
    orphan = replace(made(note="记下"), orphan=True)
    tip = row_tooltip(orphan, "vocabulary", unsaved=True)
    assert "记下" in tip
    assert "Not found in the text as it is now." in tip
    assert "Not saved yet." in tip
    assert "Not saved yet." not in row_tooltip(orphan, "vocabulary", unsaved=False)
