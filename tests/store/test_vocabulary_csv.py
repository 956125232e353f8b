"""The saved words as CSV: a header row, one quoted row per word, no formula can run."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from reader.store import SavedWord
from reader.store.vocabulary_csv import CSV_COLUMNS, vocabulary_csv


def test_a_header_then_one_row_per_word_with_date_and_status():
    word = SavedWord(
        "重要",
        "网络安全很重要。",
        5,
        7,
        traditional="重要",
        pinyin="zhòngyào",
        meaning="important\nsignificant",
        hsk="1",
        sentence_pinyin="wǎngluò ānquán hěn zhòngyào.",
        document_title="新闻",
        section="第一节",
        tags=("news", "read later"),
        created=datetime(2026, 12, 6, 10, 0, tzinfo=timezone.utc),
    )
    rows = list(csv.reader(io.StringIO(vocabulary_csv([word], {"重要": "known"}))))
    assert rows[0] == list(CSV_COLUMNS)
    assert dict(zip(rows[0], rows[1], strict=True)) == {
        "Hanzi": "重要",
        "Traditional": "重要",
        "Pinyin": "zhòngyào",
        "Meaning": "important / significant",
        "HSK": "1",
        "Sentence": "网络安全很重要。",
        "Sentence pinyin": "wǎngluò ānquán hěn zhòngyào.",
        "Source": "新闻 · 第一节",
        "Date": "2026-12-06",
        "Status": "known",
        "Tags": "news; read later",
    }


def test_a_word_without_a_status_is_new_and_no_cell_runs_as_a_formula():
    word = SavedWord("说", '=HYPERLINK("x")说', 15, 16)
    text = vocabulary_csv([word], {})
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][CSV_COLUMNS.index("Status")] == "new"
    assert rows[1][CSV_COLUMNS.index("Sentence")] == '\'=HYPERLINK("x")说'
    assert all(line.startswith('"') for line in text.splitlines())
