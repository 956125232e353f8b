"""Where the Open, Export and Import dialogs start: the folder the reader last used for that
purpose (remembered across restarts), else the user's Documents folder, else home.

Never a folder inside the program itself (a PyInstaller bundle's sys._MEIPASS, the source
checkout, an installed package): the seed article lives there, and a reader who opened it
would otherwise be led into the program's files to save an export.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

import reader
from reader.ui.qt import QtCore
from reader.ui.settings import Settings


class Purpose(Enum):
    """What a dialog is for; each keeps its own last folder."""

    OPEN = "open"
    ANNOTATIONS = "annotations"
    """Exporting and importing annotations."""
    WORDS = "words"
    """Importing and exporting the known words."""
    VOCABULARY = "vocabulary"
    """Exporting the saved words."""
    FREQUENCY = "frequency"
    """Exporting a frequency list."""


def program_folders() -> list[Path]:
    """The folders the program's own files are in, which a dialog never starts in."""
    bundle = getattr(sys, "_MEIPASS", None)
    package = Path(reader.__file__).resolve().parent
    return [*([Path(bundle).resolve()] if bundle else []), package.parent]


def inside_program(folder: Path) -> bool:
    try:
        resolved = folder.resolve()
    except (OSError, RuntimeError):
        return False
    return any(resolved == root or root in resolved.parents for root in program_folders())


def documents_folder() -> Path:
    """The user's Documents folder where the system has one, else the home folder."""
    for location in (
        QtCore.QStandardPaths.DocumentsLocation,
        QtCore.QStandardPaths.HomeLocation,
    ):
        path = QtCore.QStandardPaths.writableLocation(location)
        if path and Path(path).is_dir() and not inside_program(Path(path)):
            return Path(path)
    return Path.home()


def start_folder(settings: Settings, purpose: Purpose) -> Path:
    """The last folder used for `purpose` if it is still there and outside the program,
    else the Documents folder."""
    folder = settings.dialog_folder(purpose.value)
    if folder is not None and folder.is_dir() and not inside_program(folder):
        return folder
    return documents_folder()


def remembering(settings: Settings, purpose: Purpose) -> Callable[[str], None]:
    """For a dialog's fileSelected: remembers the chosen file's folder."""
    return lambda name: remember_folder(settings, purpose, Path(name))


def remember_folder(settings: Settings, purpose: Purpose, chosen: Path) -> None:
    """Remember the folder of the file chosen, unless it is inside the program."""
    folder = chosen.parent
    if not inside_program(folder):
        settings.set_dialog_folder(purpose.value, folder)
