"""The sub-commands that read Chinese: `lookup`, `pinyin` and `words`.

Each imports the language tools when it runs, so the window and `reader outline` start
without them.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.common import (
    DATA_DIR_HELP,
    EXIT_OK,
    CommandError,
    add_style_option,
    load_corrections,
    read_text,
)
from reader.document import Document, open_document


def lookup_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader lookup",
        description="Look a word up in CC-CEDICT: forms, pinyin, HSK level, numbered senses.",
    )
    parser.add_argument("word", help="a word in simplified or traditional characters")
    add_style_option(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object: "word", "pinyin", "entries" and "cover" (the dictionary '
        "words a word CC-CEDICT lacks is made of)",
    )
    options = parser.parse_args(args)
    import sqlite3

    from reader.language.lookup import WordNotFound, lookup_lines
    from reader.language.packaged import MissingDataError
    from reader.language.pinyin import PinyinStyle
    from reader.language.tools import LanguageTools
    from reader.language.word_records import lookup_record

    style = PinyinStyle(options.style)
    try:
        lookup = LanguageTools().lookup
        lines = lookup_lines(lookup, options.word, style)
        if options.json:
            record = lookup_record(lookup.word(options.word.strip()), lookup.hsk, style)
            lines = [json.dumps(record, ensure_ascii=False)]
    except WordNotFound as error:
        raise CommandError(str(error)) from None
    except (MissingDataError, OSError, sqlite3.Error) as error:
        raise CommandError(f"the dictionary cannot be opened: {error}") from None
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()
    return EXIT_OK


def pinyin_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader pinyin",
        description=(
            "Print a text with each word's pinyin, read in context as the window reads it "
            "(lines cut mid-sentence read joined); one output line per line."
        ),
    )
    parser.add_argument("file", help="the text to read, or - for standard input")
    add_style_option(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON array per line: each character's syllable, or null",
    )
    parser.add_argument(
        "--spoken", action="store_true", help="tones as spoken (一, 不, third-tone sandhi)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=DATA_DIR_HELP,
    )
    options = parser.parse_args(args)
    text = read_text(options.file)
    import sqlite3

    from reader.language.packaged import MissingDataError
    from reader.language.pinyin import PinyinStyle
    from reader.language.tools import LanguageTools
    from reader.language.transcript import annotated_lines, json_lines

    corrections = load_corrections(options.data_dir)
    write = json_lines if options.json else annotated_lines
    try:
        lines = write(
            text,
            LanguageTools(),
            PinyinStyle(options.style),
            spoken=options.spoken,
            corrections=corrections,
        )
        for line in lines:
            sys.stdout.write(line + "\n")
    except BrokenPipeError:
        raise  # the reader of our output went away: main says nothing
    except (MissingDataError, OSError, sqlite3.Error) as error:
        raise CommandError(f"the language data cannot be opened: {error}") from None
    sys.stdout.flush()
    return EXIT_OK


def words_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader words",
        description=(
            "Print each word of a document as Reader cuts it (with your word corrections) "
            "and how the dictionary answers it: as a word, by the words inside it (cover), "
            "or by its characters."
        ),
    )
    parser.add_argument("file", help="the document, or - for standard input")
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per word: "start", "end", "text", "pinyin", "dictionary"',
    )
    add_style_option(parser)
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    options = parser.parse_args(args)
    document = _document(options.file)
    import sqlite3

    from reader.language.packaged import MissingDataError
    from reader.language.pinyin import PinyinStyle
    from reader.language.tools import LanguageTools
    from reader.language.word_records import word_records

    corrections = load_corrections(options.data_dir)
    spans = [(block.start, block.end) for block in document.blocks]
    try:
        records = word_records(
            document.text, spans, LanguageTools(), corrections, PinyinStyle(options.style)
        )
        for record in records:
            if options.json:
                line = json.dumps(record, ensure_ascii=False)
            else:
                line = "\t".join(str(record[key]) for key in ("start", "end", "text", "pinyin"))
                line += "\t" + record["dictionary"]
            sys.stdout.write(line + "\n")
    except BrokenPipeError:
        raise  # the reader of our output went away: main says nothing
    except (MissingDataError, OSError, sqlite3.Error) as error:
        raise CommandError(f"the language data cannot be opened: {error}") from None
    sys.stdout.flush()
    return EXIT_OK


def _document(name: str) -> Document:
    """The document the window would open for `name`, or for the text on standard input."""
    if name != "-":
        return open_document(name)
    from reader.document import build_document

    return build_document(read_text(name))
