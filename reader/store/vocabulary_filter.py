"""Which saved words the vocabulary panel lists: by document, status, date and tag.

Qt-free, so the rule is tested without a window; the panel asks `matches` for each word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from reader.store.saved_words import SavedWord
from reader.store.word_status import Status

STATUS_GROUPS = ("new", "learning", "known", "ignored")
"""The statuses a reader filters by: the four learning steps count as one."""
PERIODS = {"today": 0, "7 days": 7, "30 days": 30}
"""The date filter's choices: saved since the start of today, or of that many days back."""


def status_group(status: Status) -> str:
    if status.learning:
        return "learning"
    return {Status.KNOWN: "known", Status.IGNORED: "ignored"}.get(status, "new")


@dataclass(frozen=True)
class VocabularyFilter:
    """What the reader chose; None lets every word through."""

    document: str | None = None
    """The document's path as saved ("" for a word saved from no file)."""
    status: str | None = None
    """One of STATUS_GROUPS."""
    since: datetime | None = None
    """Saved at or after this moment."""
    tag: str | None = None

    def matches(self, saved: SavedWord, status: Status) -> bool:
        return (
            (self.document is None or saved.document_path == self.document)
            and (self.status is None or status_group(status) == self.status)
            and (self.since is None or saved.created >= self.since)
            and (self.tag is None or self.tag in saved.tags)
        )


def period_start(period: str, now: datetime) -> datetime:
    """The start of the period named in PERIODS, in `now`'s time zone: today's midnight,
    or the midnight that many days before."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight - timedelta(days=PERIODS[period])
