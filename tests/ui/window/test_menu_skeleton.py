"""The menus and toolbars a reader sees at the first paint are those they keep: the
features attach after it, into the places their stand-ins held."""

from __future__ import annotations

from pathlib import Path

from reader.language.pinyin import PinyinStyle
from reader.language.script import Script
from reader.ui.first_paint import after_first_paint
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.tone_colours import ToneColours
from reader.ui.window.main_window import MainWindow


def _entries(menu: QtWidgets.QMenu) -> list[object]:
    """Each entry's text (a separator's too, "" if untitled), shortcut and check, a submenu's
    with its entries."""
    return [
        (action.text(), _entries(action.menu()))
        if action.menu() is not None
        else (action.text(), action.shortcut().toString(), action.isChecked())
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
            (
                toolbar.objectName(),
                [(action.text(), action.isChecked()) for action in toolbar.actions()],
            )
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


def _first_paint_and_attached(
    qtbot, make_window, path: Path
) -> tuple[dict[str, object], dict[str, object]]:
    """The window's shape as its first paint ends, and once its features are attached."""
    window = make_window(show=False)
    window.open_path(path)
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
    export = window.annotations.menus.export_action
    assert export in window.file_menu.actions() and export.isEnabled()
    assert len(at_first_paint) == 1
    return at_first_paint[0], _shape(window)


def test_the_first_paint_shows_the_menus_and_toolbars_the_window_keeps(
    qtbot, make_window, seed_path
):
    first, attached = _first_paint_and_attached(qtbot, make_window, seed_path)

    assert first == attached


def test_the_menus_at_the_first_paint_are_checked_as_the_reader_chose(
    qtbot, make_window, seed_path
):
    before = make_window(seed_path)
    before.annotations.menus.toolbar.toggleViewAction().trigger()
    before.word_lookup.set_enabled(False)
    before.word_lookup.set_delay(450)
    before.word_lookup.set_tone_colours(ToneColours.MDBG)
    before.word_lookup.set_pinyin_style(PinyinStyle.ZHUYIN)
    before.pinyin.set_size(RubySize.LARGE)
    before.script_choice.set_script(Script.TRADITIONAL)
    before.close()  # its settings saved, as at a quit

    first, attached = _first_paint_and_attached(qtbot, make_window, seed_path)

    assert first == attached
    toolbars = {name: shown for name, _, shown in first["toolbars"]}
    assert toolbars == {"highlight-toolbar": False, "lookup-toolbar": True}
    view = dict(first["menus"])["&View"]
    lookup = dict(entry for entry in view if isinstance(entry[1], list))["Word &Lookup"]
    assert ("Word &Lookup", "Ctrl+Shift+L", False) in lookup
    assert ("450 ms", "", True) in lookup
    script = dict(entry for entry in view if isinstance(entry[1], list))["Sc&ript"]
    assert ("&Traditional", "", True) in script and ("As &Written", "", False) in script
