"""The menus and toolbars a reader sees at the first paint are those they keep: the
features attach after it, into the places their stand-ins held."""

from __future__ import annotations

from reader.ui.first_paint import after_first_paint
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.window.main_window import MainWindow


def _entries(menu: QtWidgets.QMenu) -> list[object]:
    """Each entry's text (a separator's too, "" if untitled), a submenu's with its entries."""
    return [
        (action.text(), _entries(action.menu())) if action.menu() is not None else action.text()
        for action in menu.actions()
    ]


def _shape(window: MainWindow) -> dict[str, object]:
    bar = window.menuBar()
    return {
        "menus": [(entry.text(), _entries(entry.menu())) for entry in bar.actions()],
        "toolbars": sorted(
            (toolbar.objectName(), toolbar.geometry().getRect(), toolbar.isVisible())
            for toolbar in window.findChildren(QtWidgets.QToolBar)
            if toolbar.objectName()
        ),
        "toolbar buttons": sorted(
            (toolbar.objectName(), [action.text() for action in toolbar.actions()])
            for toolbar in window.findChildren(QtWidgets.QToolBar)
            if toolbar.objectName()
        ),
        "page": window.reading_view.viewport().geometry().getRect(),
    }


def _all_actions(menu: QtWidgets.QMenu) -> list[QtGui.QAction]:
    actions = []
    for action in menu.actions():
        actions.append(action)
        if action.menu() is not None:
            actions.extend(_all_actions(action.menu()))
    return actions


def test_the_first_paint_shows_the_menus_and_toolbars_the_window_keeps(
    qtbot, make_window, seed_path
):
    window = make_window(show=False)
    window.open_path(seed_path)
    at_first_paint: list[dict[str, object]] = []
    attached: list[bool] = []
    window.when_features_attached(lambda: attached.append(True))

    def painted() -> None:
        assert not attached, "the features attached before the first paint"
        at_first_paint.append(_shape(window))
        entries = [a for m in window.menuBar().actions() for a in _all_actions(m.menu())]
        waiting = [a.text() for a in entries if not a.isSeparator() and not a.isEnabled()]
        assert "&Export Annotations…" in waiting and "&Pinyin" not in waiting
        assert "Look Up Word at &Caret" in waiting and "&Copy" not in waiting

    after_first_paint(window.reading_view.viewport(), painted, window)
    window.show()
    qtbot.waitUntil(lambda: bool(attached))

    assert at_first_paint == [_shape(window)]
    export = window.annotations.menus.export_action
    assert export in window.file_menu.actions() and export.isEnabled()
