"""The actions, menus, toolbar and context menus that drive highlights and notes.

They only offer what the controller does; the colour actions carry the reader's names for
the colours, so the menus, the toolbar and the tooltips all say the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from reader.store import COLOURS, DEFAULT_NAMES, Annotation
from reader.ui.annotations.exchange import AnnotationExchange
from reader.ui.annotations.host import AnnotationsHost
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.highlight_colours import swatch


class AnnotationActions(Protocol):
    """What the menus offer: the controller's actions, and what they ask of it."""

    def highlight(self, colour: str) -> None: ...

    def set_colour(self, annotation_id: str, colour: str) -> None: ...

    def edit_note(self, annotation_id: str | None = None, tags_first: bool = False) -> None: ...

    def delete(self, annotation_id: str | None = None) -> None: ...

    def copy(self, annotation_id: str) -> None: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...

    def choose_colour_names(self) -> QtWidgets.QDialog: ...

    def selected_span(self) -> tuple[int, int] | None: ...

    def highlight_at(self, point: QtCore.QPoint) -> Annotation | None: ...


def _menu_holding(window: AnnotationsHost, action: QtGui.QAction) -> QtWidgets.QMenu:
    """The menu-bar menu that holds `action`: the window's own menus are found, not rebuilt."""
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if menu is not None and action in menu.actions():
            return menu
    raise LookupError(f"no menu holds {action.text()!r}")


class AnnotationMenus:
    """One per window, made with its controller."""

    def __init__(
        self,
        controller: AnnotationActions,
        window: AnnotationsHost,
        dock: QtWidgets.QDockWidget,
        undo_stack: QtGui.QUndoStack,
        exchange: AnnotationExchange,
    ) -> None:
        self._controller = controller
        self._window = window
        self.names = dict(DEFAULT_NAMES)
        self._menu_entries: list[Callable[[QtWidgets.QMenu, QtCore.QPoint], object]] = []
        self._make_actions(dock, undo_stack, exchange)
        self._make_menus()

    def set_names(self, names: dict[str, str]) -> None:
        self.names = dict(names)
        for number, colour in enumerate(COLOURS, start=1):
            action = self.colour_actions[colour]
            action.setText(f"&{number} {colour.capitalize()} — {names[colour]}")
            action.setToolTip(f"Highlight in {colour}: {names[colour]} (Ctrl+{number})")

    def _make_actions(
        self,
        dock: QtWidgets.QDockWidget,
        undo_stack: QtGui.QUndoStack,
        exchange: AnnotationExchange,
    ) -> None:
        window = self._window
        parent = window.window()
        controller = self._controller
        self.colour_actions: dict[str, QtGui.QAction] = {}
        for number, colour in enumerate(COLOURS, start=1):
            action = QtGui.QAction(swatch(colour, 16), colour.capitalize(), parent)
            action.setShortcut(QtGui.QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, c=colour: controller.highlight(c))
            self.colour_actions[colour] = action
        self.note_action = QtGui.QAction("Add or Edit &Note…", parent)
        self.note_action.setIconText("Note")
        self.note_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+N"))
        self.note_action.setToolTip("Add a note to the selection or edit the highlight's note")
        self.note_action.triggered.connect(lambda: controller.edit_note())
        self.delete_action = QtGui.QAction("&Delete Highlight", parent)
        self.delete_action.setShortcut(QtGui.QKeySequence.Delete)
        self.delete_action.triggered.connect(lambda: controller.delete())
        self.undo_action = QtGui.QAction("&Undo", parent)
        self.undo_action.setShortcuts([QtGui.QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(controller.undo)
        self.redo_action = QtGui.QAction("&Redo", parent)
        self.redo_action.setShortcuts(
            [QtGui.QKeySequence("Ctrl+Shift+Z"), QtGui.QKeySequence("Ctrl+Y")]
        )
        self.redo_action.triggered.connect(controller.redo)
        undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(f"&Undo {text}".rstrip())
        )
        undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(f"&Redo {text}".rstrip())
        )
        undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.colour_names_action = QtGui.QAction("Colour &Names…", parent)
        self.colour_names_action.triggered.connect(controller.choose_colour_names)
        self.export_action = QtGui.QAction("&Export Annotations…", parent)
        self.export_action.triggered.connect(exchange.choose_export_file)
        self.import_action = QtGui.QAction("&Import Annotations…", parent)
        self.import_action.triggered.connect(exchange.choose_import_file)
        self.panel_action = dock.toggleViewAction()
        self.panel_action.setText("&Annotations")
        self.panel_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+A"))
        self.toolbar = QtWidgets.QToolBar("Highlight", parent)
        self.toolbar.setObjectName("highlight-toolbar")
        self.toolbar.setIconSize(QtCore.QSize(16, 16))
        self.toolbar.addActions(list(self.colour_actions.values()))
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.note_action)
        window.addToolBar(QtCore.Qt.TopToolBarArea, self.toolbar)

    def _make_menus(self) -> None:
        window = self._window
        file_menu = _menu_holding(window, window.quit_action)
        file_menu.insertAction(window.quit_action, self.export_action)
        file_menu.insertAction(window.quit_action, self.import_action)
        file_menu.insertSeparator(window.quit_action)
        view_menu = _menu_holding(window, window.sections_action)
        view_menu.addAction(self.panel_action)
        toolbar_action = self.toolbar.toggleViewAction()
        toolbar_action.setText("Highlight &Toolbar")
        view_menu.addAction(toolbar_action)
        self.edit_menu = _menu_holding(window, window.copy_action)
        first = self.edit_menu.actions()[0]
        self.edit_menu.insertAction(first, self.undo_action)
        self.edit_menu.insertAction(first, self.redo_action)
        self.edit_menu.insertSeparator(first)
        self.edit_menu.addSeparator()
        self.highlight_menu = self.edit_menu.addMenu("&Highlight")
        self.highlight_menu.addActions(list(self.colour_actions.values()))
        self.highlight_menu.addSeparator()
        self.highlight_menu.addAction(self.colour_names_action)
        self.edit_menu.addAction(self.note_action)
        self.edit_menu.addAction(self.delete_action)

    def highlight_menu_for(self, annotation: Annotation) -> QtWidgets.QMenu:
        """What clicking a highlight offers: colours, note, tags, copy, delete."""
        menu = QtWidgets.QMenu(self._window.shown_view())
        menu.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        self._add_highlight_entries(menu, annotation)
        return menu

    def _add_highlight_entries(self, menu: QtWidgets.QMenu, annotation: Annotation) -> None:
        controller = self._controller
        for number, colour in enumerate(COLOURS, start=1):
            action = menu.addAction(
                swatch(colour, 16), f"&{number} {colour.capitalize()} — {self.names[colour]}"
            )
            action.setCheckable(True)
            action.setChecked(colour == annotation.colour)
            action.triggered.connect(
                lambda _=False, c=colour: controller.set_colour(annotation.id, c)
            )
        menu.addSeparator()
        noun = "&Edit Note…" if annotation.note else "Add &Note…"
        menu.addAction(noun).triggered.connect(lambda: controller.edit_note(annotation.id))
        menu.addAction("&Tags…").triggered.connect(
            lambda: controller.edit_note(annotation.id, tags_first=True)
        )
        menu.addAction("Copy &Highlighted Text").triggered.connect(
            lambda: controller.copy(annotation.id)
        )
        menu.addSeparator()
        menu.addAction("&Delete Highlight").triggered.connect(
            lambda: controller.delete(annotation.id)
        )

    def add_context_menu_entries(
        self, add_entries: Callable[[QtWidgets.QMenu, QtCore.QPoint], object]
    ) -> None:
        """Let another part of the window add its entries to the view's context menu."""
        self._menu_entries.append(add_entries)

    def context_menu(self, point: QtCore.QPoint) -> QtWidgets.QMenu:
        """The shown view's own entries (Copy, Select All), then highlighting for a selection,
        or the entries of the highlight under the mouse, then those others added."""
        view = self._window.shown_view()
        menu = view.standard_context_menu(point)
        menu.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        menu.addSeparator()
        if self._controller.selected_span() is not None:
            menu.addActions(list(self.colour_actions.values()))
            menu.addSeparator()
            menu.addAction(self.note_action)
        else:
            under = self._controller.highlight_at(point)
            if under is not None:
                self._add_highlight_entries(menu, under)
            else:
                menu.addActions(list(self.colour_actions.values()))
        for add_entries in self._menu_entries:
            add_entries(menu, point)
        menu.popup(view.viewport().mapToGlobal(point))
        return menu
