"""Highlights and notes in the window: the store, the painted page, the panel, the editor
and the undo stack. The actions and menus that drive them are AnnotationMenus'; export and
import are AnnotationExchange's.

The store is written first and the window follows: a change the store cannot take (a
read-only or full disk) is still shown, marked as not saved, and kept to be retried; it is
never silently dropped. The store lives in the data folder the CLI uses too, so
`reader notes` sees what the window wrote.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document import Document
from reader.store import (
    COLOURS,
    DEFAULT_NAMES,
    Annotation,
    DocumentRecord,
    OpenedDocument,
    Store,
    StoreError,
    edited,
    new_annotation,
    open_store,
    reattached,
    resolve_data_dir,
)
from reader.ui.annotations.colour_names_dialog import ColourNamesDialog
from reader.ui.annotations.commands import (
    AnnotationCommand,
    CreateAnnotation,
    DeleteAnnotation,
    EditAnnotation,
)
from reader.ui.annotations.exchange import AnnotationExchange
from reader.ui.annotations.menus import AnnotationMenus
from reader.ui.annotations.note_editor import NoteEditor
from reader.ui.annotations.panel import AnnotationsPanel, escaped, plain_html
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.reading_view_highlights import HighlightPainter
from reader.ui.views.text_surface import TextSurface

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

POSITION_SAVE_DELAY_MS = 1000
"""The reading position is written this long after scrolling stops (and on close)."""
STATUS_MS = 8000
PANEL_WIDTH = 380
NOT_SAVED_HINT = (
    "It stays in the window, marked as not saved; Retry Saving in the Annotations panel "
    "saves it once the store can be written."
)


class AnnotationController(QtCore.QObject):
    """Everything about annotations that the main window shows; one per window."""

    def __init__(self, window: MainWindow, data_dir: Path | str | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._view = window.reading_view
        self.data_dir = resolve_data_dir(data_dir)
        self._store: Store | None = None
        self._store_error: StoreError | None = None
        self._document: Document | None = None
        self._record: DocumentRecord | None = None
        self._annotations: dict[str, Annotation] = {}
        self._unsaved: list[AnnotationCommand] = []
        self._unsaved_error: StoreError | None = None
        self._told: set[str] = set()
        """Store problems already told when a document opened: each is told once."""
        self._draft: Annotation | None = None
        self._top = 0
        self._press: QtCore.QPoint | None = None
        self._clicked: tuple[str, QtCore.QPoint] | None = None

        self.painter = HighlightPainter(self._view)
        self.undo_stack = QtGui.QUndoStack(self)
        self.editor = NoteEditor(self._view)
        self.editor.saved.connect(self._note_saved)
        self.editor.cancelled.connect(self._note_cancelled)
        self.panel = AnnotationsPanel()
        self.dock = QtWidgets.QDockWidget("Annotations", window)
        self.dock.setObjectName("annotations-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QtWidgets.QDockWidget.DockWidgetClosable | QtWidgets.QDockWidget.DockWidgetMovable
        )
        window.addDockWidget(QtCore.Qt.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [PANEL_WIDTH], QtCore.Qt.Horizontal)
        self.panel.jump_requested.connect(self.go_to)
        self.panel.edit_requested.connect(self.edit_note)
        self.panel.delete_requested.connect(self.delete)
        self.panel.attach_requested.connect(self.attach_to_selection)
        self.panel.retry_requested.connect(self.retry)

        self.exchange = AnnotationExchange(window, self)
        self.menus = AnnotationMenus(self, window, self.dock, self.undo_stack, self.exchange)
        self.colour_actions = self.menus.colour_actions
        self.note_action = self.menus.note_action
        self.undo_action = self.menus.undo_action
        self.redo_action = self.menus.redo_action
        self.export_action = self.menus.export_action
        self.import_action = self.menus.import_action
        self.toolbar = self.menus.toolbar
        self._set_names(DEFAULT_NAMES)

        self._position_timer = QtCore.QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_SAVE_DELAY_MS)
        self._position_timer.timeout.connect(self.save_position)
        self._click_timer = QtCore.QTimer(self)
        self._click_timer.setSingleShot(True)
        self._click_timer.timeout.connect(self._clicked_highlight)

        window.document_shown.connect(self._document_shown)
        self._view.top_offset_changed.connect(self._scrolled)
        self.watch(self._view)
        window.installEventFilter(self)
        self._open_store()

    def watch(self, view: QtWidgets.QAbstractScrollArea) -> None:
        """Serve `view` (a TextSurface) too: its context menu, clicks on highlights, notes'
        tooltips, and the note editor following its scrolling."""
        view.verticalScrollBar().valueChanged.connect(self._place_editor)
        view.setContextMenuPolicy(QtCore.Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self.menus.context_menu)
        # Watching, never consuming, mouse moves: the word pop-up sees them all.
        view.viewport().installEventFilter(self)

    def _shown(self) -> TextSurface:
        return self._window.shown_view()

    # The store

    @property
    def store(self) -> Store | None:
        return self._store

    def _open_store(self) -> Store | None:
        """The store, opened on first use; a problem is told once, then retried quietly."""
        if self._store is not None:
            return self._store
        try:
            self._store = open_store(self.data_dir)
        except StoreError as error:
            if self._store_error is None or str(error) != str(self._store_error):
                self._window.show_message(
                    QtWidgets.QMessageBox.Warning,
                    "Reader cannot use its annotation store.",
                    f"{error}\n\nHighlights and notes can be made but not saved until this "
                    "is put right.",
                )
            self._store_error = error
            return None
        self._store_error = None
        if self._store.notice:
            notice = self._store.notice
            QtCore.QTimer.singleShot(
                0,
                lambda: self._window.show_message(
                    QtWidgets.QMessageBox.Warning, "Reader's annotation store was damaged.", notice
                ),
            )
        with contextlib.suppress(StoreError):
            self._set_names(self._store.colours.all())
        return self._store

    def writable_store(self) -> Store:
        store = self._open_store()
        if store is None:
            assert self._store_error is not None
            raise self._store_error
        return store

    def close_store(self) -> None:
        """Write the reading position and let the file go; a later use opens it again."""
        self.save_position()
        if self._store is not None:
            self._store.close()
            self._store = None

    # Documents

    def _document_shown(self, document: Document) -> None:
        self.save_position()
        self.editor.cancel()
        self._draft = None
        self.undo_stack.clear()
        dropped = len(self._unsaved)
        self._unsaved = []
        self._document = document
        self._record = None
        opened = self._load(document)
        self._record = opened.record if opened else None
        self._show_loaded(opened.annotations if opened else [])
        notice = ""
        if opened is not None and opened.report is not None:
            notice = opened.report.message
            self._window.statusBar().showMessage(notice, 4 * STATUS_MS)
        if dropped:
            changes = "change" if dropped == 1 else "changes"
            notice = f"{dropped} unsaved {changes} to the last document were not kept. {notice}"
        self.panel.show_notice(notice.strip())
        if self._record is not None and self._record.position > 0:
            self._restore_position(document, self._record.position)

    def _load(self, document: Document) -> OpenedDocument | None:
        """The document's record and annotations; from a store that cannot be written, what
        it holds (nothing is re-anchored then)."""
        store = self._open_store()
        if store is None:
            return None
        try:
            return store.open_document(document)
        except StoreError as error:
            if str(error) not in self._told:
                self._told.add(str(error))
                self._report(
                    "Reader cannot write to its annotation store.",
                    f"{error}\n\nThe document's highlights are shown; new ones cannot be saved "
                    "until this is put right.",
                )
        try:
            record = store.documents.find(document)
            if record is None:
                return None
            return OpenedDocument(record, store.annotations.for_document(record.id))
        except StoreError:
            return None

    def _show_loaded(self, annotations: list[Annotation]) -> None:
        self._annotations = {a.id: a for a in annotations}
        self.painter.show_all(annotations)
        self.panel.set_document(self._document, annotations)
        self._unsaved_changed()

    def _restore_position(self, document: Document, offset: int) -> None:
        def scroll() -> None:
            if self._view.reader_document is document:
                self._view.scroll_to_offset(offset)

        if self._view.isVisible():
            scroll()
        else:  # laid out at the real width once shown
            QtCore.QTimer.singleShot(0, scroll)

    def _scrolled(self, offset: int) -> None:
        if self._record is not None and self._view.reader_document is self._document:
            self._top = offset
            self._position_timer.start()

    def save_position(self) -> None:
        """Write where the reader is now, if it changed since the document was opened."""
        self._position_timer.stop()
        record = self._record
        if record is None or self._store is None or self._top == record.position:
            return
        try:
            self._store.documents.save_position(record.id, self._top)
        except StoreError:
            return  # a read-only store: the place is lost, and nothing else is at stake
        self._record = replace(record, position=self._top)

    # Changes

    @property
    def document(self) -> Document | None:
        return self._document

    def annotations(self) -> list[Annotation]:
        return list(self._annotations.values())

    def saved_count(self) -> int:
        return len(self._annotations) - len(self.unsaved_ids())

    def show_opened(self, opened: OpenedDocument) -> None:
        """Show what the store now holds, and the changes it has yet to take on top."""
        unsaved = list(self._unsaved)
        self._record = opened.record
        self._show_loaded(opened.annotations)
        for command in unsaved:
            command.show()

    def unsaved_ids(self) -> set[str]:
        return {command.annotation_id for command in self._unsaved}

    def show_annotation(self, annotation: Annotation) -> None:
        self._annotations[annotation.id] = annotation
        self.painter.put(annotation)
        self.panel.put(annotation)

    def hide_annotation(self, annotation_id: str) -> None:
        self._annotations.pop(annotation_id, None)
        self.painter.remove(annotation_id)
        self.panel.remove(annotation_id)

    def report_failure(self, what: str, error: StoreError) -> None:
        self._report(what, str(error))

    def _report(self, text: str, details: str) -> None:
        self._window.show_message(QtWidgets.QMessageBox.Warning, text, details)

    def _run(self, command: AnnotationCommand, keep_unsaved: bool = True) -> bool:
        """Write the change, then put it on the undo stack; if the store refuses it, show it
        anyway and keep it to retry (a deletion is not shown: the highlight stays)."""
        try:
            command.write()
        except StoreError as error:
            if keep_unsaved:
                self._unsaved.append(command)
                command.show()
                self._unsaved_error = error
                self._unsaved_changed()
                self._report(
                    f"Reader could not save “{command.text()}”.", f"{error}\n\n{NOT_SAVED_HINT}"
                )
            else:
                self._report(f"Reader could not {command.text().lower()}.", f"{error}")
            return False
        command.mark_written()
        self.undo_stack.push(command)
        return True

    def undo(self) -> None:
        if self.undo_stack.canUndo():
            self._move(self.undo_stack.command(self.undo_stack.index() - 1), undo=True)

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self._move(self.undo_stack.command(self.undo_stack.index()), undo=False)

    def _move(self, command: AnnotationCommand, undo: bool) -> None:
        try:
            command.unwrite() if undo else command.write()
        except StoreError as error:
            verb = "undo" if undo else "redo"
            self._report(f"Reader could not {verb} “{command.text()}”.", str(error))
            return
        command.mark_written()
        if undo:
            self.undo_stack.undo()
        else:
            self.undo_stack.redo()

    def retry(self) -> None:
        """Write the changes the store refused before, in the order they were made."""
        if self._record is None and self._document is not None:
            opened = self._load(self._document)
            if opened is None:
                self._report("Reader still cannot save.", str(self._store_error or ""))
                return
            self._record = opened.record
            for annotation in opened.annotations:
                if annotation.id not in self._annotations:
                    self.show_annotation(annotation)
            for command in self._unsaved:
                command.rebase(opened.record.id)
        while self._unsaved:
            command = self._unsaved[0]
            try:
                command.write()
            except StoreError as error:
                self._unsaved_error = error
                self._unsaved_changed()
                self._report("Reader still cannot save.", f"{error}\n\n{NOT_SAVED_HINT}")
                return
            self._unsaved.pop(0)
            command.mark_written()
            self.undo_stack.push(command)
        self._unsaved_changed()
        self._window.statusBar().showMessage("Saved.", STATUS_MS)

    def _unsaved_changed(self) -> None:
        self.panel.model.set_unsaved(self.unsaved_ids())
        if self._unsaved:
            count = len(self._unsaved)
            self.panel.show_notice(
                f"{count} change{'s' if count > 1 else ''} not saved: {self._unsaved_error}",
                retry=True,
            )
        elif self.panel.retry_button.isVisibleTo(self.panel):
            self.panel.show_notice("")

    def _document_id(self) -> int:
        return self._record.id if self._record is not None else 0

    # What the reader acts on

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in the view shown, without white space at either end."""
        selected = self._shown().selected_range()
        document = self._document
        if selected is None or document is None:
            return None
        start, end = selected
        text = document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def current_annotation(self) -> Annotation | None:
        """The one the panel has chosen while it has the focus, else the one at the view's
        cursor (the top one where highlights overlap)."""
        if self.panel.view.hasFocus():
            chosen = self.panel.current_annotation()
            if chosen is not None:
                return self._annotations.get(chosen.id)
        span = self.selected_span()
        if span is not None:
            start, end = span
            holding = [a for a in self.painter.at(start) if a.end >= end]
            return holding[-1] if holding else None
        position = self._shown().caret_offset()
        found = self.painter.at(position) or self.painter.at(position - 1)
        return found[-1] if found else None

    def highlight_at(self, point: QtCore.QPoint) -> Annotation | None:
        """The highlight on top under `point` (of the shown view's viewport), if any."""
        offset = self._shown().offset_at(point)
        under = self.painter.at(offset) if offset is not None else []
        return under[-1] if under else None

    def _leave_selection(self, offset: int) -> None:
        """Drop the selection so the new colour shows, the caret in the highlight."""
        self._shown().place_caret(offset)

    # Actions

    def highlight(self, colour: str) -> None:
        """Highlight the selection; with none, recolour the highlight at the cursor."""
        span = self.selected_span()
        if span is None:
            current = self.current_annotation()
            if current is None:
                self._window.statusBar().showMessage("Select some text to highlight.", STATUS_MS)
            else:
                self.set_colour(current.id, colour)
            return
        start, end = span
        same = [a for a in self.painter.at(start) if (a.start, a.end) == (start, end)]
        self._leave_selection(start)
        if same:
            self.set_colour(same[-1].id, colour)
            return
        assert self._document is not None
        annotation = new_annotation(
            self._document_id(), self._document.text, start, end, colour=colour
        )
        self._run(CreateAnnotation(self, annotation))

    def set_colour(self, annotation_id: str, colour: str) -> None:
        before = self._annotations.get(annotation_id)
        if before is None or before.colour == colour:
            return
        after = edited(before, colour=colour)
        self._run(EditAnnotation(self, before, after, "Change Colour"))

    def delete(self, annotation_id: str | None = None) -> None:
        annotation = self._annotations.get(annotation_id) if annotation_id else None
        annotation = annotation or (None if annotation_id else self.current_annotation())
        if annotation is None:
            return
        pending = [c for c in self._unsaved if c.annotation_id == annotation.id]
        if pending:
            self._unsaved = [c for c in self._unsaved if c not in pending]
            self._unsaved_changed()
            if any(isinstance(c, CreateAnnotation) for c in pending):
                self.hide_annotation(annotation.id)  # never saved: nothing to delete
                return
        self._run(DeleteAnnotation(self, annotation), keep_unsaved=False)

    def copy(self, annotation_id: str) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is not None:
            QtWidgets.QApplication.clipboard().setText(annotation.quote)

    def go_to(self, annotation_id: str) -> None:
        """Scroll the highlight a third of the way down the view, the cursor in it."""
        annotation = self._annotations.get(annotation_id)
        if annotation is None or annotation.orphan:
            return
        view = self._shown()
        view.scroll_to_offset(annotation.start)
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() - view.viewport().height() // 3)
        self._leave_selection(annotation.start)
        view.setFocus()

    def attach_to_selection(self, annotation_id: str) -> None:
        """Anchor an annotation (an orphan) to the selected text."""
        before = self._annotations.get(annotation_id)
        span = self.selected_span()
        if before is None or self._document is None:
            return
        if span is None:
            self._window.statusBar().showMessage(
                "Select the text to attach the annotation to.", STATUS_MS
            )
            return
        after = reattached(before, self._document.text, *span)
        self._run(EditAnnotation(self, before, after, "Attach Annotation"))

    def edit_note(self, annotation_id: str | None = None, tags_first: bool = False) -> None:
        """Open the note editor on a highlight, or on the selection (highlighted on Save)."""
        annotation = self._annotations.get(annotation_id) if annotation_id else None
        if annotation is None and not annotation_id:
            span = self.selected_span()
            if span is not None and self._document is not None:
                start, end = span
                same = [a for a in self.painter.at(start) if (a.start, a.end) == (start, end)]
                if same:
                    annotation = same[-1]
                else:
                    annotation = new_annotation(
                        self._document_id(), self._document.text, start, end, colour=COLOURS[0]
                    )
                    self._draft = annotation
                    self.painter.put(annotation)
                self._leave_selection(start)
            else:
                annotation = self.current_annotation()
        if annotation is None:
            self._window.statusBar().showMessage(
                "Select some text or a highlight to add a note to.", STATUS_MS
            )
            return
        if annotation.id in self._annotations and not self._in_sight(annotation):
            self.go_to(annotation.id)
        view = self._shown()
        if self.editor.parentWidget() is not view:
            self.editor.setParent(view)  # over the view the reader is looking at
        self.editor.edit(
            annotation.id,
            annotation.quote,
            annotation.note,
            annotation.tags,
            self.panel.model.tags(),
            tags_first=tags_first,
        )
        self._place_editor()

    def keep_editor_in_view(self) -> None:
        """After the reader switched views: an open note editor moves over the view shown
        (left behind, it would be hidden, and its note lost when the window closed)."""
        view = self._shown()
        if self.editor.isHidden() or self.editor.parentWidget() is view:
            return
        self.editor.setParent(view)
        self.editor.show()
        self.editor.raise_()
        self._place_editor()

    def _in_sight(self, annotation: Annotation) -> bool:
        if annotation.orphan:
            return True
        view = self._shown()
        start = view.range_rect(annotation.start, annotation.start + 1)
        return view.viewport().rect().contains(start.topLeft())

    def _place_editor(self) -> None:
        if not self.editor.isVisible() or self.editor.annotation_id is None:
            return
        annotation = self._annotations.get(self.editor.annotation_id) or self._draft
        view = self.editor.parentWidget()
        viewport = view.viewport()
        if annotation is None or annotation.orphan:
            anchor = QtCore.QRect(viewport.geometry().left() + 20, viewport.geometry().top(), 1, 1)
        else:
            rect = view.range_rect(annotation.start, annotation.end)
            anchor = QtCore.QRect(viewport.mapTo(view, rect.topLeft()), rect.size())
        self.editor.place_below(anchor)

    def _note_saved(self, note: str, tags: list[str]) -> None:
        annotation_id = self.editor.annotation_id
        draft = self._draft
        self._draft = None
        self._shown().setFocus()
        if draft is not None and draft.id == annotation_id:
            self.painter.remove(draft.id)
            self._run(CreateAnnotation(self, edited(draft, note=note, tags=tags)))
            return
        before = self._annotations.get(annotation_id or "")
        if before is None:
            return
        after = edited(before, note=note, tags=tags)
        if (after.note, after.tags) != (before.note, before.tags):
            self._run(EditAnnotation(self, before, after, "Edit Note"))

    def _note_cancelled(self) -> None:
        if self._draft is not None:
            self.painter.remove(self._draft.id)
            self._draft = None
        self._shown().setFocus()

    # Colour names

    def _set_names(self, names: dict[str, str]) -> None:
        self.menus.set_names(names)
        self.panel.set_colour_names(names)

    def choose_colour_names(self) -> ColourNamesDialog:
        dialog = ColourNamesDialog(self.menus.names, self._window)
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.names_chosen.connect(self.rename_colours)
        dialog.open()
        return dialog

    def rename_colours(self, names: dict[str, str]) -> None:
        try:
            store = self.writable_store()
            with store.database.transaction():
                for colour, name in names.items():
                    if name != self.menus.names.get(colour):
                        store.colours.rename(colour, name)
            self._set_names(store.colours.all())
        except StoreError as error:
            self.report_failure("Reader could not save the colour names.", error)

    # Menus and exchange, for the rest of the window

    def highlight_menu_for(self, annotation: Annotation) -> QtWidgets.QMenu:
        return self.menus.highlight_menu_for(annotation)

    def add_context_menu_entries(
        self, add_entries: Callable[[QtWidgets.QMenu, QtCore.QPoint], object]
    ) -> None:
        self.menus.add_context_menu_entries(add_entries)

    def export_to(self, path: Path, format: str) -> bool:
        return self.exchange.export_to(path, format)

    def import_from(self, path: Path) -> bool:
        return self.exchange.import_from(path)

    # Events

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if watched is self._window:
            if kind == QtCore.QEvent.Close:
                self.editor.save()
                self.close_store()
            return False
        if kind == QtCore.QEvent.ToolTip:
            return self._tooltip(event)
        if kind == QtCore.QEvent.MouseButtonPress and event.button() == QtCore.Qt.LeftButton:
            self._press = event.position().toPoint()
            self._click_timer.stop()
        elif kind == QtCore.QEvent.MouseButtonDblClick:
            self._press = None
            self._click_timer.stop()
        elif kind == QtCore.QEvent.MouseButtonRelease and event.button() == QtCore.Qt.LeftButton:
            self._released(event.position().toPoint(), event.globalPosition().toPoint())
        return False

    def _released(self, point: QtCore.QPoint, global_point: QtCore.QPoint) -> None:
        """A click (no drag, nothing selected) on a highlight opens its menu, once it is
        clear that the click is not the first of a double click."""
        press, self._press = self._press, None
        if press is None or self._shown().selected_range() is not None:
            return
        if (point - press).manhattanLength() >= QtWidgets.QApplication.startDragDistance():
            return
        under = self.highlight_at(point)
        if under is not None:
            self._clicked = (under.id, global_point)
            self._click_timer.start(QtWidgets.QApplication.doubleClickInterval())

    def _clicked_highlight(self) -> None:
        if self._clicked is None:
            return
        annotation_id, global_point = self._clicked
        self._clicked = None
        annotation = self._annotations.get(annotation_id)
        if annotation is not None:
            self.highlight_menu_for(annotation).popup(global_point)

    def _tooltip(self, event: QtGui.QHelpEvent) -> bool:
        """Hovering a highlight with a note or tags shows them, escaped: notes are text."""
        view = self._shown()
        offset = view.offset_at(event.pos())
        under = self.painter.at(offset) if offset is not None else []
        told = [a for a in under if a.note.strip() or a.tags]
        if not told:
            return False
        parts = []
        for annotation in reversed(told):
            line = " · ".join([self.menus.names[annotation.colour], *annotation.tags])
            note = escaped(annotation.note) if annotation.note.strip() else ""
            parts.append(f"{note}<p><i>{plain_html(line)}</i></p>")
        QtWidgets.QToolTip.showText(event.globalPos(), "<hr>".join(parts), view.viewport())
        return True
