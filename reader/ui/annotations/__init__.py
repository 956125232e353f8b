"""Highlights, notes and tags: the controller, undoable commands, menus, the panel, the
note editor, import and export."""
