"""The main window's File, Edit, View, Go, Words and Help menus, and the menus filled as they open.

A part of MainWindow (a mixin), in its own module so the window's module is about
documents and places; its handlers (open_path, choose_file, ...) are the window's.
"""

from __future__ import annotations

from reader.document.encoding import ENCODINGS, EncodingError, display_name
from reader.ui.plain_text import menu_text, tooltip
from reader.ui.qt import QtGui, QtWidgets


def encoding_label(name: str) -> str:
    """The encoding's name as the menu lists it, or as given if it lists none such."""
    try:
        return display_name(name)
    except EncodingError:
        return name


class WindowMenus(QtWidgets.QMainWindow):
    """Made once by MainWindow.__init__ (`_make_menus`); the actions stay its attributes."""

    def _make_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu("&File")
        self.open_action = file_menu.addAction("&Open…")
        self.open_action.setShortcut(QtGui.QKeySequence.Open)
        self.open_action.triggered.connect(self.choose_file)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self.encoding_menu = file_menu.addMenu("Reopen with &Encoding")
        self.detect_encoding_action = self.encoding_menu.addAction("&Detect Automatically")
        self.detect_encoding_action.triggered.connect(lambda: self.reopen_with_encoding(None))
        self.encoding_menu.addSeparator()
        self.encoding_actions: dict[str, QtGui.QAction] = {}
        # Shown as radio items; optional, for an encoding named on the command line is
        # none of these.
        group = QtGui.QActionGroup(self.encoding_menu)
        group.setExclusionPolicy(QtGui.QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for name in ENCODINGS:
            action = self.encoding_menu.addAction(name)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, n=name: self.reopen_with_encoding(n))
            self.encoding_actions[name] = action
        self.encoding_menu.aboutToShow.connect(self._check_encoding)
        self.heading_pattern_action = file_menu.addAction("&Chapter Pattern…")
        self.heading_pattern_action.triggered.connect(self.choose_heading_pattern)
        self.encoding_menu.setEnabled(False)
        self.heading_pattern_action.setEnabled(False)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction("&Quit")
        self.quit_action.setShortcut(QtGui.QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QtGui.QAction.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self._make_edit_menu()
        self.view_menu = view_menu = self.menuBar().addMenu("&View")
        self.zoom_in_action = view_menu.addAction("Zoom &In")
        self.zoom_in_action.setShortcuts(
            [QtGui.QKeySequence("Ctrl+="), QtGui.QKeySequence("Ctrl++")]
        )
        self.zoom_in_action.triggered.connect(self.reading_view.zoom_in)
        self.zoom_out_action = view_menu.addAction("Zoom &Out")
        self.zoom_out_action.setShortcut(QtGui.QKeySequence("Ctrl+-"))
        self.zoom_out_action.triggered.connect(self.reading_view.zoom_out)
        self.actual_size_action = view_menu.addAction("&Actual Size")
        self.actual_size_action.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        self.actual_size_action.triggered.connect(self.reading_view.reset_zoom)
        view_menu.addSeparator()
        self.sections_action = self.sections_dock.toggleViewAction()
        self.sections_action.setText("&Sections")
        self.sections_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+S"))
        view_menu.addAction(self.sections_action)

        # Filled by the navigation when the features attach (its stand-ins until then).
        self.go_menu = self.menuBar().addMenu("&Go")
        self.words_menu = self.menuBar().addMenu("&Words")  # filled by reader.ui.words
        self.help_menu = help_menu = self.menuBar().addMenu("&Help")
        self.about_action = help_menu.addAction("&About Reader")
        self.about_action.setMenuRole(QtGui.QAction.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _make_edit_menu(self) -> None:
        """Copy and Select All in the view shown; the annotations add undo and highlights."""
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.copy_action = self.edit_menu.addAction("&Copy")
        self.copy_action.setShortcut(QtGui.QKeySequence.Copy)
        self.copy_action.triggered.connect(lambda: self.shown_view().copy())
        self.select_all_action = self.edit_menu.addAction("Select &All")
        self.select_all_action.setShortcut(QtGui.QKeySequence.SelectAll)
        self.select_all_action.triggered.connect(lambda: self.shown_view().select_all())
        # Greyed while the menu shows nothing to copy; its shortcut is never held back.
        self.edit_menu.aboutToShow.connect(
            lambda: self.copy_action.setEnabled(self.shown_view().selected_range() is not None)
        )
        self.edit_menu.aboutToHide.connect(lambda: self.copy_action.setEnabled(True))

    def _fill_recent_menu(self) -> None:
        """Most recent first; files that have gone are listed but cannot be chosen.

        Filled as the menu opens, never from one of its own actions, which would delete
        the action that is running.
        """
        self.recent_menu.clear()
        recent = self._settings.recent_files
        for number, path in enumerate(recent, start=1):
            exists = path.is_file()
            label = f"&{number % 10} {menu_text(path.name)}" + ("" if exists else " (missing)")
            action = self.recent_menu.addAction(label)
            action.setData(str(path))
            action.setToolTip(tooltip(str(path)))
            action.setStatusTip(str(path))
            action.setEnabled(exists)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("No Recent Documents").setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear Menu")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self._settings.clear_recent()

    def _check_encoding(self) -> None:
        """Check the encoding in use; triggering an action toggled its check on its own."""
        current = encoding_label(self._document.encoding) if self._document else None
        for name, action in self.encoding_actions.items():
            action.setChecked(name == current)
