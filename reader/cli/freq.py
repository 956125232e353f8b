"""`reader freq`: a document's (or the library's) word or character frequency list, most
frequent first, from the same core as the window's Word Frequency dialog
(reader.library.frequency), with the reader's word corrections."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.cli.common import (
    DATA_DIR_HELP,
    EXIT_OK,
    CommandError,
    add_reading_options,
    load_corrections,
    read_document,
)

if TYPE_CHECKING:  # loaded with the command: the window starts without the language layer
    from reader.library.frequency import CharacterRow, FrequencyRow

PER_10K_DIGITS = 2
CUMULATIVE_DIGITS = 4


def freq_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader freq",
        description=(
            "Print the word frequency list of FILE, or of every document in the library, most "
            "frequent first: one line per word, its fields separated by tabs (word, count, "
            "per 10,000 words, sections, HSK level, pinyin, gloss, cumulative share). Words "
            "are the running words Text Difficulty counts: words with Chinese characters, by "
            "simplified form, cut with your corrections; numbers and names left out."
        ),
    )
    parser.add_argument("file", nargs="?", help="the document")
    parser.add_argument(
        "--library",
        action="store_true",
        help="the whole library (as reader library add indexed it) instead of a FILE",
    )
    parser.add_argument(
        "--chars",
        action="store_true",
        help="the Chinese characters instead of the words (char, count, per_10k, cumulative)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per line: "word" (or "char"), "count", "per_10k", "sections", '
        '"hsk", "pinyin", "gloss", "cumulative"',
    )
    add_reading_options(parser)
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    options = parser.parse_args(args)
    if options.library == (options.file is not None):
        raise CommandError("name a FILE or --library (one of them)")
    rows = _library_rows(options) if options.library else _document_rows(options)
    line = _char_line if options.chars else _word_line
    sys.stdout.write("".join(line(row, options.json) + "\n" for row in rows))  # type: ignore[arg-type]
    sys.stdout.flush()
    return EXIT_OK


def _document_rows(options: argparse.Namespace) -> Sequence[FrequencyRow | CharacterRow]:
    document = read_document(options)
    from reader.library.frequency import character_frequencies

    if options.chars:
        return character_frequencies(document)
    import sqlite3

    from reader.language.packaged import MissingDataError
    from reader.language.segmentation import Segmentation
    from reader.language.tools import LanguageTools
    from reader.library.frequency import word_frequencies

    corrections = load_corrections(options.data_dir)
    tools = LanguageTools()
    spans = [(block.start, block.end) for block in document.blocks]
    try:
        segmentation = Segmentation(document.text, spans, tools.segmenter, corrections)
        return word_frequencies(document, segmentation, tools=tools)
    except (MissingDataError, OSError, sqlite3.Error) as error:
        raise CommandError(f"the language data cannot be opened: {error}") from None


def _library_rows(options: argparse.Namespace) -> Sequence[FrequencyRow | CharacterRow]:
    """From the counts the index stored, for the documents the library lists."""
    import sqlite3

    from reader.library.library_frequency import NoLibraryIndex, library_lists
    from reader.store import StoreError, resolve_data_dir

    try:
        return library_lists(resolve_data_dir(options.data_dir), options.chars)
    except (NoLibraryIndex, StoreError) as error:
        raise CommandError(str(error)) from None
    except (OSError, sqlite3.Error) as error:
        raise CommandError(f"the library's index cannot be read: {error}") from None


def _word_line(row: FrequencyRow, as_json: bool) -> str:
    per_10k = round(row.per_10k, PER_10K_DIGITS)
    cumulative = round(row.cumulative, CUMULATIVE_DIGITS)
    if as_json:
        record = {
            "word": row.word,
            "count": row.count,
            "per_10k": per_10k,
            "sections": row.sections,
            "hsk": row.hsk,
            "pinyin": row.pinyin,
            "gloss": row.gloss,
            "cumulative": cumulative,
        }
        return json.dumps(record, ensure_ascii=False)
    hsk = "" if row.hsk is None else str(row.hsk)
    gloss = " ".join(row.gloss.split())  # one line, whatever the dictionary holds
    fields = (row.word, row.count, f"{per_10k:.2f}", row.sections, hsk, row.pinyin, gloss)
    return "\t".join(map(str, (*fields, f"{cumulative:.4f}")))


def _char_line(row: CharacterRow, as_json: bool) -> str:
    per_10k = round(row.per_10k, PER_10K_DIGITS)
    cumulative = round(row.cumulative, CUMULATIVE_DIGITS)
    if as_json:
        record = {"char": row.char, "count": row.count, "per_10k": per_10k}
        record["cumulative"] = cumulative
        return json.dumps(record, ensure_ascii=False)
    return "\t".join(map(str, (row.char, row.count, f"{per_10k:.2f}", f"{cumulative:.4f}")))
