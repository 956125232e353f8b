"""Issue 13's table through `reader pinyin --json` (tests/everyday_table.py): each row right."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from reader.cli import main
from tests.everyday_table import ROW_IDS, ROWS


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list[str | None]]:
    """`reader pinyin --json` on a file of the table's sentences, one a line: by sentence."""
    path = tmp_path_factory.mktemp("table") / "everyday.txt"
    path.write_text("".join(sentence + "\n" for sentence, _ in ROWS), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["pinyin", "--json", str(path)]) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    return {sentence: row for (sentence, _), row in zip(ROWS, rows, strict=True)}


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_the_row_reads_right(printed, row):
    sentence, expected = row
    assert len(printed[sentence]) == len(sentence)
    assert {index: printed[sentence][index] for index in expected} == expected
