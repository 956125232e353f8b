"""The saved words as CSV, for any tool other than Anki: UTF-8, a header row, one row a word.

The deck's fields as plain text (the sentence as written, the senses joined by " / "), then
the date the word was saved, its status and its tags. Every cell is quoted, and none can run
as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from reader.store.exchange import csv_cell
from reader.store.vocabulary_fields import FIELD_NAMES, meanings

if TYPE_CHECKING:
    from reader.store.saved_words import SavedWord

CSV_COLUMNS = (*FIELD_NAMES, "Date", "Status", "Tags")


def vocabulary_csv(saved_words: Sequence[SavedWord], statuses: Mapping[str, str]) -> str:
    """One row per saved word; `statuses` gives each word's status by name (new, 1-4, known,
    ignored), new for a word it lacks."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for saved in saved_words:
        row = (
            saved.word,
            saved.traditional,
            saved.pinyin,
            " / ".join(meanings(saved)),
            saved.hsk,
            saved.sentence,
            saved.sentence_pinyin,
            saved.source,
            saved.created.date().isoformat(),
            statuses.get(saved.word, "new"),
            "; ".join(saved.tags),
        )
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()
