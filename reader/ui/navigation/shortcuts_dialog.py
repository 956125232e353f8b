"""Help ▸ Keyboard Shortcuts (F1): every key the window answers to, grouped by menu, with a
filter; made from the actions themselves each time it opens (shortcut_list.py)."""

from __future__ import annotations

from reader.ui.navigation.shortcut_list import shortcuts
from reader.ui.qt import QtCore, QtWidgets

SIZE = QtCore.QSize(560, 620)


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.filter = QtWidgets.QLineEdit(self)
        self.filter.setPlaceholderText("Filter by name or key")
        self.filter.setClearButtonEnabled(True)
        self.tree = QtWidgets.QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        groups: dict[str, QtWidgets.QTreeWidgetItem] = {}
        for shortcut in shortcuts(window):
            group = groups.get(shortcut.group)
            if group is None:
                group = groups[shortcut.group] = QtWidgets.QTreeWidgetItem(
                    self.tree, [shortcut.group]
                )
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(QtCore.Qt.ItemIsEnabled)
            QtWidgets.QTreeWidgetItem(group, [shortcut.name, shortcut.keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.filter.textChanged.connect(self._filter)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(close)
        self.resize(SIZE)

    def listed(self) -> list[tuple[str, str, str]]:
        """(group, name, keys) of every row not filtered out."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for r in range(group.childCount()):
                row = group.child(r)
                if not row.isHidden():
                    rows.append((group.text(0), row.text(0), row.text(1)))
        return rows

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            any_shown = False
            for r in range(group.childCount()):
                row = group.child(r)
                shown = (
                    not wanted
                    or any(wanted in row.text(c).casefold() for c in (0, 1))
                    or wanted in group.text(0).casefold()
                )
                row.setHidden(not shown)
                any_shown |= shown
            group.setHidden(not any_shown)
