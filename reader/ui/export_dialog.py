"""The Save dialog of every export: a file type per format, the suffix following the type
chosen, and the file and its format passed on once the reader accepts (the dialog is not
modal, so the window goes on meanwhile)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from reader.ui.qt import QtCore, QtWidgets


def open_export_dialog(
    parent: QtWidgets.QWidget,
    title: str,
    proposed: Path,
    filters: Mapping[str, str],
    chosen: Callable[[Path, str], object],
) -> QtWidgets.QFileDialog:
    """`filters`: each file type's filter text to its format (its suffix), the first the
    default; `chosen(path, format)` hears the reader's choice."""
    default = next(iter(filters.values()))
    dialog = QtWidgets.QFileDialog(parent, title, str(proposed), ";;".join(filters))
    dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptSave)
    dialog.setDefaultSuffix(default)
    dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
    dialog.filterSelected.connect(
        lambda picked: dialog.setDefaultSuffix(filters.get(picked, default))
    )
    dialog.fileSelected.connect(
        lambda name: chosen(*chosen_format(Path(name), dialog.selectedNameFilter(), filters))
    )
    dialog.open()
    return dialog


def chosen_format(path: Path, name_filter: str, filters: Mapping[str, str]) -> tuple[Path, str]:
    """The file and its format: the chosen type's, unless the name ends in another type's
    suffix (typed on purpose); a name without one gets the chosen type's suffix."""
    format = filters.get(name_filter, next(iter(filters.values())))
    typed = path.suffix.lower().lstrip(".")
    if typed in filters.values():
        return path, typed
    return path.with_name(f"{path.name}.{format}"), format
