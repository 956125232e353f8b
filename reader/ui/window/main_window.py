"""The main window: the section tree beside the reading view, menus, and what it remembers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document import Document, DocumentError, Section, open_document, source_text
from reader.document.encoding import replacements_message
from reader.document.progress import place_label
from reader.ui.app_icon import app_icon
from reader.ui.busy_cursor import busy_cursor
from reader.ui.first_paint import after_first_paint
from reader.ui.pinyin.settings import PinyinMode, PinyinSettings
from reader.ui.plain_text import make_plain, plain_label, shortened, tooltip
from reader.ui.preferences.startup import apply_saved_preferences
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.script.choice import ScriptChoice
from reader.ui.settings import DocumentChoices, Settings, resolved_path
from reader.ui.views.page_style import theme
from reader.ui.views.reading_view import ReadingView
from reader.ui.window.file_formats import MARKUP_SUFFIXES, OPEN_FILTERS
from reader.ui.window.menu_skeleton import MenuSkeleton
from reader.ui.window.menus import WindowMenus, encoding_label
from reader.ui.window.panel_room import PanelRoom
from reader.ui.window.reading_place import ReadingPlace
from reader.ui.window.section_tree import SectionTree

if TYPE_CHECKING:
    from reader.language.tools import LanguageTools
    from reader.ui.annotations.controller import AnnotationController
    from reader.ui.corrections.controller import WordCorrectionsController
    from reader.ui.find.controller import FindController
    from reader.ui.lookup.controller import WordLookupController
    from reader.ui.marks.controller import StatusMarksController
    from reader.ui.navigation.controller import NavigationController
    from reader.ui.pinyin.switch import PinyinSwitch
    from reader.ui.preferences.controller import PreferencesController
    from reader.ui.session.current import CurrentSession
    from reader.ui.session.document_session import DocumentSession
    from reader.ui.tasks import TaskRunner
    from reader.ui.views.text_surface import TextSurface
    from reader.ui.window.about import AboutDialog
    from reader.ui.window.features import Features
    from reader.ui.window.heading_pattern_dialog import HeadingPatternDialog

APP_NAME = "Reader"
DEFAULT_SIZE = QtCore.QSize(1200, 800)
SECTIONS_WIDTH, SECTIONS_LEAST_WIDTH = 300, 160


class MainWindow(WindowMenus):
    """One document at a time; a file that cannot be opened leaves the current one shown."""

    document_shown = QtCore.Signal(object)
    features_attached = QtCore.Signal()
    """Annotations, word lookup, corrections and pinyin are in place (see _attach_features)."""

    def __init__(
        self,
        settings: Settings | None = None,
        data_dir: Path | str | None = None,
        runner: TaskRunner | None = None,
        tools: LanguageTools | None = None,
    ) -> None:
        """`data_dir`: the folder of the annotation store (else READER_DATA_DIR, else the
        platform's data folder, as for `reader notes`). `runner`: where background work
        runs (tests give a synchronous one); `tools`: the language tools (else the
        process's shared ones)."""
        super().__init__()
        self._runner = runner
        self._tools = tools
        self._settings = settings or Settings()
        self._document: Document | None = None
        self._choices = DocumentChoices()
        self._steering = False
        self.script_choice = ScriptChoice(self._settings, self)
        """The script the text is shown in (View ▸ Script, the preferences)."""
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        apply_saved_preferences()  # the theme and page, before the first view is made

        self.reading_view = ReadingView(self)
        self.setCentralWidget(self.reading_view)

        self.section_tree = SectionTree()
        self.section_tree.section_model().set_shown(self.script_choice.shown_label)
        self.script_choice.changed.connect(self._script_changed)
        self.sections_dock = QtWidgets.QDockWidget("Sections", self)
        self.sections_dock.setObjectName("sections-dock")
        self.sections_dock.setWidget(self.section_tree)
        self.sections_dock.setFeatures(
            QtWidgets.QDockWidget.DockWidgetClosable | QtWidgets.QDockWidget.DockWidgetMovable
        )
        self.addDockWidget(QtCore.Qt.LeftDockWidgetArea, self.sections_dock)
        self.resizeDocks([self.sections_dock], [SECTIONS_WIDTH], QtCore.Qt.Horizontal)

        self.section_label = plain_label()
        self.replacements_label = plain_label()
        self.replacements_label.setStyleSheet(f"color: {theme().accent_ink};")
        self.replacements_label.hide()
        self.encoding_label = plain_label()
        self.count_label = plain_label()
        self.statusBar().addWidget(self.section_label, 1)
        # Permanent widgets, so menu status tips never hide them.
        self.statusBar().addPermanentWidget(self.replacements_label)
        self.statusBar().addPermanentWidget(self.encoding_label)
        self.statusBar().addPermanentWidget(self.count_label)

        self._make_menus()
        self._data_dir = data_dir
        self._features: Features | None = None
        pinyin = PinyinSettings().load()
        self._skeleton = MenuSkeleton(self, pinyin, self.script_choice.script())
        self.section_tree.section_chosen.connect(self.go_to_section)
        self.reading_view.top_offset_changed.connect(self._follow_view)
        self.reading_place = ReadingPlace(self._settings, self.shown_view, self)
        self.reading_view.top_offset_changed.connect(self.reading_place.moved)
        self.reading_view.zoom_changed.connect(self._zoom_changed)
        self._restore()
        self.panels = PanelRoom(self, self.reading_view)
        self.panels.manage(self.sections_dock, SECTIONS_LEAST_WIDTH, SECTIONS_WIDTH)
        self.reading_view.setFocus()
        # The features' modules and widgets cost a quarter of a second: the page is painted
        # first, and they are attached as soon as it has been; but for a reader who reads
        # with pinyin, the first page painted is the pinyin view's, not a plain page that
        # it would replace a moment later.
        if pinyin.mode is PinyinMode.OFF:
            after_first_paint(self.reading_view.viewport(), self._attach_features, self)
        else:
            self._attach_features()

    # Features attached after the first paint

    def _attach_features(self) -> Features:
        """Session, annotations, word lookup, corrections and pinyin, made once: after the
        first paint, or on first use if that comes sooner."""
        if self._features is not None:
            return self._features
        # Docks and the central widget change places meanwhile: the page keeps its width.
        with self.reading_view.measure_kept():
            return self._attach_features_now()

    def _attach_features_now(self) -> Features:
        from reader.ui.window.features import make_features

        state = self.saveState()
        self._skeleton.clear()

        features = make_features(
            self,
            self.reading_view,
            self.view_menu,
            self.shown_view,
            self.panels,
            self._data_dir,
            self._runner,
            self._tools,
            self.script_choice,
        )
        self._features = features
        # The pinyin switch put the reading view in a new central widget: shown now, not
        # when the window gets round to it, so the view counts as visible at once.
        if self.isVisible():
            self.centralWidget().show()
        # The stand-ins' places, as saved or as moved since, go to the real ones.
        self.restoreState(state)
        self.document_shown.connect(features.session.open)
        if self._document is not None:
            # Shown before they were here: shown again, so they all hear of it.
            with busy_cursor():
                self.document_shown.emit(self._document)
        self.features_attached.emit()
        return features

    def when_features_attached(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the features are attached: now, if they are."""
        if self._features is not None:
            callback()
        else:
            self.features_attached.connect(callback)

    @property
    def session(self) -> DocumentSession | None:
        """The session of the document shown, once the features are attached."""
        return self._features.session.session if self._features is not None else None

    @property
    def current_session(self) -> CurrentSession:
        return self._attach_features().session

    @property
    def annotations(self) -> AnnotationController:
        return self._attach_features().annotations

    @property
    def word_lookup(self) -> WordLookupController:
        return self._attach_features().word_lookup

    @property
    def word_corrections(self) -> WordCorrectionsController:
        return self._attach_features().word_corrections

    @property
    def pinyin(self) -> PinyinSwitch:
        return self._attach_features().pinyin

    @property
    def navigation(self) -> NavigationController:
        return self._attach_features().navigation

    @property
    def preferences(self) -> PreferencesController:
        return self._attach_features().preferences

    @property
    def find(self) -> FindController:
        return self._attach_features().find

    @property
    def status_marks(self) -> StatusMarksController:
        return self._attach_features().status_marks

    def shown_view(self) -> TextSurface:
        """The reading view, or the pinyin view while it is chosen."""
        if self._features is None:
            return self.reading_view
        return self._features.pinyin.shown_view()

    # Menus

    # Documents

    @property
    def reader_document(self) -> Document | None:
        return self._document

    @property
    def settings(self) -> Settings:
        return self._settings

    def choose_file(self) -> QtWidgets.QFileDialog:
        """Ask for a file without blocking: the choice arrives through fileSelected."""
        from reader.ui.dialog_folders import Purpose, remembering, start_folder  # not at start

        folder = str(start_folder(self._settings, Purpose.OPEN))
        dialog = QtWidgets.QFileDialog(self, "Open Document", folder, OPEN_FILTERS)
        dialog.setFileMode(QtWidgets.QFileDialog.ExistingFile)
        dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptOpen)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.fileSelected.connect(remembering(self._settings, Purpose.OPEN))
        dialog.fileSelected.connect(self.open_path)
        dialog.open()
        return dialog

    def open_path(
        self,
        path: Path | str,
        encoding: str | None = None,
        heading_pattern: str | None = None,
        at: int | None = None,
    ) -> bool:
        """Open and show `path`; on failure tell the reader why and keep what was shown.

        The encoding and chapter pattern chosen for the file before are used, unless
        `encoding` or `heading_pattern` (from the command line) say otherwise. It is shown
        at offset `at`, else where the reader left it.
        """
        path = Path(path)
        remembered = self._settings.document_choices(resolved_path(path))
        choices = DocumentChoices(
            encoding or remembered.encoding, heading_pattern or remembered.heading_pattern
        )
        return self._open(path, choices, at=at)

    def reopen_with_encoding(self, encoding: str | None) -> bool:
        """Read the document again in `encoding`, or the one detected for None."""
        return self._reopen(DocumentChoices(encoding, self._choices.heading_pattern))

    def apply_heading_pattern(self, pattern: str | None) -> bool:
        """Read the document again with chapters where `pattern` finds them, or by the rules."""
        return self._reopen(DocumentChoices(self._choices.encoding, pattern))

    def _reopen(self, choices: DocumentChoices) -> bool:
        """Open the current document's file anew, keeping the reader's place as near as may be."""
        document = self._document
        if document is None or document.path is None:
            return False
        return self._open(document.path, choices, (document.text, self.pinyin.top_offset()))

    def _open(
        self,
        path: Path,
        choices: DocumentChoices,
        place: tuple[str, int] | None = None,
        at: int | None = None,
    ) -> bool:
        """`place`: the text shown and the offset at the top, to find again in the new text;
        `at`: the offset to show; with neither, the document is shown where it was left."""
        self._settings.unfinished_open = resolved_path(path)
        with busy_cursor():
            try:
                document = open_document(path, choices.encoding, choices.heading_pattern)
            except (DocumentError, ValueError) as error:
                self._settings.unfinished_open = None
                self.show_message(
                    QtWidgets.QMessageBox.Critical,
                    f"Reader could not open {path.name or path}.",
                    str(error),
                )
                return False
            if place is not None:
                from reader.store.anchoring import nearest_offset  # the store loads after paint

                at = nearest_offset(*place, document.text)
            at = self.reading_place.enter(document, at)
            self.show_document(document, choices)
            # Before the first paint: the page is painted at the place, the tree following.
            self.shown_view().scroll_to_offset(at)
            self._follow_view(self.shown_view().top_offset())
        self._finish_open_when_painted()
        if document.path is not None:
            self._settings.add_recent(document.path)
            self._settings.last_document = document.path
        self._settings.set_document_choices(resolved_path(path), choices)
        return True

    def _finish_open_when_painted(self) -> None:
        """The open is over once the document has been painted (or if the window is not
        shown, at once): from then on a crash is not the opening's doing."""
        viewport = self.shown_view().viewport()
        if not viewport.isVisible():
            self._settings.unfinished_open = None
            return
        after_first_paint(viewport, lambda: setattr(self._settings, "unfinished_open", None), self)

    def show_document(self, document: Document, choices: DocumentChoices | None = None) -> None:
        """Show `document`, read from its file with `choices` (nothing chosen if None)."""
        self._document = document
        self._choices = choices or DocumentChoices()
        self.section_tree.set_document(document)
        if not self.isVisible():
            # The views take their sizes before the window is shown, so the first page is
            # laid out at the width it is shown at, not once more on showing.
            self.layout().activate()
        self.reading_view.set_reader_document(
            document, self.script_choice.shown_text(document.text)
        )
        parts = [shortened(document.title)] if document.title else []
        if document.path is not None:
            parts.append(document.path.name)
        self.setWindowTitle(" — ".join([*parts, APP_NAME]))
        self.count_label.setText(f"{len(document.text):,} characters")
        encoding = encoding_label(document.encoding)
        self.encoding_label.setText(encoding)
        self.encoding_label.setToolTip(
            tooltip(
                f"{'Chosen' if self._choices.encoding else 'Detected'} encoding: {encoding}. "
                "File ▸ Reopen with Encoding reads the file in another."
            )
        )
        if document.replacements:
            self.replacements_label.setText(replacements_message(document.replacements, encoding))
        self.replacements_label.setVisible(bool(document.replacements))
        self.encoding_menu.setEnabled(document.path is not None)
        self.heading_pattern_action.setEnabled(
            document.path is not None and document.path.suffix.lower() not in MARKUP_SUFFIXES
        )
        self._show_current(document.root)
        self.document_shown.emit(document)

    def choose_heading_pattern(self) -> HeadingPatternDialog | None:
        """Ask for a chapter pattern without blocking; the choice is applied as it is made."""
        document = self._document
        if document is None or document.path is None:
            return None
        try:
            with busy_cursor():
                # The text as the file has it, decoded as the document was: the pattern is
                # searched in the file's lines, before Reader joins or trims them.
                text = source_text(document)
        except DocumentError as error:
            self.show_message(
                QtWidgets.QMessageBox.Critical,
                f"Reader could not read {document.path.name} again.",
                str(error),
            )
            return None
        from reader.ui.window.heading_pattern_dialog import HeadingPatternDialog

        dialog = HeadingPatternDialog(text, self._choices.heading_pattern, self)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.pattern_chosen.connect(self.apply_heading_pattern)
        dialog.open()
        return dialog

    # Navigation

    def go_to_section(self, section: Section) -> None:
        """Scroll the section's heading to the top; the tree already shows it as current."""
        self._steering = True
        try:
            self.pinyin.scroll_to_offset(section.start)
        finally:
            self._steering = False
        self._show_current(section)

    def _follow_view(self, offset: int) -> None:
        if self._steering or self._document is None:
            return
        section = self._document.section_at(offset)
        self.section_tree.show_section(section)
        self._show_current(section)

    def _show_current(self, section: Section) -> None:
        self.section_label.setText(
            place_label(section, self.script_choice.shown_label(shortened(section.heading)))
        )

    def _script_changed(self, _script: object) -> None:
        """The headings in the tree and the status bar in the script now chosen."""
        self.section_tree.section_model().set_shown(self.script_choice.shown_label)
        if self._document is not None:
            self._show_current(self._document.section_at(self.shown_view().top_offset()))

    # Messages

    def show_message(
        self, icon: QtWidgets.QMessageBox.Icon, text: str, details: str = ""
    ) -> QtWidgets.QMessageBox:
        """Every message goes through here, shown window-modal without blocking the caller."""
        box = QtWidgets.QMessageBox(icon, APP_NAME, text, QtWidgets.QMessageBox.Ok, self)
        if details:
            box.setInformativeText(details)
        make_plain(box)
        box.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        box.open()
        return box

    def show_about(self) -> AboutDialog:
        from reader.ui.window.about import show_about  # with the credits: not at start-up

        return show_about(self)

    # Drag and drop

    @staticmethod
    def _dropped_file(event: QtGui.QDropEvent | QtGui.QDragEnterEvent) -> Path | None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # Remembering

    def _restore(self) -> None:
        self.resize(DEFAULT_SIZE)
        geometry = self._settings.geometry
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self._settings.window_state
        if not state.isEmpty():
            self.restoreState(state)
        self.reading_view.set_zoom(self._settings.zoom)

    def _zoom_changed(self, zoom: int) -> None:
        self._settings.zoom = zoom

    def save_settings(self) -> None:
        self.reading_place.save()
        self._settings.geometry = self.saveGeometry()
        self._settings.window_state = self.saveState()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.save_settings()
        self._settings.unfinished_open = None  # closed by the reader, not stopped by the open
        if self._features is not None:
            self._features.shutdown()
        super().closeEvent(event)
