"""The layers of DESIGN.md §1, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
CORE = ("document", "language", "store", "library")


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


# No import cycles (DESIGN.md §1): every import counts, those inside functions and under
# `if TYPE_CHECKING:` too, since either one still ties the two modules together.


def package_modules(root: Path) -> dict[str, Path]:
    """Module name -> file, for the package in folder `root` ("reader" for reader/)."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that module `name` imports, anywhere in its source.

    `from a.b import c` imports the module a.b.c where there is one, else a name of a.b.
    A package's own __init__ is not counted as imported by its submodules just because
    Python runs it first; only when they import something from it.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def add(module: str) -> None:
        while module and module not in modules:  # a name inside a module: the module
            module = module.rpartition(".")[0]
        if module and module != name:
            found.add(module)

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, node.module] if node.module else parts)
            else:
                base = node.module or ""
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                add(submodule if submodule in modules else base)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = package_modules(root)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or through the others of the
    group (strongly connected components, by Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(groups)


def describe_cycles(graph: dict[str, set[str]]) -> str:
    """Each cycle's modules, and which of the others each one imports."""
    lines = []
    for group in import_cycles(graph):
        lines.append(f"import cycle of {len(group)} modules:")
        lines.extend(
            f"  {module} imports {', '.join(sorted(graph[module] & set(group)))}"
            for module in group
        )
    return "\n".join(lines)


def test_no_import_cycles_in_the_package():
    graph = import_graph(PACKAGE)
    assert import_cycles(graph) == [], describe_cycles(graph)


def write_package(root: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root / next(iter(files)).split("/")[0]


def test_the_cycle_checker_sees_deferred_and_type_checking_imports(tmp_path):
    package = write_package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "def f():\n    from pkg.b import g\n",
            "pkg/b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from .c import C\ndef g(): pass\n"
            ),
            "pkg/c.py": "import pkg.a\nclass C: pass\n",
            "pkg/d.py": "from pkg import a\n",
        },
    )
    graph = import_graph(package)
    assert import_cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
    assert describe_cycles(graph) == (
        "import cycle of 3 modules:\n"
        "  pkg.a imports pkg.b\n"
        "  pkg.b imports pkg.c\n"
        "  pkg.c imports pkg.a"
    )


def test_the_cycle_checker_follows_submodules_imported_from_their_package(tmp_path):
    package = write_package(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.sub.x import X\n",
            "pkg/sub/__init__.py": "",
            "pkg/sub/x.py": "from pkg.sub import y\nclass X: pass\n",
            "pkg/sub/y.py": "from . import x\n",
            "pkg/z.py": "from pkg import X\n",
        },
    )
    graph = import_graph(package)
    assert graph["pkg.sub.x"] == {"pkg.sub.y"}  # not the package pkg.sub itself
    assert graph["pkg.z"] == {"pkg"}
    assert import_cycles(graph) == [["pkg.sub.x", "pkg.sub.y"]]


def test_a_package_and_its_module_that_imports_a_name_from_it_are_a_cycle(tmp_path):
    """Unlike ../shared/tools/import_cycles.py, which leaves out every cycle of a package
    and one of its own modules: here `from . import sibling` is no import of the package,
    so what is left is a module taking a name from the package that imports it."""
    package = write_package(
        tmp_path,
        {
            "pkg/__init__.py": "LIMIT = 3\nfrom pkg.a import f\n",
            "pkg/a.py": "from pkg import LIMIT\ndef f(): return LIMIT\n",
        },
    )
    assert import_cycles(import_graph(package)) == [["pkg", "pkg.a"]]


# One concept per module (DESIGN.md §1): past ~400 lines a module is usually two; past 500
# it is split.

MAX_MODULE_LINES = 500


def long_modules(root: Path, limit: int = MAX_MODULE_LINES) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append(f"{path.relative_to(root).as_posix()}: {lines} lines")
    return found


def test_no_module_is_over_500_lines():
    found = long_modules(PACKAGE)
    assert found == [], "\n".join(found)


def test_the_length_checker_sees_a_long_module(tmp_path):
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_MODULE_LINES, encoding="utf-8")
    (tmp_path / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    assert long_modules(tmp_path) == [f"long.py: {MAX_MODULE_LINES + 1} lines"]


# Qt text positions belong to the views (DESIGN.md §1, §2): only they use QTextCursor,
# QTextDocument and the UTF-16 helper (a view's `.offsets`, an `OffsetMap`); features mark
# ranges through the view contract (TextSurface). The note editor is a text edit of its own.

TEXT_POSITION_NAMES = {"QTextCursor", "QTextDocument", "OffsetMap"}
OFFSETS_HELPER = "offsets"
VIEWS = PACKAGE / "ui" / "views"
TEXT_POSITION_OWNERS = {PACKAGE / "ui" / "annotations" / "note_editor.py"}


def owns_text_positions(path: Path) -> bool:
    """A view module (named after a view, or the helper itself), or a listed owner."""
    if path in TEXT_POSITION_OWNERS:
        return True
    return path.parent == VIEWS and (
        path.name.startswith(("reading_view", "pinyin_view")) or path.name == "offsets.py"
    )


def text_position_uses(path: Path) -> list[str]:
    """Where the source uses a Qt text position or the view's offset helper, by name or
    attribute (`QtGui.QTextCursor`, `view.offsets.to_qt`), by import, or in an annotation
    written as a string; words in docstrings and comments do not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    uses = set()
    for node in ast.walk(tree):
        used = text_position_use(node)
        if used:
            uses.add((node.lineno, used))
        for annotation in string_annotations(node):
            uses.update(
                (annotation.lineno, used)
                for inner in ast.walk(ast.parse(annotation.value, mode="eval"))
                if (used := text_position_use(inner))
            )
    return [f"line {line}: {used}" for line, used in sorted(uses)]


def text_position_use(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name) and node.id in TEXT_POSITION_NAMES:
        return node.id
    if isinstance(node, ast.Attribute) and node.attr in TEXT_POSITION_NAMES:
        return node.attr
    if isinstance(node, ast.Attribute) and node.attr == OFFSETS_HELPER:
        return f".{OFFSETS_HELPER}"
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        module = node.module if isinstance(node, ast.ImportFrom) else None
        names = [module, *(alias.name for alias in node.names)]
        if any(
            name.rpartition(".")[2] in (OFFSETS_HELPER, *TEXT_POSITION_NAMES)
            for name in filter(None, names)
        ):
            return "import " + ", ".join(filter(None, names))
    return None


def string_annotations(node: ast.AST) -> list[ast.Constant]:
    """Annotations written as strings on `node` (`cursor: "QtGui.QTextCursor"`)."""
    if isinstance(node, ast.arg | ast.AnnAssign):
        annotations = [node.annotation]
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        annotations = [node.returns]
    else:
        annotations = []
    return [a for a in annotations if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def test_only_the_views_touch_qt_text_positions():
    offenders = {
        str(path.relative_to(PACKAGE)): text_position_uses(path)
        for path in python_files()
        if not owns_text_positions(path) and text_position_uses(path)
    }
    assert offenders == {}, "\n".join(
        f"{name}: {'; '.join(uses)}" for name, uses in offenders.items()
    )


def test_the_text_position_checker_sees_cursors_documents_and_offsets(tmp_path):
    sample = tmp_path / "feature.py"
    sample.write_text(
        '"""Never a QTextDocument here; the view hit-tests (no .offsets. either)."""\n'
        "from reader.ui.qt import QtGui\n"
        "from reader.ui.views.offsets import OffsetMap\n"
        "def mark(view, start):\n"
        "    view.mark_range(start, start + 1)  # not QTextCursor\n"
        "    cursor = QtGui.QTextCursor(view.document())\n"
        "    cursor.setPosition(view.offsets.to_qt(start))\n"
        "    return OffsetMap(view.text), view.offset_at(cursor)\n"
        'def move(cursor: "QtGui.QTextCursor") -> None:\n'
        "    pass\n",
        encoding="utf-8",
    )
    assert text_position_uses(sample) == [
        "line 3: import reader.ui.views.offsets, OffsetMap",
        "line 6: QTextCursor",
        "line 7: .offsets",
        "line 8: OffsetMap",
        "line 9: QTextCursor",
    ]
    clean = tmp_path / "clean.py"
    clean.write_text(
        "def mark(view, start):\n    view.mark_range(start, start + 1)\n", encoding="utf-8"
    )
    assert text_position_uses(clean) == []


def test_the_views_and_the_note_editor_own_text_positions():
    owners = sorted(
        str(path.relative_to(PACKAGE)) for path in python_files() if owns_text_positions(path)
    )
    assert owners == [
        "ui/annotations/note_editor.py",
        "ui/views/offsets.py",
        "ui/views/pinyin_view.py",
        "ui/views/reading_view.py",
        "ui/views/reading_view_highlights.py",
        "ui/views/reading_view_lines.py",
        "ui/views/reading_view_marks.py",
        "ui/views/reading_view_page.py",
        "ui/views/reading_view_status.py",
    ]
    assert not owns_text_positions(PACKAGE / "ui" / "lookup" / "pinyin_view_lookup.py")
