"""`reader find`: every match of a query in a document, by characters or by pinyin.

The same core as the window's find bar (reader.language.find) and the same places
(reader.document.match_places): each match with its section and a line of context.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from reader.cli.common import DATA_DIR_HELP, EXIT_OK, CommandError, tell
from reader.document import Document, open_document
from reader.document.match_places import MatchPlaces

NOTE_WORDS = 5
"""Matched words named in the note a pinyin find writes, most frequent first."""


def find_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader find",
        description=(
            "Print every match of QUERY in FILE, in either script (諸葛亮 finds 诸葛亮), "
            "or with --pinyin every run of characters read so in context: one line per "
            "match, its section, its offset and a line of context. Nothing is printed, and "
            "the exit status is 0, when nothing matches."
        ),
    )
    parser.add_argument("query", help="characters, or pinyin with --pinyin")
    parser.add_argument("file", help="the document")
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per match: "start", "end" (offsets into the text), '
        '"section", "context"',
    )
    parser.add_argument(
        "--pinyin",
        action="store_true",
        help="QUERY is pinyin: zhugeliang, zhuge liang, zhu1ge3liang4, zhūgěliàng, nv/nü/nu:",
    )
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    options = parser.parse_args(args)
    if not options.query.strip():
        raise CommandError("QUERY: it is empty")
    document = open_document(options.file)
    if options.pinyin:
        matches = _pinyin_matches(document, options.query, options.data_dir)
    else:
        from reader.language.find import Finder

        matches = Finder(document.text).find_characters(options.query)
    places = MatchPlaces(document)
    for start, end in matches:
        place = places.place(start, end)
        if options.json:
            record = {"start": start, "end": end, "section": place.section}
            record["context"] = place.context
            line = json.dumps(record, ensure_ascii=False)
        else:
            section = " ".join(place.section.split())
            line = f"{section}\t{start}\t{place.context}"
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    return EXIT_OK


def _pinyin_matches(document: Document, query: str, data_dir: str | None) -> list[tuple[int, int]]:
    """The pinyin find's matches; a note on stderr when they are more than one word."""
    import sqlite3

    from reader.cli.common import load_corrections
    from reader.language.find import Finder
    from reader.language.packaged import MissingDataError
    from reader.language.pinyin_query import PinyinQueryError, parse_query
    from reader.language.segmentation import Segmentation
    from reader.language.tools import LanguageTools

    try:
        parse_query(query)  # a query that is not pinyin fails before the tools load
    except PinyinQueryError as error:
        raise CommandError(str(error)) from None
    corrections = load_corrections(data_dir)
    try:
        tools = LanguageTools()
        spans = [(block.start, block.end) for block in document.blocks]
        segmentation = Segmentation(document.text, spans, tools.segmenter, corrections)
        result = Finder(document.text).find_pinyin(query, segmentation.tokens, tools)
    except (MissingDataError, OSError, sqlite3.Error) as error:
        raise CommandError(f"the language data cannot be opened: {error}") from None
    words = Counter(document.text[start:end] for start, end in result.matches)
    if len(words) > 1:
        named = ", ".join(f"{word} {count:,}" for word, count in words.most_common(NOTE_WORDS))
        more = f" and {len(words) - NOTE_WORDS:,} more" if len(words) > NOTE_WORDS else ""
        tell(
            f"note: the {len(result.matches):,} matches are {len(words):,} different words "
            f"read {query.strip()!r} in context: {named}{more}"
        )
    return result.matches
