"""A frequency list written as CSV reads back with its header and every value."""

from __future__ import annotations

import csv

from reader.library.frequency import CharacterRow, FrequencyRow
from reader.library.frequency_csv import write_frequency_csv


def test_words_and_characters_read_back(tmp_path) -> None:
    words = [
        FrequencyRow("宝玉", 3, 1500.0, 2, None, "bǎoyù", 'precious "jade", ok', 0.5),
        FrequencyRow("说", 3, 1500.0, 1, 1, "shuō", "to speak", 1.0),
    ]
    path = tmp_path / "words.csv"
    write_frequency_csv(path, words)
    assert path.read_bytes().startswith("\ufeffword,count,".encode())
    with path.open(encoding="utf-8-sig", newline="") as file:
        read = list(csv.DictReader(file))
    assert read[0] == {
        "word": "宝玉",
        "count": "3",
        "per_10k": "1500.0",
        "sections": "2",
        "hsk": "",
        "pinyin": "bǎoyù",
        "gloss": 'precious "jade", ok',
        "cumulative": "0.5",
    }
    assert read[1]["hsk"] == "1"
    chars = tmp_path / "chars.csv"
    write_frequency_csv(chars, [CharacterRow("学", 2, 5000.0, 1.0)], characters=True)
    assert chars.read_text(encoding="utf-8-sig").splitlines() == [
        "char,count,per_10k,cumulative",
        "学,2,5000.0,1.0",
    ]
