"""Both views show the text in the script the reader chose: each new document, and at once
when the choice changes, the line at the top staying there.

The reading view gets its first page in the chosen script from the window (so a novel's
page is built once, not built and then rewritten); the pinyin view, given each document
by the pinyin switch, is told here. Only what is shown changes: the document, its offsets,
annotations and lookups are the text as written.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.script import Script
from reader.ui.busy_cursor import busy_cursor
from reader.ui.qt import QtCore
from reader.ui.script.choice import ScriptChoice
from reader.ui.session.current import CurrentSession
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.pinyin_view import PinyinView
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.text_surface import TextSurface


class ScriptDisplay(QtCore.QObject):
    """Keeps both views' characters in the chosen script."""

    def __init__(
        self,
        choice: ScriptChoice,
        reading_view: ReadingView,
        pinyin_view: PinyinView,
        current: CurrentSession,
        shown_view: Callable[[], TextSurface],
    ) -> None:
        super().__init__(choice)
        self._choice = choice
        self._reading_view = reading_view
        self._pinyin_view = pinyin_view
        self._shown_view = shown_view
        # After the pinyin switch's own connection: the pinyin view has the document.
        current.changed.connect(self._show_session)
        choice.changed.connect(self._show_script)

    def _show_session(self, session: DocumentSession) -> None:
        text = session.document.text
        shown = self._choice.shown_text(text)
        if shown is not text and self._pinyin_view.reader_document is session.document:
            self._pinyin_view.set_shown_text(shown)

    def _show_script(self, _script: Script) -> None:
        document = self._reading_view.reader_document
        if document is None:
            return
        view = self._shown_view()
        keep = view.top_offset()
        with busy_cursor():
            shown = self._choice.shown_text(document.text)
            self._reading_view.set_shown_text(shown)
            if self._pinyin_view.reader_document is document:
                self._pinyin_view.set_shown_text(shown)
        view.scroll_to_offset(keep)
