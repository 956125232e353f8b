"""The concordance's CSV: a header, one row a hit, UTF-8 that a spreadsheet reads."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reader.library.search import Hit
from reader.ui.search.csv_export import HEADER, write_hits_csv

HITS = [
    Hit(1, Path("/b/one.txt"), "一", 10, 12, "第一回", "袭人劝", "宝玉", '读书, "好"'),
    Hit(2, None, "二", 5, 7, "", "", "宝玉", "见了黛玉"),
]


def test_the_hits_are_written_with_a_header_and_read_back_as_they_were(tmp_path):
    target = tmp_path / "hits.csv"

    assert write_hits_csv(target, HITS) == 2

    assert target.read_bytes().startswith("\ufeff".encode())  # Excel reads it as UTF-8
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows == [
        list(HEADER),
        ["一", "/b/one.txt", "第一回", "10", "12", "袭人劝", "宝玉", '读书, "好"'],
        ["二", "", "", "5", "7", "", "宝玉", "见了黛玉"],
    ]


def test_a_file_that_cannot_be_written_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        write_hits_csv(tmp_path / "no such folder" / "hits.csv", HITS)
