"""`reader vocab`: what the reader knows, on the same store and functions as the window.

`known` marks words known (the HSK lists up to a level, or a word list) or prints the known
list; `status` reads or sets one word's status; `save` and `export` keep words with their
sentence and write them as an Anki deck or CSV (reader.cli.vocab_saved).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import DATA_DIR_HELP, EXIT_OK, CommandError, opened_store
from reader.cli.vocab_saved import SAVED_ACTIONS, add_saved_actions


def vocab_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader vocab",
        description="Word statuses (new, learning 1-4, known, ignored) and saved words.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    known = actions.add_parser(
        "known",
        help="mark words known (HSK levels, a word list), or print the known words",
        description=(
            "Mark words known: every word of HSK 1 to N (--hsk N), or every word of a list "
            "(--import FILE: one word per line, or a tab-separated Anki or Pleco export whose "
            "first Chinese column is the word; any encoding Reader detects). With neither, "
            "print the known words, one per line."
        ),
    )
    source = known.add_mutually_exclusive_group()
    source.add_argument("--hsk", metavar="N", type=_level, help="HSK levels 1 to N (1-9)")
    source.add_argument("--import", dest="word_list", metavar="FILE", help="a word list")
    known.add_argument(
        "--hsk-version",
        choices=("3.0", "2.0"),
        default="3.0",
        help="which HSK lists --hsk reads: 3.0 (2021, levels 1-9) or 2.0 (2010, 1-6)",
    )
    known.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    status = actions.add_parser(
        "status",
        help="print a word's status, or set it",
        description="Print WORD's status, or set it to STATUS (new, 1-4, known, ignored).",
    )
    status.add_argument("word", help="the word, simplified or traditional")
    status.add_argument("status", nargs="?", help="new, 1, 2, 3, 4, known or ignored")
    status.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    add_saved_actions(actions)
    options = parser.parse_args(args)
    if options.action in SAVED_ACTIONS:
        return SAVED_ACTIONS[options.action](options)
    if options.action == "known":
        return _known(options)
    return _status(options)


def _level(value: str) -> int:
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 9):
        raise argparse.ArgumentTypeError(f"{value!r} is not an HSK level (1 to 9)")
    return int(value)


def _known(options: argparse.Namespace) -> int:
    from reader.language.known_words import hsk_words, read_word_list
    from reader.store import Status

    if options.hsk is None and options.word_list is None:
        with opened_store(options.data_dir, read_only=True) as store:
            sys.stdout.write(
                "".join(f"{w}\n" for w in store.word_statuses.words_with(Status.KNOWN))
            )
        return EXIT_OK
    if options.hsk is not None:
        try:
            words = hsk_words(options.hsk, options.hsk_version)
        except ValueError as error:
            raise CommandError(f"--hsk: {error}") from None
        source = f"HSK {options.hsk_version} 1–{options.hsk}"
    else:
        words = read_word_list(Path(options.word_list))
        source = options.word_list
    with opened_store(options.data_dir) as store:
        before = store.word_statuses.statuses(words)
        changes = {word: Status.KNOWN for word, status in before.items() if status is Status.NEW}
        store.word_statuses.set(changes)
    kept = sum(1 for status in before.values() if status is not Status.NEW)
    print(
        f"{source}: {len(changes)} words marked known of {len(before)}"
        + (f" ({kept} kept the status they had)" if kept else "")
    )
    return EXIT_OK


def _status(options: argparse.Namespace) -> int:
    from reader.language.known_words import word_key
    from reader.store import Status

    word = word_key(options.word.strip())
    if not word:
        raise CommandError("status: no word given")
    if options.status is None:
        with opened_store(options.data_dir, read_only=True) as store:
            print(f"{word}\t{store.word_statuses.status(word).name_shown}")
        return EXIT_OK
    try:
        wanted = Status.parse(options.status)
    except ValueError as error:
        raise CommandError(f"status: {error}") from None
    with opened_store(options.data_dir) as store:
        store.word_statuses.set({word: wanted})
    print(f"{word}\t{wanted.name_shown}")
    return EXIT_OK
