"""The window's final shape before its features are attached: the annotations dock, the
highlight and lookup toolbars and every menu entry the features will add, as disabled
stand-ins in their places.

The features' modules and widgets are made after the first paint (they cost a quarter of a
second), but the first paint already shows the menus and toolbars they end with, so
nothing in the window moves or appears when they attach. Their modules are not imported
for this (the annotation store alone costs a tenth of a second): the entries are written
out here, and tests/ui/window/test_menu_skeleton.py checks they are what the features add.
The stand-ins are taken away just before the features make the real ones.
"""

from __future__ import annotations

from typing import NamedTuple

from reader.ui.pinyin.settings import HSK_LEVELS, level_label
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.tone_colours import ToneColours
from reader.ui.window.menus import WindowMenus

ANNOTATIONS_DOCK = "annotations-dock"
HIGHLIGHT_TOOLBAR = "highlight-toolbar"
LOOKUP_TOOLBAR = "lookup-toolbar"
ANNOTATIONS_DOCK_WIDTH = 380
"""The annotations dock's width before a saved state says otherwise (its PANEL_WIDTH)."""
ICON_SIZE = QtCore.QSize(16, 16)


class Item(NamedTuple):
    text: str
    shortcut: str = ""


class Section(NamedTuple):
    """A separator, with a title if given (QMenu.addSection)."""

    title: str = ""


class Submenu(NamedTuple):
    title: str
    entries: tuple[Entry, ...]


Entry = Item | Section | Submenu

_COLOURS = (
    ("Yellow", "vocabulary"),
    ("Red", "question"),
    ("Green", "grammar"),
    ("Blue", "idea"),
    ("Purple", "important"),
)
"""reader.store's COLOURS with their DEFAULT_NAMES (a reader's own names come with the store)."""

_COLOUR_ITEMS = tuple(
    Item(f"&{number} {colour} — {name}", f"Ctrl+{number}")
    for number, (colour, name) in enumerate(_COLOURS, start=1)
)
_NOTE = Item("Add or Edit &Note…", "Ctrl+Shift+N")
_LOOKUP = Item("Word &Lookup", "Ctrl+Shift+L")

FILE_BEFORE_QUIT = (Item("&Export Annotations…"), Item("&Import Annotations…"), Section())
EDIT_BEFORE_COPY = (Item("&Undo", "Ctrl+Z"), Item("&Redo", "Ctrl+Shift+Z"), Section())
EDIT_AFTER = (
    Section(),
    Submenu(
        "&Highlight",
        (*_COLOUR_ITEMS, Section(), Item("Colour &Names…")),
    ),
    _NOTE,
    Item("&Delete Highlight", "Del"),
)
VIEW_AFTER = (
    Item("&Annotations", "Ctrl+Shift+A"),
    Item("Highlight &Toolbar"),
    Submenu(
        "Word &Lookup",
        (
            _LOOKUP,
            Section(),
            Item("Look Up Word at &Caret", "Ctrl+L"),
            Item("&Next Word", "Alt+Right"),
            Item("&Previous Word", "Alt+Left"),
            Section("Pop-up Delay"),
            *(Item("None" if delay == 0 else f"{delay} ms") for delay in (0, 150, 300, 600, 1000)),
        ),
    ),
    Submenu(
        "&Pinyin",
        (
            Section("Above the Characters"),
            Item("&Off"),
            Item("&All Words"),
            *(Item(f"Words Above HSK &{level_label(level)}") for level in HSK_LEVELS),
            Section("Size"),
            *(Item(f"{size.label} Pinyin") for size in RubySize),
            Section("Tone Colours"),
            *(Item(scheme.label) for scheme in ToneColours),
            Section("Written As"),
            Item("Tone &Marks (hànzì)"),
            Item("Tone &Numbers (han4 zi4)"),
            Item("&Zhuyin (ㄏㄢˋ ㄗˋ)"),
        ),
    ),
)


class MenuSkeleton:
    """The stand-ins of one window; `clear` takes them away, keeping where the saved state
    or the reader put the docks and toolbars (the real ones carry the same names)."""

    def __init__(self, window: WindowMenus) -> None:
        """Made once the window's own menus are."""
        self._window = window
        self._actions: list[tuple[QtWidgets.QMenu, QtGui.QAction]] = []
        self._toolbars: list[QtWidgets.QToolBar] = []
        self._fill(window.file_menu, FILE_BEFORE_QUIT, window.quit_action)
        self._fill(window.edit_menu, EDIT_BEFORE_COPY, window.copy_action)
        self._fill(window.edit_menu, EDIT_AFTER)
        self._fill(window.view_menu, VIEW_AFTER)
        self.dock = QtWidgets.QDockWidget("Annotations", window)
        self.dock.setObjectName(ANNOTATIONS_DOCK)
        self.dock.setFeatures(
            QtWidgets.QDockWidget.DockWidgetClosable | QtWidgets.QDockWidget.DockWidgetMovable
        )
        window.addDockWidget(QtCore.Qt.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [ANNOTATIONS_DOCK_WIDTH], QtCore.Qt.Horizontal)
        self.dock.hide()  # as the panel is until it has something in it
        blank = QtGui.QPixmap(ICON_SIZE)
        blank.fill(QtCore.Qt.transparent)
        highlight = self._toolbar("Highlight", HIGHLIGHT_TOOLBAR)
        for colour in _COLOUR_ITEMS:
            highlight.addAction(QtGui.QIcon(blank), colour.text).setEnabled(False)
        highlight.addSeparator()
        note = highlight.addAction(_NOTE.text)
        note.setIconText("Note")
        note.setEnabled(False)
        self._toolbar("Lookup", LOOKUP_TOOLBAR).addAction(_LOOKUP.text).setEnabled(False)

    def _toolbar(self, title: str, name: str) -> QtWidgets.QToolBar:
        toolbar = QtWidgets.QToolBar(title, self._window)
        toolbar.setObjectName(name)
        toolbar.setIconSize(ICON_SIZE)
        self._window.addToolBar(QtCore.Qt.TopToolBarArea, toolbar)
        self._toolbars.append(toolbar)
        return toolbar

    def _fill(
        self,
        menu: QtWidgets.QMenu,
        entries: tuple[Entry, ...],
        before: QtGui.QAction | None = None,
        keep: bool = True,
    ) -> None:
        """Entries put in `menu` before `before` (else at its end), disabled; kept to be
        taken away if `keep` (a submenu's entries go with it)."""
        for entry in entries:
            if isinstance(entry, Submenu):
                submenu = QtWidgets.QMenu(entry.title, menu)
                self._fill(submenu, entry.entries, keep=False)
                action = submenu.menuAction()
            elif isinstance(entry, Section):
                action = QtGui.QAction(menu)
                action.setSeparator(True)
                action.setText(entry.title)
            else:
                action = QtGui.QAction(entry.text, menu)
                action.setShortcut(QtGui.QKeySequence(entry.shortcut))
            action.setEnabled(not isinstance(entry, Item))
            menu.insertAction(before, action)
            if keep:
                self._actions.append((menu, action))

    def clear(self) -> None:
        """Take the stand-ins away; the window's own entries are as they were made."""
        for menu, action in self._actions:
            menu.removeAction(action)
            action.deleteLater()
            if action.menu() is not None:
                action.menu().deleteLater()
        self._actions.clear()
        for toolbar in self._toolbars:
            self._drop(toolbar)
            self._window.removeToolBar(toolbar)
        self._toolbars.clear()
        self._drop(self.dock)
        self._window.removeDockWidget(self.dock)

    @staticmethod
    def _drop(widget: QtWidgets.QWidget) -> None:
        widget.setObjectName("")  # the real one alone now answers to the name
        widget.deleteLater()
