"""A hit opened in the window: its document shown (opened if another is shown), the match
brought into view and marked as find marks its current match, the caret at it, and the
move remembered for Back when it was a jump within the document shown.

The index read the file as `reader library add` did; the window may read it otherwise (an
encoding or chapter pattern the reader chose), so a text hit whose characters are not at
its offsets is looked for nearby, and shown where it is found.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document import Document
from reader.language.script import fold
from reader.library.search import Hit
from reader.ui.find.reveal import reveal
from reader.ui.views.text_surface import TextSurface

NEAR = 2000
"""How far from its offsets a hit's characters are looked for when not at them."""


class HitOpener:
    def __init__(
        self,
        shown_document: Callable[[], Document | None],
        open_path: Callable[[Path, int], bool],
        shown_view: Callable[[], TextSurface],
        jumped_from: Callable[[int], object],
    ) -> None:
        """`open_path(path, at)`: open a file with `at` in view, False if it could not be
        (the window has said why); `jumped_from(top)`: a jump was made from `top`."""
        self._shown_document = shown_document
        self._open_path = open_path
        self._shown_view = shown_view
        self._jumped_from = jumped_from

    def open(self, hit: Hit) -> bool:
        """Show `hit` in its document; False if the document could not be opened."""
        if hit.path is None:
            return False
        document = self._shown_document()
        shown = document is not None and _same_file(document.path, hit.path)
        before = self._shown_view().top_offset()
        if not shown and not self._open_path(hit.path, hit.start):
            return False
        document = self._shown_document()
        assert document is not None
        start, end = _placed(document.text, hit)
        view = self._shown_view()
        moved = reveal(view, start, end)
        view.place_caret(start)
        view.set_found([(start, end)], 0)
        if shown and moved:
            self._jumped_from(before)
        return True


def _same_file(shown: Path | None, wanted: Path) -> bool:
    if shown is None:
        return False
    try:
        return shown.resolve() == wanted.resolve()
    except OSError:
        return shown == wanted


def _placed(text: str, hit: Hit) -> tuple[int, int]:
    """The hit's span in `text`: at its offsets, else the nearest place its characters are
    (a text hit), else its offsets kept inside the text."""
    start, end = min(hit.start, len(text)), min(hit.end, len(text))
    if hit.annotation_id is not None or not hit.match:
        return start, end
    wanted = fold(hit.match)
    if fold(text[start:end]) == wanted:
        return start, end
    low = max(0, start - NEAR)
    window = fold(text[low : start + NEAR + len(wanted)])
    places = _all(window, wanted)
    if not places:
        return start, end
    nearest = min(places, key=lambda at: abs(low + at - start))
    return low + nearest, low + nearest + len(wanted)


def _all(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found
