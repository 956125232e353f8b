"""Word lookup in the window: the menu's choices, the pop-up, and one hover controller that
serves whichever view is shown.

The language tools are warmed up by a worker once the text has first been painted (see
reader.ui.session.language), and each document is segmented by its session, the visible
paragraphs first; until a paragraph is segmented, the dictionary word covering the offset
stands in for jieba's word, so lookups never wait for jieba.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.lookup import WordLookup
from reader.language.pinyin import PinyinStyle
from reader.language.sense_markup import Reference
from reader.ui.lookup.actions import LookupActions
from reader.ui.lookup.hover import HoverController
from reader.ui.lookup.popup import WordPopup
from reader.ui.lookup.settings import LookupSettings
from reader.ui.lookup.word_walk import WordWalk
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.views.text_surface import TextSurface
from reader.ui.views.tone_colours import ToneColours

START_ANYWAY_MS = 1500
"""The warm-up starts after the first paint, or this long after the event loop starts if
no view is ever painted (a hidden window)."""


class WordLookupController(QtCore.QObject):
    """Hover, click and keyboard lookup over the views of one window, and its menu."""

    ready = QtCore.Signal()
    """The tools are built: a hover now shows a correct pop-up."""
    word_shown = QtCore.Signal(object)
    """A WordLookup has been put in the pop-up (shown now or after the delay)."""

    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        view_menu: QtWidgets.QMenu,
        current: CurrentSession,
        shown_view: Callable[[], TextSurface],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._current_session = current
        self._shown_view = shown_view
        self._settings = LookupSettings()
        self._warm_up = current.warm_up
        self._painted_viewports: list[QtWidgets.QWidget] = []

        actions = LookupActions(window, view_menu, self._settings)
        self.toggle_action = actions.toggle_action
        self.caret_action = actions.caret_action
        self.next_action = actions.next_action
        self.previous_action = actions.previous_action
        self.colour_actions = actions.colour_actions
        self.style_actions = actions.style_actions
        self.delay_actions = actions.delay_actions
        self.spoken_action = actions.spoken_action
        self.toolbar = actions.toolbar
        self.toggle_action.toggled.connect(self.set_enabled)
        self.spoken_action.toggled.connect(self.set_spoken_tones)
        for scheme, action in self.colour_actions.items():
            action.triggered.connect(lambda _=False, s=scheme: self.set_tone_colours(s))
        for style, action in self.style_actions.items():
            action.triggered.connect(lambda _=False, s=style: self.set_pinyin_style(s))
        for delay, action in self.delay_actions.items():
            action.triggered.connect(lambda _=False, d=delay: self.set_delay(d))

        self.popup = WordPopup(window)
        self.popup.reference_activated.connect(self.show_reference)
        self.hover = HoverController(self.popup, self._settings, lambda: current.session, self)
        self.hover.enabled = self._settings.enabled
        self.hover.word_shown.connect(current.user_acted)
        self.hover.word_shown.connect(self.word_shown)
        self._walk = WordWalk(
            shown_view,
            lambda: current.session.text if current.session is not None else None,
            lambda: self.hover.current,
            self.hover.show_word_at,
        )
        self.caret_action.triggered.connect(self.look_up_at_caret)
        self.next_action.triggered.connect(self.next_word)
        self.previous_action.triggered.connect(self.previous_word)
        current.changed.connect(self.hover.hide_popup)
        current.words_changed.connect(self._words_changed)
        self._warm_up.ready.connect(self._warmed)
        self._warm_up.failed.connect(self._warm_up_failed)
        window.installEventFilter(self)
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._start_timer = QtCore.QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(START_ANYWAY_MS)
        self._start_timer.timeout.connect(self._start)
        QtCore.QTimer.singleShot(0, self, self._start_timer.start)  # once the loop runs

    def serve(self, view: TextSurface) -> None:
        """Look words up in `view`; the warm-up starts once it, or another, has painted."""
        self.hover.serve(view)
        viewport = view.viewport()
        viewport.installEventFilter(self)
        self._painted_viewports.append(viewport)
        view.verticalScrollBar().valueChanged.connect(lambda: self._scrolled(view))

    # The menu's choices

    @property
    def enabled(self) -> bool:
        return self.toggle_action.isChecked()

    def set_enabled(self, enabled: bool) -> None:
        if self.toggle_action.isChecked() != enabled:
            self.toggle_action.setChecked(enabled)  # comes back here through `toggled`
            return
        self._settings.enabled = enabled
        self.hover.enabled = enabled
        if not enabled:
            self.hide_popup()

    def set_tone_colours(self, scheme: ToneColours) -> None:
        self._settings.tone_colours = scheme
        self.colour_actions[scheme].setChecked(True)
        self.hover.refill()

    def set_pinyin_style(self, style: PinyinStyle) -> None:
        self._settings.pinyin_style = style
        self.style_actions[style].setChecked(True)
        self.hover.refill()

    def set_spoken_tones(self, spoken: bool) -> None:
        self._settings.spoken_tones = spoken
        self.spoken_action.setChecked(spoken)
        self.hover.refill()

    def set_delay(self, delay_ms: int) -> None:
        self._settings.delay_ms = delay_ms
        if delay_ms in self.delay_actions:
            self.delay_actions[delay_ms].setChecked(True)

    # Start-up

    @property
    def is_ready(self) -> bool:
        return self._warm_up.is_ready

    def when_ready(self, callback: Callable[[bool], None]) -> None:
        """Call `callback(True)` once lookups work, or `callback(False)` if they never will."""
        self._warm_up.when_ready(callback)

    def _start(self) -> None:
        self._start_timer.stop()
        self._warm_up.start()

    def _warmed(self) -> None:
        self.ready.emit()
        self.hover.hover_again()

    def _warm_up_failed(self, failure: str) -> None:
        self.toggle_action.setEnabled(False)
        self.toggle_action.setToolTip(f"Word lookup is unavailable: {failure}")

    def shutdown(self) -> None:
        """Stop listening and the workers, before the window and its views go away."""
        self._start_timer.stop()
        self.hover.stop()
        self._current_session.shutdown()
        for watched in (*self._painted_viewports, self._window):
            watched.removeEventFilter(self)

    # Looking up

    @property
    def current(self) -> WordLookup | None:
        return self.hover.current

    def look_up(self, offset: int) -> WordLookup | None:
        """The word at `offset` of the document shown, as the pop-up would show it."""
        return self.hover.look_up(offset)

    def show_word_at(self, offset: int, move_caret: bool = True) -> WordLookup | None:
        """In the view shown: the word at `offset`, the caret at its start, the pop-up now."""
        return self.hover.show_word_at(self._shown_view(), offset, move_caret)

    def look_up_at_caret(self) -> WordLookup | None:
        """The word at the caret, its pop-up pinned: a reader at the keyboard has no mouse
        resting on the word to keep it open."""
        result = self._walk.at_caret()
        if result is not None:
            self.popup.set_pinned(True)
        return result

    def next_word(self) -> WordLookup | None:
        return self._walk.step(forward=True)

    def previous_word(self) -> WordLookup | None:
        return self._walk.step(forward=False)

    def show_reference(self, reference: Reference) -> WordLookup | None:
        """In the pop-up, pinned: the word a sense refers to, read as the sense gives it."""
        if not self._warm_up.is_ready:
            return None
        result = self._warm_up.tools.lookup.word(reference.simplified, reference.syllables())
        self.popup.show_reference(result)
        return result

    def hide_popup(self) -> None:
        self.hover.hide_popup()

    def leave_clicks_to(self, taken: Callable[[QtCore.QPoint], object]) -> None:
        self.hover.leave_clicks_to(taken)

    def _scrolled(self, view: TextSurface) -> None:
        """The reader scrolled: the paragraphs come into view are segmented first. A hidden
        view follows the one shown, which is not the reader's doing."""
        if view is self._shown_view():
            self._current_session.scrolled()

    def _words_changed(self, _: list[int], at: int | None) -> None:
        """A pop-up open when words were corrected shows the word where they were, anew."""
        showing, pinned = self.popup.isVisible(), self.popup.pinned
        self.hide_popup()
        if showing and at is not None and self.show_word_at(at, move_caret=False):
            self.popup.set_pinned(pinned)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if kind == QtCore.QEvent.Paint and watched in self._painted_viewports:
            if not self._warm_up.started:
                QtCore.QTimer.singleShot(0, self, self._start)  # once this paint is done
        elif watched is self._window and kind in (
            QtCore.QEvent.WindowDeactivate,
            QtCore.QEvent.Hide,
            QtCore.QEvent.WindowStateChange,
        ):
            # The pop-up is a window of its own: it must not stay over another program.
            self.hide_popup()
        return False
