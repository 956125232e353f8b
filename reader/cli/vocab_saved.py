"""`reader vocab save` and `reader vocab export`: words kept with their sentence, and the
Anki deck or CSV made of them, on the same core as the window's pop-up and File menu.

`reader vocab` (reader/cli/vocab.py) adds these actions with `add_saved_actions` and runs
them through `SAVED_ACTIONS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.cli.common import (
    DATA_DIR_HELP,
    EXIT_OK,
    CommandError,
    load_corrections,
    offset,
    opened_store,
)

EXPORT_FORMATS = ("apkg", "csv")


def add_saved_actions(actions: Any) -> None:
    """The `save` and `export` sub-parsers, added to `reader vocab`'s actions."""
    save = actions.add_parser(
        "save",
        help="save a word with the sentence it is read in",
        description=(
            "Save WORD, as read at OFFSET of FILE, with its sentence: its pinyin as read "
            "there, its senses, traditional form, HSK level, the sentence and its pinyin, the "
            "document and section. OFFSET is a character offset into the document's text, as "
            "reader words --json prints it; it may fall anywhere in the word. Prints the word, "
            "its pinyin and the sentence, tab-separated."
        ),
    )
    save.add_argument("word", help="the word, simplified or traditional")
    save.add_argument("file", help="the document")
    save.add_argument("--at", metavar="OFFSET", required=True, type=_offset, help="where it is")
    save.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    export = actions.add_parser(
        "export",
        help="write every saved word as an Anki package or CSV",
        description=(
            "Write every saved word to OUT: an Anki package (apkg; importing a newer export "
            "updates the cards of an older one) or CSV (UTF-8, a header row; OUT may be - for "
            "standard output; a file starts with a byte-order mark for spreadsheet programs)."
        ),
    )
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="default: from OUT's extension, else apkg",
    )
    export.add_argument("out", metavar="OUT", help="the file to write")
    export.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)


def _offset(value: str) -> int:
    try:
        return offset(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _save(options: argparse.Namespace) -> int:
    import sqlite3

    from reader.document import open_document
    from reader.language.packaged import MissingDataError
    from reader.language.saving import lookup_span, saved_word, word_span
    from reader.language.segmentation import Segmentation
    from reader.language.tools import LanguageTools

    document = open_document(options.file)
    corrections = load_corrections(options.data_dir)
    try:
        tools = LanguageTools()
        spans = [(block.start, block.end) for block in document.blocks]
        segmentation = Segmentation(document.text, spans, tools.segmenter, corrections)
        span = word_span(tools.lookup, segmentation, options.word, options.at)
        if span is None:
            raise CommandError(
                f"save: {options.word.strip()!r} is not at offset {options.at} of "
                f"{options.file} ({_what_is_at(document.text, options.at)})"
            )
        found = lookup_span(tools.lookup, segmentation, *span)
        saved = saved_word(document, found, tools.lookup, segmentation.tokens)
    except (MissingDataError, OSError, sqlite3.Error) as error:
        raise CommandError(f"the language data cannot be opened: {error}") from None
    with opened_store(options.data_dir) as store:
        store.saved_words.save(saved)
    print(f"{saved.written}\t{saved.pinyin}\t{saved.sentence}")
    return EXIT_OK


def _what_is_at(text: str, at: int) -> str:
    if at >= len(text):
        return f"the text has {len(text)} characters"
    return f"the text there reads {text[at : at + 8]!r}"


def _export(options: argparse.Namespace) -> int:
    from reader.store.deck import write_deck
    from reader.store.vocabulary_csv import vocabulary_csv

    out = options.out
    format = options.format or ("csv" if out == "-" or out.lower().endswith(".csv") else "apkg")
    if out == "-" and format != "csv":
        raise CommandError("export: only CSV can be written to standard output")
    with opened_store(options.data_dir, read_only=True) as store:
        saved_words = list(reversed(store.saved_words.all()))  # the first saved first
        statuses = store.word_statuses.statuses(saved.word for saved in saved_words)
    try:
        if format == "apkg":
            write_deck(Path(out), saved_words)
        else:
            text = vocabulary_csv(
                saved_words, {word: status.name_shown for word, status in statuses.items()}
            )
            if out == "-":
                sys.stdout.write(text)
                sys.stdout.flush()
                return EXIT_OK
            # A byte-order mark, which spreadsheet programs need to read Chinese as UTF-8.
            Path(out).write_text(text, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise CommandError(f"export: {out}: {error.strerror or error}") from None
    print(f"{out}: {len(saved_words)} saved words written ({format})")
    return EXIT_OK


SAVED_ACTIONS: dict[str, Callable[[argparse.Namespace], int]] = {
    "save": _save,
    "export": _export,
}
