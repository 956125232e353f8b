"""View ▸ Script: the quick switch between the text as written, in simplified and in
traditional characters, kept in step with the choice however it is made (the preferences
set the same ScriptChoice)."""

from __future__ import annotations

from reader.language.script import Script
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.script.choice import ScriptChoice

LABELS = {
    Script.AS_WRITTEN: "As &Written",
    Script.SIMPLIFIED: "&Simplified",
    Script.TRADITIONAL: "&Traditional",
}
MENU_TITLE = "Sc&ript"


class ScriptMenu:
    """The submenu's radio actions, one per Script."""

    def __init__(self, view_menu: QtWidgets.QMenu, choice: ScriptChoice) -> None:
        self.menu = view_menu.addMenu(MENU_TITLE)
        self._choice = choice
        group = QtGui.QActionGroup(self.menu)
        self.actions: dict[Script, QtGui.QAction] = {}
        for script, label in LABELS.items():
            action = self.menu.addAction(label)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, s=script: choice.set_script(s))
            self.actions[script] = action
        choice.changed.connect(self._check)
        self._check(choice.script())

    def _check(self, script: Script) -> None:
        for each, action in self.actions.items():
            action.setChecked(each is script)
