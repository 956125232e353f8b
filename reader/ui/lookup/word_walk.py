"""Ctrl+L and Alt+Right / Alt+Left: the word at the caret, or the word after (before) the
one shown, or after (before) the caret when none is, in the view the reader has chosen."""

from __future__ import annotations

from collections.abc import Callable

from reader.language.lookup import WordLookup
from reader.language.pinyin import is_han
from reader.ui.views.text_surface import TextSurface


class WordWalk:
    """Walks the text of the view shown, a Han character at a time, through its lookup."""

    def __init__(
        self,
        shown_view: Callable[[], TextSurface],
        text: Callable[[], str | None],
        current: Callable[[], WordLookup | None],
        show_word_at: Callable[[TextSurface, int], WordLookup | None],
    ) -> None:
        self._shown_view = shown_view
        self._text = text
        self._current = current
        self._show_word_at = show_word_at

    def at_caret(self) -> WordLookup | None:
        """The word at the caret (the selection's start), or the first one after it."""
        view, text = self._shown_view(), self._text()
        if text is None:
            return None
        selected = view.selected_range()
        offset = selected[0] if selected else view.caret_offset()
        return self._show(view, _next_han(text, offset))

    def step(self, forward: bool) -> WordLookup | None:
        view, text = self._shown_view(), self._text()
        if text is None:
            return None
        current = self._current()
        caret = view.caret_offset()
        if forward:
            return self._show(view, _next_han(text, current.end if current is not None else caret))
        start = current.start if current is not None else caret
        return self._show(view, _previous_han(text, start))

    def _show(self, view: TextSurface, offset: int | None) -> WordLookup | None:
        return self._show_word_at(view, offset) if offset is not None else None


def _next_han(text: str, offset: int) -> int | None:
    for position in range(max(offset, 0), len(text)):
        if is_han(text[position]):
            return position
    return None


def _previous_han(text: str, offset: int) -> int | None:
    for position in range(min(offset, len(text)) - 1, -1, -1):
        if is_han(text[position]):
            return position
    return None
