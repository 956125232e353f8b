"""Word lookup in the pinyin view: the mouse gives an offset, the lookup controller the word.

The lookup controller (reader.ui.lookup.controller) serves the reading view; this adapter
lets the same controller's language tools, settings, pop-up and keyboard actions serve the
pinyin view, whose hit testing and word marking are its own (no QTextDocument behind it).
A click on a word pins its pop-up, a click elsewhere lets it go, and a click on a highlight
is left to the highlight's menu, as in the reading view.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.lookup import WordLookup
from reader.ui.lookup.controller import CLICK_SLOP, WordLookupController, WordWalk
from reader.ui.lookup.settings import LookupSettings
from reader.ui.qt import QtCore
from reader.ui.views.pinyin_view import PinyinView


class PinyinViewLookup(QtCore.QObject):
    """Hover and click lookup for one pinyin view, through the window's lookup controller."""

    def __init__(self, view: PinyinView, controller: WordLookupController) -> None:
        super().__init__(view)
        self._view = view
        self._viewport = view.viewport()
        self._controller = controller
        self._settings = LookupSettings()
        self._current: WordLookup | None = None
        self._pressed_at: QtCore.QPoint | None = None
        self._click_taken: Callable[[QtCore.QPoint], object] = lambda point: None
        self._show_timer = QtCore.QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._place_popup)
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(self.hide_popup)
        self.word_walk = WordWalk(
            view,
            lambda: view.reader_document.text if view.reader_document is not None else None,
            lambda: self._current,
            self.show_word_at,
        )
        controller.caret_action.triggered.connect(self.word_walk.at_caret)
        controller.next_action.triggered.connect(lambda: self.word_walk.step(forward=True))
        controller.previous_action.triggered.connect(lambda: self.word_walk.step(forward=False))

    @property
    def current(self) -> WordLookup | None:
        return self._current

    def hover(self, point: QtCore.QPoint) -> None:
        """The mouse is at `point` of the viewport: mark its word, then show the pop-up."""
        popup = self._controller.popup
        if not self._controller.enabled or popup.pinned:
            return
        offset = self._view.offset_at(point)
        current = self._current
        if (
            offset is not None
            and current is not None
            and current.start <= offset < current.end
            and (popup.isVisible() or self._show_timer.isActive())
        ):
            return
        result = self._controller.look_up(offset) if offset is not None else None
        if result is None:
            self.hide_popup()
            return
        self._current = result
        self._view.set_marked((result.start, result.end))
        popup.set_lookup(result, self._settings.pinyin_style, self._settings.tone_colours)
        if popup.isVisible() or self._settings.delay_ms == 0:
            self._place_popup()
        else:
            self._show_timer.start(self._settings.delay_ms)

    def leave_clicks_to(self, taken: Callable[[QtCore.QPoint], object]) -> None:
        """Clicks where `taken(point)` is truthy belong to another part of the window (a
        highlight's menu): they neither pin nor release the pop-up."""
        self._click_taken = taken

    def show_word_at(self, offset: int) -> WordLookup | None:
        """Look up the word at `offset`, put the caret at its start, show the pop-up now."""
        result = self._controller.look_up(offset) if self._controller.enabled else None
        if result is None:
            return None
        self._show_timer.stop()
        self._view.place_caret(result.start)  # scrolls it into view, which hides the pop-up
        self._current = result
        self._view.set_marked((result.start, result.end))
        popup = self._controller.popup
        popup.set_lookup(result, self._settings.pinyin_style, self._settings.tone_colours)
        self._place_popup()
        return result

    def hide_popup(self) -> None:
        self._show_timer.stop()
        if self._current is not None:
            self._controller.popup.dismiss()
        self._current = None
        self._view.set_marked(None)

    def _place_popup(self) -> None:
        current = self._current
        if current is None or not self._view.isVisible():
            return
        rect = self._view.range_rect(current.start, current.end)
        self._controller.popup.show_beside(
            QtCore.QRect(self._viewport.mapToGlobal(rect.topLeft()), rect.size())
        )

    def _clicked(self, point: QtCore.QPoint) -> None:
        """A click on a word pins its pop-up; a click elsewhere lets a pinned one go."""
        popup = self._controller.popup
        if (
            not self._controller.enabled
            or self._view.selected_range() is not None
            or self._click_taken(point)
        ):
            return
        offset = self._view.offset_at(point)
        current = self._current
        if offset is not None and current is not None and current.start <= offset < current.end:
            if not popup.isVisible():
                self._place_popup()
            popup.set_pinned(True)
            return
        popup.set_pinned(False)
        self.hide_popup()
        self.hover(point)
        if self._current is not None:
            self._place_popup()
            popup.set_pinned(True)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        pinned = self._controller.popup.pinned
        if watched is self._viewport:
            if kind == QtCore.QEvent.MouseMove and not event.buttons():
                self.hover(event.position().toPoint())
            elif kind in (QtCore.QEvent.Leave, QtCore.QEvent.Hide) and not pinned:
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
        elif (
            watched is self._view
            and kind == QtCore.QEvent.KeyPress
            and event.key() == QtCore.Qt.Key_Escape
            and self._current is not None
        ):
            self.hide_popup()
            return True
        return False
