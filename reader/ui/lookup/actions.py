"""The View ▸ Word Lookup menu and the lookup toolbar: on or off, the keyboard's walk and the
pop-up's delay; and the tone colours and pinyin style the pop-up and the pinyin view share,
which View ▸ Pinyin lists (reader.ui.pinyin.switch). Each is checked as the settings say."""

from __future__ import annotations

from reader.language.pinyin import PinyinStyle
from reader.ui.lookup.settings import DELAYS_MS, LookupSettings
from reader.ui.qt import QtGui, QtWidgets
from reader.ui.views.tone_colours import ToneColours

TOGGLE_SHORTCUT = "Ctrl+Shift+L"
CARET_SHORTCUT = "Ctrl+L"
NEXT_SHORTCUT = "Alt+Right"
PREVIOUS_SHORTCUT = "Alt+Left"
_STYLE_LABELS = {
    PinyinStyle.MARKS: "Tone &Marks (hànzì)",
    PinyinStyle.NUMBERS: "Tone &Numbers (han4 zi4)",
    PinyinStyle.ZHUYIN: "&Zhuyin (ㄏㄢˋ ㄗˋ)",
}


class LookupActions:
    """The actions, made in `view_menu` and a toolbar of `window`; connected by the caller."""

    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        view_menu: QtWidgets.QMenu,
        settings: LookupSettings,
    ) -> None:
        menu = view_menu.addMenu("Word &Lookup")
        self.toggle_action = menu.addAction("Word &Lookup")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setChecked(settings.enabled)
        self.toggle_action.setShortcut(QtGui.QKeySequence(TOGGLE_SHORTCUT))
        self.toggle_action.setToolTip(
            f"Show a word's reading and meaning under the mouse ({TOGGLE_SHORTCUT})"
        )
        menu.addSeparator()
        self.caret_action = menu.addAction("Look Up Word at &Caret")
        self.caret_action.setShortcut(QtGui.QKeySequence(CARET_SHORTCUT))
        self.next_action = menu.addAction("&Next Word")
        self.next_action.setShortcut(QtGui.QKeySequence(NEXT_SHORTCUT))
        self.previous_action = menu.addAction("&Previous Word")
        self.previous_action.setShortcut(QtGui.QKeySequence(PREVIOUS_SHORTCUT))
        menu.addSeparator()
        self.spoken_action = menu.addAction("Tones as &Spoken")
        self.spoken_action.setCheckable(True)
        self.spoken_action.setChecked(settings.spoken_tones)
        self.spoken_action.setToolTip("The pop-up's reading as said aloud: 一, 不, third tones")
        self.colour_actions: dict[ToneColours, QtGui.QAction] = {
            scheme: _radio(window, scheme.label, scheme is settings.tone_colours)
            for scheme in ToneColours
        }
        _group(window, self.colour_actions.values())
        self.style_actions: dict[PinyinStyle, QtGui.QAction] = {
            style: _radio(window, _STYLE_LABELS[style], style is settings.pinyin_style)
            for style in PinyinStyle
        }
        _group(window, self.style_actions.values())
        menu.addSection("Pop-up Delay")
        current = settings.delay_ms
        self.delay_actions: dict[int, QtGui.QAction] = {
            delay: _radio(window, "None" if delay == 0 else f"{delay} ms", delay == current)
            for delay in sorted({*DELAYS_MS, current})
        }
        menu.addActions(list(self.delay_actions.values()))
        _group(window, self.delay_actions.values())

        self.toolbar = window.addToolBar("Lookup")
        self.toolbar.setObjectName("lookup-toolbar")
        self.toolbar.addAction(self.toggle_action)


def _radio(parent: QtWidgets.QWidget, label: str, checked: bool) -> QtGui.QAction:
    action = QtGui.QAction(label, parent)
    action.setCheckable(True)
    action.setChecked(checked)
    return action


def _group(parent: QtWidgets.QWidget, actions: object) -> None:
    group = QtGui.QActionGroup(parent)
    for action in actions:
        group.addAction(action)
