"""`reader vocab`: what the reader knows, on the same store and functions as the window.

`save` and `export` keep words with their sentence and write them as an Anki deck or CSV
(reader.cli.vocab_saved).
"""

from __future__ import annotations

import argparse

from reader.cli.vocab_saved import SAVED_ACTIONS, add_saved_actions


def vocab_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader vocab",
        description="Word statuses (new, learning 1-4, known, ignored) and saved words.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add_saved_actions(actions)
    options = parser.parse_args(args)
    return SAVED_ACTIONS[options.action](options)
