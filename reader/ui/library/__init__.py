"""The library in the window: File ▸ Library…, adding books in the background, and keeping
the index and the reading progress up to date."""
