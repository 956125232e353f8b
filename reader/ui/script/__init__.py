"""The script the text is shown in (as written, simplified, traditional): the reader's
choice, its View ▸ Script menu, and its display in both views."""
