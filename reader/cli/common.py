"""What every sub-command shares: exit codes, the one-line error, reading text and options."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document import Document, DocumentError, open_document
from reader.document.chapters import compile_heading_pattern
from reader.document.encoding import EncodingError, decode_text, replacements_message
from reader.document.limits import read_file, read_stream
from reader.document.user_pattern import UserPatternError

if TYPE_CHECKING:
    from reader.language.corrections import Corrections
    from reader.store import Store

EXIT_OK = 0
EXIT_ERROR = 2
DATA_DIR_HELP = (
    "the folder holding Reader's store and word corrections (default: $READER_DATA_DIR, "
    "else the platform's data folder)"
)


class CommandError(Exception):
    """An error the user can act on; printed as one line, never as a traceback."""


def tell(message: str) -> None:
    """One line on stderr, whatever the message holds: a file name may hold a line break."""
    print(f"reader: {shown_line(message)}", file=sys.stderr)


def shown_line(message: str) -> str:
    """The message on one line: what would break it or move the cursor, escaped."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in message
    )


def add_style_option(parser: argparse.ArgumentParser) -> None:
    """--style, as every command that writes pinyin takes it."""
    from reader.language.pinyin import PinyinStyle

    styles = [style.value for style in PinyinStyle]
    parser.add_argument("--style", choices=styles, default="marks", help="how pinyin is written")


def read_text(name: str) -> str:
    """A text file or standard input, in whatever encoding it comes (detected as on open),
    read within the same size limit as a document (never to the end of /dev/zero)."""
    if name == "-":
        data = read_stream(sys.stdin.buffer, "<standard input>")
    else:
        data = read_file(Path(name))
    try:
        return decode_text(data).text
    except EncodingError as error:
        raise DocumentError(name, str(error)) from None


def load_corrections(data_dir: str | None) -> Corrections:
    """The reader's word corrections, so that words are cut as the window cuts them; a
    damaged file was moved aside, and says so."""
    from reader.language.corrections import CORRECTIONS_FILE, Corrections, CorrectionsError
    from reader.store import resolve_data_dir

    try:
        return Corrections.load(resolve_data_dir(data_dir) / CORRECTIONS_FILE)
    except CorrectionsError as error:
        tell(f"warning: {error}")
        return Corrections()


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=(
            "read FILE in this encoding instead of detecting it: UTF-8, GB18030, Big5, "
            "Big5-HKSCS, UTF-16 LE, UTF-16 BE, or any Python codec name"
        ),
    )
    parser.add_argument(
        "--heading-pattern",
        metavar="REGEX",
        help="a regular expression that marks chapter-heading lines, instead of the built-in rules",
    )


def read_document(options: argparse.Namespace) -> Document:
    """Open the file as the reading options say, warning on stderr about undecodable bytes."""
    try:
        if options.heading_pattern is not None:
            compile_heading_pattern(options.heading_pattern)
        document = open_document(
            options.file, encoding=options.encoding, heading_pattern=options.heading_pattern
        )
    except UserPatternError as error:  # a bad pattern, or one that ran out of time
        raise CommandError(f"--heading-pattern: {error}") from None
    if document.replacements:
        message = replacements_message(document.replacements, document.encoding)
        tell(f"warning: {options.file}: {message}")
    return document


def offset(value: str) -> int:
    """An offset given on the command line: a whole number, 0 or more; ValueError if not."""
    digits = value.strip()
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"{value!r} is not an offset (a whole number, 0 or more)")
    return int(digits)


@contextmanager
def opened_store(data_dir: str | None, *, read_only: bool = False) -> Iterator[Store]:
    """The store for one command; its errors become the CLI's one line, its notice is told."""
    from reader.store import StoreError, open_store, resolve_data_dir

    try:
        with open_store(resolve_data_dir(data_dir), read_only=read_only) as store:
            if store.notice:
                tell(store.notice)
            yield store
    except StoreError as error:
        raise CommandError(str(error)) from None
