"""The word pop-up: a small frameless window of Reader's own beside the word looked up.

It shows a `WordLookup` (reader.language.lookup): the word large, its reading in context
coloured by tone, its other script, its HSK level, the first senses (all of them on
request) and, for a word of several characters, each character's reading and meaning;
for a word CC-CEDICT lacks, the dictionary words it is made of, each with its reading here.
It never takes the keyboard focus from the text. Pinned, its text can be selected and
copied. All from the dictionary is escaped for the rich-text labels. Senses read CC-CEDICT's
markup (sense_html): a word a sense refers to is a link to that word, here, with a way back.
"""

from __future__ import annotations

import html
import sys

from reader.language.dictionary import Entry
from reader.language.lookup import PartLookup, WordLookup, entry_pinyin
from reader.language.pinyin import PinyinStyle, format_syllable
from reader.language.sense_markup import entry_senses, piece_text, sense_text
from reader.ui.fonts import sans_font
from reader.ui.lookup.popup_colours import muted, restyle
from reader.ui.lookup.reading_html import pinyin_html, written_html
from reader.ui.lookup.sense_html import character_senses, entry_html, reference_of, sense_html
from reader.ui.lookup.wrapped_label import WrappedLabel
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.tone_colours import ToneColours

FOLDED_ENTRIES = 2
FOLDED_SENSES = 3
"""Senses shown per entry until the reader asks for more."""
CHARACTER_SENSES = 2
PART_ENTRIES = 1
"""Entries shown per part of a word CC-CEDICT lacks until the reader asks for more."""
WORD_POINT_SIZE = 26.0
TEXT_POINT_SIZE = 10.5
WIDTH_EMS = 24
"""The pop-up's widest, in characters of its text: long senses wrap."""
GAP = 4
"""Pixels between the word and the pop-up."""
_PIN_CLICK = "⌘-click" if sys.platform == "darwin" else "Ctrl+click"
UNPINNED_HINT = f"{_PIN_CLICK} the word to pin this pop-up."
PINNED_HINT = "Pinned. Esc or a click elsewhere closes it."
"""The footer: how to pin, which a plain click does not (it places the caret)."""


class WordPopup(QtWidgets.QFrame):
    """One word's pop-up; the lookup controller fills it, places it and hides it."""

    pin_changed = QtCore.Signal(bool)
    reference_activated = QtCore.Signal(object)
    """A word a sense refers to was clicked: its `Reference`, to be looked up and shown
    with `show_reference`."""
    lookup_shown = QtCore.Signal(object)
    """The pop-up now shows this WordLookup (hovered, a reference followed, Back)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, QtCore.Qt.ToolTip | QtCore.Qt.FramelessWindowHint)
        self.setAttribute(QtCore.Qt.WA_ShowWithoutActivating)
        self.setFocusPolicy(QtCore.Qt.NoFocus)
        self.setObjectName("word-popup")
        restyle(self)
        self.setFont(sans_font(TEXT_POINT_SIZE))
        self._lookup: WordLookup | None = None
        self._style = PinyinStyle.MARKS
        self._spoken = False
        self._colours = ToneColours.PLECO
        self._unfolded = False
        self._pinned = False
        self._history: list[WordLookup] = []
        """The words shown before the one shown now, when references were followed."""

        self.word_label = self._label(QtCore.Qt.PlainText)
        self.word_label.setFont(sans_font(WORD_POINT_SIZE))
        self.forms_label = self._label(QtCore.Qt.PlainText)
        self.forms_label.setObjectName("muted")
        self.level_label = self._label(QtCore.Qt.PlainText)
        self.level_label.setObjectName("muted")
        self.pinyin_label = self._label(QtCore.Qt.RichText)
        self.pinyin_label.setFont(sans_font(TEXT_POINT_SIZE * 1.5))
        self.senses_label = self._label(QtCore.Qt.RichText, WrappedLabel())
        self.characters_label = self._label(QtCore.Qt.RichText, WrappedLabel())
        for label in (self.senses_label, self.characters_label):
            label.setTextInteractionFlags(QtCore.Qt.LinksAccessibleByMouse)
            label.linkActivated.connect(self._follow)
        self.footer_label = self._label(QtCore.Qt.PlainText)
        self.footer_label.setObjectName("muted")

        self.back_button = QtWidgets.QToolButton()
        self.back_button.setText("Back")
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back)
        self.more_button = QtWidgets.QToolButton()
        self.more_button.setText("More senses")
        self.more_button.setAutoRaise(True)
        self.more_button.clicked.connect(self.toggle_more)
        self.copy_button = QtWidgets.QToolButton()
        self.copy_button.setText("Copy")
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self.copy)
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setText("Close")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        for button in (self.back_button, self.more_button, self.copy_button, self.close_button):
            button.setFocusPolicy(QtCore.Qt.NoFocus)

        head = QtWidgets.QHBoxLayout()
        head.addWidget(self.word_label, 0, QtCore.Qt.AlignBottom)
        side = QtWidgets.QVBoxLayout()
        side.setSpacing(0)
        side.addWidget(self.pinyin_label)
        side.addWidget(self.forms_label)
        head.addLayout(side, 1)
        head.addWidget(self.level_label, 0, QtCore.Qt.AlignTop | QtCore.Qt.AlignRight)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        self._buttons = buttons
        rule = QtWidgets.QFrame()
        rule.setFrameShape(QtWidgets.QFrame.HLine)
        rule.setObjectName("rule")
        self._rule = rule
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.senses_label)
        layout.addWidget(rule)
        layout.addWidget(self.characters_label)
        layout.addLayout(buttons)
        layout.addWidget(self.footer_label)
        layout.setSizeConstraint(QtWidgets.QLayout.SetFixedSize)
        em = QtGui.QFontMetrics(self.font()).horizontalAdvance("中")
        for label in (self.senses_label, self.characters_label):
            label.setFixedWidth(WIDTH_EMS * em)

        self.copy_action = QtGui.QAction("Copy", self)
        self.copy_action.setShortcut(QtGui.QKeySequence.Copy)
        self.copy_action.setShortcutContext(QtCore.Qt.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy)
        self.addAction(self.copy_action)
        self._show_buttons()

    def _label(
        self, text_format: QtCore.Qt.TextFormat, label: QtWidgets.QLabel | None = None
    ) -> QtWidgets.QLabel:
        label = label if label is not None else QtWidgets.QLabel()
        label.setTextFormat(text_format)
        label.setFocusPolicy(QtCore.Qt.NoFocus)
        return label

    @property
    def lookup(self) -> WordLookup | None:
        return self._lookup

    @property
    def pinned(self) -> bool:
        return self._pinned

    def set_lookup(
        self,
        lookup: WordLookup,
        style: PinyinStyle = PinyinStyle.MARKS,
        colours: ToneColours = ToneColours.PLECO,
        spoken: bool = False,
    ) -> None:
        """Show `lookup`, folded: the first few senses; `spoken`: its reading with the tones
        said aloud (the dictionary's readings stay as written)."""
        self._history.clear()
        self._style = style
        self._colours = colours
        self._spoken = spoken
        self._show_lookup(lookup)

    def show_reference(self, lookup: WordLookup) -> None:
        """Show the word a sense referred to, pinned, the word shown before kept for Back."""
        if self._lookup is not None:
            self._history.append(self._lookup)
        self._show_lookup(lookup)
        self.set_pinned(True)
        self._refit()

    def back(self) -> None:
        """The word shown before the last reference was followed."""
        if self._history:
            self._show_lookup(self._history.pop())
            self._refit()

    def _show_lookup(self, lookup: WordLookup) -> None:
        self._lookup = lookup
        self._unfolded = False
        self._fill()
        self.lookup_shown.emit(lookup)

    def add_row(self, row: QtWidgets.QWidget) -> None:
        """Another feature's row about the word (its status), above the buttons."""
        self.layout().insertWidget(self.layout().count() - 2, row)

    def toggle_more(self) -> None:
        self._unfolded = not self._unfolded
        self._fill()
        self._refit()

    def set_pinned(self, pinned: bool) -> None:
        """Pinned, the pop-up stays when the mouse leaves its word and its text can be copied."""
        if pinned == self._pinned:
            return
        self._pinned = pinned
        flags = (
            QtCore.Qt.TextSelectableByMouse | QtCore.Qt.TextSelectableByKeyboard
            if pinned
            else QtCore.Qt.NoTextInteraction
        )
        for label in self._labels():
            links = label in (self.senses_label, self.characters_label)
            label.setTextInteractionFlags(
                flags | QtCore.Qt.LinksAccessibleByMouse if links else flags
            )
        self._show_buttons()
        self.pin_changed.emit(pinned)

    def dismiss(self) -> None:
        self.set_pinned(False)
        self._history.clear()
        self.hide()

    def copy(self) -> None:
        """The selected text of a label if there is one, else everything the pop-up says."""
        selected = next(
            (label.selectedText() for label in self._labels() if label.hasSelectedText()), ""
        )
        QtGui.QGuiApplication.clipboard().setText(selected or self.plain_text())

    def plain_text(self) -> str:
        """What the pop-up says, as lines of plain text."""
        lookup = self._lookup
        if lookup is None:
            return ""
        head = [lookup.word, lookup.pinyin(self._style, self._spoken)]
        forms = self._forms()
        if forms:
            head.append(forms)
        lines = ["  ".join(head)]
        if lookup.hsk is not None:
            lines.append(lookup.hsk.label())
        for entry in lookup.entries:
            lines.append(self._entry_heading(entry))
            lines.extend(self._sense_lines(entry, "  "))
        for part in lookup.parts:
            lines.append(_part_heading(part, self._style))
            for entry in part.entries:
                lines.append("  " + self._entry_heading(entry))
                lines.extend(self._sense_lines(entry, "    "))
        if self._shows_characters():
            for character in lookup.characters:
                reading = (
                    format_syllable(character.syllable, self._style) if character.syllable else ""
                )
                senses = character_senses(character, limit=None)
                meaning = "; ".join(sense_text(sense, self._style) for sense in senses)
                lines.append(f"{character.char} {reading}  {meaning}".rstrip())
        return "\n".join(lines)

    def show_beside(self, word_rect: QtCore.QRect) -> None:
        """Show below the word (`word_rect` in global coordinates), or above it if there is
        no room below, always inside the screen's available area."""
        self.adjustSize()
        size = self.sizeHint().expandedTo(self.minimumSizeHint())
        screen = QtGui.QGuiApplication.screenAt(word_rect.center()) or self.screen()
        area = screen.availableGeometry()
        x = min(word_rect.left(), area.right() + 1 - size.width())
        y = word_rect.bottom() + 1 + GAP
        if y + size.height() > area.bottom() + 1:
            y = word_rect.top() - GAP - size.height()
        x = max(x, area.left())
        y = max(min(y, area.bottom() + 1 - size.height()), area.top())
        self.move(x, y)
        self.show()

    def _refit(self) -> None:
        """Fit the pop-up to what it shows now, where it stands, inside the screen."""
        if not self.isVisible():
            return
        self.adjustSize()
        area = self.screen().availableGeometry()
        x = max(min(self.x(), area.right() + 1 - self.width()), area.left())
        y = max(min(self.y(), area.bottom() + 1 - self.height()), area.top())
        self.move(x, y)

    def _follow(self, href: str) -> None:
        reference = reference_of(href)
        if reference is not None:
            self.reference_activated.emit(reference)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def add_button(self, button: QtWidgets.QToolButton) -> None:
        """A feature's button after More senses (the vocabulary's Save)."""
        button.setAutoRaise(True)
        button.setFocusPolicy(QtCore.Qt.NoFocus)
        self._buttons.insertWidget(2, button)

    def _labels(self) -> list[QtWidgets.QLabel]:
        return [
            self.word_label,
            self.forms_label,
            self.level_label,
            self.pinyin_label,
            self.senses_label,
            self.characters_label,
        ]

    def _show_buttons(self) -> None:
        _show(self.back_button, bool(self._history))
        _show(self.copy_button, self._pinned)
        _show(self.close_button, self._pinned)
        _show(self.more_button, self._has_more())
        self.more_button.setText("Fewer senses" if self._unfolded else "More senses")
        self.footer_label.setText(PINNED_HINT if self._pinned else UNPINNED_HINT)

    def _has_more(self) -> bool:
        lookup = self._lookup
        if lookup is None:
            return False
        return _folds(lookup.entries, FOLDED_ENTRIES) or any(
            _folds(part.entries, PART_ENTRIES) for part in lookup.parts
        )

    def _shows_characters(self) -> bool:
        lookup = self._lookup
        if lookup is None or lookup.parts:
            return False  # a word's parts stand for its characters
        return len(lookup.characters) > 1 or not lookup.entries

    def _forms(self) -> str:
        lookup = self._lookup
        if lookup is None:
            return ""
        forms = []
        if lookup.traditional != lookup.word:
            forms.append(f"Traditional {lookup.traditional}")
        if lookup.simplified != lookup.word:
            forms.append(f"Simplified {lookup.simplified}")
        return "  ".join(forms)

    def _entry_heading(self, entry: Entry) -> str:
        heading = entry_pinyin(entry, self._style)
        lookup = self._lookup
        # Within the word's forms: a part's entry (網絡 in 網絡安全) adds nothing either.
        if lookup is not None and not (
            entry.traditional in lookup.word or entry.traditional in lookup.traditional
        ):
            heading += f" ({entry.traditional})"
        return heading

    def _sense_lines(self, entry: Entry, indent: str) -> list[str]:
        """The entry's meanings numbered, then its measure words, as plain text."""
        senses = entry_senses(entry.senses)
        lines = [
            f"{indent}{n}. {sense_text(sense, self._style)}"
            for n, sense in enumerate(senses.meanings, 1)
        ]
        lines.extend(f"{indent}{piece_text(m, self._style)}" for m in senses.measure_words)
        return lines

    def _fill(self) -> None:
        lookup = self._lookup
        if lookup is None:
            return
        # Showing a label in a visible pop-up would lay it all out at once, before the rest
        # is set; laid out once instead, when it is placed or the event loop next runs.
        restyle(self)  # the theme may have changed since the last word
        layout = self.layout()
        layout.setEnabled(False)
        try:
            self._fill_labels(lookup)
        finally:
            layout.setEnabled(True)

    def _fill_labels(self, lookup: WordLookup) -> None:
        self.word_label.setText(lookup.word)
        self.pinyin_label.setText(
            written_html(lookup.written(self._style, self._spoken), self._colours)
        )
        forms = self._forms()
        self.forms_label.setText(forms)
        _show(self.forms_label, bool(forms))
        level = lookup.hsk.label() if lookup.hsk is not None else ""
        self.level_label.setText(level)
        _show(self.level_label, bool(level))
        self.senses_label.setText(self._senses_html())
        shows_characters = self._shows_characters()
        self.characters_label.setText(self._characters_html() if shows_characters else "")
        _show(self.characters_label, shows_characters)
        _show(self._rule, shows_characters)
        self._show_buttons()

    def _senses_html(self) -> str:
        lookup = self._lookup
        assert lookup is not None
        if not lookup.entries and lookup.parts:
            return self._parts_html(lookup.parts)
        if not lookup.entries:
            return f'<span style="color:{muted()}">Not in the dictionary as a word.</span>'
        return self._entries_html(lookup.entries, shown=lookup.pinyin(self._style))

    def _parts_html(self, parts: tuple[PartLookup, ...]) -> str:
        """Each dictionary word of a word CC-CEDICT lacks: a heading with its reading here
        and its level, then its senses as a word's own are shown."""
        grey = muted()
        blocks = [f'<span style="color:{grey}">Not in the dictionary as a word; made of:</span>']
        for part in parts:
            reading = pinyin_html(part.syllables, self._style, self._colours)
            level = (
                f"&nbsp; <span style='color:{grey}'>{part.hsk.label()}</span>" if part.hsk else ""
            )
            blocks.append(f"<big>{html.escape(part.word)}</big> {reading}{level}")
            shown = part.pinyin(self._style)
            if part.entries:
                blocks.append(self._entries_html(part.entries, PART_ENTRIES, shown))
        return "".join(
            f"<p style='margin-top:{6 if number else 0}px; margin-bottom:0'>{block}</p>"
            if not block.startswith("<p")
            else block
            for number, block in enumerate(blocks)
        )

    def _entries_html(
        self, all_entries: tuple[Entry, ...], folded: int = FOLDED_ENTRIES, shown: str = ""
    ) -> str:
        """`shown`: the reading above; a lone entry of that reading needs no heading."""
        entries = all_entries if self._unfolded else all_entries[:folded]
        limit = None if self._unfolded else FOLDED_SENSES
        headings = [self._entry_heading(entry) for entry in entries]
        if len(all_entries) == 1 and _bare(headings[0]) == _bare(shown):
            headings = [""]
        blocks = [
            entry_html(heading, entry.senses, self._style, limit)
            for heading, entry in zip(headings, entries, strict=True)
        ]
        hidden_entries = len(all_entries) - len(entries)
        if hidden_entries:
            more = "reading" if hidden_entries == 1 else "readings"
            blocks.append(f'<span style="color:{muted()}">… {hidden_entries} more {more}</span>')
        return "".join(
            f"<p style='margin-top:{6 if number else 0}px; margin-bottom:0'>{block}</p>"
            for number, block in enumerate(blocks)
        )

    def _characters_html(self) -> str:
        lookup = self._lookup
        assert lookup is not None
        rows = []
        for character in lookup.characters:
            reading = (
                pinyin_html((character.syllable,), self._style, self._colours)
                if character.syllable
                else ""
            )
            senses = character_senses(character, CHARACTER_SENSES)
            meaning = (
                "; ".join(sense_html(sense, self._style) for sense in senses) if senses else "—"
            )
            rows.append(f"<big>{html.escape(character.char)}</big> {reading}&nbsp; {meaning}")
        return "<br>".join(rows)


def _part_heading(part: PartLookup, style: PinyinStyle) -> str:
    """A part's line in the pop-up's plain text: "网络 wǎngluò  HSK 4"."""
    heading = f"{part.word} {part.pinyin(style)}"
    return f"{heading}  {part.hsk.label()}" if part.hsk is not None else heading


def _bare(reading: str) -> str:  # Xí Jìnpíng is xíjìnpíng
    return reading.replace(" ", "").replace("'", "").lower()


def _folds(entries: tuple[Entry, ...], shown: int) -> bool:
    """Whether folding hides some of `entries` or of the meanings of those shown."""
    return len(entries) > shown or any(
        len(entry_senses(e.senses).meanings) > FOLDED_SENSES for e in entries[:shown]
    )


def _show(widget: QtWidgets.QWidget, shown: bool) -> None:
    """Show or hide `widget` only if that changes it: each change lays the pop-up out again,
    and a hover must fill it within milliseconds."""
    if widget.isHidden() == shown:
        widget.setVisible(shown)
