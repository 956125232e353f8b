"""Highlights, notes and tags in the window: the controller and the host it serves, the
store connection, undoable commands, menus, the panel and its model, the note editor and
its placing, clicks and tooltips on highlights, import and export. The annotations
themselves and the rules for saving them are reader.store's (AnnotationSet,
PendingChanges)."""
