"""Preferences: the dialog (Edit ▸ Preferences), the themes the whole window follows, and the
reader's choices for the page, applied before the first paint."""
