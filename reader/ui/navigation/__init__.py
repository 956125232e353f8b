"""Moving about a document: progress, Go To, next and previous section, Back and Forward,
full screen and the list of keys."""
