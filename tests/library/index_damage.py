"""Damage that the check at opening cannot see: the pages of an index's stored text
overwritten, so that only a query reading them meets it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_stored_text(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
        pages = [
            page
            for (page,) in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = 'chunks' AND pagetype = 'leaf'"
            )
        ]
    finally:
        connection.close()
    assert pages
    with path.open("r+b") as file:
        for page in pages:
            file.seek((page - 1) * page_size)
            file.write(bytes(range(256)) * (page_size // 256))
