"""Find (Ctrl+F): the bar, the list and the marks in the view shown, kept in step.

A character query is answered at each keystroke, on the ui thread (the core's finder is
made for that); a pinyin query goes to a worker, each keystroke cancelling the last, and
the bar says how far the pinyin is prepared meanwhile. Whichever view is shown, plain or
pinyin, marks the matches; switching views keeps them and the current one.

The first time a find moves the reader away from where they were reading, and every time
they choose a match in the list, is a jump: `jumped(from, to)` says so, for Back/Forward.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from reader.language.pinyin_find import PinyinProgress, PinyinResult
from reader.language.pinyin_query import (
    PinyinQueryError,
    looks_like_pinyin,
    parse_query,
    unfinished_pinyin,
)
from reader.ui.find.area import FindArea
from reader.ui.find.bar import FindBar, FindMode
from reader.ui.find.results_list import ResultsList
from reader.ui.find.results_model import ResultsModel
from reader.ui.find.reveal import reveal
from reader.ui.find.settings import FindSettings
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.text_surface import TextSurface

Span = tuple[int, int]
PINYIN_DELAY_MS = 120
"""A pinyin query waits this long for the next keystroke before a worker starts on it."""
SELECTION_QUERY_MOST = 40
"""A selection this short, on one line, is the query when the bar opens."""


class FindController(QtCore.QObject):
    """The Find actions, the bar and the list of one window."""

    jumped = QtCore.Signal(int, int)
    """Find moved the reader from one offset to another (for Back/Forward)."""
    _progress = QtCore.Signal(int, float, list)
    """From a worker: the search numbered so has read this fraction of its candidates in
    context, and found these matches so far."""

    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        edit_menu: QtWidgets.QMenu,
        after: QtGui.QAction,
        current: CurrentSession,
        shown_view: Callable[[], TextSurface],
        views: Sequence[TextSurface],
    ) -> None:
        """Its actions go in `edit_menu` after `after`; `views`: every view that may be shown."""
        super().__init__(window)
        self._current = current
        self._shown_view = shown_view
        self._views = views
        self._settings = FindSettings()
        self._mode = self._settings.mode
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._index: int | None = None
        self._origin: int | None = None
        """Where the next query's first match is looked for from; None: the view's place."""
        self._left_from: int | None = None
        """Where the reader was reading when the bar opened, until find first moves them."""
        self._search_number = 0
        self._running: int | None = None
        """The number of the pinyin search under way, if one is."""
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._search)
        self._progress.connect(self._show_progress, QtCore.Qt.QueuedConnection)

        self.bar = FindBar()
        self.bar.set_mode(self._mode)
        self.model = ResultsModel(self)
        self.results = ResultsList(self.model)
        self.area = FindArea(window.takeCentralWidget(), self.results, self.bar)
        window.setCentralWidget(self.area)
        self.bar.query_changed.connect(self._query_changed)
        self.bar.next_requested.connect(self.find_next)
        self.bar.previous_requested.connect(self.find_previous)
        self.bar.close_requested.connect(self.close)
        self.bar.list_toggled.connect(self._list_toggled)
        self.area.escape_pressed.connect(self.close)
        self.results.chosen.connect(self.choose)
        current.changed.connect(self._new_session)
        current.words_changed.connect(self._words_changed)
        self._make_actions(edit_menu, after)

    def _make_actions(self, menu: QtWidgets.QMenu, after: QtGui.QAction) -> None:
        actions = menu.actions()
        before = actions[actions.index(after) + 1] if after in actions[:-1] else None
        self.find_action = QtGui.QAction("&Find…", menu)
        self.find_action.setShortcut(QtGui.QKeySequence.Find)
        self.find_action.triggered.connect(self.open)
        self.next_action = QtGui.QAction("Find &Next", menu)
        self.next_action.setShortcut(QtGui.QKeySequence("F3"))
        self.next_action.triggered.connect(self.find_next)
        self.previous_action = QtGui.QAction("Find Pre&vious", menu)
        self.previous_action.setShortcut(QtGui.QKeySequence("Shift+F3"))
        self.previous_action.triggered.connect(self.find_previous)
        if before is None:
            menu.addSeparator()
        else:
            menu.insertSeparator(before)
        menu.insertActions(before, [self.find_action, self.next_action, self.previous_action])

    # What the reader asks

    @property
    def is_open(self) -> bool:
        return not self.bar.isHidden()

    def open(self) -> None:
        """Show the bar, the selection (if short) as the query, and search from there, or
        from the caret or the top of the page."""
        view = self._shown_view()
        selected = _short_selection(view)
        if selected is not None:
            self.bar.set_query(selected[1])
        if not self.is_open:
            session = self._current.session
            if session is not None:
                session.prepare_finder()
            self._origin = None
            self._left_from = view.top_offset()
            self.bar.show()
            self.results.setVisible(self._settings.list_shown)
            self.bar.list_button.setChecked(self._settings.list_shown)
        if selected is not None:
            self._origin = selected[0]
        self._search()
        self.bar.focus_query()

    def close(self) -> None:
        """Hide the bar and the list, take the marks off, and leave the caret at the match."""
        if not self.is_open:
            return
        self._search_number += 1  # a pinyin search under way is dropped
        self._timer.stop()
        span = self.current_span
        self.bar.hide()
        self.results.hide()
        for view in self._views:
            view.set_found([], None)
        view = self._shown_view()
        if span is not None:
            view.place_caret(span[0])
        view.setFocus()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def choose(self, row: int) -> None:
        """The reader chose a match in the list: it is current, and shown."""
        if 0 <= row < len(self._spans):
            before = self._shown_view().top_offset()
            if self._go(row) and self._spans[row][0] != before:
                self.jumped.emit(before, self._spans[row][0])
                self._left_from = None

    # The matches

    @property
    def matches(self) -> list[Span]:
        return self._spans

    @property
    def current_index(self) -> int | None:
        return self._index

    @property
    def searching(self) -> bool:
        """A search waits for the next keystroke or runs on a worker."""
        return self._timer.isActive() or self._running is not None

    @property
    def current_span(self) -> Span | None:
        return self._spans[self._index] if self._index is not None else None

    def _step(self, delta: int) -> None:
        if not self.is_open:
            # F3 with the bar closed: open it on the last query, and step past the match
            # the reader left the caret at, if that is where the search starts again.
            left_at = self.current_span
            self.open()
            if left_at is None or self.current_span != left_at:
                return
        if not self._spans:
            return
        index = self._index if self._index is not None else -1 if delta > 0 else 0
        moved = index + delta
        note = ""
        if moved >= len(self._spans):
            moved, note = 0, "continued from the top"
        elif moved < 0:
            moved, note = len(self._spans) - 1, "continued from the end"
        self._moved(self._go(moved, note))

    def _moved(self, scrolled: bool) -> None:
        """The first move away from where the reader was reading is a jump."""
        span = self.current_span
        if scrolled and span is not None and self._left_from is not None:
            self.jumped.emit(self._left_from, span[0])
            self._left_from = None

    def _go(self, index: int, note: str = "", more: bool = False) -> bool:
        """Make match `index` current and show it; True if the view scrolled to it."""
        self._index = index
        start, end = self._spans[index]
        self._origin = start
        self.results.show_current(index)
        self.bar.show_count(index, len(self._spans), note, more)
        scrolled = reveal(self._shown_view(), start, end)
        self._mark()
        return scrolled

    def _mark(self) -> None:
        shown = self._shown_view()
        for view in self._views:
            if view is not shown:
                view.set_found([], None)
        shown.set_found(self._spans if self.is_open else [], self._index)

    def _show_matches(self, spans: list[Span], more: str = "") -> None:
        """Show `spans`, the first at or after the origin current; `more`: they are the
        first found, and what is still being done."""
        session = self._current.session
        self._spans = spans
        self._starts = [start for start, _ in spans]
        self.model.set_matches(session.document if session is not None else None, spans)
        self._index = None
        if not spans:
            self._mark()
            self.bar.show_no_match()
            return
        origin = self._origin if self._origin is not None else self._view_place()
        first = bisect.bisect_left(self._starts, origin)
        self._moved(self._go(first if first < len(spans) else 0, more, bool(more)))

    def _view_place(self) -> int:
        """The caret if the reader can see it, else the top of the page."""
        view = self._shown_view()
        top, bottom = view.visible_range()
        caret = view.caret_offset()
        return caret if top <= caret <= bottom else view.top_offset()

    def _clear(self) -> None:
        self._spans, self._starts, self._index = [], [], None
        self.model.set_matches(None, [])
        self._mark()
        self.bar.clear_status()

    # Searching

    def _query_changed(self) -> None:
        if self.bar.mode() is not self._mode:  # remembered when chosen, not at each key
            self._mode = self._settings.mode = self.bar.mode()
        self._search_number += 1
        pinyin = self._mode_used() is FindMode.PINYIN
        self._timer.start(PINYIN_DELAY_MS if pinyin else 0)

    def _mode_used(self) -> FindMode:
        mode = self.bar.mode()
        if mode is FindMode.AUTO:
            query = self.bar.query().strip()
            return FindMode.PINYIN if looks_like_pinyin(query) else FindMode.CHARACTERS
        return mode

    def _search(self) -> None:
        self._timer.stop()
        self._search_number += 1
        query = self.bar.query().strip()
        session = self._current.session
        if not self.is_open:
            return
        if not query or session is None:
            self.bar.show_mode_used(None)
            self._clear()
            return
        mode = self._mode_used()
        self.bar.show_mode_used(mode)
        if mode is FindMode.CHARACTERS:
            self._show_matches(session.finder.find_characters(query))
        else:
            self._search_pinyin(session, query, auto=self.bar.mode() is FindMode.AUTO)

    def _search_pinyin(self, session: DocumentSession, query: str, auto: bool) -> None:
        """`auto`: the mode was guessed from the letters, so a query that is not pinyin
        (GDP, iPhone, OK) is looked for as it is written."""
        try:
            parse_query(query)  # at once, in the bar: no worker for a query that is not pinyin
        except PinyinQueryError as error:
            written = session.finder.find_characters(query) if auto else []
            if written:
                self.bar.show_mode_used(FindMode.CHARACTERS)
                self._show_matches(written)
                return
            self._clear()
            if unfinished_pinyin(query):
                self.bar.show_progress(f"Go on typing: “{query}” ends inside a syllable")
            else:
                self.bar.show_error(str(error))
            return
        number = self._running = self._search_number
        session.pinyin_preparation.start()
        self.bar.show_progress("Searching pinyin…")
        first_at = self._origin if self._origin is not None else self._view_place()

        def progress(done: PinyinProgress) -> None:
            self._progress.emit(number, done.done / max(1, done.total), done.matches)

        def work() -> PinyinResult:
            cancelled = lambda: number != self._search_number  # noqa: E731
            return session.find_pinyin(query, cancelled, progress, first_at)

        def done(result: PinyinResult) -> None:
            self._finished(number)
            if result.complete and number == self._search_number and not session.closed:
                self._show_matches(result.matches)

        def failed(error: BaseException) -> None:
            self._finished(number)
            if number == self._search_number:
                self._clear()
                self.bar.show_error(str(error))

        self._current.runner.run(work, done, failed)

    def _finished(self, number: int) -> None:
        if self._running == number:
            self._running = None

    def _show_progress(self, number: int, done: float, matches: list[Span]) -> None:
        """The matches found so far are shown (those after the caret come first), and how
        far the pinyin is prepared."""
        if not (number == self._running == self._search_number and done < 1.0):
            return
        note = f"preparing pinyin… {int(done * 100)}%"
        if matches:
            self._show_matches(matches, note)
        else:
            self.bar.show_progress(note[0].upper() + note[1:])

    # The window around it

    def _list_toggled(self, shown: bool) -> None:
        self._settings.list_shown = shown
        self.results.setVisible(shown and self.is_open)
        if shown and self._index is not None:
            self.results.show_current(self._index)

    def _new_session(self, session: DocumentSession) -> None:
        """Another document: the old matches go, the query is searched for in the new one
        once it is shown at its place."""
        self._search_number += 1
        self._clear()
        self._origin = None
        if self.is_open:
            self._timer.start(0)

    def _words_changed(self) -> None:
        """The reader corrected words: their readings, and so pinyin matches, changed."""
        if self.is_open and self._mode_used() is FindMode.PINYIN:
            self._timer.start(0)

    def view_switched(self) -> None:
        """The other view is shown: the matches marked there, the current one in view."""
        if not self.is_open:
            return
        self._mark()
        span = self.current_span
        if span is not None:
            reveal(self._shown_view(), *span)


def _short_selection(view: TextSurface) -> tuple[int, str] | None:
    """Where the selection starts and its text, if it is short and on one line."""
    selected = view.selected_range()
    document = view.reader_document
    if selected is None or document is None:
        return None
    text = document.text[selected[0] : selected[1]]
    if not 0 < len(text.strip()) <= SELECTION_QUERY_MOST or "\n" in text:
        return None
    return selected[0] + len(text) - len(text.lstrip()), text.strip()
