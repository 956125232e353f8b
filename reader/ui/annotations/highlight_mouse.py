"""What the mouse does to highlights in either view: a click on one opens its menu, and
resting on one with a note or tags shows them.

It watches the views' viewports and never consumes an event: the word pop-up sees every
mouse move, and the view its own clicks and selections.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.store import Annotation, AnnotationSet
from reader.ui.annotations.tooltips import notes_tooltip
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.text_surface import TextSurface


class HighlightMouse(QtCore.QObject):
    def __init__(
        self,
        annotations: AnnotationSet,
        shown_view: Callable[[], TextSurface],
        menu_for: Callable[[Annotation], QtWidgets.QMenu],
        colour_names: Callable[[], dict[str, str]],
        parent: QtCore.QObject,
    ) -> None:
        super().__init__(parent)
        self._annotations = annotations
        self._shown = shown_view
        self._menu_for = menu_for
        self._colour_names = colour_names
        self._press: QtCore.QPoint | None = None
        self._clicked: tuple[str, QtCore.QPoint] | None = None
        self._click_timer = QtCore.QTimer(self)
        self._click_timer.setSingleShot(True)
        self._click_timer.timeout.connect(self._open_clicked)

    def watch(self, viewport: QtWidgets.QWidget) -> None:
        viewport.installEventFilter(self)

    def highlight_at(self, point: QtCore.QPoint) -> Annotation | None:
        """The highlight on top under `point` (of the shown view's viewport), if any."""
        offset = self._shown().offset_at(point)
        under = self._annotations.at(offset) if offset is not None else []
        return under[-1] if under else None

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if kind == QtCore.QEvent.ToolTip:
            return self._tooltip(event)
        if kind == QtCore.QEvent.MouseButtonPress and event.button() == QtCore.Qt.LeftButton:
            # Ctrl+click pins the word's pop-up (reader.ui.lookup.hover), on a highlight too.
            pinning = bool(event.modifiers() & QtCore.Qt.ControlModifier)
            self._press = None if pinning else event.position().toPoint()
            self._click_timer.stop()
        elif kind == QtCore.QEvent.MouseButtonDblClick:
            self._press = None
            self._click_timer.stop()
        elif kind == QtCore.QEvent.MouseButtonRelease and event.button() == QtCore.Qt.LeftButton:
            self._released(event.position().toPoint(), event.globalPosition().toPoint())
        return False

    def _released(self, point: QtCore.QPoint, global_point: QtCore.QPoint) -> None:
        """A click (no drag, nothing selected) on a highlight opens its menu, once it is
        clear that the click is not the first of a double click."""
        press, self._press = self._press, None
        if press is None or self._shown().selected_range() is not None:
            return
        if (point - press).manhattanLength() >= QtWidgets.QApplication.startDragDistance():
            return
        under = self.highlight_at(point)
        if under is not None:
            self._clicked = (under.id, global_point)
            self._click_timer.start(QtWidgets.QApplication.doubleClickInterval())

    def _open_clicked(self) -> None:
        if self._clicked is None:
            return
        annotation_id, global_point = self._clicked
        self._clicked = None
        annotation = self._annotations.get(annotation_id)
        if annotation is not None:
            self._menu_for(annotation).popup(global_point)

    def _tooltip(self, event: QtGui.QHelpEvent) -> bool:
        """Hovering a highlight with a note or tags shows them, escaped: notes are text."""
        view = self._shown()
        offset = view.offset_at(event.pos())
        under = self._annotations.at(offset) if offset is not None else []
        tip = notes_tooltip(under, self._colour_names())
        if tip is None:
            return False
        QtWidgets.QToolTip.showText(event.globalPos(), tip, view.viewport())
        return True
