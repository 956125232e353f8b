"""Words ▸ Word Frequency…: the frequency lists of the document, a section or the library."""
