"""Word lookup in the reading view: the mouse or the caret gives an offset, the language
core gives the word there, and the pop-up shows it.

The language tools are built by a worker once the text has first been painted (a worker
holding the GIL while the page is built would delay that paint), and then each document is
segmented by a worker, the visible paragraphs first; until a paragraph is segmented, the
dictionary word covering the offset stands in for jieba's word, so lookups never wait
for jieba. The ui thread only reads what the workers have stored
(reader.language.segmentation), and the worker segmenting the whole book steps aside while
the user hovers or scrolls.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from reader.document import Document
from reader.language.corrections import Corrections
from reader.language.lookup import WordLookup
from reader.language.pinyin import PinyinStyle, is_han
from reader.language.segmentation import (
    Segmentation,
    Token,
    UserActivity,
    short_switch_interval,
)
from reader.language.tools import LanguageTools
from reader.ui.lookup.popup import WordPopup
from reader.ui.lookup.settings import DELAYS_MS, LookupSettings
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.tasks import TaskRunner
from reader.ui.views.page_style import MARK_COLOUR
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.text_surface import TextSurface
from reader.ui.views.tone_colours import ToneColours

WARM_UP_WORD = "银行"
"""Looked up once by the worker, so the first hover pays for no lazy import or model load."""
CLICK_SLOP = 4
"""Pixels the mouse may move between press and release for a click."""
VISIBLE_FIRST_DELAY_MS = 120
"""After scrolling stops, how long before the newly visible paragraphs are segmented."""
START_ANYWAY_MS = 1500
"""The workers start after the first paint, or this long after the event loop starts if
the view is never painted (a hidden window)."""
TOGGLE_SHORTCUT = "Ctrl+Shift+L"
CARET_SHORTCUT = "Ctrl+L"
NEXT_SHORTCUT = "Alt+Right"
PREVIOUS_SHORTCUT = "Alt+Left"
_STYLE_LABELS = {
    PinyinStyle.MARKS: "Tone &Marks (hànzì)",
    PinyinStyle.NUMBERS: "Tone &Numbers (han4 zi4)",
    PinyinStyle.ZHUYIN: "&Zhuyin (ㄏㄢˋ ㄗˋ)",
}

_shared_tools: LanguageTools | None = None


def shared_language_tools() -> LanguageTools:
    """The program's one set of language tools: every window shares what was built."""
    global _shared_tools
    if _shared_tools is None:
        _shared_tools = LanguageTools()
    return _shared_tools


class WordLookupController(QtCore.QObject):
    """Hover, click and keyboard lookup for one reading view, and its menu and toolbar."""

    ready = QtCore.Signal()
    """The tools are built: a hover now shows a correct pop-up."""
    word_shown = QtCore.Signal(object)
    """A WordLookup has been put in the pop-up (shown now or after the delay)."""
    words_changed = QtCore.Signal(object)
    """The reader corrected words: these spans' words changed (a list of span indexes)."""

    def __init__(
        self,
        view: ReadingView,
        window: QtWidgets.QMainWindow,
        menu: QtWidgets.QMenu,
        tools: LanguageTools | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(window)
        self._view = view
        self._viewport = view.viewport()
        self._click_taken: Callable[[QtCore.QPoint], object] = lambda point: None
        self._tools = tools or shared_language_tools()
        self._runner = runner or TaskRunner(self)
        self._settings = LookupSettings()
        self._is_ready = False
        self._failure: str | None = None
        self._waiting: list[Callable[[bool], None]] = []
        self._closing = False
        self._started = False
        self._other_viewports: list[QtWidgets.QWidget] = []
        self._document: Document | None = None
        self._segmentation: Segmentation | None = None
        self._corrections = Corrections()
        self._generation = 0
        self._current: WordLookup | None = None
        self._pressed_at: QtCore.QPoint | None = None
        self._mark_format = QtGui.QTextCharFormat()
        self._mark_format.setBackground(QtGui.QColor(MARK_COLOUR))

        self.popup = WordPopup(view)
        self._show_timer = QtCore.QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._place_popup)
        self._visible_timer = QtCore.QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(VISIBLE_FIRST_DELAY_MS)
        self._visible_timer.timeout.connect(self._segment_visible)
        self._activity = UserActivity()
        self.word_shown.connect(self._activity.touch)

        self._word_walk = WordWalk(
            view,
            lambda: self._document.text if self._document is not None else None,
            lambda: self._current,
            self.show_word_at,
        )
        self._make_actions(window, menu)
        self._window = window
        self._viewport.setMouseTracking(True)
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        window.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._start_timer = QtCore.QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(START_ANYWAY_MS)
        self._start_timer.timeout.connect(self._start)
        QtCore.QTimer.singleShot(0, self, self._start_timer.start)  # once the loop runs

    # Actions

    def _make_actions(self, window: QtWidgets.QMainWindow, view_menu: QtWidgets.QMenu) -> None:
        menu = view_menu.addMenu("Word &Lookup")
        self.toggle_action = menu.addAction("Word &Lookup")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setChecked(self._settings.enabled)
        self.toggle_action.setShortcut(QtGui.QKeySequence(TOGGLE_SHORTCUT))
        self.toggle_action.setToolTip(
            f"Show a word's reading and meaning under the mouse ({TOGGLE_SHORTCUT})"
        )
        self.toggle_action.toggled.connect(self.set_enabled)
        menu.addSeparator()
        self.caret_action = menu.addAction("Look Up Word at &Caret")
        self.caret_action.setShortcut(QtGui.QKeySequence(CARET_SHORTCUT))
        self.caret_action.triggered.connect(self.look_up_at_caret)
        self.next_action = menu.addAction("&Next Word")
        self.next_action.setShortcut(QtGui.QKeySequence(NEXT_SHORTCUT))
        self.next_action.triggered.connect(self.next_word)
        self.previous_action = menu.addAction("&Previous Word")
        self.previous_action.setShortcut(QtGui.QKeySequence(PREVIOUS_SHORTCUT))
        self.previous_action.triggered.connect(self.previous_word)
        menu.addSeparator()

        colours_menu = menu.addMenu("Tone &Colours")
        group = QtGui.QActionGroup(colours_menu)
        self.colour_actions: dict[ToneColours, QtGui.QAction] = {}
        for scheme in ToneColours:
            action = colours_menu.addAction(scheme.label)
            action.setCheckable(True)
            action.setChecked(scheme is self._settings.tone_colours)
            group.addAction(action)
            action.triggered.connect(lambda _=False, s=scheme: self.set_tone_colours(s))
            self.colour_actions[scheme] = action
        style_menu = menu.addMenu("Pinyin &Style")
        group = QtGui.QActionGroup(style_menu)
        self.style_actions: dict[PinyinStyle, QtGui.QAction] = {}
        for style in PinyinStyle:
            action = style_menu.addAction(_STYLE_LABELS[style])
            action.setCheckable(True)
            action.setChecked(style is self._settings.pinyin_style)
            group.addAction(action)
            action.triggered.connect(lambda _=False, s=style: self.set_pinyin_style(s))
            self.style_actions[style] = action
        delay_menu = menu.addMenu("Pop-up &Delay")
        group = QtGui.QActionGroup(delay_menu)
        self.delay_actions: dict[int, QtGui.QAction] = {}
        current = self._settings.delay_ms
        for delay in sorted({*DELAYS_MS, current}):
            action = delay_menu.addAction("None" if delay == 0 else f"{delay} ms")
            action.setCheckable(True)
            action.setChecked(delay == current)
            group.addAction(action)
            action.triggered.connect(lambda _=False, d=delay: self.set_delay(d))
            self.delay_actions[delay] = action

        self.toolbar = window.addToolBar("Lookup")
        self.toolbar.setObjectName("lookup-toolbar")
        self.toolbar.addAction(self.toggle_action)

    @property
    def enabled(self) -> bool:
        return self.toggle_action.isChecked()

    def set_enabled(self, enabled: bool) -> None:
        if self.toggle_action.isChecked() != enabled:
            self.toggle_action.setChecked(enabled)  # comes back here through `toggled`
            return
        self._settings.enabled = enabled
        if not enabled:
            self.hide_popup()

    def set_tone_colours(self, scheme: ToneColours) -> None:
        self._settings.tone_colours = scheme
        self.colour_actions[scheme].setChecked(True)
        self._refill()

    def set_pinyin_style(self, style: PinyinStyle) -> None:
        self._settings.pinyin_style = style
        self.style_actions[style].setChecked(True)
        self._refill()

    def set_delay(self, delay_ms: int) -> None:
        self._settings.delay_ms = delay_ms
        if delay_ms in self.delay_actions:
            self.delay_actions[delay_ms].setChecked(True)

    # Start-up and documents

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    def when_ready(self, callback: Callable[[bool], None]) -> None:
        """Call `callback(True)` once lookups work, or `callback(False)` if they never will."""
        if self._is_ready or self._failure is not None:
            callback(self._is_ready)
        else:
            self._waiting.append(callback)

    def _start(self) -> None:
        if not self._started and not self._closing:
            self._started = True
            self._start_timer.stop()
            self._runner.run(self._warm_up, self._warmed, self._warm_up_failed)

    def _warm_up(self) -> None:
        """On a worker: the dictionary, HSK levels, reading model and pypinyin, and jieba's
        module but not its dictionary."""
        self._tools.lookup.word(WARM_UP_WORD)
        self._tools.segmenter.import_jieba()

    def _warmed(self, _: object) -> None:
        self._is_ready = True
        for callback in self._waiting:
            callback(True)
        self._waiting.clear()
        self.ready.emit()
        self._start_segmenting()
        self._hover_again()

    def _warm_up_failed(self, error: BaseException) -> None:
        self._failure = str(error) or type(error).__name__
        self.toggle_action.setEnabled(False)
        self.toggle_action.setToolTip(f"Word lookup is unavailable: {self._failure}")
        for callback in self._waiting:
            callback(False)
        self._waiting.clear()

    def set_document(self, document: Document) -> None:
        """Segment the new document in the background, the visible paragraphs first."""
        self.hide_popup()
        self._generation += 1
        self._document = document
        segmentation = Segmentation(
            document.text,
            [(block.start, block.end) for block in document.blocks],
            self._tools.segmenter,
            self._corrections,
        )
        self._segmentation = segmentation
        if self._is_ready:
            self._start_segmenting()

    def _start_segmenting(self) -> None:
        """Jieba and the whole document, after the dictionary: lookups need only that."""
        segmentation = self._segmentation
        if segmentation is None:
            return
        generation = self._generation
        first = list(self._visible_spans())
        self._runner.run(lambda: self._segment(segmentation, generation, first))

    @property
    def segmentation(self) -> Segmentation | None:
        return self._segmentation

    @property
    def document(self) -> Document | None:
        return self._document

    def set_corrections(self, corrections: Corrections) -> None:
        """The reader's word corrections, applied to every document from now on."""
        self._corrections = corrections
        if self._document is not None:
            self.set_document(self._document)

    def words_corrected(self, words: list[str], offset: int | None = None) -> None:
        """The reader corrected `words`: their paragraphs are segmented again, the visible
        ones now and the others by a worker, and a pop-up shows the word at `offset` anew."""
        segmentation = self._segmentation
        if segmentation is None:
            return
        stale = segmentation.invalidate_containing(words)
        if self._tools.segmenter.ready:
            for index in set(stale).intersection(self._visible_spans()):
                segmentation.segment_span(index)
        generation = self._generation
        self._runner.run(lambda: self._segment_spans(segmentation, generation, stale))
        self.words_changed.emit(stale)
        showing, pinned = self.popup.isVisible(), self.popup.pinned
        self.hide_popup()
        if showing and offset is not None and self.show_word_at(offset, move_caret=False):
            self.popup.set_pinned(pinned)

    def _segment(self, segmentation: Segmentation, generation: int, first: list[int]) -> int:
        """On a worker: jieba first (a fifth of a second, once), then every paragraph, each
        once the user has paused: a hover meanwhile would wait for the GIL at every Qt call."""

        def stale() -> bool:
            self._activity.give_way()
            return self._stale(generation)

        with short_switch_interval:
            self._tools.segmenter.ensure_ready(self._activity.give_way)
            return segmentation.segment_all(first, cancelled=stale)

    def _stale(self, generation: int) -> bool:
        """Asked by a worker between paragraphs; it also lets the ui thread have the GIL,
        which it would otherwise wait for up to the switch interval on every call."""
        time.sleep(0)
        return self._closing or generation != self._generation

    def _visible_spans(self) -> range:
        segmentation = self._segmentation
        if segmentation is None or self._document is None:
            return range(0)
        viewport = self._view.viewport()
        top = self._view.top_offset()
        corner = QtCore.QPoint(viewport.width() - 1, viewport.height() - 1)
        bottom = self._view.offsets.from_qt(self._view.cursorForPosition(corner).position())
        return segmentation.span_indexes(top, max(top, bottom) + 1)

    def _segment_visible(self) -> None:
        segmentation = self._segmentation
        if segmentation is None or not self._is_ready:
            # Before the warm-up is done, jieba would compete with it for the interpreter;
            # segmenting starts once it is, with the visible paragraphs first.
            return
        waiting = [i for i in self._visible_spans() if not segmentation.is_segmented(i)]
        if waiting:
            generation = self._generation
            self._runner.run(lambda: self._segment_spans(segmentation, generation, waiting))

    def _segment_spans(self, segmentation: Segmentation, generation: int, spans: list[int]) -> None:
        """On a worker: the paragraphs just scrolled into view, before the rest of the book."""
        with short_switch_interval:
            for index in spans:
                if self._stale(generation):
                    return
                if not segmentation.is_segmented(index):
                    segmentation.segment_span(index)

    def shutdown(self) -> None:
        """Stop the workers and wait for them, before the window and its view go away."""
        self._closing = True
        self._show_timer.stop()
        self._visible_timer.stop()
        self.popup.dismiss()
        self._runner.wait()
        for watched in (self._viewport, *self._other_viewports, self._view, self._window):
            watched.removeEventFilter(self)

    # Looking up

    def word_tokens(self, offset: int) -> list[Token] | None:
        """The words that make up the word at `offset`, as a lookup there finds them."""
        if self._document is None or not self._is_ready:
            return None
        return self._tools.lookup.word_at(self._document.text, offset, self._segmentation)

    def look_up(self, offset: int) -> WordLookup | None:
        """The word at `offset` of the document shown, as the pop-up would show it."""
        if self._document is None or not self._is_ready:
            return None
        return self._tools.lookup.at(self._document.text, offset, self._segmentation)

    def hover(self, point: QtCore.QPoint) -> None:
        """The mouse is at `point` of the viewport: mark its word and fill the pop-up now;
        show the pop-up after the delay, or at once if one is already showing."""
        if not self.enabled or self.popup.pinned:
            return
        offset = self._view.offset_at(point)
        current = self._current
        if offset is not None and current is not None and current.start <= offset < current.end:
            return
        result = self.look_up(offset) if offset is not None else None
        if result is None:
            self.hide_popup()
            return
        self._set_current(result)
        if self.popup.isVisible() or self._settings.delay_ms == 0:
            self._place_popup()
        else:
            self._show_timer.start(self._settings.delay_ms)

    def show_word_at(self, offset: int, move_caret: bool = True) -> WordLookup | None:
        """Look up the word at `offset`, put the caret at its start and show the pop-up now."""
        result = self.look_up(offset) if self.enabled else None
        if result is None:
            return None
        if move_caret:
            self._view.place_caret(result.start)  # scrolls it into view, which hides the pop-up
        self._set_current(result)
        self._place_popup()
        return result

    def look_up_at_caret(self) -> WordLookup | None:
        return self._word_walk.at_caret()

    def next_word(self) -> WordLookup | None:
        return self._word_walk.step(forward=True)

    def previous_word(self) -> WordLookup | None:
        return self._word_walk.step(forward=False)

    def hide_popup(self) -> None:
        self._show_timer.stop()
        self.popup.dismiss()
        self._current = None
        self._view.setExtraSelections([])

    @property
    def current(self) -> WordLookup | None:
        return self._current

    def _set_current(self, result: WordLookup) -> None:
        self._current = result
        mark = QtWidgets.QTextEdit.ExtraSelection()
        cursor = QtGui.QTextCursor(self._view.document())
        cursor.setPosition(self._view.offsets.to_qt(result.start))
        cursor.setPosition(self._view.offsets.to_qt(result.end), QtGui.QTextCursor.KeepAnchor)
        mark.cursor = cursor
        mark.format = self._mark_format
        self._view.setExtraSelections([mark])
        self.popup.set_lookup(result, self._settings.pinyin_style, self._settings.tone_colours)
        self.word_shown.emit(result)

    def _refill(self) -> None:
        if self._current is not None:
            self.popup.set_lookup(
                self._current, self._settings.pinyin_style, self._settings.tone_colours
            )

    def _word_rect(self) -> QtCore.QRect:
        """The current word, in global coordinates."""
        assert self._current is not None
        rect = self._view.range_rect(self._current.start, self._current.end)
        return QtCore.QRect(self._view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def _place_popup(self) -> None:
        if self._current is not None:
            self.popup.show_beside(self._word_rect())

    def _hover_again(self) -> None:
        viewport = self._view.viewport()
        point = viewport.mapFromGlobal(QtGui.QCursor.pos())
        if viewport.underMouse() and viewport.rect().contains(point):
            self.hover(point)

    # Events

    def _scrolled(self) -> None:
        self._activity.touch()
        self.hide_popup()
        segmentation = self._segmentation
        if segmentation is not None and segmentation.segmented_count() < len(segmentation):
            self._visible_timer.start()

    def leave_clicks_to(self, taken: Callable[[QtCore.QPoint], object]) -> None:
        """Clicks where `taken(point)` is truthy belong to another part of the window (a
        highlight's menu): they neither pin nor release the pop-up."""
        self._click_taken = taken

    def _clicked(self, point: QtCore.QPoint) -> None:
        """A click on a word pins its pop-up; a click elsewhere lets a pinned one go."""
        if not self.enabled or self._view.selected_range() is not None or self._click_taken(point):
            return
        offset = self._view.offset_at(point)
        current = self._current
        if offset is not None and current is not None and current.start <= offset < current.end:
            if not self.popup.isVisible():
                self._place_popup()
            self.popup.set_pinned(True)
            return
        self.popup.set_pinned(False)
        self.hide_popup()
        self.hover(point)
        if self._current is not None and self.popup.isVisible():
            self.popup.set_pinned(True)

    def start_on_first_paint(self, viewport: QtWidgets.QWidget) -> None:
        """Start the workers once `viewport` too has painted (another view of the text,
        shown instead of the reading view)."""
        viewport.installEventFilter(self)
        self._other_viewports.append(viewport)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        # Compared with kept references: while the window is torn down, asking the view
        # for its viewport would reach into a half-destroyed object.
        if (
            kind == QtCore.QEvent.Paint
            and not self._started
            and (watched is self._viewport or watched in self._other_viewports)
        ):
            QtCore.QTimer.singleShot(0, self, self._start)  # once this paint is done
        elif watched is self._viewport:
            if kind == QtCore.QEvent.MouseMove and not event.buttons():
                self.hover(event.position().toPoint())
            elif kind == QtCore.QEvent.Leave and not self.popup.pinned:
                self.hide_popup()
            elif kind == QtCore.QEvent.MouseButtonPress and event.button() == QtCore.Qt.LeftButton:
                self._pressed_at = event.position().toPoint()
            elif (
                kind == QtCore.QEvent.MouseButtonRelease and event.button() == QtCore.Qt.LeftButton
            ):
                point = event.position().toPoint()
                pressed, self._pressed_at = self._pressed_at, None
                if pressed is not None and (point - pressed).manhattanLength() <= CLICK_SLOP:
                    self._clicked(point)
        elif watched is self._view:
            if (
                kind == QtCore.QEvent.KeyPress
                and event.key() == QtCore.Qt.Key_Escape
                and (self.popup.isVisible() or self._current is not None)
            ):
                self.hide_popup()
                return True
            if kind == QtCore.QEvent.Resize:
                self.hide_popup()
        elif watched is self._window and kind in (
            QtCore.QEvent.WindowDeactivate,
            QtCore.QEvent.Hide,
            QtCore.QEvent.WindowStateChange,
        ):
            # The pop-up is a window of its own: it must not stay over another program.
            self.hide_popup()
        return False


class WordWalk:
    """Ctrl+L and Alt+Right / Alt+Left for one view of the text: the word at the caret, or
    the word after (before) the one shown, or the caret when none is; shown by that view's
    lookup. A hidden view does nothing: the keys belong to the view shown."""

    def __init__(
        self,
        view: TextSurface,
        text: Callable[[], str | None],
        current: Callable[[], WordLookup | None],
        show_word_at: Callable[[int], WordLookup | None],
    ) -> None:
        self._view = view
        self._text = text
        self._current = current
        self._show_word_at = show_word_at

    def at_caret(self) -> WordLookup | None:
        """The word at the caret (the selection's start), or the first one after it."""
        text = self._text_shown()
        if text is None:
            return None
        selected = self._view.selected_range()
        return self._show(_next_han(text, selected[0] if selected else self._view.caret_offset()))

    def step(self, forward: bool) -> WordLookup | None:
        text = self._text_shown()
        if text is None:
            return None
        current = self._current()
        caret = self._view.caret_offset()
        if forward:
            return self._show(_next_han(text, current.end if current is not None else caret))
        return self._show(_previous_han(text, current.start if current is not None else caret))

    def _text_shown(self) -> str | None:
        return None if self._view.isHidden() else self._text()

    def _show(self, offset: int | None) -> WordLookup | None:
        return self._show_word_at(offset) if offset is not None else None


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
