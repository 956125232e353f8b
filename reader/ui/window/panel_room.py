"""The side panels give way to the text: the reading column keeps a comfortable measure, and
the docks beside it shrink, then close, to leave it room; they come back when there is room.

QMainWindow gives every change of the window's width to its central widget and lets the docks
keep theirs, so on a small screen the text fell to a dozen characters a line beside two
panels. Here the window's width is shared out on each resize, before Qt lays the window
out: the column first (MIN_MEASURE_EMS characters, the view shown says how wide that is: the
pinyin view's characters stand a step apart, wider than the plain view's em), then the
panels at their preferred widths, else shrunk towards their least widths, else closed,
the last one managed first. A panel closed for room comes back, at its preferred width if
it fits, once the window is wide enough again. The width is shared out again when the
reader zooms, switches views or changes the size of the pinyin.

A panel is shown when it is wanted: by the reader (its View menu entry, its close button),
or by its content (the annotations panel asks for itself when there is something in it).
A panel the reader asks for is shown even where it does not fit: the others close for it.
The panels closed for room are kept in the settings: the window's saved state has them
hidden, and the next start, in a wider window, gives them back.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.ui.qt import QtCore, QtWidgets
from reader.ui.settings import open_qsettings
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.text_surface import TextSurface

CLOSED_FOR_ROOM_KEY = "panels/closed_for_room"
LEAST_WINDOW = QtCore.QSize(480, 320)
"""The window may be made this small: panels close rather than hold it wide."""


@dataclass
class _Panel:
    dock: QtWidgets.QDockWidget
    least: int
    """The narrowest it is any use at, in pixels."""
    preferred: int
    """Its width where there is room: as made, or as the reader last dragged it."""
    wanted: bool
    closed_for_room: bool = False


class PanelRoom(QtCore.QObject):
    """One per window; `manage` the docks beside the central widget, in closing order."""

    reader_chose = QtCore.Signal(object, bool)
    """The reader showed or closed a dock (QDockWidget, shown) from its menu entry or button."""

    def __init__(self, window: QtWidgets.QMainWindow, view: ReadingView) -> None:
        super().__init__(window)
        self._window = window
        self._views: list[TextSurface] = []
        self._panels: list[_Panel] = []
        self._applying = False
        self._held = False
        self._store = open_qsettings()
        self._closed_before = set(str(self._store.value(CLOSED_FOR_ROOM_KEY, "")).split())
        window.setMinimumSize(LEAST_WINDOW)
        window.installEventFilter(self)
        self.measure_by(view, view.zoom_changed)

    def measure_by(self, view: TextSurface, changed: QtCore.SignalInstance) -> None:
        """`view` sets the column's width while it is the view shown (not hidden, as the
        window's stack hides the others); `changed` says that its measure changed."""
        self._views.append(view)
        changed.connect(lambda *_: self.fit() if view is self._shown() else None)
        self.fit()

    def _shown(self) -> TextSurface:
        return next((view for view in self._views if not view.isHidden()), self._views[0])

    def manage(self, dock: QtWidgets.QDockWidget, least: int, preferred: int) -> None:
        """Give `dock` room while it is wanted; panels managed later close first."""
        width = dock.width() if dock.isVisible() and dock.width() >= least else preferred
        wanted = not dock.isHidden() or dock.objectName() in self._closed_before
        panel = _Panel(dock, least, width, wanted)
        self._panels.append(panel)
        dock.installEventFilter(self)
        dock.toggleViewAction().triggered.connect(lambda shown: self._chosen(panel, shown))
        self.fit()

    def manages(self, dock: QtWidgets.QDockWidget) -> bool:
        return any(panel.dock is dock for panel in self._panels)

    def hold(self, held: bool) -> None:
        """While held (full screen), the panels stay closed, all but one the reader asks
        for; what is wanted meanwhile is kept, and shown once they are let go."""
        self._held = held
        self.fit()

    def wanted(self, dock: QtWidgets.QDockWidget) -> bool:
        return self._panel(dock).wanted

    def closed_for_room(self, dock: QtWidgets.QDockWidget) -> bool:
        return self._panel(dock).closed_for_room

    def set_wanted(self, dock: QtWidgets.QDockWidget, wanted: bool) -> None:
        """Show `dock` if there is room for it (else it waits for room), or close it."""
        panel = self._panel(dock)
        panel.wanted = wanted
        panel.closed_for_room = False
        self.fit()

    def _panel(self, dock: QtWidgets.QDockWidget) -> _Panel:
        return next(panel for panel in self._panels if panel.dock is dock)

    def _chosen(self, panel: _Panel, shown: bool) -> None:
        """The reader toggled the panel: what they asked for is what they get."""
        panel.wanted = shown
        panel.closed_for_room = False
        self.fit(asked=panel if shown else None)
        self.reader_chose.emit(panel.dock, shown)

    # Sharing out the width

    def column_width(self) -> int:
        """What the central widget needs for a comfortable measure in the view shown."""
        return self._shown().comfortable_width()

    def fit(self, width: int | None = None, asked: _Panel | None = None) -> None:
        """Share `width` (the window's, by default) between the column and the panels."""
        if self._applying:
            return
        width = self._window.width() if width is None else width
        beside = [
            p
            for p in self._panels
            if p.wanted and not p.dock.isFloating() and (not self._held or p is asked)
        ]
        room = width - self.column_width()
        shown = list(beside)
        # Close panels, the last managed first (the one asked for last of all), till the
        # least widths of the rest fit.
        for panel in sorted(reversed(shown), key=lambda p: p is asked):
            if sum(_least(p) + _separator(self._window) for p in shown) <= room:
                break
            if panel is not asked:
                shown.remove(panel)
        widths = _shared(room, shown, self._window)
        self._applying = True
        try:
            for panel in self._panels:
                floating = panel.wanted and panel.dock.isFloating() and not self._held
                visible = panel in shown or floating
                if not self._held:
                    panel.closed_for_room = panel.wanted and not visible
                if panel.dock.isHidden() == visible:
                    panel.dock.setVisible(visible)
            if shown:
                self._window.resizeDocks(
                    [p.dock for p in shown], widths, QtCore.Qt.Orientation.Horizontal
                )
        finally:
            self._applying = False
        self._remember_closed()

    def _remember_closed(self) -> None:
        closed = {p.dock.objectName() for p in self._panels if p.closed_for_room}
        # Those not managed yet (made after the first paint) keep what was remembered.
        managed = {p.dock.objectName() for p in self._panels}
        closed |= self._closed_before - managed
        value = " ".join(sorted(closed))
        if value != self._store.value(CLOSED_FOR_ROOM_KEY, ""):
            self._store.setValue(CLOSED_FOR_ROOM_KEY, value)
            self._store.sync()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if watched is self._window:
            if kind == QtCore.QEvent.Resize and event.size().width() != event.oldSize().width():
                self.fit(event.size().width())
            elif kind == QtCore.QEvent.MouseButtonRelease:
                self._remember_widths()  # a separator dragged: the reader's widths
        elif kind == QtCore.QEvent.Close and not self._applying:
            panel = next((p for p in self._panels if p.dock is watched), None)
            if panel is not None and panel.wanted:
                panel.wanted = False
                self.reader_chose.emit(panel.dock, False)
        elif kind == QtCore.QEvent.Show and not self._applying:
            panel = next((p for p in self._panels if p.dock is watched), None)
            if panel is not None and not panel.wanted:
                # Shown behind the room's back: QMainWindow applies a restored state again
                # at a later resize, the panels' visibility with it.
                QtCore.QTimer.singleShot(0, self, self.fit)
        return False

    def _remember_widths(self) -> None:
        for panel in self._panels:
            dock = panel.dock
            if dock.isVisible() and not dock.isFloating() and dock.width() >= panel.least:
                panel.preferred = dock.width()


def _least(panel: _Panel) -> int:
    """The panel's least width, or its contents' if they cannot be made that narrow."""
    return max(panel.least, panel.dock.minimumSizeHint().width())


def _separator(window: QtWidgets.QMainWindow) -> int:
    return window.style().pixelMetric(QtWidgets.QStyle.PM_DockWidgetSeparatorExtent, None, window)


def _shared(room: int, shown: list[_Panel], window: QtWidgets.QMainWindow) -> list[int]:
    """The panels' widths in `room`: preferred if they fit, else shrunk alike towards least."""
    room -= _separator(window) * len(shown)
    preferred = sum(p.preferred for p in shown)
    if preferred <= room or not shown:
        return [p.preferred for p in shown]
    least = sum(_least(p) for p in shown)
    if room <= least:
        return [_least(p) for p in shown]
    share = (room - least) / (preferred - least)
    return [_least(p) + int((p.preferred - _least(p)) * share) for p in shown]
