"""The credits name each work Reader ships and its licence, and the licence texts are there
to ship: in resources/, which the wheel and reader.spec carry whole."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reader.credits import CREDITS, LICENCE_FILES, credits_text

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("name", "licence", "notice"),
    [
        ("CC-CEDICT", "CC BY-SA 4.0", "MDBG"),
        ("g2pM", "Apache License 2.0", "Kakao Brain"),
        ("complete-hsk-vocabulary", "MIT License", "Zafirópulos"),
        ("jieba", "MIT License", "Sun Junyi"),
        ("pypinyin", "MIT License", "mozillazg"),
        ("Qt and Qt for Python (PySide6)", "LGPLv3", "Qt Company"),
        ("OpenCC", "Apache License 2.0", "BYVoid"),
    ],
)
def test_each_work_is_credited_with_its_licence(name, licence, notice):
    credit = next(credit for credit in CREDITS if credit.name == name)
    assert licence in credit.licence
    assert notice in credit.notice
    assert f"{name} — " in credits_text()


@pytest.mark.parametrize("relative", LICENCE_FILES)
def test_every_licence_text_is_in_the_shipped_resources(relative):
    text = (PROJECT_ROOT / "resources" / relative).read_text(encoding="utf-8")
    assert len(text) > 500
    assert "licen" in text.lower() or "permission" in text.lower()


def _spec_assignments() -> dict[str, object]:
    """The spec's top-level constants, read without running PyInstaller."""
    tree = ast.parse((PROJECT_ROOT / "reader.spec").read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                found[node.targets[0].id] = ast.unparse(node.value)
    return found


def test_the_spec_ships_the_licences_and_gives_the_app_its_icon():
    spec = _spec_assignments()
    assert "resources" in spec["SHIPPED_FOLDERS"]
    assert spec["ICONS"] == {"win32": "reader.ico", "darwin": "reader.icns"}
    assert "icon=ICON" in (PROJECT_ROOT / "reader.spec").read_text(encoding="utf-8")
    icons = PROJECT_ROOT / "resources" / "icons"
    assert (icons / "reader.ico").read_bytes()[:4] == b"\0\0\1\0"
    macos = (icons / "reader.icns").read_bytes()
    assert macos[:4] == b"icns"
    assert int.from_bytes(macos[4:8], "big") == len(macos)
