"""The file and format an export's Save dialog passes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.export_dialog import chosen_format

FILTERS = {"Anki package (*.apkg)": "apkg", "CSV (*.csv)": "csv"}


@pytest.mark.parametrize(
    ("name", "chosen", "expected"),
    [
        ("words", "CSV (*.csv)", ("words.csv", "csv")),
        ("words", "Anki package (*.apkg)", ("words.apkg", "apkg")),
        ("words.CSV", "Anki package (*.apkg)", ("words.CSV", "csv")),
        ("词汇.v2", "no such filter", ("词汇.v2.apkg", "apkg")),
    ],
)
def test_the_type_chosen_unless_the_name_has_another_types_suffix(name, chosen, expected):
    path, format = chosen_format(Path("/tmp") / name, chosen, FILTERS)
    assert (path.name, format) == expected
