"""What the reader knows, in the window: each word's status (new, learning 1-4, known,
ignored), held once per window and asked by every feature; the keys and menus that change
it (the pop-up's keys, the context menu, the Words menu); marking the rest of a section
known; importing and exporting the known words. The statuses themselves are reader.store's
(WordStatuses), the word lists reader.language.known_words'."""
