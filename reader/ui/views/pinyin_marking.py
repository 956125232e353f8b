"""What the pinyin view marks over its text besides the selection: the highlights, the word
the pop-up shows, a find's matches and the words the reader does not know. Each is kept in
the view's PageMarks (reader.ui.views.pinyin_painting) and painted from there, for the part
in view only, at the next paint.

A part of PinyinView (its first base class), kept apart so that the view's module holds its
page, scrolling, caret and input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.ui.qt import QtWidgets
from reader.ui.views.pinyin_layout import PinyinLayout
from reader.ui.views.pinyin_painting import Highlight, PageMarks
from reader.ui.views.status_marks import WordMarkSource


class PinyinMarking:
    """The marking half of PinyinView; the view gives it `_marks`, `_page` and `viewport`."""

    _marks: PageMarks
    _page: PinyinLayout
    viewport: Callable[[], QtWidgets.QWidget]  # QAbstractScrollArea's, after this in the MRO

    def set_highlight_source(self, source: Callable[[int, int], list[Highlight]]) -> None:
        """The highlights reaching into `[start, end)`, the one on top last: asked at every
        paint for the part in view."""
        self._marks.highlights = source
        self.viewport().update()

    def set_marked(self, span: tuple[int, int] | None) -> None:
        """The word the pop-up shows, tinted; None takes the tint away."""
        if span != self._marks.hovered:
            self._marks.hovered = span
            self.viewport().update()

    def set_found(self, spans: Sequence[tuple[int, int]], current: int | None) -> None:
        """A find's matches, painted over the highlights, `spans[current]` strongest."""
        if spans or self._marks.found:
            self._marks.found.set(spans, current, self._page.document)
            self.viewport().update()

    def set_word_marks(self, source: WordMarkSource | None, shown: bool) -> None:
        """Where the new and learning words are found, and whether they are underlined; given
        again when their statuses changed: their pinyin, if only theirs is shown, is laid
        out anew in the pieces in view, and nowhere else until they are seen."""
        self._marks.words, self._marks.words_shown = source, shown
        self._page.set_word_marks(source)
        self.viewport().update()
