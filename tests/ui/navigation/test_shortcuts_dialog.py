"""Help ▸ Keyboard Shortcuts lists every action that has a shortcut, so it never goes stale."""

from __future__ import annotations

from reader.ui.navigation.shortcut_list import (
    BY_HAND,
    MOUSE,
    READING_KEYS,
    action_name,
    key_text,
)
from reader.ui.qt import QtCore, QtGui


def test_f1_lists_every_action_with_a_shortcut(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    dialog = window.navigation.show_shortcuts()
    listed = dialog.listed()
    names = {(name.split(" \u25b8 ")[-1], keys) for _, name, keys in listed}
    # Every action whose shortcut is in effect: one added to a widget (a stand-in taken
    # out of its menu waits for deletion, and answers to no key).
    with_keys = [
        a
        for a in window.findChildren(QtGui.QAction)
        if a.shortcuts() and a.text() and a.associatedObjects()
    ]
    assert len(with_keys) > 30
    for action in with_keys:
        assert (action_name(action), key_text(action.shortcuts())) in names, action.text()
    groups = [group for group, _, _ in listed]
    assert groups.index("File") < groups.index("Go") < groups.index(READING_KEYS)
    assert any(row[:2] == ("Go", "Back") and row[2].startswith("Ctrl+[") for row in listed)
    assert ("Edit", "Highlight \u25b8 1 Yellow — vocabulary", "Ctrl+1") in listed
    # The keys the find bar and the pop-up read themselves, and the pinning click.
    assert (BY_HAND, "Find bar: previous match", "Shift+Return") in listed
    assert any(row[0] == MOUSE and row[2] == "Ctrl+click" for row in listed)
    dialog.reject()


def test_the_f1_key_opens_the_list_and_its_filter_narrows_it(qtbot, make_window, seed_path):
    window = make_window(seed_path, active=True)
    qtbot.keyClick(window.reading_view, QtCore.Qt.Key_F1)
    from reader.ui.navigation.shortcuts_dialog import ShortcutsDialog

    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)
    dialog = window.findChild(ShortcutsDialog)
    everything = dialog.listed()
    dialog.filter.setText("section")
    narrowed = dialog.listed()
    assert 0 < len(narrowed) < len(everything)
    assert {name for _, name, _ in narrowed} >= {"Next Section", "Previous Section", "Sections"}
    dialog.filter.setText("ctrl+g")
    assert [name for _, name, _ in dialog.listed()] == ["Go To…"], dialog.listed()
    dialog.reject()


def test_no_two_actions_of_the_window_share_a_key(qtbot, make_window, seed_path):
    """Two actions on one key would both fail (Qt calls it ambiguous): a feature merged
    later with a key already taken shows here (the pop-up's Copy works in the pop-up only)."""
    window = make_window(seed_path)
    owners: dict[str, str] = {}
    for action in window.findChildren(QtGui.QAction):
        if not action.associatedObjects() or action.shortcutContext() != QtCore.Qt.WindowShortcut:
            continue
        for key in action.shortcuts():
            assert owners.setdefault(key.toString(), action.text()) == action.text(), key.toString()
    assert owners["Ctrl+G"] == "&Go To…"
    assert "Backspace" not in owners and "Alt+Left" in owners
