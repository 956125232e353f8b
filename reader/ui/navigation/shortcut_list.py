"""Every key the window answers to, read from where the keys are set, so the list never goes
stale: the actions of each menu (submenus under their menu's name), the window's other
actions, the caret keys both views read (caret_keys.KEYS), the mouse buttons the
navigation reads (keys.MOUSE_BUTTONS), and the few keys handled by hand, named here.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from reader.ui.navigation.keys import LEAVE_FULL_SCREEN, MOUSE_BUTTONS
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.caret_keys import KEYS

OTHER_ACTIONS = "Other"
READING_KEYS = "Reading (caret keys, in both views)"
BY_HAND = "Other keys"
MOUSE = "Mouse"
_NATIVE = QtGui.QKeySequence.SequenceFormat.NativeText

_HAND_KEYS = (
    ("Hide the word pop-up", QtGui.QKeySequence(QtCore.Qt.Key_Escape)),
    ("Leave full screen", QtGui.QKeySequence(LEAVE_FULL_SCREEN)),
    ("Note editor: save the note", QtGui.QKeySequence("Ctrl+Return")),
    ("Note editor: cancel", QtGui.QKeySequence(QtCore.Qt.Key_Escape)),
    ("Find bar: next match", QtGui.QKeySequence(QtCore.Qt.Key_Return)),
    ("Find bar: previous match", QtGui.QKeySequence("Shift+Return")),
    ("Find bar: close it, the caret left at the match", QtGui.QKeySequence(QtCore.Qt.Key_Escape)),
)
"""Keys that are not actions: the pop-up's Esc (lookup/hover.py), full screen's Esc
(full_screen.py), the note editor's own (annotations/note_editor.py) and the find bar's
(find/bar.py)."""
_MOUSE_CLICKS = (
    ("Pin the word pop-up (then select and copy from it)", "Ctrl+click"),
    ("Place the caret", "Click"),
)
"""Clicks over the text that are not buttons of their own: lookup/hover.py reads them."""
_COMMAND = "\u2318-" if sys.platform == "darwin" else "Ctrl+"


@dataclass(frozen=True)
class Shortcut:
    group: str
    name: str
    keys: str


def action_name(action: QtGui.QAction) -> str:
    """The action's text as read, without the menu's & marks (a doubled && is an &)."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def key_text(keys: list[QtGui.QKeySequence]) -> str:
    return ", ".join(key.toString(_NATIVE) for key in keys if not key.isEmpty())


def _owner_name(owner: QtCore.QObject) -> str:
    """What the reader calls the widget an action outside the menus works in: its title,
    else its accessible name, else its object name ("word-popup": "Word popup")."""
    if isinstance(owner, QtWidgets.QWidget):
        name = owner.windowTitle() or owner.accessibleName()
        if name:
            return name
    return owner.objectName().replace("-", " ").capitalize() or OTHER_ACTIONS


def shortcuts(window: QtWidgets.QMainWindow) -> list[Shortcut]:
    """The menus' entries in menu order, then the other keys, each group together."""
    found: list[Shortcut] = []
    seen: set[int] = set()

    def walk(menu: QtWidgets.QMenu, group: str, prefix: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), group, f"{prefix}{action_name(action)} \u25b8 ")
            elif not action.isSeparator() and action.shortcuts():
                seen.add(id(action))
                found.append(
                    Shortcut(group, prefix + action_name(action), key_text(action.shortcuts()))
                )

    for entry in window.menuBar().actions():
        if entry.menu() is not None:
            walk(entry.menu(), action_name(entry), "")
    for action in window.findChildren(QtGui.QAction):
        # Only an action added to a widget has a shortcut in effect.
        live = bool(action.associatedObjects())
        if id(action) not in seen and live and action.shortcuts() and action.text():
            seen.add(id(action))
            group = _owner_name(action.associatedObjects()[0])
            found.append(Shortcut(group, action_name(action), key_text(action.shortcuts())))
    for key, move, extend in KEYS:
        verb = "Select to" if extend else "Move to"
        keys = QtGui.QKeySequence.keyBindings(key)
        if keys:
            found.append(Shortcut(READING_KEYS, f"{verb} {move.value}", key_text(keys)))
    for name, key in _HAND_KEYS:
        found.append(Shortcut(BY_HAND, name, key_text([key])))
    for button, way in MOUSE_BUTTONS.items():
        name = "Back button" if button == QtCore.Qt.BackButton else "Forward button"
        found.append(Shortcut(MOUSE, f"Go {way} (over the text)", name))
    for name, click in _MOUSE_CLICKS:
        found.append(Shortcut(MOUSE, name, click.replace("Ctrl+", _COMMAND)))
    return found
