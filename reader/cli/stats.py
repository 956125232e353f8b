"""`reader stats`: how much of a document its reader knows, per section and in all.

The same core as the window's section tree and Text Difficulty dialog
(reader.language.coverage), with the reader's word corrections and word statuses, read from
the store without writing to it.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.common import (
    DATA_DIR_HELP,
    EXIT_OK,
    CommandError,
    add_reading_options,
    load_corrections,
    opened_store,
    read_document,
)

SHARE_DIGITS = 4
"""Decimals of "known_share" in the JSON (a hundredth of a per cent)."""


def stats_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader stats",
        description=(
            "Print how much of FILE you know, for each section below the title and, last, "
            "for the whole document: the running words counted (words with Chinese "
            "characters; numbers, names and words you ignore left out), the share of them "
            "whose status is known, the different new words, and the HSK profile."
        ),
    )
    parser.add_argument("file", help="the document")
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per line: "kind" ("section" or "document"), "title", "start", '
        '"end", "words", "known_share" (0-1), "new_words", "hsk" (band -> running words)',
    )
    add_reading_options(parser)
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    options = parser.parse_args(args)
    document = read_document(options)
    import sqlite3

    from reader.language.coverage import count_words, coverage
    from reader.language.packaged import MissingDataError
    from reader.language.segmentation import Segmentation
    from reader.language.tools import LanguageTools

    statuses = _statuses(options.data_dir)
    corrections = load_corrections(options.data_dir)
    tools = LanguageTools()
    spans = [(block.start, block.end) for block in document.blocks]
    try:
        segmentation = Segmentation(document.text, spans, tools.segmenter, corrections)
        counts = count_words(document, segmentation, tools.counted_words)
    except (MissingDataError, OSError, sqlite3.Error) as error:
        raise CommandError(f"the language data cannot be opened: {error}") from None
    rows = [
        ("section", section.section.heading if section.section else "", section)
        for section in counts.sections
    ]
    rows.append(("document", document.title, counts.document))
    if not options.json:
        sys.stdout.write(_header())
    for kind, title, section in rows:
        found = coverage(section, counts.bands, statuses)
        if options.json:
            record = {
                "kind": kind,
                "title": title,
                "start": section.start,
                "end": section.end,
                "words": found.words,
                "known_share": round(found.known_share, SHARE_DIGITS),
                "new_words": found.new_words,
                "hsk": found.hsk,
            }
            line = json.dumps(record, ensure_ascii=False)
        else:
            shown = f"[document] {' '.join(title.split())}"
            if section.section is not None:  # indented as in the outline
                shown = "  " * (section.section.level - 1) + " ".join(title.split())
            line = (
                f"{found.known_share:>6.1%} {found.learning_share:>8.1%} "
                f"{found.words:>8} {found.new_words:>9}  {shown}"
            )
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    return EXIT_OK


def _header() -> str:
    return f"{'known':>6} {'learning':>8} {'words':>8} {'new words':>9}  section\n"


def _statuses(data_dir: str | None) -> dict[str, int]:
    """The reader's word statuses, read without writing (an empty store: every word new)."""
    with opened_store(data_dir, read_only=True) as store:
        return {word: int(status) for word, status in store.word_statuses.all().items()}
