"""Highlights and notes in the window: the store, the document's annotations, the undo
stack, and the reader's actions on them.

The annotations are held once, in an AnnotationSet that this controller changes and that
the page's painter, the panel and the pinyin view follow. Edits go through PendingChanges
(reader.store), which writes the store first and the window follows: a change the store
cannot take (a read-only or full disk, a store busy in another process) is still shown,
marked as not saved, and kept to be retried; it is never silently dropped, and a change
made elsewhere meanwhile (by `reader notes import`) is never written over. The store lives
in the data folder the CLI uses too, so `reader notes` sees what the window wrote.

Getting the document's record and the edits into the store, and retrying while the store
is busy, is DocumentSaving's; the actions and menus that drive this are AnnotationMenus';
export and import are AnnotationExchange's; the note editor's placing is NoteEditing's;
clicks and tooltips on highlights are HighlightMouse's. The window is seen only through
AnnotationsHost.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from reader.document import Document
from reader.store import (
    COLOURS,
    DEFAULT_NAMES,
    Annotation,
    AnnotationEdit,
    AnnotationSet,
    OpenedDocument,
    StackMove,
    Store,
    StoreError,
    edited,
    new_annotation,
    reattached,
    resolve_data_dir,
)
from reader.ui.annotations.colour_names_dialog import ColourNamesDialog
from reader.ui.annotations.commands import EditCommand
from reader.ui.annotations.exchange import AnnotationExchange
from reader.ui.annotations.highlight_mouse import HighlightMouse
from reader.ui.annotations.host import AnnotationsHost
from reader.ui.annotations.menus import AnnotationMenus
from reader.ui.annotations.note_editing import NoteEditing
from reader.ui.annotations.panel import AnnotationsPanel
from reader.ui.annotations.saving import STATUS_MS, DocumentSaving
from reader.ui.annotations.store_connection import StoreConnection
from reader.ui.qt import QtCore, QtGui, QtWidgets
from reader.ui.views.reading_view_highlights import HighlightPainter
from reader.ui.views.text_surface import TextSurface

PANEL_WIDTH = 380
PANEL_LEAST_WIDTH = 240
"""The panel's width where there is room, and the least it shrinks to before it closes."""


class AnnotationController(QtCore.QObject):
    """Everything about annotations that the main window shows; one per window."""

    def __init__(
        self,
        window: AnnotationsHost,
        annotation_set: AnnotationSet,
        data_dir: Path | str | None = None,
    ) -> None:
        """`annotation_set`: the window's one set of the open document's annotations, which
        this controller fills from the store and changes; the views and the panel follow it."""
        super().__init__(window.window())
        self._window = window
        self._view = window.reading_view
        self.data_dir = resolve_data_dir(data_dir)
        self._connection = StoreConnection(self.data_dir, window, self._store_opened)

        self.annotation_set = annotation_set
        self.painter = HighlightPainter(self._view, self.annotation_set)
        self.undo_stack = QtGui.QUndoStack(self)
        self.panel = AnnotationsPanel(self.annotation_set)
        self.saving = DocumentSaving(
            self._connection,
            self.annotation_set,
            window,
            self.panel,
            saved=lambda edit: self.undo_stack.push(EditCommand(edit, self._changes)),
        )
        self._changes = self.saving.changes
        self.notes = NoteEditing(self.annotation_set, self._shown, self._view, self._changes.make)
        self.editor = self.notes.editor
        self.dock = QtWidgets.QDockWidget("Annotations", window.window())
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
        self.mouse = HighlightMouse(
            self.annotation_set,
            self._shown,
            self.highlight_menu_for,
            lambda: self.menus.names,
            self,
        )
        self._set_names(DEFAULT_NAMES)

        window.document_shown.connect(self._document_shown)
        self.watch(self._view)
        window.installEventFilter(self)
        self._connection.open()

    def watch(self, view: QtWidgets.QAbstractScrollArea) -> None:
        """Serve `view` (a TextSurface) too: its context menu, clicks on highlights, notes'
        tooltips, and the note editor following its scrolling."""
        view.verticalScrollBar().valueChanged.connect(self.notes.place)
        view.setContextMenuPolicy(QtCore.Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self.menus.context_menu)
        self.mouse.watch(view.viewport())

    def _shown(self) -> TextSurface:
        return self._window.shown_view()

    # The store

    @property
    def store(self) -> Store | None:
        return self._connection.store

    def writable_store(self) -> Store:
        """The open store; raises StoreError when there is none to write to."""
        return self._connection.writable()

    def close_store(self) -> None:
        """Write what waits to be saved, and let the file go; a later use opens it again."""
        self.saving.close()
        self._connection.close()

    def _store_opened(self, store: Store) -> None:
        with contextlib.suppress(StoreError):
            self._set_names(store.colours.all())

    # Documents

    def _document_shown(self, document: Document) -> None:
        self.editor.cancel()
        self.undo_stack.clear()
        self.saving.open(document)

    # Changes

    @property
    def document(self) -> Document | None:
        return self.annotation_set.document

    def annotations(self) -> list[Annotation]:
        return self.annotation_set.all()

    def saved_count(self) -> int:
        return len(self.annotation_set) - len(self._changes.unsaved_ids())

    def show_opened(self, opened: OpenedDocument) -> None:
        """Show what the store now holds, and the changes it has yet to take on top."""
        self.saving.show_opened(opened)

    def _report(self, text: str, details: str) -> None:
        self._window.show_message(QtWidgets.QMessageBox.Warning, text, details)

    def undo(self) -> None:
        """Write the store, then move the stack; refused, the stack stays where it is.
        Other commands on the stack (word statuses) undo themselves, keeping what the
        store refuses to write it later."""
        stack = self.undo_stack
        if self._saved_first() and stack.canUndo():
            command = stack.command(stack.index() - 1)
            if isinstance(command, EditCommand):
                move = self._changes.prepare_undo(command.edit)
                if move is StackMove.OBSOLETE:
                    command.setObsolete(True)  # the stack drops it instead of undoing it
                if move is StackMove.REFUSED:
                    return
            stack.undo()

    def redo(self) -> None:
        stack = self.undo_stack
        if self._saved_first() and stack.canRedo():
            command = stack.command(stack.index())
            if isinstance(command, EditCommand):
                move = self._changes.prepare_redo(command.edit)
                if move is StackMove.OBSOLETE:
                    command.setObsolete(True)
                if move is StackMove.REFUSED:
                    return
            stack.redo()

    def _saved_first(self) -> bool:
        """Undo and redo come after the changes not saved yet: those are saved first (and
        so are on the stack), and while they cannot be, the stack stays where it is."""
        if not self._changes.unsaved or self.saving.retry(quiet=True):
            return True
        self._window.statusBar().showMessage(
            "Undo and redo wait until the changes not saved yet are saved.", STATUS_MS
        )
        return False

    def retry(self) -> None:
        """Write the changes the store refused before, in the order they were made; a
        document opened while there was no store gets its record first."""
        self.saving.retry()

    # What the reader acts on

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in the view shown, without white space at either end."""
        selected = self._shown().selected_range()
        document = self.document
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
                return self.annotation_set.get(chosen.id)
        span = self.selected_span()
        if span is not None:
            start, end = span
            holding = [a for a in self.annotation_set.at(start) if a.end >= end]
            return holding[-1] if holding else None
        position = self._shown().caret_offset()
        found = self.annotation_set.at(position) or self.annotation_set.at(position - 1)
        return found[-1] if found else None

    def highlight_at(self, point: QtCore.QPoint) -> Annotation | None:
        """The highlight on top under `point` (of the shown view's viewport), if any."""
        return self.mouse.highlight_at(point)

    def _same_span(self, start: int, end: int) -> Annotation | None:
        """The top highlight of exactly `[start, end)`, if there is one."""
        same = [a for a in self.annotation_set.at(start) if (a.start, a.end) == (start, end)]
        return same[-1] if same else None

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
        same = self._same_span(start, end)
        self._leave_selection(start)
        if same is not None:
            self.set_colour(same.id, colour)
            return
        document = self.document
        assert document is not None
        annotation = new_annotation(
            self.saving.document_id(), document.text, start, end, colour=colour
        )
        self._changes.make(AnnotationEdit.creation(annotation))

    def set_colour(self, annotation_id: str, colour: str) -> None:
        before = self.annotation_set.get(annotation_id)
        if before is None or before.colour == colour:
            return
        after = edited(before, colour=colour)
        self._changes.make(AnnotationEdit("Change Colour", before, after))

    def delete(self, annotation_id: str | None = None) -> None:
        annotation = self.annotation_set.get(annotation_id) if annotation_id else None
        annotation = annotation or (None if annotation_id else self.current_annotation())
        if annotation is not None:
            self._changes.delete(annotation)

    def copy(self, annotation_id: str) -> None:
        annotation = self.annotation_set.get(annotation_id)
        if annotation is not None:
            QtWidgets.QApplication.clipboard().setText(annotation.quote)

    def go_to(self, annotation_id: str) -> None:
        """Scroll the highlight a third of the way down the view, the cursor in it."""
        annotation = self.annotation_set.get(annotation_id)
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
        before = self.annotation_set.get(annotation_id)
        span = self.selected_span()
        document = self.document
        if before is None or document is None:
            return
        if span is None:
            self._window.statusBar().showMessage(
                "Select the text to attach the annotation to.", STATUS_MS
            )
            return
        after = reattached(before, document.text, *span)
        self._changes.make(AnnotationEdit("Attach Annotation", before, after))

    def edit_note(self, annotation_id: str | None = None, tags_first: bool = False) -> None:
        """Open the note editor on a highlight, or on the selection (highlighted on Save)."""
        annotation = self.annotation_set.get(annotation_id) if annotation_id else None
        draft = False
        document = self.document
        if annotation is None and not annotation_id:
            span = self.selected_span()
            if span is not None and document is not None:
                start, end = span
                annotation = self._same_span(start, end)
                if annotation is None:
                    annotation = new_annotation(
                        self.saving.document_id(), document.text, start, end, colour=COLOURS[0]
                    )
                    draft = True
                self._leave_selection(start)
            else:
                annotation = self.current_annotation()
        if annotation is None:
            self._window.statusBar().showMessage(
                "Select some text or a highlight to add a note to.", STATUS_MS
            )
            return
        if annotation.id in self.annotation_set and not self.notes.in_sight(annotation):
            self.go_to(annotation.id)
        self.notes.open(annotation, self.panel.model.tags(), tags_first=tags_first, draft=draft)

    def keep_editor_in_view(self) -> None:
        """After the reader switched views: an open note editor moves over the view shown."""
        self.notes.keep_in_view()

    # Colour names

    def _set_names(self, names: dict[str, str]) -> None:
        self.menus.set_names(names)
        self.panel.set_colour_names(names)

    def choose_colour_names(self) -> ColourNamesDialog:
        dialog = ColourNamesDialog(self.menus.names, self._window.window())
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
            self._report("Reader could not save the colour names.", str(error))

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

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """The window closing: a note being written is saved, and the store let go."""
        if watched is self._window and event.type() == QtCore.QEvent.Close:
            self.editor.save()
            self.close_store()
        return False
