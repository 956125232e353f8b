"""The window in a theme: the page's colours (reader.ui.views.page_style) and an application
palette for everything around the page (menus, panels, the section tree, dialogs).

The light theme is the platform's own look, left alone. Sepia and dark set a palette of
their own, in the Fusion style: some platform styles (Windows, macOS) ignore palettes.
"System" is the light or the dark theme as the system's colour scheme (Qt 6.5+) says.
"""

from __future__ import annotations

from reader.ui.preferences.settings import ThemeChoice
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.page_style import DARK, LIGHT, SEPIA, Theme, set_theme, theme

_WINDOW_COLOURS = {
    # window, panel base, alternate base, text, button, mid (frames), bright text, link
    "sepia": (
        "#e9dfc8",
        "#f7f0df",
        "#efe6d0",
        "#3b2e20",
        "#e3d8bf",
        "#b9a987",
        "#fffaf0",
        "#1f5582",
    ),
    "dark": (
        "#2a2b2f",
        "#232428",
        "#2c2d32",
        "#dcd9d2",
        "#33353a",
        "#4a4c52",
        "#ffffff",
        "#8fbcf0",
    ),
}
_original_look: list[tuple[str, QtGui.QPalette]] = []
"""The platform's style and palette, kept when a theme first sets its own, to be put back for
the light theme."""


def resolve(choice: ThemeChoice, scheme: QtCore.Qt.ColorScheme) -> Theme:
    """The theme `choice` stands for under the system's colour `scheme`."""
    if choice is ThemeChoice.SYSTEM:
        return DARK if scheme == QtCore.Qt.ColorScheme.Dark else LIGHT
    return {ThemeChoice.LIGHT: LIGHT, ThemeChoice.SEPIA: SEPIA, ThemeChoice.DARK: DARK}[choice]


def system_scheme() -> QtCore.Qt.ColorScheme:
    return QtGui.QGuiApplication.styleHints().colorScheme()


def window_palette(chosen: Theme) -> QtGui.QPalette:
    """The application palette of a sepia or dark theme."""
    window, base, alternate, text, button, mid, bright, link = (
        QtGui.QColor(c) for c in _WINDOW_COLOURS[chosen.name]
    )
    palette = QtGui.QPalette()
    roles = QtGui.QPalette.ColorRole
    for role, colour in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, alternate),
        (roles.Text, text),
        (roles.Button, button),
        (roles.ButtonText, text),
        (roles.BrightText, bright),
        (roles.ToolTipBase, base),
        (roles.ToolTipText, text),
        (roles.PlaceholderText, QtGui.QColor(chosen.muted_ink)),
        (roles.Highlight, QtGui.QColor(chosen.selection)),
        (roles.HighlightedText, QtGui.QColor(chosen.ink)),
        (roles.Link, link),
        (roles.Mid, mid),
        (roles.Dark, mid.darker(130)),
        (roles.Light, button.lighter(130)),
        (roles.Midlight, button.lighter(115)),
        (roles.Shadow, QtGui.QColor("#000000")),
    ):
        palette.setColor(role, colour)
    muted = QtGui.QColor(chosen.muted_ink)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QtGui.QPalette.Disabled, role, muted)
    return palette


def apply_theme(chosen: Theme) -> None:
    """Make `chosen` the page's theme and the window's: its palette and style."""
    app = QtWidgets.QApplication.instance()
    if chosen is theme() and (chosen is LIGHT) == (not _original_look):
        return
    set_theme(chosen)
    if app is None:
        return
    if chosen is LIGHT:
        if _original_look:
            style, palette = _original_look.pop()
            app.setStyle(style)
            app.setPalette(palette)
        return
    if not _original_look:
        _original_look.append((app.style().name(), QtGui.QPalette(app.palette())))
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(window_palette(chosen))
