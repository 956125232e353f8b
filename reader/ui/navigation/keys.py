"""The navigation's keys, chosen where they collide with none of Reader's others.

- Back: Ctrl+[ ; Forward: Ctrl+] (as browsers on macOS, where Qt's Ctrl is Command), plus
  the platform's own Back and Forward keys (QKeySequence.Back/Forward) except those the
  word walk holds (Alt+←/Alt+→) and Backspace, and the mouse's back and forward buttons.
- Next / Previous Section: Ctrl+PgDown / Ctrl+PgUp (PgDown/PgUp move the caret a page).
- Go To: Ctrl+G.  Full Screen: the platform's key (F11 on Linux and Windows), Esc leaves it.
- Keyboard Shortcuts: the platform's help key (F1).
"""

from __future__ import annotations

from reader.ui.lookup.actions import NEXT_SHORTCUT, PREVIOUS_SHORTCUT
from reader.ui.qt import QtCore, QtGui

_Key = QtGui.QKeySequence.StandardKey

NEXT_SECTION = "Ctrl+PgDown"
PREVIOUS_SECTION = "Ctrl+PgUp"
GO_TO = "Ctrl+G"
BACK = "Ctrl+["
FORWARD = "Ctrl+]"
FULL_SCREEN = "F11"
HELP = "F1"
LEAVE_FULL_SCREEN = QtCore.Qt.Key_Escape

MOUSE_BUTTONS = {QtCore.Qt.BackButton: "back", QtCore.Qt.ForwardButton: "forward"}
"""The mouse's buttons over either view, and the way each goes; read by the views' filter."""

_TAKEN = frozenset(
    ["Backspace", "Shift+Backspace"]
    + [QtGui.QKeySequence(key).toString() for key in (NEXT_SHORTCUT, PREVIOUS_SHORTCUT)]
)
"""Platform Back and Forward keys left out: the word walk's (Alt+←/→, Back and Forward on
Linux and Windows), and Backspace (Windows), which pressed by mistake would move the page."""


def keys(
    own: str, standard: QtGui.QKeySequence.StandardKey | None = None
) -> list[QtGui.QKeySequence]:
    """`own` first, then the platform's keys for `standard` that are free."""
    chosen = [QtGui.QKeySequence(own)]
    if standard is not None:
        for key in QtGui.QKeySequence.keyBindings(standard):
            if key.toString() not in _TAKEN and key not in chosen:
                chosen.append(key)
    return chosen


def back_keys() -> list[QtGui.QKeySequence]:
    return keys(BACK, _Key.Back)


def forward_keys() -> list[QtGui.QKeySequence]:
    return keys(FORWARD, _Key.Forward)


def full_screen_keys() -> list[QtGui.QKeySequence]:
    """The platform's full-screen keys, F11 among them on Linux and Windows."""
    standard = QtGui.QKeySequence.keyBindings(_Key.FullScreen)
    return standard or [QtGui.QKeySequence(FULL_SCREEN)]


def help_keys() -> list[QtGui.QKeySequence]:
    return QtGui.QKeySequence.keyBindings(_Key.HelpContents) or [QtGui.QKeySequence(HELP)]
