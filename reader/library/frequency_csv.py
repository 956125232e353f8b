"""A frequency list as CSV: UTF-8 with a byte-order mark (which spreadsheet programs need to
read Chinese as UTF-8, as for the vocabulary's CSV) and a header row, the fields of
`reader freq --json`, so a spreadsheet or a script reads what the window shows."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Sequence
from pathlib import Path

from reader.library.frequency import CharacterRow, FrequencyRow


def write_frequency_csv(
    path: Path, rows: Sequence[FrequencyRow] | Sequence[CharacterRow], characters: bool = False
) -> None:
    """Write `rows` (characters' if `characters`) to `path`, replacing it; OSError if it
    cannot be."""
    kind = CharacterRow if characters else FrequencyRow
    names = [field.name for field in dataclasses.fields(kind)]
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if value is None else value for value in dataclasses.astuple(row)])
