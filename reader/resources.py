"""Finding shipped files (resources/, seeds/) however the program runs.

A source checkout keeps them beside the package, an installed wheel inside it
(pyproject.toml force-includes them), a PyInstaller bundle under sys._MEIPASS.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
SEED_NAME = "xinhua-2016-04-19-cybersecurity-symposium.txt"


def _roots() -> list[Path]:
    bundle = getattr(sys, "_MEIPASS", None)
    roots = [Path(bundle)] if bundle else []
    return [*roots, _PACKAGE_DIR, _PACKAGE_DIR.parent]


def find(relative: str) -> Path:
    """The shipped file at `relative` (for example "seeds/x.txt"); FileNotFoundError if absent."""
    for root in _roots():
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{relative} is missing from this installation")


def seed_article() -> Path:
    """The article Reader opens the first time it starts."""
    return find(f"seeds/{SEED_NAME}")
