"""The `reader` command: opens the window, or runs a sub-command on the same core."""

from __future__ import annotations

import argparse
import gc
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.cli.common import DATA_DIR_HELP, EXIT_ERROR, EXIT_OK, CommandError, offset
from reader.cli.common import add_reading_options as _add_reading_options
from reader.cli.common import read_document as _read
from reader.cli.common import tell as _tell
from reader.cli.concordance import concordance_command
from reader.cli.find import find_command
from reader.cli.freq import freq_command
from reader.cli.language import lookup_command, pinyin_command, words_command
from reader.cli.library import library_command
from reader.cli.search import search_command
from reader.cli.stats import stats_command
from reader.cli.vocab import vocab_command
from reader.document import DocumentError, open_document
from reader.document.chapters import compile_heading_pattern
from reader.document.outline import block_lines, outline_lines

if TYPE_CHECKING:
    from reader.store import AnchorReport


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            gc.enable()  # the entry point turned it off for the window's start-up
            # A title may come from a file name that is not valid UTF-8 (held as lone
            # surrogates): written as escapes, not as a UnicodeEncodeError.
            if isinstance(sys.stdout, io.TextIOWrapper):
                sys.stdout.reconfigure(errors="backslashreplace")
            return COMMANDS[args[0]](args[1:])
        return _open_window(args)
    except (CommandError, DocumentError) as error:
        _fail(str(error))
    except BrokenPipeError:
        # The reader of our output went away (`reader outline book.txt | head`): not an error.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return EXIT_ERROR


def _fail(message: str) -> None:
    _tell(f"error: {message}")


def _outline(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader outline",
        description="Print a document's section tree, or its blocks with --blocks.",
    )
    parser.add_argument("file", help="the document to read")
    parser.add_argument(
        "--blocks", action="store_true", help="print one line per block: its kind, a tab, its text"
    )
    _add_reading_options(parser)
    options = parser.parse_args(args)
    document = _read(options)
    lines = block_lines(document) if options.blocks else outline_lines(document)
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()
    return EXIT_OK


# Each sub-command imports the layers it uses, so the window (and `reader outline`) start
# without loading the language tools or the store before their first paint.


def _notes(args: list[str]) -> int:
    from reader.store import (
        FORMATS,
        ExchangeError,
        StoreError,
        export_annotations,
        import_annotations,
        open_store,
        read_import_file,
        resolve_data_dir,
    )

    data_dir_help = DATA_DIR_HELP
    parser = argparse.ArgumentParser(
        prog="reader notes", description="Export or import a document's annotations."
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser(
        "export",
        help="print a document's annotations",
        description="Print a document's annotations: W3C Web Annotation JSON, Markdown or CSV.",
    )
    export.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    export.add_argument("--data-dir", metavar="DIR", help=data_dir_help)
    export.add_argument("file", help="the document")
    load = actions.add_parser(
        "import",
        help="add annotations from a W3C JSON file to a document",
        description=(
            "Add W3C Web Annotation JSON to a document: an id the document holds is updated, "
            "one another document holds is copied under a new id; all or nothing."
        ),
    )
    load.add_argument("--data-dir", metavar="DIR", help=data_dir_help)
    load.add_argument("file", help="the document")
    load.add_argument("annotations", help="the W3C JSON file")
    options = parser.parse_args(args)

    document = open_document(options.file)
    data_dir = resolve_data_dir(options.data_dir)
    try:
        if options.action == "export":
            # Read-only: an export writes nothing, so it works on a read-only store too.
            with open_store(data_dir, read_only=True) as store:
                if store.notice:
                    _tell(store.notice)
                opened = store.read_document(document)
                _tell_moved(options.file, opened.report if opened else None)
                sys.stdout.write(export_annotations(store, document, options.format))
                sys.stdout.flush()
                return EXIT_OK
        data = read_import_file(Path(options.annotations))
        with open_store(data_dir) as store:
            if store.notice:
                _tell(store.notice)
            # The document is opened inside the import's transaction: a bad file writes nothing.
            imported = import_annotations(store, document, data, options.annotations)
            _tell_moved(options.file, imported.anchoring)
            print(f"{options.annotations}: {imported.message}")
            return EXIT_OK
    except (StoreError, ExchangeError) as error:
        raise CommandError(str(error)) from None


def _tell_moved(file: str, anchoring: AnchorReport | None) -> None:
    """What re-anchoring did, when the document's text had changed."""
    if anchoring is not None:
        _tell(f"{file}: {anchoring.message}")


def _open_window(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "Reader, a desktop app for reading Chinese. With no FILE it opens the last "
            "document read, or the seed article the first time."
        ),
        epilog=(
            "sub-commands: reader outline [--blocks] FILE; reader lookup [--json] WORD; "
            "reader pinyin [--json] FILE|-; reader words --json FILE|-; "
            "reader find [--json] [--pinyin] QUERY FILE; "
            "reader notes export|import ...; reader vocab known|status|save|export ...; "
            "reader stats [--json] FILE; reader library add|list|remove ...; "
            "reader search [--json] [--pinyin] [--notes] QUERY; "
            "reader concordance [--json] WORD FILE|--library; "
            "reader freq [--json] [--chars] FILE|--library "
            "(reader COMMAND -h for more)"
        ),
    )
    parser.add_argument("file", nargs="?", help="the document to open")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--startup-report",
        action="store_true",
        help=(
            "open the window, and once the text is painted print one JSON line with the "
            "seconds since the process started, the peak memory in MB, the document offset "
            "at the top of the view and the current heading, then quit"
        ),
    )
    parser.add_argument(
        "--at",
        metavar="OFFSET",
        help=(
            "open FILE with this offset at the top of the view (characters into the "
            "document's text, as the startup report's top_offset counts them); an offset "
            "past the end opens it at its end"
        ),
    )
    _add_reading_options(parser)
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=(
            "the folder holding Reader's annotation store (default: $READER_DATA_DIR, else "
            "the platform's data folder, as for reader notes)"
        ),
    )
    options = parser.parse_args(args)
    if options.file is None and (options.encoding or options.heading_pattern):
        raise CommandError("--encoding and --heading-pattern apply to a FILE; name one")
    if options.at is not None and options.file is None:
        raise CommandError("--at applies to a FILE; name one")
    at = None if options.at is None else _offset(options.at)
    if options.encoding is not None:
        from reader.document.encoding import codec_for

        try:
            codec_for(options.encoding)
        except ValueError as error:
            raise CommandError(f"--encoding: {error}") from None
    if options.heading_pattern is not None:
        try:
            compile_heading_pattern(options.heading_pattern)
        except ValueError as error:
            raise CommandError(f"--heading-pattern: {error}") from None
    from reader.ui.app import run_app  # Qt is loaded only when a window is wanted.

    return run_app(
        options.file,
        startup_report=options.startup_report,
        encoding=options.encoding,
        heading_pattern=options.heading_pattern,
        data_dir=options.data_dir,
        at=at,
    )


def _offset(value: str) -> int:
    try:
        return offset(value)
    except ValueError as error:
        raise CommandError(f"--at: {error}") from None


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "outline": _outline,
    "lookup": lookup_command,
    "pinyin": pinyin_command,
    "words": words_command,
    "find": find_command,
    "notes": _notes,
    "vocab": vocab_command,
    "stats": stats_command,
    "library": library_command,
    "search": search_command,
    "concordance": concordance_command,
    "freq": freq_command,
}


if __name__ == "__main__":
    sys.exit(main())
