"""The layers of DESIGN.md §1, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
CORE = ("document", "language", "store")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def python_files(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


def imports_qt(path: Path) -> bool:
    return any(name.split(".")[0] in QT_MODULES for name in imported_modules(path))


@pytest.mark.parametrize("layer", CORE)
def test_core_layers_never_import_qt_or_the_ui(layer):
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files(layer)
        if imports_qt(path) or any(n.startswith("reader.ui") for n in imported_modules(path))
    ]
    assert offenders == []


def test_only_the_qt_module_imports_pyside():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files()
        if imports_qt(path) and path != PACKAGE / "ui" / "qt.py"
    ]
    assert offenders == []


def test_the_checker_sees_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert imports_qt(sample)


def test_the_annotations_see_the_window_only_through_their_host():
    """Controllers get narrow interfaces, not the main window (DESIGN.md §1): no module of
    reader/ui/annotations imports the window, not even for type checking."""
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files("ui", "annotations")
        if any(name.startswith("reader.ui.window") for name in imported_modules(path))
    ]
    assert offenders == []
