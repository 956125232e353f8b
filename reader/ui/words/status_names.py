"""What a reader calls each status, and the key that sets it while the pop-up shows a word.

The keys are single characters without a modifier, held by no other action of the window:
the digits 1-4 as Lute and LingQ use them, K known, I ignored, N back to new. They act only
while the pop-up shows a word (reader.ui.words.status_keys), so they never take a key typed
into a field, the section tree's type-ahead among them.
"""

from __future__ import annotations

from reader.store import Status

STATUS_TEXT = {
    Status.NEW: "New",
    Status.LEARNING_1: "Learning 1",
    Status.LEARNING_2: "Learning 2",
    Status.LEARNING_3: "Learning 3",
    Status.LEARNING_4: "Learning 4",
    Status.KNOWN: "Known",
    Status.IGNORED: "Ignored",
}
"""In the order the menus list them."""
STATUS_KEYS = {
    Status.NEW: "N",
    Status.LEARNING_1: "1",
    Status.LEARNING_2: "2",
    Status.LEARNING_3: "3",
    Status.LEARNING_4: "4",
    Status.KNOWN: "K",
    Status.IGNORED: "I",
}
KEYS_HINT = "1–4 learning · K known · I ignored · N new"
"""The keys as the pop-up shows them under a word's status."""
