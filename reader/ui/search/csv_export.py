"""A concordance as a CSV file, for a spreadsheet or a script: UTF-8 with a byte-order mark
(Excel reads Chinese right only with one) and a header; one row a hit, in the order shown."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from reader.library.search import Hit

HEADER = ("document", "path", "section", "start", "end", "left", "match", "right")


def write_hits_csv(path: Path, hits: Iterable[Hit]) -> int:
    """Write `hits` to `path`; returns how many. Raises OSError when the file cannot be written."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for hit in hits:
            path_text = str(hit.path) if hit.path is not None else ""
            writer.writerow(
                (
                    hit.title,
                    path_text,
                    hit.section,
                    hit.start,
                    hit.end,
                    hit.left,
                    hit.match,
                    hit.right,
                )
            )
            count += 1
    return count
