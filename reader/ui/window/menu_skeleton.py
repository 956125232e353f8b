"""The window's final shape before its features are attached: the annotations and vocabulary
docks, the highlight and lookup toolbars and every menu entry the features will add, as
disabled stand-ins in their places.

The features' modules and widgets are made after the first paint (they cost a quarter of a
second), but the first paint already shows the menus and toolbars they end with, so
nothing in the window moves or appears when they attach. Their modules are not imported
for this (the annotation store alone costs a tenth of a second): the entries are written
out here, and tests/ui/window/test_menu_skeleton.py checks they are what the features add.
The stand-ins are taken away just before the features make the real ones.
"""

from __future__ import annotations

from reader.language.pinyin import PinyinStyle
from reader.language.script import Script
from reader.ui.lookup.settings import DELAYS_MS, LookupSettings
from reader.ui.marks.settings import MARK_WORDS, MarkSettings
from reader.ui.pinyin.settings import (
    HSK_LEVELS,
    UNKNOWN_ONLY,
    PinyinChoice,
    PinyinMode,
    level_label,
)
from reader.ui.preferences.settings import PreferenceSettings, ThemeChoice
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.tone_colours import ToneColours
from reader.ui.window.menus import WindowMenus

ANNOTATIONS_DOCK = "annotations-dock"
VOCABULARY_DOCK = "vocabulary-dock"
HIGHLIGHT_TOOLBAR = "highlight-toolbar"
LOOKUP_TOOLBAR = "lookup-toolbar"
ANNOTATIONS_DOCK_WIDTH = 380
"""The annotations dock's width before a saved state says otherwise (its PANEL_WIDTH)."""
ICON_SIZE = QtCore.QSize(16, 16)
SWATCH_GREY = "#dcdcdc"


class Item:
    """An entry; `checked` None: not a checkable one.

    Entries are plain classes, not named tuples or dataclasses: those compile code as they
    are made, milliseconds before the first paint.
    """

    __slots__ = ("checked", "shortcut", "text")

    def __init__(
        self,
        text: str,
        shortcut: str | QtGui.QKeySequence.StandardKey = "",
        checked: bool | None = None,
    ) -> None:
        self.text, self.shortcut, self.checked = text, shortcut, checked


class Section:
    """A separator, with a title if given (QMenu.addSection)."""

    __slots__ = ("title",)

    def __init__(self, title: str = "") -> None:
        self.title = title


class Submenu:
    __slots__ = ("entries", "title")

    def __init__(self, title: str, entries: tuple[Entry, ...]) -> None:
        self.title, self.entries = title, entries


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

FILE_LIBRARY = (Item("&Library…", "Ctrl+Shift+O"),)
"""The library's entry, after Open Recent (reader.ui.library.controller)."""
FILE_BEFORE_QUIT = (
    Item("&Export Annotations…"),
    Item("&Import Annotations…"),
    Section(),
    Item("Export &Vocabulary…"),
    Section(),
)
EDIT_BEFORE_COPY = (Item("&Undo", "Ctrl+Z"), Item("&Redo", "Ctrl+Shift+Z"), Section())
EDIT_FIND = (
    Section(),
    Item("&Find…", QtGui.QKeySequence.Find),
    Item("Find &Next", "F3"),
    Item("Find Pre&vious", "Shift+F3"),
    Item("Search &Library…", "Ctrl+Shift+F"),
)
EDIT_AFTER = (
    Section(),
    Submenu(
        "&Highlight",
        (*_COLOUR_ITEMS, Section(), Item("Colour &Names…")),
    ),
    _NOTE,
    Item("&Delete Highlight", QtGui.QKeySequence.Delete),
    Section(),
    Item("Pre&ferences…", "Ctrl+,"),
)
GO = (
    Item("&Back", "Ctrl+["),
    Item("&Forward", "Ctrl+]"),
    Section(),
    Item("&Next Section", "Ctrl+PgDown"),
    Item("&Previous Section", "Ctrl+PgUp"),
    Section(),
    Item("&Go To…", "Ctrl+G"),
)
"""The navigation's Go menu (reader.ui.navigation.keys)."""
WORDS = (
    Submenu(
        "Word &Status",
        (
            Item("&New", "N", False),
            *(Item(f"Learning &{n}", str(n), False) for n in range(1, 5)),
            Section(),
            Item("&Known", "K", False),
            Item("&Ignored", "I", False),
        ),
    ),
    Section(),
    Item("Mark the Rest of This Section &Known", "Ctrl+Shift+K"),
    Section(),
    Item("&Import Known Words…"),
    Item("&Export Known Words…"),
)
"""The word statuses' Words menu (reader.ui.words)."""
WORDS_COVERAGE = (Section(), Item("Text &Difficulty…"), Item("&Words to Learn…"))
"""The coverage's entries in the Words menu, after the statuses' (reader.ui.coverage.menu)."""
WORDS_FREQUENCY = (Section(), Item("Word &Frequency…"))
"""The frequency list's entry, after the coverage's (reader.ui.frequency.menu)."""
VIEW_LAST = (Section(), Item("&Full Screen", QtGui.QKeySequence.FullScreen, False))
HELP_BEFORE_ABOUT = (Item("&Keyboard Shortcuts", QtGui.QKeySequence.HelpContents), Section())
_STYLES = {
    PinyinStyle.MARKS: "Tone &Marks (hànzì)",
    PinyinStyle.NUMBERS: "Tone &Numbers (han4 zi4)",
    PinyinStyle.ZHUYIN: "&Zhuyin (ㄏㄢˋ ㄗˋ)",
}


_SCRIPTS = {
    Script.AS_WRITTEN: "As &Written",
    Script.SIMPLIFIED: "&Simplified",
    Script.TRADITIONAL: "&Traditional",
}


def view_entries(
    lookup: LookupSettings, pinyin: PinyinChoice, script: Script, theme: ThemeChoice
) -> tuple[Entry, ...]:
    """What word lookup, the word marks, pinyin, the script and preferences add to View,
    after the annotations' panel and toolbar, checked as they will be."""
    delay = lookup.delay_ms
    mode = pinyin.mode
    return (
        Submenu(
            "Word &Lookup",
            (
                Item(_LOOKUP.text, _LOOKUP.shortcut, lookup.enabled),
                Section(),
                Item("Look Up Word at &Caret", "Ctrl+L"),
                Item("&Next Word", "Alt+Right"),
                Item("&Previous Word", "Alt+Left"),
                Section(),
                Item("Tones as &Spoken", checked=lookup.spoken_tones),
                Section("Pop-up Delay"),
                *(
                    Item("None" if shown == 0 else f"{shown} ms", checked=shown == delay)
                    for shown in sorted({*DELAYS_MS, delay})
                ),
            ),
        ),
        Item(MARK_WORDS, checked=MarkSettings().shown),
        Submenu(
            "&Pinyin",
            (
                Section("Above the Characters"),
                Item("&Off", checked=mode is PinyinMode.OFF),
                Item("&All Words", checked=mode is PinyinMode.ALL),
                *(
                    Item(
                        f"Words Above HSK &{level_label(level)}",
                        checked=mode is PinyinMode.ABOVE_LEVEL and level == pinyin.level,
                    )
                    for level in HSK_LEVELS
                ),
                Section(),
                Item(UNKNOWN_ONLY, checked=pinyin.unknown_only),
                Section("Size"),
                *(Item(f"{size.label} Pinyin", checked=size is pinyin.size) for size in RubySize),
                Section("Tone Colours"),
                *(
                    Item(scheme.label, checked=scheme is lookup.tone_colours)
                    for scheme in ToneColours
                ),
                Section("Written As"),
                *(
                    Item(label, checked=style is lookup.pinyin_style)
                    for style, label in _STYLES.items()
                ),
            ),
        ),
        Submenu(
            "Sc&ript",
            tuple(Item(label, checked=shown is script) for shown, label in _SCRIPTS.items()),
        ),
        Submenu(
            "&Theme",
            tuple(Item(f"&{choice.label}", checked=choice is theme) for choice in ThemeChoice),
        ),
    )


def _grey_swatch() -> QtGui.QIcon:
    """A colour swatch's place, uncoloured: the colours come with the store. Filled, not
    painted: a painter's first use would cost the first paint milliseconds."""
    pixmap = QtGui.QPixmap(ICON_SIZE)
    pixmap.fill(QtGui.QColor(SWATCH_GREY))
    return QtGui.QIcon(pixmap)


class MenuSkeleton:
    """The stand-ins of one window; `clear` takes them away, keeping where the saved state
    or the reader put the docks and toolbars (the real ones carry the same names)."""

    def __init__(self, window: WindowMenus, pinyin: PinyinChoice, script: Script) -> None:
        """Made once the window's own menus are; `pinyin` and `script`: the reader's
        choices of pinyin and of the script the text is shown in."""
        lookup = LookupSettings()
        self._window = window
        self._actions: list[tuple[QtWidgets.QMenu, QtGui.QAction]] = []
        self._toolbars: list[QtWidgets.QToolBar] = []
        self.dock = QtWidgets.QDockWidget("Annotations", window)
        self.dock.setObjectName(ANNOTATIONS_DOCK)
        self.dock.setFeatures(
            QtWidgets.QDockWidget.DockWidgetClosable | QtWidgets.QDockWidget.DockWidgetMovable
        )
        window.addDockWidget(QtCore.Qt.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [ANNOTATIONS_DOCK_WIDTH], QtCore.Qt.Horizontal)
        self.dock.hide()  # as the panel is until it has something in it
        self.vocabulary_dock = QtWidgets.QDockWidget("Vocabulary", window)
        self.vocabulary_dock.setObjectName(VOCABULARY_DOCK)
        self.vocabulary_dock.setFeatures(self.dock.features())
        window.addDockWidget(QtCore.Qt.RightDockWidgetArea, self.vocabulary_dock)
        self.vocabulary_dock.hide()  # as the panel is until the reader asks for it
        highlight = self._toolbar("Highlight", HIGHLIGHT_TOOLBAR)
        swatch = _grey_swatch()
        for colour in _COLOUR_ITEMS:
            highlight.addAction(swatch, colour.text).setEnabled(False)
        highlight.addSeparator()
        note = highlight.addAction(_NOTE.text)
        note.setIconText("Note")
        note.setEnabled(False)
        toggle = self._toolbar("Lookup", LOOKUP_TOOLBAR).addAction(_LOOKUP.text)
        toggle.setCheckable(True)
        toggle.setChecked(lookup.enabled)
        toggle.setEnabled(False)

        recent = window.file_menu.actions().index(window.recent_menu.menuAction())
        self._fill(window.file_menu, FILE_LIBRARY, window.file_menu.actions()[recent + 1])
        self._fill(window.file_menu, FILE_BEFORE_QUIT, window.quit_action)
        self._fill(window.edit_menu, EDIT_BEFORE_COPY, window.copy_action)
        self._fill(window.edit_menu, EDIT_FIND)
        self._fill(window.edit_menu, EDIT_AFTER)
        # The panel's and the toolbar's own toggles: checked as the saved state shows them.
        for widget, text, shortcut in (
            (self.dock, "&Annotations", "Ctrl+Shift+A"),
            (highlight, "Highlight &Toolbar", ""),
            (self.vocabulary_dock, "&Vocabulary", "Ctrl+Shift+V"),
        ):
            action = widget.toggleViewAction()
            action.setText(text)
            action.setShortcut(QtGui.QKeySequence(shortcut))
            action.setEnabled(False)
            window.view_menu.addAction(action)
            self._actions.append((window.view_menu, action))
        self._fill(
            window.view_menu, view_entries(lookup, pinyin, script, PreferenceSettings().theme)
        )
        self._fill(window.view_menu, VIEW_LAST)
        self._fill(window.go_menu, GO)
        self._fill(window.words_menu, WORDS)
        self._fill(window.words_menu, WORDS_COVERAGE)
        self._fill(window.words_menu, WORDS_FREQUENCY)
        self._fill(window.help_menu, HELP_BEFORE_ABOUT, window.about_action)

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
                action.setCheckable(entry.checked is not None)
                action.setChecked(bool(entry.checked))
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
        for dock in (self.dock, self.vocabulary_dock):
            self._drop(dock)
            self._window.removeDockWidget(dock)

    @staticmethod
    def _drop(widget: QtWidgets.QWidget) -> None:
        widget.setObjectName("")  # the real one alone now answers to the name
        widget.deleteLater()
