"""The main window and what belongs to it alone: menus, the section tree, the status
bar, the chapter-pattern dialog."""
