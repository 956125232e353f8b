"""The Preferences dialog: Reading, Theme, Word Lookup, Pinyin View and Script pages, each change
applied at once and remembered; Restore Defaults puts back the defaults of the page shown.

The lookup's and pinyin's choices are those of their View-menu actions: the dialog's boxes
trigger the actions and follow them (reader.ui.preferences.action_choice), so the menus and
the dialog always show the same value. Made when the reader first opens it, never at start.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.pinyin import PinyinStyle
from reader.language.script import Script
from reader.ui.lookup.controller import WordLookupController
from reader.ui.lookup.settings import DEFAULT_DELAY_MS
from reader.ui.pinyin.settings import PinyinChoice, PinyinMode
from reader.ui.pinyin.switch import PinyinSwitch
from reader.ui.preferences.action_choice import ActionChoice
from reader.ui.preferences.reading_page import ReadingPage
from reader.ui.preferences.settings import DEFAULT_THEME, ThemeChoice
from reader.ui.preferences.theme import system_scheme
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.page_style import Page
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.tone_colours import ToneColours

_THEME_NOTES = {
    ThemeChoice.SYSTEM: "Light or dark, as the system is set (now {now}).",
    ThemeChoice.LIGHT: "Dark ink on white paper.",
    ThemeChoice.SEPIA: "Dark brown ink on cream paper: softer in lamplight.",
    ThemeChoice.DARK: "Light ink on a dark page, and a dark window around it.",
}


class PreferencesDialog(QtWidgets.QDialog):
    """Modeless: the reader sees each change on the page behind it."""

    def __init__(
        self,
        theme_actions: dict[ThemeChoice, QtGui.QAction],
        set_page: Callable[[Page], None],
        lookup: WordLookupController,
        pinyin: PinyinSwitch,
        script_actions: dict[Script, QtGui.QAction],
        parent: QtWidgets.QWidget,
        marks_action: QtGui.QAction | None = None,
    ) -> None:
        """`theme_actions`: View ▸ Theme's; `set_page`: applies and remembers a page;
        `script_actions`: View ▸ Script's; `marks_action`: View ▸ Mark New and Learning
        Words."""
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._theme_actions = theme_actions
        self._lookup = lookup
        self._pinyin = pinyin
        self._script_actions = script_actions
        self.tabs = QtWidgets.QTabWidget()
        self.reading_page = ReadingPage(set_page)
        self.marks_box = _action_box("&Mark new and learning words in the text", marks_action)
        self.reading_page.layout().addRow("", self.marks_box)
        self._defaults: list[Callable[[], None]] = []
        """Each page's Restore Defaults, in the order of the tabs."""
        for page, title, defaults in (
            (self.reading_page, "&Reading", self._reading_defaults),
            (self._theme_page(), "&Theme", self._theme_actions[DEFAULT_THEME].trigger),
            (self._lookup_page(), "Word &Lookup", self._lookup_defaults),
            (self._pinyin_page(), "&Pinyin View", self._pinyin_defaults),
            (self._script_page(), "&Script", lambda: self.script_box.choose(Script.AS_WRITTEN)),
        ):
            self.tabs.addTab(page, title)
            self._defaults.append(defaults)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.RestoreDefaults | QtWidgets.QDialogButtonBox.Close
        )
        self.restore_button = buttons.button(QtWidgets.QDialogButtonBox.RestoreDefaults)
        self.restore_button.setToolTip("Put back the defaults of the page shown")
        self.restore_button.clicked.connect(self.restore_defaults)
        self.close_button = buttons.button(QtWidgets.QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _theme_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        self.theme_buttons: dict[ThemeChoice, QtWidgets.QRadioButton] = {}
        now = "dark" if system_scheme() == QtCore.Qt.ColorScheme.Dark else "light"
        for choice, action in self._theme_actions.items():
            button = QtWidgets.QRadioButton(f"&{choice.label}")
            button.setChecked(action.isChecked())
            button.clicked.connect(action.trigger)
            action.toggled.connect(button.setChecked)
            note = QtWidgets.QLabel(_THEME_NOTES[choice].format(now=now))
            note.setTextFormat(QtCore.Qt.PlainText)
            note.setContentsMargins(24, 0, 0, 6)
            note.setEnabled(False)
            layout.addWidget(button)
            layout.addWidget(note)
            self.theme_buttons[choice] = button
        hint = QtWidgets.QLabel("View ▸ Theme switches it quickly.")
        hint.setTextFormat(QtCore.Qt.PlainText)
        layout.addSpacing(8)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _lookup_page(self) -> QtWidgets.QWidget:
        lookup = self._lookup
        page = QtWidgets.QWidget()
        self.delay_box = ActionChoice(lookup.delay_actions)
        self.tone_box = ActionChoice(lookup.colour_actions)
        self.style_box = ActionChoice(lookup.style_actions)
        form = QtWidgets.QFormLayout(page)
        form.addRow("Pop-up &delay:", self.delay_box)
        form.addRow("&Tone colours:", self.tone_box)
        form.addRow("Pinyin &written as:", self.style_box)
        spoken = lookup.spoken_action
        self.spoken_box = QtWidgets.QCheckBox(
            "Tones as &spoken in the pop-up (一, 不, third tones)"
        )
        self.spoken_box.setChecked(spoken.isChecked())
        self.spoken_box.toggled.connect(spoken.setChecked)
        spoken.toggled.connect(self.spoken_box.setChecked)
        form.addRow("", self.spoken_box)
        note = QtWidgets.QLabel(
            "The tone colours and the way pinyin is written are the pop-up's and the "
            "pinyin view's alike."
        )
        note.setTextFormat(QtCore.Qt.PlainText)
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _pinyin_page(self) -> QtWidgets.QWidget:
        switch = self._pinyin
        page = QtWidgets.QWidget()
        modes: dict[object, object] = {PinyinMode.OFF: switch.off_action}
        modes[PinyinMode.ALL] = switch.all_action
        modes.update(switch.level_actions)
        self.words_box = ActionChoice(modes)
        self.size_box = ActionChoice(switch.size_actions, {s: s.label for s in RubySize})
        self.unknown_box = _action_box(
            "&Only over words I do not know (new and learning)", switch.unknown_action
        )
        form = QtWidgets.QFormLayout(page)
        form.addRow("Pinyin &over:", self.words_box)
        form.addRow("", self.unknown_box)
        form.addRow("Pinyin &size:", self.size_box)
        note = QtWidgets.QLabel(
            "Words of HSK 1 to the level chosen get no pinyin, nor, if asked, the words "
            "you marked known or ignored."
        )
        note.setWordWrap(True)
        note.setTextFormat(QtCore.Qt.PlainText)
        form.addRow(note)
        return page

    def _script_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        self.script_box = ActionChoice(self._script_actions)
        form = QtWidgets.QFormLayout(page)
        form.addRow("Show the &text:", self.script_box)
        note = QtWidgets.QLabel(
            "For display only: highlights, notes, lookups and find work on the text as "
            "written. Where a conversion would change the text's length, the original "
            "characters are kept."
        )
        note.setTextFormat(QtCore.Qt.PlainText)
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def restore_defaults(self) -> None:
        """The defaults of the page shown (the others keep what the reader chose)."""
        self._defaults[self.tabs.currentIndex()]()

    def _reading_defaults(self) -> None:
        self.reading_page.restore_defaults()
        self.marks_box.setChecked(False)

    def _lookup_defaults(self) -> None:
        self.delay_box.choose(DEFAULT_DELAY_MS)
        self.tone_box.choose(ToneColours.PLECO)
        self.style_box.choose(PinyinStyle.MARKS)
        self.spoken_box.setChecked(False)

    def _pinyin_defaults(self) -> None:
        default = PinyinChoice()
        self.words_box.choose(
            default.level if default.mode is PinyinMode.ABOVE_LEVEL else default.mode
        )
        self.size_box.choose(default.size)
        self.unknown_box.setChecked(default.unknown_only)


def _action_box(label: str, action: QtGui.QAction | None) -> QtWidgets.QCheckBox:
    """A check box that follows a checkable action and sets it (hidden without one)."""
    box = QtWidgets.QCheckBox(label)
    if action is None:
        box.hide()
        return box
    box.setChecked(action.isChecked())
    box.toggled.connect(action.setChecked)
    action.toggled.connect(box.setChecked)
    return box
