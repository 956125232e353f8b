"""Highlights, notes and tags in the window: the controller and the host it serves, the
store connection and the saving of edits (the document's record, retries while another
process keeps the store busy), undoable commands, menus, the panel and its model, the note
editor and its placing, clicks and tooltips on highlights, import and export. The
annotations themselves and the rules for saving them are reader.store's (AnnotationSet,
PendingChanges)."""
