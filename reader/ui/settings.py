"""What the window remembers between runs: geometry, dock layout, zoom, script, documents read,
the encoding and chapter pattern the reader chose for each document, and the place the
reader left each document at.

An INI file, so it is readable and the same on every system. READER_SETTINGS_DIR moves it
(tests and portable installs use this); otherwise it lives where Qt keeps user settings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TypeVar

from reader.document.chapters import compile_heading_pattern
from reader.document.encoding import codec_for
from reader.language.script import Script
from reader.ui.qt import QtCore

SETTINGS_DIR_VARIABLE = "READER_SETTINGS_DIR"
SETTINGS_FILE = "reader.ini"
UNFINISHED_OPEN_FILE = "reader-opening.txt"
MAX_RECENT = 10
MAX_DOCUMENT_CHOICES = 500
"""Documents whose choices are kept; the ones chosen longest ago are forgotten first."""
MAX_PLACES = 500
"""Documents whose reading places are kept; the ones read longest ago are forgotten first."""
E = TypeVar("E", bound=Enum)


def resolved_path(path: Path) -> Path:
    """The file's full path, which what is remembered of it is kept under."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path


def open_qsettings() -> QtCore.QSettings:
    folder = os.environ.get(SETTINGS_DIR_VARIABLE)
    if folder:
        return QtCore.QSettings(str(Path(folder) / SETTINGS_FILE), QtCore.QSettings.IniFormat)
    return QtCore.QSettings(
        QtCore.QSettings.IniFormat, QtCore.QSettings.UserScope, "Reader", "Reader"
    )


class SettingsGroup:
    """Typed access to one feature's keys in the settings file; every write is saved at
    once. A feature's settings (lookup, find) subclass it and name their keys."""

    def __init__(self) -> None:
        self._store = open_qsettings()

    def _set(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()

    def _flag(self, key: str, default: bool) -> bool:
        """An INI file holds text: "true" or "false"."""
        return str(self._store.value(key, "true" if default else "false")).lower() == "true"

    def _set_flag(self, key: str, value: bool) -> None:
        self._set(key, "true" if value else "false")

    def _choice(self, key: str, default: E) -> E:
        """The enum member stored at `key`, or `default` where it names none."""
        try:
            return type(default)(self._store.value(key, default.value))
        except ValueError:
            return default


@dataclass(frozen=True)
class DocumentChoices:
    """What the reader chose for one file instead of what Reader detects."""

    encoding: str | None = None
    heading_pattern: str | None = None


class Settings:
    """Typed access to the settings file; every write is saved at once."""

    def __init__(self) -> None:
        self._store = open_qsettings()

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def _bytes(self, key: str) -> QtCore.QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QtCore.QByteArray) else QtCore.QByteArray()

    def _set(self, key: str, value: object) -> None:
        # A write is a sync of the whole file, 5 to 10 ms; opening the document read last
        # time changes nothing and so writes nothing before its first paint.
        if self._store.contains(key) and self._stored(key, value) == value:
            return
        self._store.setValue(key, value)
        self._store.sync()

    def _stored(self, key: str, like: object) -> object:
        """The value at `key` read as the type of `like`: an INI file holds text, and a
        list of one item reads back as that item unless asked for a list."""
        if isinstance(like, (list, int, str)):
            return self._store.value(key, type=type(like))
        return self._store.value(key)

    @property
    def geometry(self) -> QtCore.QByteArray:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QtCore.QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def window_state(self) -> QtCore.QByteArray:
        """Docks and toolbars, as QMainWindow.saveState gives them."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QtCore.QByteArray) -> None:
        self._set("window/state", value)

    @property
    def zoom(self) -> int:
        """Steps above (or below) the normal text size."""
        try:
            return int(self._store.value("view/zoom", 0))
        except (TypeError, ValueError):
            return 0

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._set("view/zoom", int(value))

    @property
    def script(self) -> Script:
        """How the text is shown: as written, in simplified or in traditional characters."""
        try:
            return Script(self._store.value("view/script", Script.AS_WRITTEN.value))
        except ValueError:
            return Script.AS_WRITTEN

    @script.setter
    def script(self, value: Script) -> None:
        self._set("view/script", value.value)

    @property
    def last_document(self) -> Path | None:
        value = self._store.value("documents/last")
        return Path(value) if isinstance(value, str) and value else None

    @last_document.setter
    def last_document(self, path: Path | None) -> None:
        self._set("documents/last", str(path) if path else "")

    @property
    def unfinished_open(self) -> Path | None:
        """A document whose opening had not been painted when Reader last stopped: it may
        be what stopped Reader, so it is not opened again by itself.

        Kept in a file of its own beside the settings: it is written before every open, and
        a small file costs a fraction of a millisecond where a sync of the settings costs 5
        to 10 before the first paint. Only a crash of Reader has to find it, not one of the
        system, so it is not flushed to disk."""
        try:
            value = self._unfinished_marker().read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            return None
        return Path(value) if value else None

    @unfinished_open.setter
    def unfinished_open(self, path: Path | None) -> None:
        marker = self._unfinished_marker()
        if path:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(str(path), encoding="utf-8", errors="surrogateescape")
        else:
            marker.unlink(missing_ok=True)

    def _unfinished_marker(self) -> Path:
        return Path(self.file_name).with_name(UNFINISHED_OPEN_FILE)

    def dialog_folder(self, purpose: str) -> Path | None:
        """The folder a file dialog for `purpose` was last left in (reader.ui.dialog_folders)."""
        value = self._store.value(f"folders/{purpose}")
        return Path(value) if isinstance(value, str) and value else None

    def set_dialog_folder(self, purpose: str, folder: Path) -> None:
        self._set(f"folders/{purpose}", str(folder))

    @property
    def recent_files(self) -> list[Path]:
        """Most recent first."""
        values = self._store.value("documents/recent", [], type=list)
        return [Path(value) for value in values if isinstance(value, str) and value]

    def add_recent(self, path: Path) -> None:
        path = Path(path)
        recent = [path, *(p for p in self.recent_files if p != path)]
        self._set("documents/recent", [str(p) for p in recent[:MAX_RECENT]])

    def clear_recent(self) -> None:
        self._set("documents/recent", [])

    def document_choices(self, path: Path) -> DocumentChoices:
        """What was chosen for the file; a value that no longer works is left out."""
        entry = self._choices().get(str(path), {})
        return DocumentChoices(
            _usable(entry.get("encoding"), codec_for),
            _usable(entry.get("heading_pattern"), compile_heading_pattern),
        )

    def set_document_choices(self, path: Path, choices: DocumentChoices) -> None:
        """Keep `choices` for the file at `path`; nothing chosen forgets the file."""
        every = self._choices()
        every.pop(str(path), None)
        if choices != DocumentChoices():
            every[str(path)] = {
                "encoding": choices.encoding,
                "heading_pattern": choices.heading_pattern,
            }
        kept = list(every.items())[-MAX_DOCUMENT_CHOICES:]
        self._set("documents/choices", json.dumps(dict(kept), ensure_ascii=False))

    def reading_place(self, path: Path) -> int:
        """The offset at the top of the view when the file at `path` was left; 0 if never."""
        place = self._json_map("documents/places").get(str(path), 0)
        return place if type(place) is int and place > 0 else 0

    def set_reading_place(self, path: Path, offset: int) -> None:
        """Keep `offset` as the place the file at `path` was left at, read most recently."""
        every = self._json_map("documents/places")
        every.pop(str(path), None)
        every[str(path)] = max(0, int(offset))
        kept = list(every.items())[-MAX_PLACES:]
        self._set("documents/places", json.dumps(dict(kept), ensure_ascii=False))

    def _json_map(self, key: str) -> dict[str, object]:
        """A JSON object kept as text, which keeps the INI file readable; {} if it is not one."""
        value = self._store.value(key, "")
        try:
            loaded = json.loads(value) if isinstance(value, str) and value else {}
        except ValueError:
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def _choices(self) -> dict[str, dict[str, object]]:
        """Path to choices, the most recently chosen last; JSON keeps the INI file readable."""
        return {
            key: entry
            for key, entry in self._json_map("documents/choices").items()
            if isinstance(key, str) and isinstance(entry, dict)
        }


def _usable(value: object, check: Callable[[str], object]) -> str | None:
    """`value` if it is text that `check` accepts (raising ValueError if not), else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        check(value)
    except ValueError:
        return None
    return value
