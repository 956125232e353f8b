"""The marks' colours: one for new words, a fading one for learning words, none for known and
ignored ones; on every theme's paper visible, and quieter than the ink."""

from __future__ import annotations

import pytest

from reader.store import Status
from reader.ui.views.contrast import contrast
from reader.ui.views.page_style import THEMES
from reader.ui.views.status_marks import mark_colour

LEARNING = [Status.LEARNING_1, Status.LEARNING_2, Status.LEARNING_3, Status.LEARNING_4]


@pytest.mark.parametrize("name", sorted(THEMES))
def test_known_and_ignored_words_are_not_marked(name):
    assert mark_colour(Status.KNOWN, THEMES[name]) is None
    assert mark_colour(Status.IGNORED, THEMES[name]) is None


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_mark_stands_out_from_the_paper_less_than_the_ink(name):
    colours = THEMES[name]
    ink = contrast(colours.ink, colours.paper)
    for status in [Status.NEW, *LEARNING]:
        seen = contrast(mark_colour(status, colours), colours.paper)
        assert 1.4 <= seen < ink, (status, seen)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_learning_marks_fade_as_the_word_is_learnt(name):
    colours = THEMES[name]
    seen = [contrast(mark_colour(status, colours), colours.paper) for status in LEARNING]
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 4
    assert mark_colour(Status.NEW, colours) not in {mark_colour(s, colours) for s in LEARNING}
