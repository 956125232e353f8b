"""Import and export of the known words: Words ▸ Import Known Words… and Export Known Words….

An import marks known every word of the list that is new to the reader, as one undoable
step, and says how many became known; words the reader has marked keep their status (a
blanket list does not overrule a choice made word by word). The lists are read by
reader.language.known_words. An export writes the known words, one a line, in UTF-8, in the
order they became known.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.document.errors import DocumentError
from reader.language.known_words import hsk_words, read_word_list
from reader.store import Status, StoreError
from reader.ui.annotations.host import MessageHost
from reader.ui.busy_cursor import busy_cursor
from reader.ui.dialog_folders import Purpose, remember_folder, start_folder
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.settings import Settings
from reader.ui.words.import_dialog import VERSION_LABELS, ImportKnownDialog
from reader.ui.words.status_holder import StatusHolder

IMPORT_STEP = "Import Known Words"
EXPORT_NAME = "known-words.txt"
STATUS_MS = 10_000


class KnownWordsExchange:
    def __init__(
        self, holder: StatusHolder, window: MessageHost, say: Callable[[str, int], object]
    ) -> None:
        """`say(line, ms)`: the status bar."""
        self._holder = holder
        self._window = window
        self._say = say
        self._settings = Settings()

    # Import

    def choose_import(self) -> ImportKnownDialog:
        """Ask what to import, without blocking."""
        dialog = ImportKnownDialog(
            start_folder(self._settings, Purpose.WORDS), self._window.window()
        )
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.hsk_chosen.connect(self.import_hsk)
        dialog.file_chosen.connect(self.import_file)
        dialog.open()
        return dialog

    def import_hsk(self, level: int, version: str = "3.0") -> int:
        """Mark HSK levels 1 to `level` known; returns how many words became known."""
        top = "7–9" if version == "3.0" and level >= 7 else str(level)
        source = f"{VERSION_LABELS.get(version, f'HSK {version}')}, levels 1 to {top}"
        return self._mark(hsk_words(level, version), source)

    def import_file(self, path: Path) -> int:
        """Mark the words of the list at `path` known; a list that cannot be read is told."""
        remember_folder(self._settings, Purpose.WORDS, path)
        try:
            with busy_cursor():
                words = read_word_list(path)
        except DocumentError as error:
            self._window.show_message(
                QtWidgets.QMessageBox.Warning,
                "Reader cannot read this word list.",
                f"{error.path.name}: {error.reason}",
            )
            return 0
        return self._mark(words, path.name)

    def _mark(self, words: list[str], source: str) -> int:
        holder = self._holder
        with busy_cursor():  # a list of 100,000 words is written in a second or two
            holder.load_now()
            statuses = holder.statuses(words)
            new = [word for word, status in statuses.items() if status is Status.NEW]
            count = holder.set(dict.fromkeys(new, Status.KNOWN), IMPORT_STEP)
        kept = len(statuses) - len(new)
        marked = "1 word" if count == 1 else f"{count:,} words"
        text = f"{marked} became known."
        details = f"From {source}: {len(statuses):,} words."
        if kept:
            details += f" {kept:,} of them you had marked already; they keep their status."
        if count:
            details += " Edit ▸ Undo takes the import back."
        self._window.show_message(QtWidgets.QMessageBox.Information, text, details)
        return count

    # Export

    def choose_export(self) -> QtWidgets.QFileDialog:
        """Ask where to write the known words, without blocking."""
        folder = start_folder(self._settings, Purpose.WORDS)
        dialog = QtWidgets.QFileDialog(
            self._window.window(),
            "Export Known Words",
            str(folder / EXPORT_NAME),
            "Text files (*.txt);;All files (*)",
        )
        dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptSave)
        dialog.setDefaultSuffix("txt")
        dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> int | None:
        """Write the known words to `path`, one a line, UTF-8; how many, or None if the file
        could not be written (told)."""
        remember_folder(self._settings, Purpose.WORDS, path)
        words = self._known_words()
        try:
            path.write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
        except OSError as error:
            self._window.show_message(
                QtWidgets.QMessageBox.Warning,
                "Reader could not export the known words.",
                f"{path}: {error.strerror or error}",
            )
            return None
        self._say(f"{len(words):,} known words exported to {path}.", STATUS_MS)
        return len(words)

    def _known_words(self) -> list[str]:
        """In the order they became known, as the store has them once it holds every change;
        else as the window holds them."""
        holder = self._holder
        holder.load_now()
        if holder.save(quiet=True):
            try:
                return holder.stored_words_with(Status.KNOWN)
            except StoreError:
                pass
        return sorted(holder.words_with(Status.KNOWN))
