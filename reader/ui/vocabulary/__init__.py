"""The vocabulary: words saved from the pop-up with their sentence, the panel that lists
them, and their export as an Anki package or CSV."""
