"""The word pop-up's colours in each theme: its paper, rule, ink, muted notes and links.

The pop-up is a window of its own over the page, so it follows the page's theme with colours
of its own: a little apart from the page's paper, so it stands out from the text under it.
The rich text (senses, readings) reads these when it is made; the pop-up's style sheet is
set again when the theme has changed since it was last filled (`restyle`).
"""

from __future__ import annotations

from typing import NamedTuple

from reader.ui.qt import QtWidgets
from reader.ui.views.page_style import theme


class PopupColours(NamedTuple):
    paper: str
    rule: str
    ink: str
    muted: str
    link: str


POPUP_COLOURS = {
    "light": PopupColours("#fffdf6", "#c9c3b3", "#222222", "#737373", "#1c5a99"),
    "sepia": PopupColours("#fbf5e6", "#cbbb98", "#3b2e20", "#76624c", "#1f5582"),
    "dark": PopupColours("#2b2c30", "#4d4e54", "#dedbd4", "#a29e95", "#8fbcf0"),
}


def popup_colours() -> PopupColours:
    """The pop-up's colours in the current theme."""
    return POPUP_COLOURS.get(theme().name, POPUP_COLOURS["light"])


def muted() -> str:
    return popup_colours().muted


def style_sheet() -> str:
    """The pop-up's style sheet: labels named "muted" in the muted ink, the rule in its own."""
    colours = popup_colours()
    return (
        f"#word-popup {{ background: {colours.paper}; border: 1px solid {colours.rule}; }}"
        f" QLabel {{ color: {colours.ink}; background: transparent; }}"
        f" QLabel#muted {{ color: {colours.muted}; }}"
        f" QFrame#rule {{ color: {colours.rule}; }}"
    )


def restyle(popup: QtWidgets.QWidget) -> None:
    """Give `popup` the current theme's style sheet, if it has another."""
    sheet = style_sheet()
    if popup.styleSheet() != sheet:
        popup.setStyleSheet(sheet)
