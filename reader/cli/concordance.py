"""`reader concordance`: a word's keyword-in-context lines, in one file or across the library.

The same core as the window's concordance (reader.library.concordance): the matches found
script-blind, each with its context on both sides, sorted by document order or by the
context nearest the word on its left or right. A FILE need not be in the library. Exit
status as reader search: 0 when the word occurs, 1 when it does not, 2 on an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from reader.cli.columns import right_aligned, width
from reader.cli.common import DATA_DIR_HELP, EXIT_OK, CommandError, add_reading_options
from reader.cli.search import EXIT_NONE, HIT_FIELDS, hit_record

if TYPE_CHECKING:
    from reader.library.search import Hit

SORT_KEYS = ("document", "left", "right")


def concordance_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader concordance",
        description=(
            "Print every occurrence of WORD in FILE, or with --library in every document of "
            "the library, in either script (寶玉 finds 宝玉): one line each, the left context "
            "aligned on the word, then where it is. The exit status is 0 when WORD occurs, 1 "
            "when it does not, 2 on an error."
        ),
    )
    parser.add_argument("word", metavar="WORD", help="the characters to look for")
    parser.add_argument("file", metavar="FILE", nargs="?", help="the document (or --library)")
    parser.add_argument(
        "--library", action="store_true", help="every document of the library instead of FILE"
    )
    parser.add_argument(
        "--sort",
        choices=SORT_KEYS,
        default="document",
        help="document order (the default), or by the context next to the word: its left "
        "context read from the word backwards, or its right context",
    )
    parser.add_argument(
        "--json", action="store_true", help=f"one JSON object per line: {HIT_FIELDS}"
    )
    add_reading_options(parser)
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    options = parser.parse_args(args)
    if not options.word.strip():
        raise CommandError("WORD: it is empty")
    if (options.file is not None) == options.library:
        raise CommandError("name a FILE or give --library (one of them)")
    from reader.library.concordance import sort_hits

    found = _library_hits(options) if options.library else _file_hits(options)
    hits = sort_hits(found, options.sort)
    if options.json:
        lines = [json.dumps(hit_record(hit), ensure_ascii=False) for hit in hits]
    else:
        lines = _kwic(hits)
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()
    return EXIT_OK if hits else EXIT_NONE


def _file_hits(options: argparse.Namespace) -> list[Hit]:
    from reader.cli.common import read_document
    from reader.library.concordance import concordance

    return concordance(read_document(options), options.word)


def _library_hits(options: argparse.Namespace) -> list[Hit]:
    from reader.cli.opened_library import bring_up_to_date, opened_library
    from reader.library.concordance import concordance

    if options.encoding or options.heading_pattern:
        raise CommandError("--encoding and --heading-pattern apply to a FILE")
    with opened_library(options.data_dir) as (store, index):
        bring_up_to_date(store, index)
        return concordance(index, options.word)


def _kwic(hits: list[Hit]) -> list[str]:
    """Keyword-in-context lines: the left contexts right-aligned, so every match starts in
    the same column; then the path and the offset, tab-separated."""
    columns = max((width(hit.left) for hit in hits), default=0)
    return [
        f"{right_aligned(hit.left, columns)} [{hit.match}] {hit.right}\t{_where(hit)}\t{hit.start}"
        for hit in hits
    ]


def _where(hit: Hit) -> str:
    return str(hit.path) if hit.path is not None else hit.title
