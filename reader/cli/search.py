"""`reader search`: every match of a query across the library, by characters or pinyin, in
the documents' text or, with --notes, in their annotations.

The same core as the window's library search (reader.library.search) over the index beside
the store; a document whose file changed since it was indexed is indexed again first. Like
grep, the exit status is 0 when something matched, 1 when nothing did, 2 on an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import DATA_DIR_HELP, EXIT_OK, CommandError
from reader.cli.opened_library import bring_up_to_date, opened_library

if TYPE_CHECKING:
    from reader.library.search import Hit
    from reader.store import Store

EXIT_NONE = 1
"""Nothing matched (as grep says it)."""

HIT_FIELDS = (
    '"path", "start", "end" (offsets into the document\'s text), "section", "left", '
    '"match", "right"'
)


def search_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader search",
        description=(
            "Print every match of QUERY in the library's documents, in either script "
            "(寶玉 finds 宝玉), or with --pinyin every run of characters whose readings (the "
            "dictionary's, word by word) are those syllables: one line per match, in document "
            "order: path, offset, section, and the match in "
            "[brackets] with its context. The exit status is 0 when something matched, 1 "
            "when nothing did, 2 on an error."
        ),
    )
    parser.add_argument("query", metavar="QUERY", help="characters, or pinyin with --pinyin")
    parser.add_argument(
        "--json",
        action="store_true",
        help=f'one JSON object per match: {HIT_FIELDS}; with --notes also "title" and '
        '"annotation" (its id)',
    )
    parser.add_argument(
        "--pinyin",
        action="store_true",
        help="QUERY is pinyin: baoyu, bao yu, bao3yu4, bǎoyù, nv/nü/nu:",
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help="search the annotations (their quotes, notes and tags) instead of the text",
    )
    parser.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="PATH",
        help="search only this document of the library (again for more)",
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="with --notes: only this tag"
    )
    parser.add_argument(
        "--colour",
        action="append",
        default=[],
        metavar="COLOUR",
        help="with --notes: only highlights of this colour (yellow, red, green, blue, purple)",
    )
    parser.add_argument("--limit", metavar="N", type=_limit, help="print at most N matches")
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    options = parser.parse_args(args)
    if not options.query.strip():
        raise CommandError("QUERY: it is empty")
    if (options.tag or options.colour) and not options.notes:
        raise CommandError("--tag and --colour filter annotations: add --notes")
    colours = frozenset(_colour(colour) for colour in options.colour)
    if options.pinyin:
        _check_pinyin(options.query)
    from reader.library.search import LibraryQuery, QueryError, search

    with opened_library(options.data_dir) as (store, index):
        query = LibraryQuery(
            options.query,
            pinyin=options.pinyin,
            notes=options.notes,
            documents=_documents(store, options.document),
            tags=frozenset(options.tag),
            colours=colours,
        )
        bring_up_to_date(store, index)
        try:
            hits = search(index, store, query, limit=options.limit)
        except QueryError as error:
            raise CommandError(str(error)) from None
    for hit in hits:
        sys.stdout.write(_line(hit, options.notes, options.json) + "\n")
    sys.stdout.flush()
    return EXIT_OK if hits else EXIT_NONE


def _limit(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of matches (1 or more)")
    return int(value)


def _colour(name: str) -> str:
    from reader.store import COLOURS

    if name not in COLOURS:
        raise CommandError(f"--colour {name}: not a colour (one of {', '.join(COLOURS)})")
    return name


def _documents(store: Store, paths: list[str]) -> frozenset[int] | None:
    """The ids of the documents named by --document; None when none is named (all)."""
    if not paths:
        return None
    ids = set()
    for path in paths:
        entry = store.library.find_path(Path(path).resolve())
        if entry is None:
            raise CommandError(f"--document {path}: not in the library")
        ids.add(entry.id)
    return frozenset(ids)


def _check_pinyin(query: str) -> None:
    """A query that is not pinyin fails before any document is indexed again."""
    from reader.language.pinyin_query import PinyinQueryError, parse_query

    try:
        parse_query(query)
    except PinyinQueryError as error:
        raise CommandError(str(error)) from None


def _line(hit: Hit, notes: bool, as_json: bool) -> str:
    if as_json:
        return json.dumps(hit_record(hit, notes), ensure_ascii=False)
    where = str(hit.path) if hit.path is not None else hit.title
    section = " ".join(hit.section.split())
    fields = [where, str(hit.start), section, f"{hit.left}[{hit.match}]{hit.right}"]
    return "\t".join([*fields, hit.annotation_id or ""] if notes else fields)


def hit_record(hit: Hit, notes: bool = False) -> dict[str, object]:
    """A hit as `--json` prints it (reader search and reader concordance)."""
    record: dict[str, object] = {
        "path": None if hit.path is None else str(hit.path),
        "start": hit.start,
        "end": hit.end,
        "section": hit.section,
        "left": hit.left,
        "match": hit.match,
        "right": hit.right,
    }
    if notes:
        record["title"] = hit.title
        record["annotation"] = hit.annotation_id
    return record
