"""The `reader` command: opens the window, or runs a sub-command on the same core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from reader import __version__
from reader.document import DocumentError, open_document
from reader.document.outline import block_lines, outline_lines

EXIT_OK = 0
EXIT_ERROR = 2


class CommandError(Exception):
    """An error the user can act on; printed as one line, never as a traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
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
    print(f"reader: error: {message}", file=sys.stderr)


def _outline(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader outline",
        description="Print a document's section tree, or its blocks with --blocks.",
    )
    parser.add_argument("file", help="the document to read")
    parser.add_argument(
        "--blocks", action="store_true", help="print one line per block: its kind, a tab, its text"
    )
    options = parser.parse_args(args)
    document = open_document(options.file)
    lines = block_lines(document) if options.blocks else outline_lines(document)
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()
    return EXIT_OK


def _open_window(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "Reader, a desktop app for reading Chinese. With no FILE it opens the last "
            "document read, or the seed article the first time."
        ),
        epilog="sub-commands: reader outline [--blocks] FILE   (reader outline -h for more)",
    )
    parser.add_argument("file", nargs="?", help="the document to open")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    options = parser.parse_args(args)
    from reader.ui.app import run_app  # Qt is loaded only when a window is wanted.

    return run_app(options.file)


COMMANDS: dict[str, Callable[[list[str]], int]] = {"outline": _outline}


if __name__ == "__main__":
    sys.exit(main())
