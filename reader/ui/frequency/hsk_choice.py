"""The HSK filter's choices: every word, the words no HSK list holds, one level, or the words
above a level (a learner at HSK 4 wants those of 5 and up, and the unlisted ones)."""

from __future__ import annotations

from reader.library.frequency import TOP_BAND
from reader.ui.frequency.table_model import HskFilter, hsk_label

LEVELS = range(1, TOP_BAND + 1)


def hsk_choices() -> list[tuple[str, HskFilter | None]]:
    """(label, filter) in the order the box offers them; None lets every word through."""
    choices: list[tuple[str, HskFilter | None]] = [
        ("All words", None),
        ("Not in HSK", lambda level: level is None),
    ]
    for level in LEVELS:
        choices.append((f"HSK {hsk_label(level)}", lambda found, n=level: found == n))
    for level in LEVELS[:-1]:
        choices.append((f"Above HSK {level}", lambda found, n=level: found is None or found > n))
    return choices
