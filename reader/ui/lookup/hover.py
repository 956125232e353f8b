"""Hover, click and pin over the views of the text: one controller for both.

The mouse gives a point, the view under it (a TextSurface) gives the offset, the session
gives the word, and the pop-up shows it beside the word, which the view marks. The pop-up
gives way to what the reader does with the mouse: a plain click only places the caret, a
drag selects with no pop-up in the way (none over the selection after it either), and a
context menu is never covered by one. Ctrl+click on a word (⌘-click on a Mac) pins its
pop-up, a plain click elsewhere lets it go, and a click that belongs to another part of
the window (a highlight's menu) is left to it.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.lookup import WordLookup
from reader.ui.lookup.popup import WordPopup
from reader.ui.lookup.settings import LookupSettings
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.text_surface import TextSurface

CLICK_SLOP = 4
"""Pixels the mouse may move between press and release for a click."""
PIN_MODIFIER = QtCore.Qt.ControlModifier
"""Held while clicking a word, pins its pop-up (Qt maps it to ⌘ on a Mac)."""


def _menu_open() -> bool:
    """A context menu (or any pop-up menu) is open: the word pop-up must not cover it."""
    return QtWidgets.QApplication.activePopupWidget() is not None


class HoverController(QtCore.QObject):
    """The word under the mouse, or at the keyboard's walk, in whichever view shows it."""

    word_shown = QtCore.Signal(object)
    """A WordLookup has been put in the pop-up (shown now or after the delay)."""

    def __init__(
        self,
        popup: WordPopup,
        settings: LookupSettings,
        session: Callable[[], DocumentSession | None],
        parent: QtCore.QObject,
    ) -> None:
        super().__init__(parent)
        self.popup = popup
        self._settings = settings
        self._session = session
        self._views: list[TextSurface] = []
        self._viewports: list[QtWidgets.QWidget] = []
        self._view: TextSurface | None = None
        """The view whose word is current: it holds the mark, the pop-up stands beside it."""
        self._current: WordLookup | None = None
        self._pressed_at: QtCore.QPoint | None = None
        self._dragged_to: QtCore.QPoint | None = None
        """Where a drag selection ended: the mouse resting there asks for no pop-up."""
        self._click_taken: Callable[[QtCore.QPoint], object] = lambda point: None
        self.enabled = True
        self._show_timer = QtCore.QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._place_popup)

    def serve(self, view: TextSurface) -> None:
        """Look words up in `view` too."""
        viewport = view.viewport()
        self._views.append(view)
        self._viewports.append(viewport)
        viewport.setMouseTracking(True)
        viewport.installEventFilter(self)
        view.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(self.hide_popup)

    def stop(self) -> None:
        """Stop listening, before the views go away."""
        self._show_timer.stop()
        self.popup.dismiss()
        # Kept references: while the window is torn down, asking a view for its viewport
        # would reach into a half-destroyed object.
        for watched in (*self._viewports, *self._views):
            watched.removeEventFilter(self)

    @property
    def current(self) -> WordLookup | None:
        return self._current

    def look_up(self, offset: int) -> WordLookup | None:
        session = self._session()
        return session.look_up(offset) if session is not None else None

    def hover(self, view: TextSurface, point: QtCore.QPoint) -> None:
        """The mouse is at `point` of `view`'s viewport: mark its word and fill the pop-up
        now; show the pop-up after the delay, or at once if one is already showing."""
        if not self.enabled or self.popup.pinned or _menu_open():
            return
        if self._dragged_to is not None:
            if (point - self._dragged_to).manhattanLength() <= 2 * CLICK_SLOP:
                return
            self._dragged_to = None
        offset = view.offset_at(point)
        if offset is not None and _inside(view.selected_range(), offset):
            # Resting on a selection: the reader is about to act on it, not to read.
            self.hide_popup()
            return
        if self._on_current(view, offset) and (
            self.popup.isVisible() or self._show_timer.isActive()
        ):
            return
        result = self.look_up(offset) if offset is not None else None
        if result is None:
            self.hide_popup()
            return
        self._set_current(view, result)
        if self.popup.isVisible() or self._settings.delay_ms == 0:
            self._place_popup()
        else:
            self._show_timer.start(self._settings.delay_ms)

    def show_word_at(
        self, view: TextSurface, offset: int, move_caret: bool = True
    ) -> WordLookup | None:
        """Look up the word at `offset`, put the caret at its start and show the pop-up now."""
        result = self.look_up(offset) if self.enabled else None
        if result is None:
            return None
        self._show_timer.stop()
        if move_caret:
            view.place_caret(result.start)  # scrolls it into view, which hides the pop-up
        self._set_current(view, result)
        self._place_popup()
        return result

    def hide_popup(self) -> None:
        self._show_timer.stop()
        self.popup.dismiss()
        self._current = None
        if self._view is not None:
            self._view.set_marked(None)

    def refill(self) -> None:
        """The pop-up again, in the pinyin style, tones and tone colours chosen now."""
        if self._current is not None:
            self._show(self._current)

    def hover_again(self) -> None:
        """Look up what is under the mouse, if it rests on a view (lookups just began)."""
        for view, viewport in zip(self._views, self._viewports, strict=True):
            point = viewport.mapFromGlobal(QtGui.QCursor.pos())
            if viewport.underMouse() and viewport.rect().contains(point):
                self.hover(view, point)

    def leave_clicks_to(self, taken: Callable[[QtCore.QPoint], object]) -> None:
        """Clicks where `taken(point)` is truthy belong to another part of the window (a
        highlight's menu): they neither pin nor release the pop-up."""
        self._click_taken = taken

    def _set_current(self, view: TextSurface, result: WordLookup) -> None:
        if self._view is not None and self._view is not view:
            self._view.set_marked(None)
        self._view = view
        self._current = result
        view.set_marked((result.start, result.end))
        self._show(result)
        self.word_shown.emit(result)

    def _show(self, result: WordLookup) -> None:
        settings = self._settings
        self.popup.set_lookup(
            result, settings.pinyin_style, settings.tone_colours, settings.spoken_tones
        )

    def _place_popup(self) -> None:
        view, current = self._view, self._current
        if view is None or current is None or not view.isVisible() or _menu_open():
            return
        rect = view.range_rect(current.start, current.end)
        self.popup.show_beside(
            QtCore.QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())
        )

    def _on_current(self, view: TextSurface, offset: int | None) -> bool:
        """Is `offset` of `view` inside the word shown now?"""
        current = self._current
        return (
            offset is not None
            and current is not None
            and view is self._view
            and current.start <= offset < current.end
        )

    def _clicked(self, view: TextSurface, point: QtCore.QPoint, pin: bool) -> None:
        """A click with PIN_MODIFIER on a word pins its pop-up; a plain click places the
        caret (the view's doing), lets a pinned pop-up go, and shows the word under the
        mouse as resting there would."""
        if not self.enabled or view.selected_range() is not None:
            return
        if not pin and self._click_taken(point):
            return
        if pin:
            self._pin_word_at(view, point)
            return
        if self.popup.pinned:
            self.hide_popup()
        self.hover(view, point)

    def _pin_word_at(self, view: TextSurface, point: QtCore.QPoint) -> None:
        """Show the pop-up of the word at `point` now, pinned; nothing there, nothing pinned."""
        offset = view.offset_at(point)
        self._show_timer.stop()
        if not self._on_current(view, offset):
            self.hide_popup()
            result = self.look_up(offset) if offset is not None else None
            if result is None:
                return
            self._set_current(view, result)
        self._place_popup()
        self.popup.set_pinned(self.popup.isVisible())

    def _pressed(self) -> None:
        """A button went down: whatever follows (a click, a drag, a menu) is not a rest on
        a word, so a pop-up waiting to appear does not."""
        self._show_timer.stop()

    def _dragged(self, view: TextSurface, point: QtCore.QPoint) -> None:
        """The mouse moved with the left button held: past CLICK_SLOP it is a selection,
        and an unpinned pop-up gives way to it."""
        pressed = self._pressed_at
        if pressed is None or (point - pressed).manhattanLength() <= CLICK_SLOP:
            return
        self._show_timer.stop()
        if not self.popup.pinned and (self._current is not None or self.popup.isVisible()):
            self.hide_popup()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if kind == QtCore.QEvent.ContextMenu and (
            watched in self._viewports or watched in self._views
        ):
            # The menu opens now: no pop-up over it, a pinned one neither (the pop-up
            # stands above every window, menus included); a right-click is a click elsewhere.
            self.hide_popup()
            return False
        if watched in self._viewports:
            view = self._views[self._viewports.index(watched)]
            if kind == QtCore.QEvent.MouseMove and not event.buttons():
                self.hover(view, event.position().toPoint())
            elif kind == QtCore.QEvent.MouseMove and event.buttons() & QtCore.Qt.LeftButton:
                self._dragged(view, event.position().toPoint())
            elif kind in (QtCore.QEvent.Leave, QtCore.QEvent.Hide) and not self.popup.pinned:
                if view is self._view:
                    self.hide_popup()
            elif kind in (QtCore.QEvent.MouseButtonPress, QtCore.QEvent.MouseButtonDblClick):
                self._pressed()
                if event.button() == QtCore.Qt.LeftButton:
                    self._pressed_at = event.position().toPoint()
            elif (
                kind == QtCore.QEvent.MouseButtonRelease and event.button() == QtCore.Qt.LeftButton
            ):
                point = event.position().toPoint()
                pressed, self._pressed_at = self._pressed_at, None
                if pressed is not None and (point - pressed).manhattanLength() <= CLICK_SLOP:
                    self._clicked(view, point, bool(event.modifiers() & PIN_MODIFIER))
                elif pressed is not None:
                    self._dragged_to = point
        elif watched in self._views:
            if (
                kind == QtCore.QEvent.KeyPress
                and event.key() == QtCore.Qt.Key_Escape
                and (self.popup.isVisible() or self._current is not None)
            ):
                self.hide_popup()
                return True
            if kind == QtCore.QEvent.Resize and watched is self._view:
                self.hide_popup()
        return False


def _inside(span: tuple[int, int] | None, offset: int) -> bool:
    return span is not None and span[0] <= offset < span[1]
