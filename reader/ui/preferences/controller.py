"""Preferences in the window: Edit ▸ Preferences… (the dialog, made when first opened), the
View ▸ Theme quick switch, the theme and page applied to both views when the reader changes
them, and the System theme following the system's colour scheme as it changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.language.script import Script
from reader.ui.lookup.controller import WordLookupController
from reader.ui.pinyin.switch import PinyinSwitch
from reader.ui.preferences.settings import PreferenceSettings, ThemeChoice
from reader.ui.preferences.theme import apply_theme, resolve, system_scheme
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.page_palette import paint_paper
from reader.ui.views.page_style import Page, page, set_page, theme
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.reading_view_highlights import HighlightPainter

if TYPE_CHECKING:
    from reader.ui.preferences.dialog import PreferencesDialog

SHORTCUT = "Ctrl+,"
"""Set as well as QKeySequence.Preferences, which is empty on Linux and Windows."""


def preferences_shortcuts() -> list[QtGui.QKeySequence]:
    """The platform's Preferences keys, and Ctrl+, (⌘, on macOS) where they are not it."""
    keys = QtGui.QKeySequence.keyBindings(QtGui.QKeySequence.Preferences)
    comma = QtGui.QKeySequence(SHORTCUT)
    return keys if comma in keys else [*keys, comma]


class PreferencesController(QtCore.QObject):
    """Applies and remembers the theme and the page; the lookup's and pinyin's choices stay
    with their own features, whose actions the dialog drives."""

    theme_changed = QtCore.Signal()

    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        edit_menu: QtWidgets.QMenu,
        view_menu: QtWidgets.QMenu,
        reading_view: ReadingView,
        pinyin: PinyinSwitch,
        lookup: WordLookupController,
        painter: HighlightPainter,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._reading_view = reading_view
        self.pinyin = pinyin
        self.lookup = lookup
        self._painter = painter
        self._settings = PreferenceSettings()
        self._choice = self._settings.theme
        self._dialog: PreferencesDialog | None = None
        self._script_actions: dict[Script, QtGui.QAction] = {}
        self._marks_action: QtGui.QAction | None = None

        edit_menu.addSeparator()
        self.action = edit_menu.addAction("Pre&ferences…")
        self.action.setShortcuts(preferences_shortcuts())
        self.action.setMenuRole(QtGui.QAction.PreferencesRole)
        self.action.triggered.connect(self.open_dialog)

        self.theme_menu = view_menu.addMenu("&Theme")
        group = QtGui.QActionGroup(self.theme_menu)
        self.theme_actions: dict[ThemeChoice, QtGui.QAction] = {}
        for choice in ThemeChoice:
            action = self.theme_menu.addAction(f"&{choice.label}")
            action.setCheckable(True)
            action.setChecked(choice is self._choice)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=choice: self.set_theme_choice(c))
            self.theme_actions[choice] = action
        hints = QtGui.QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_scheme_changed)

    # The theme

    @property
    def theme_choice(self) -> ThemeChoice:
        return self._choice

    def set_theme_choice(self, choice: ThemeChoice) -> None:
        """Paint the window in `choice` and remember it."""
        self._choice = choice
        self._settings.theme = choice
        self.theme_actions[choice].setChecked(True)
        self._show_theme()

    def _system_scheme_changed(self, scheme: QtCore.Qt.ColorScheme) -> None:
        if self._choice is ThemeChoice.SYSTEM:
            self._show_theme(scheme)

    def _show_theme(self, scheme: QtCore.Qt.ColorScheme | None = None) -> None:
        """The chosen theme shown; `scheme`: the system's, as it has just changed to."""
        chosen = resolve(self._choice, system_scheme() if scheme is None else scheme)
        if chosen is theme():
            return
        apply_theme(chosen)
        self._reading_view.recolour()
        self._painter.recolour()
        paint_paper(self.pinyin.view.viewport(), chosen)
        self.pinyin.view.viewport().update()
        self.lookup.hover.refill()
        self.theme_changed.emit()

    # The page

    def set_page(self, chosen: Page) -> None:
        """Set both views' page as chosen and remember it."""
        if chosen == page():
            return
        self._settings.page = chosen
        set_page(chosen)
        self._reading_view.restyle()
        self.pinyin.view.restyle()

    def offer_script(self, actions: dict[Script, QtGui.QAction]) -> None:
        """The View ▸ Script actions, whose choice the dialog offers too."""
        self._script_actions = actions

    def offer_marks(self, action: QtGui.QAction) -> None:
        """View ▸ Mark New and Learning Words, which the dialog's Reading page offers too."""
        self._marks_action = action

    # The dialog

    @property
    def dialog(self) -> PreferencesDialog | None:
        """The dialog, once it has been opened."""
        return self._dialog

    def open_dialog(self) -> PreferencesDialog:
        """Show the dialog (made once, kept while the window is), raised if it is open."""
        if self._dialog is None:
            from reader.ui.preferences.dialog import PreferencesDialog  # not before it is asked for

            self._dialog = PreferencesDialog(
                self.theme_actions,
                self.set_page,
                self.lookup,
                self.pinyin,
                self._script_actions,
                self._window,
                self._marks_action,
            )
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.activateWindow()
        return self._dialog
