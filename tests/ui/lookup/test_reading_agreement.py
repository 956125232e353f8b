"""The pop-up says what the pinyin view shows: words of the seed hovered in the real window
(issue 13, "one reading per word per context")."""

from __future__ import annotations

from reader.language.pinyin import is_han
from reader.ui.lookup.settings import LookupSettings
from reader.ui.tasks import TaskRunner
from tests.ui.lookup_helpers import hover_word

CUT_LINES = ("进展厅前", "习主席", "习近平的著作")
"""Places where the seed's file breaks a line mid-sentence, which the document joins."""


def test_each_hovered_word_shows_the_reading_the_pinyin_view_paints(qtbot, make_window, seed_path):
    LookupSettings().delay_ms = 0
    window = make_window(seed_path, runner=TaskRunner(synchronous=True))
    lookup = window.word_lookup
    qtbot.waitUntil(lambda: lookup.is_ready)
    window.pinyin.all_action.trigger()
    view = window.pinyin.view
    text = window.reader_document.text
    segmentation = window.session.segmentation
    first_paragraphs = [
        token.start
        for block in window.reader_document.blocks[:6]
        for token in segmentation.tokens(block.start, block.end)
        if is_han(text[token.start])
    ]
    cut = [text.index(place) + len(place) // 2 for place in CUT_LINES]
    hovered = 0
    for offset in [*first_paragraphs, *cut]:
        view.ensure_visible(offset)
        qtbot.waitUntil(lambda o=offset: view.ruby_at(o) is not None)
        hover_word(qtbot, view, lookup, offset, view.character_rect(offset).center().toPoint())
        word = lookup.current
        head = lookup.popup.plain_text().splitlines()[0].split("  ")
        painted = [view.ruby_at(o) for o in range(word.start, word.end)]
        assert head[0] == text[word.start : word.end]
        assert plain(head[1]) == plain("".join(r for r in painted if r)), (head, painted)
        hovered += 1
    assert hovered > 150


def plain(pinyin: str) -> str:
    """Pinyin as compared: the syllables run together, without capitals or apostrophes."""
    return pinyin.replace(" ", "").replace("'", "").lower()
