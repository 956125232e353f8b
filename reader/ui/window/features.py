"""What the window gains once its first page is painted: the document's session, word
lookup, annotations, the vocabulary, word corrections, the pinyin switch, the marks of the
words the reader does not know, the script menu, find, preferences, navigation, word
statuses and the library, wired to each other here and nowhere else.

The features never reach into each other: each is given the session keeper, the view shown
and what else it needs; where one feature's action concerns another (a click on a highlight
is not a lookup click; the context menu holds the word corrections), the link is made here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.language.tools import LanguageTools
from reader.ui.annotations.controller import PANEL_LEAST_WIDTH, PANEL_WIDTH, AnnotationController
from reader.ui.annotations.panel_showing import PanelShowing
from reader.ui.corrections.controller import WordCorrectionsController
from reader.ui.coverage.controller import CoverageController
from reader.ui.coverage.menu import CoverageMenu
from reader.ui.coverage.word_statuses import HeldWordStatuses
from reader.ui.find.controller import FindController
from reader.ui.frequency.menu import FrequencyMenu
from reader.ui.library.controller import LibraryController
from reader.ui.lookup.controller import WordLookupController
from reader.ui.marks.controller import StatusMarksController
from reader.ui.navigation.controller import NavigationController
from reader.ui.pinyin.switch import PinyinSwitch
from reader.ui.preferences.controller import PreferencesController
from reader.ui.qt import QtWidgets
from reader.ui.script.choice import ScriptChoice
from reader.ui.script.display import ScriptDisplay
from reader.ui.script.menu import ScriptMenu
from reader.ui.search.controller import SearchController
from reader.ui.search.opening import HitOpener
from reader.ui.session.current import CurrentSession
from reader.ui.session.language import shared_language_tools
from reader.ui.tasks import TaskRunner
from reader.ui.views.reading_view import ReadingView
from reader.ui.views.text_surface import TextSurface
from reader.ui.vocabulary.controller import PANEL_LEAST_WIDTH as VOCABULARY_LEAST_WIDTH
from reader.ui.vocabulary.controller import PANEL_WIDTH as VOCABULARY_WIDTH
from reader.ui.vocabulary.controller import VocabularyController
from reader.ui.window.menus import WindowMenus
from reader.ui.window.panel_room import PanelRoom
from reader.ui.window.section_tree import SectionTree
from reader.ui.words.controller import WordsController


@dataclass(frozen=True)
class Features:
    session: CurrentSession
    annotations: AnnotationController
    word_lookup: WordLookupController
    word_corrections: WordCorrectionsController
    pinyin: PinyinSwitch
    status_marks: StatusMarksController
    script_menu: ScriptMenu
    navigation: NavigationController
    preferences: PreferencesController
    find: FindController
    words: WordsController
    vocabulary: VocabularyController
    coverage: CoverageMenu | None
    library: LibraryController
    search: SearchController

    def shutdown(self) -> None:
        """Workers stopped and waited for, before the window and its views go away."""
        self.library.shutdown()
        self.word_lookup.shutdown()
        self.words.shutdown()
        self.search.shutdown()


def make_features(
    window: WindowMenus,
    reading_view: ReadingView,
    view_menu: QtWidgets.QMenu,
    shown_view: Callable[[], TextSurface],
    panels: PanelRoom,
    data_dir: Path | str | None,
    runner: TaskRunner | None,
    tools: LanguageTools | None,
    script: ScriptChoice,
) -> Features:
    """`runner`: where background work runs (tests give a synchronous one); `tools`: the
    language tools (else the process's shared ones); `script`: the script the text is shown in."""
    session = CurrentSession(tools or shared_language_tools(), runner or TaskRunner(window), window)
    session.set_visible_range(lambda: shown_view().visible_range())
    annotations = AnnotationController(window, session.annotations, data_dir)
    # The annotations panel is shown when there is something in it, or when asked for,
    # and gives way to the text before the section tree does.
    panels.manage(annotations.dock, PANEL_LEAST_WIDTH, PANEL_WIDTH)
    showing = PanelShowing(
        session.annotations, lambda wanted: panels.set_wanted(annotations.dock, wanted), window
    )
    panels.reader_chose.connect(
        lambda dock, shown: showing.reader_chose(shown) if dock is annotations.dock else None
    )
    # Saved words: written through the annotations' store; the panel closes for room
    # before the annotations' does, and is shown when the reader last had it shown.
    vocabulary = VocabularyController(
        window,
        window,
        session,
        annotations.writable_store,
        lambda path, at: window.open_path(path, at=at),
        lambda offset: word_lookup.show_word_at(offset),
    )
    vocabulary.add_menu_entries(window.file_menu, window.quit_action, view_menu)
    panels.manage(vocabulary.dock, VOCABULARY_LEAST_WIDTH, VOCABULARY_WIDTH)
    panels.set_wanted(vocabulary.dock, vocabulary.wanted)
    panels.reader_chose.connect(
        lambda dock, shown: vocabulary.reader_chose(shown) if dock is vocabulary.dock else None
    )
    word_lookup = WordLookupController(window, view_menu, session, shown_view)
    vocabulary.serve_popup(word_lookup.popup, word_lookup.popup.add_button, word_lookup.word_shown)
    word_lookup.serve(reading_view)
    word_lookup.leave_clicks_to(annotations.highlight_at)
    word_corrections = WordCorrectionsController(
        session,
        shown_view,
        lambda text, details: window.show_message(QtWidgets.QMessageBox.Warning, text, details),
        annotations.data_dir,
        window,
    )
    annotations.add_context_menu_entries(word_corrections.add_entries)
    pinyin = PinyinSwitch(
        window, reading_view, word_lookup, view_menu, session.annotations, session
    )
    annotations.watch(pinyin.view)
    # The column keeps its measure in whichever view is shown, switched to or resized.
    panels.measure_by(pinyin.view, pinyin.view.measure_changed)
    pinyin.stack.currentChanged.connect(lambda _: panels.fit())
    pinyin.stack.currentChanged.connect(annotations.keep_editor_in_view)
    status_marks = StatusMarksController(
        view_menu, pinyin.menu.menuAction(), session, reading_view, pinyin.view
    )
    script_menu = ScriptMenu(view_menu, script)
    ScriptDisplay(script, reading_view, pinyin.view, session, shown_view)
    # Find's bar and list go under the views' stack; its marks follow the view shown.
    find = FindController(
        window,
        window.edit_menu,
        window.select_all_action,
        session,
        shown_view,
        (reading_view, pinyin.view),
    )
    pinyin.stack.currentChanged.connect(lambda _: find.view_switched())
    preferences = PreferencesController(
        window, window.edit_menu, view_menu, reading_view, pinyin, word_lookup, annotations.painter
    )
    preferences.offer_script(script_menu.actions)
    preferences.offer_marks(status_marks.action)
    navigation = make_navigation(window, reading_view, shown_view, panels, pinyin)
    session.changed.connect(navigation.show_session)
    # Connected after the jumps themselves: heard once the view has moved.
    navigation.jumps.follow(annotations.panel.jump_requested)
    find.jumped.connect(navigation.jumps.jumped_from)
    words = WordsController(
        window,
        window.words_menu,
        session,
        annotations.data_dir,
        annotations.writable_store,
        annotations.undo_stack,
        word_lookup.popup,
        shown_view,
    )
    annotations.add_context_menu_entries(words.keys.add_entries)
    navigation.jumps.follow(vocabulary.panel.jump_requested)
    words.holder.changed.connect(lambda _words: vocabulary.statuses_changed())
    # The marks and the pinyin of the words the reader does not know follow the statuses.
    status_marks.set_status(words.holder.status)
    words.holder.changed.connect(status_marks.statuses_changed)
    coverage = make_coverage(window, session, words)
    library = LibraryController(
        window,
        window.file_menu,
        window.recent_menu.menuAction(),
        session,
        annotations.data_dir,
        annotations.writable_store,
        lambda path: window.open_path(path),
        shown_view,
    )
    library.follow(reading_view.top_offset_changed, coverage)
    # Search Library: after Find in the Edit menu; a hit opens in this window, a jump.
    opener = HitOpener(
        lambda: window.reader_document,
        lambda path, at: window.open_path(path, at=at),
        shown_view,
        navigation.jumps.jumped_from,
    )
    search = SearchController(
        window,
        window.edit_menu,
        find.previous_action,
        annotations.data_dir,
        session.runner,
        opener.open,
    )
    frequency = make_frequency(window, session, annotations.data_dir)
    # A word of the frequency list: its concordance in Search Library (its document's, or
    # the library's; a section's list asks for the whole document's).
    frequency.concordance_requested.connect(
        lambda word, scope: search.show_concordance_in(word, scope.path)
    )
    return Features(
        session,
        annotations,
        word_lookup,
        word_corrections,
        pinyin,
        status_marks,
        script_menu,
        navigation,
        preferences,
        find,
        words,
        vocabulary,
        coverage,
        library,
        search,
    )


def make_coverage(
    window: WindowMenus, session: CurrentSession, words: WordsController
) -> CoverageMenu | None:
    """The sections' share known in the tree, and Words ▸ Text Difficulty and Words to
    Learn, weighed again whenever the statuses change."""
    tree = window.findChild(SectionTree)
    if tree is None:
        return None
    statuses = HeldWordStatuses(words.holder)
    tools = session.warm_up.tools
    coverage = CoverageController(window, session, tree.section_model(), statuses, tools, window)
    words.holder.changed.connect(lambda _words: coverage.refresh())
    return CoverageMenu(window.words_menu, coverage, tree.current_section, window)


def make_frequency(window: WindowMenus, session: CurrentSession, data_dir: Path) -> FrequencyMenu:
    """Words ▸ Word Frequency…, after the coverage's entries; the section being read is the
    section tree's current one."""
    tree = window.findChild(SectionTree)
    current = tree.current_section if tree is not None else lambda: None
    return FrequencyMenu(window.words_menu, session, data_dir, current, window.show_message, window)


def make_navigation(
    window: QtWidgets.QMainWindow,
    reading_view: ReadingView,
    shown_view: Callable[[], TextSurface],
    panels: PanelRoom,
    pinyin: PinyinSwitch,
) -> NavigationController:
    """The Go menu, full screen, the shortcut list and the progress, and the section tree's
    jumps remembered for Back (connected after the window's own, which makes them)."""
    assert isinstance(window, WindowMenus)
    navigation = NavigationController(
        window,
        (window.go_menu, window.view_menu, window.help_menu),
        shown_view,
        reading_view.top_offset_changed,  # the pinyin view's too, while it is shown
        panels,
    )
    navigation.watch(reading_view)
    navigation.watch(pinyin.view)
    tree = window.findChild(SectionTree)
    if tree is not None:
        navigation.jumps.follow(tree.section_chosen, runs=True)
    return navigation
