"""The one error every importer raises: a file that cannot be opened, and why."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A file that cannot be opened, with a reason a reader understands."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason
