"""A combo box that offers the same choice as a group of checkable menu actions, and stays in
step with them both ways: choosing in the box triggers the action (so the feature's own
handler applies and saves it, as from the menu), and an action checked anywhere (the menu,
a shortcut, Restore Defaults) shows in the box."""

from __future__ import annotations

from collections.abc import Mapping

from reader.ui.qt import QtGui, QtWidgets


def plain_label(action: QtGui.QAction) -> str:
    """The action's text without its mnemonic ("Tone &Marks" is "Tone Marks")."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


class ActionChoice(QtWidgets.QComboBox):
    """One item per action, in the mapping's order; the checked one is current."""

    def __init__(
        self,
        actions: Mapping[object, QtGui.QAction],
        labels: Mapping[object, str] | None = None,
    ) -> None:
        """`labels`: the items' texts where the actions' own would say too much."""
        super().__init__()
        self._actions = list(actions.values())
        self._keys = list(actions)
        for key, action in actions.items():
            self.addItem((labels or {}).get(key) or plain_label(action))
            action.toggled.connect(self._follow)
        self._follow()
        self.activated.connect(self._choose)

    def key(self) -> object:
        """The key of the action chosen."""
        return self._keys[self.currentIndex()]

    def choose(self, key: object) -> None:
        """Choose as the reader would: the action is triggered."""
        self.setCurrentIndex(self._keys.index(key))
        self._choose(self.currentIndex())

    def _choose(self, index: int) -> None:
        action = self._actions[index]
        if not action.isChecked():
            action.trigger()

    def _follow(self) -> None:
        checked = [i for i, action in enumerate(self._actions) if action.isChecked()]
        if checked and checked[0] != self.currentIndex():
            self.setCurrentIndex(checked[0])
