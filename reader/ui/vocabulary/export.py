"""File ▸ Export Vocabulary…: every saved word as an Anki package or CSV, through a file
dialog that never blocks the window and starts where the reader last exported. What is
written is reader.store.deck's and reader.store.vocabulary_csv's, as for `reader vocab export`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.store import Store, StoreError
from reader.store.vocabulary_csv import vocabulary_csv
from reader.ui.annotations.host import MessageHost
from reader.ui.dialog_folders import Purpose, remember_folder, start_folder
from reader.ui.export_dialog import open_export_dialog
from reader.ui.qt import QtWidgets
from reader.ui.settings import Settings

EXPORT_FILTERS = {"Anki package (*.apkg)": "apkg", "CSV (*.csv)": "csv"}
EXPORTED_MS = 10_000
"""How long the status bar says where the words were exported."""


class VocabularyExport:
    def __init__(
        self,
        host: MessageHost,
        store: Callable[[], Store],
        status: Callable[[str, int], None],
    ) -> None:
        """`store`: the open store (raises StoreError when there is none); `status`: shows
        a message in the status bar for so many milliseconds."""
        self._host = host
        self._store = store
        self._status = status
        self._settings = Settings()

    def choose_file(self) -> QtWidgets.QFileDialog:
        """Ask where to export; the filter chosen gives the format."""
        folder = start_folder(self._settings, Purpose.VOCABULARY)
        return open_export_dialog(
            self._host.window(),
            "Export Vocabulary",
            folder / "vocabulary.apkg",
            EXPORT_FILTERS,
            self.export_to,
        )

    def export_to(self, path: Path, format: str) -> bool:
        """Write every saved word to `path`, the first saved first; CSV with a byte-order
        mark, which spreadsheet programs need to read Chinese as UTF-8."""
        try:
            store = self._store()
            saved_words = list(reversed(store.saved_words.all()))
            if format == "apkg":
                # genanki loads in a twentieth of a second: when a deck is made, not at start.
                from reader.store.deck import write_deck

                write_deck(path, saved_words)
            else:
                statuses = store.word_statuses.statuses(saved.word for saved in saved_words)
                names = {word: status.name_shown for word, status in statuses.items()}
                text = vocabulary_csv(saved_words, names)
                path.write_text(text, encoding="utf-8-sig", newline="")
        except (StoreError, OSError) as error:
            self._host.show_message(
                QtWidgets.QMessageBox.Critical,
                f"Reader could not export the vocabulary to {path.name}.",
                str(error),
            )
            return False
        remember_folder(self._settings, Purpose.VOCABULARY, path)
        count = len(saved_words)
        self._status(
            f"Exported {count} saved word{'' if count == 1 else 's'} to {path}.", EXPORTED_MS
        )
        return True
