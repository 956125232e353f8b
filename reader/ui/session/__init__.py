"""The open document's session: the one owner of the document, its words (with the reader's
corrections), its background workers and its readings in context, that every feature asks."""
