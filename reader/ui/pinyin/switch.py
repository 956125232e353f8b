"""Pinyin above the characters, switched from View ▸ Pinyin: the window's central widget is a
stack of the reading view and the pinyin view, and switching keeps the line at the top.

View ▸ Pinyin holds every choice about pinyin, one level deep: above which words it stands
(all, those above an HSK level, and either of them for the words the reader does not know),
its size there, its tone colours and how it is written (the last two shared with the word
pop-up, whose actions they are)."""

from __future__ import annotations

from dataclasses import replace

from reader.store import AnnotationSet
from reader.ui.lookup.controller import WordLookupController
from reader.ui.pinyin.highlights import PinyinViewHighlights
from reader.ui.pinyin.settings import (
    HSK_LEVELS,
    UNKNOWN_ONLY,
    PinyinChoice,
    PinyinMode,
    PinyinSettings,
    level_label,
)
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.session.current import CurrentSession
from reader.ui.session.document_session import DocumentSession
from reader.ui.views.pinyin_fonts import RubySize
from reader.ui.views.pinyin_view import PinyinView
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.text_surface import TextSurface
from reader.ui.views.tone_colours import ToneColours


class PinyinSwitch(QtCore.QObject):
    """The menu, the stack and the remembered choice; the window shows one view at a time."""

    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        reading_view: ReadingView,
        lookup: WordLookupController,
        view_menu: QtWidgets.QMenu,
        annotations: AnnotationSet,
        current: CurrentSession,
    ) -> None:
        super().__init__(window)
        self._reading_view = reading_view
        self._lookup = lookup
        self._settings = PinyinSettings()
        self._choice = self._settings.load()

        self.view = PinyinView()
        self.view.set_zoom(reading_view.zoom())
        reading_view.zoom_changed.connect(self.view.set_zoom)
        # Whoever follows the reading position (the section tree, the saved place) hears the
        # pinyin view's through the reading view's signal, while it is the view shown (a
        # hidden pinyin view given a new document is at its top, not the reader); a scroll
        # of the hidden reading view (a jump to a highlight) moves the pinyin view along.
        self.view.top_offset_changed.connect(self._pinyin_view_scrolled)
        reading_view.verticalScrollBar().valueChanged.connect(self._follow_reading_view)
        self.view.zoom_requested.connect(
            lambda steps: reading_view.set_zoom(reading_view.zoom() + steps)
        )
        current.changed.connect(self._show_session)
        for action in lookup.colour_actions.values():
            action.triggered.connect(lambda: self._apply(self._choice))
        for style, action in lookup.style_actions.items():
            action.triggered.connect(lambda _=False, s=style: self.view.set_pinyin_style(s))
            if action.isChecked():
                self.view.set_pinyin_style(style)
        self.highlights = PinyinViewHighlights(self.view, annotations)
        lookup.serve(self.view)
        self.stack = QtWidgets.QStackedWidget()
        central = window.takeCentralWidget()
        self.stack.addWidget(central if central is not None else reading_view)
        self.stack.addWidget(self.view)
        window.setCentralWidget(self.stack)

        self._make_actions(view_menu)
        self._apply(self._choice, switch=True)

    def _make_actions(self, view_menu: QtWidgets.QMenu) -> None:
        self.menu = view_menu.addMenu("&Pinyin")
        self.menu.addSection("Above the Characters")
        group = QtGui.QActionGroup(self.menu)
        self.off_action = self._radio(self.menu, group, "&Off")
        self.off_action.triggered.connect(lambda: self.set_mode(PinyinMode.OFF))
        self.all_action = self._radio(self.menu, group, "&All Words")
        self.all_action.triggered.connect(lambda: self.set_mode(PinyinMode.ALL))
        self.level_actions: dict[int, QtGui.QAction] = {}
        for level in HSK_LEVELS:
            label = f"Words Above HSK &{level_label(level)}"
            action = self._radio(self.menu, group, label)
            action.triggered.connect(lambda _=False, n=level: self.set_level(n))
            self.level_actions[level] = action
        self.menu.addSeparator()
        self.unknown_action = self.menu.addAction(UNKNOWN_ONLY)
        self.unknown_action.setCheckable(True)
        self.unknown_action.setToolTip(
            "Pinyin above the new and learning words only, not above those known or ignored"
        )
        self.unknown_action.toggled.connect(self.set_unknown_only)
        self.menu.addSection("Size")
        sizes = QtGui.QActionGroup(self.menu)
        self.size_actions: dict[RubySize, QtGui.QAction] = {}
        for size in RubySize:
            action = self._radio(self.menu, sizes, f"{size.label} Pinyin")
            action.triggered.connect(lambda _=False, s=size: self.set_size(s))
            self.size_actions[size] = action
        self.menu.addSection("Tone Colours")
        self.menu.addActions(list(self._lookup.colour_actions.values()))
        self.menu.addSection("Written As")
        self.menu.addActions(list(self._lookup.style_actions.values()))

    @staticmethod
    def _radio(menu: QtWidgets.QMenu, group: QtGui.QActionGroup, label: str) -> QtGui.QAction:
        action = menu.addAction(label)
        action.setCheckable(True)
        group.addAction(action)
        return action

    @property
    def choice(self) -> PinyinChoice:
        return self._choice

    @property
    def showing_pinyin(self) -> bool:
        return self.stack.currentWidget() is self.view

    def shown_view(self) -> TextSurface:
        return self.view if self.showing_pinyin else self._reading_view

    def set_mode(self, mode: PinyinMode) -> None:
        self._apply(replace(self._choice, mode=mode))

    def set_level(self, level: int) -> None:
        self._apply(replace(self._choice, mode=PinyinMode.ABOVE_LEVEL, level=level))

    def set_size(self, size: RubySize) -> None:
        self._apply(replace(self._choice, size=size))

    def set_unknown_only(self, unknown_only: bool) -> None:
        """Pinyin over the words the reader does not know only (or over all the mode's); asked
        for while pinyin is off, it comes on, over all such words."""
        if unknown_only == self._choice.unknown_only:
            return
        mode = self._choice.mode
        if unknown_only and mode is PinyinMode.OFF:
            mode = PinyinMode.ALL
        self._apply(replace(self._choice, mode=mode, unknown_only=unknown_only))

    def _apply(self, choice: PinyinChoice, switch: bool = False) -> None:
        self._choice = choice
        self._settings.save(choice)
        self._check(choice)
        scheme = self._lookup.colour_actions
        colours = next((s for s, a in scheme.items() if a.isChecked()), ToneColours.PLECO)
        self.view.set_tone_colours(colours)
        self.view.set_ruby_size(choice.size)
        self.view.set_pinyin_words(choice.hidden_level, choice.unknown_only)
        wanted = self._reading_view if choice.mode is PinyinMode.OFF else self.view
        if wanted is not self.stack.currentWidget() or switch:
            self._show(wanted)

    def _check(self, choice: PinyinChoice) -> None:
        self.off_action.setChecked(choice.mode is PinyinMode.OFF)
        self.all_action.setChecked(choice.mode is PinyinMode.ALL)
        for level, action in self.level_actions.items():
            action.setChecked(choice.mode is PinyinMode.ABOVE_LEVEL and level == choice.level)
        for size, action in self.size_actions.items():
            action.setChecked(size is choice.size)
        self.unknown_action.setChecked(choice.unknown_only)

    def _show(self, view: QtWidgets.QWidget) -> None:
        """Show `view` with the line that was at the top of the other one at its top."""
        has_document = self._reading_view.reader_document is not None
        offset = self.top_offset() if has_document else 0
        self._lookup.hide_popup()
        self.stack.setCurrentWidget(view)
        if has_document:
            self.scroll_to_offset(offset)
        view.setFocus()

    def top_offset(self) -> int:
        """The offset at the top of the view shown."""
        if self.showing_pinyin:
            return self.view.top_offset()
        return self._reading_view.top_offset()

    def scroll_to_offset(self, offset: int) -> None:
        self.shown_view().scroll_to_offset(offset)

    def _pinyin_view_scrolled(self, offset: int) -> None:
        if self.showing_pinyin:
            self._reading_view.top_offset_changed.emit(offset)

    def _follow_reading_view(self) -> None:
        if self.showing_pinyin and self._reading_view.reader_document is not None:
            self.view.scroll_to_offset(self._reading_view.top_offset())

    def _show_session(self, session: DocumentSession) -> None:
        """A new document's session: shown with its readings."""
        self._lookup.hide_popup()
        self.view.set_reader_document(session.document)
        self.view.set_readings_source(session.readings)
        session.readings.changed.connect(self.view.readings_changed)
        session.readings.failed.connect(self.view.readings_failed)
