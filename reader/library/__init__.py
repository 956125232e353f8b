"""The library: many documents searched at once (an FTS5 index beside the store), with
concordance lines. Qt-free: the CLI, the window and workers use it alike."""
