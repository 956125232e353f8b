"""The Search Library window and its concordance."""
