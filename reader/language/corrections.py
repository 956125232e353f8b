"""The reader's own word boundaries: "split this word here", "these two are one word".

A correction is kept by the word's text, not by its position, so it holds wherever the word
occurs, in every document, from then on: a corrected word and where it is cut (nowhere, for
two words joined into one). It is applied to jieba's output (not fed to
`jieba.add_word`, which changes a tokenizer other threads may be using), and the applying
is a pure function of the text, jieba's words and an immutable snapshot of the corrections:
the same input gives the same words on any thread.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.aside import damaged_name

CORRECTIONS_FILE = "word-corrections.json"
"""Its name in the reader's data folder, beside the annotation store."""
FORMAT_NAME = "reader-word-corrections"
FORMAT_VERSION = 1


MAX_FILE_BYTES = 16 * 1024 * 1024
"""A larger corrections file is damaged: a hundred thousand corrections take 3 MB."""


class CorrectionsError(Exception):
    """A corrections file that cannot be read or written, with a reason a reader understands."""

    def __init__(self, path: Path | str, reason: str, moved_to: Path | None = None) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason
        self.moved_to = moved_to
        """Where a damaged file was moved (the caller goes on without corrections, and the
        next correction starts a new file); None if the file was left where it is."""


@dataclass(frozen=True)
class CorrectionsSnapshot:
    """The corrections at one moment; never changes, so any thread may apply it."""

    words: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """A corrected word → where it is cut, as offsets inside it; () keeps it whole."""
    _ordered: tuple[tuple[str, tuple[int, ...]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = sorted(self.words.items(), key=lambda item: (-len(item[0]), item[0]))
        object.__setattr__(self, "_ordered", tuple(ordered))

    def __bool__(self) -> bool:
        return bool(self.words)

    def apply(self, text: str, starts: list[int], end: int) -> list[int]:
        """Corrected word starts for `text[starts[0]:end]`, given jieba's word starts there.

        A corrected word applies where it begins and ends on word boundaries: its inside
        is then cut exactly where the reader said. Longer words go first, so a piece of a
        corrected word can be corrected again.
        """
        if not self.words or not starts:
            return starts
        boundaries = {*starts, end}
        changed = False
        for word, cuts in self._ordered:
            position = text.find(word, starts[0], end)
            while position >= 0:
                stop = position + len(word)
                if position in boundaries and stop in boundaries:
                    boundaries.difference_update(range(position + 1, stop))
                    boundaries.update(position + cut for cut in cuts)
                    changed = True
                    position = text.find(word, stop, end)
                else:
                    position = text.find(word, position + 1, end)
        if not changed:
            return starts
        boundaries.discard(end)
        return sorted(boundaries)


class Corrections:
    """The reader's word corrections; changes replace the snapshot, so readers never lock."""

    def __init__(self, snapshot: CorrectionsSnapshot | None = None) -> None:
        self._snapshot = snapshot if snapshot is not None else CorrectionsSnapshot()
        self._lock = threading.Lock()

    def snapshot(self) -> CorrectionsSnapshot:
        return self._snapshot

    def __bool__(self) -> bool:
        return bool(self._snapshot)

    def split(self, word: str, at: int) -> list[str]:
        """Cuts `word` before its character `at`; returns the words whose spans must be redone."""
        if not 0 < at < len(word):
            raise ValueError(f"cannot split {word!r} at {at}")
        with self._lock:
            words = dict(self._snapshot.words)
            words[word] = tuple(sorted({*words.get(word, ()), at}))
            self._snapshot = CorrectionsSnapshot(words)
        return [word]

    def join(self, first: str, second: str) -> list[str]:
        """Makes `first` + `second` one word; returns the words whose spans must be redone."""
        if not first or not second:
            raise ValueError("cannot join an empty word")
        word = first + second
        with self._lock:
            self._snapshot = CorrectionsSnapshot({**self._snapshot.words, word: ()})
        return [word]

    def remove(self, word: str) -> list[str]:
        """Forgets the correction of `word` (jieba's words stand again); returns the words whose
        spans must be redone, none if `word` was not corrected."""
        with self._lock:
            if word not in self._snapshot.words:
                return []
            words = dict(self._snapshot.words)
            del words[word]
            self._snapshot = CorrectionsSnapshot(words)
        return [word]

    def words(self) -> set[str]:
        """Every corrected word: what a document must re-segment when the corrections load."""
        return set(self._snapshot.words)

    @classmethod
    def load(cls, path: Path | str) -> Corrections:
        """The corrections kept at `path`; none if the file does not exist yet.

        Raises CorrectionsError when the file cannot be read. A damaged file (not UTF-8,
        not JSON, not a corrections file, too large) is first moved aside, as the store
        moves a damaged database, so that the next correction starts a new file and the
        old one is kept; one of a newer version, or one that cannot be read at all, is
        left where it is.
        """
        path = Path(path)
        try:
            with path.open("rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return cls()
        except OSError as error:
            raise CorrectionsError(path, error.strerror or str(error)) from None
        try:
            return cls(_snapshot_from_json(path, _parsed(path, data)))
        except _Damaged as damaged:
            raise _moved_aside(path, damaged.reason) from None

    def save(self, path: Path | str) -> None:
        """Writes the corrections to `path` atomically: a crash leaves the old file or the new."""
        path = Path(path)
        snapshot = self._snapshot
        data = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "words": {word: list(cuts) for word, cuts in sorted(snapshot.words.items())},
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as file:
                    json.dump(data, file, ensure_ascii=False, indent=1)
                    file.write("\n")
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise CorrectionsError(path, error.strerror or str(error)) from None


class _Damaged(Exception):
    """The file is damaged, for `reason`: it is to be moved aside."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _parsed(path: Path, data: bytes) -> object:
    if len(data) > MAX_FILE_BYTES:
        raise _Damaged(f"is larger than {MAX_FILE_BYTES:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Damaged(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start})"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _Damaged(f"is not valid JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise _Damaged("is not valid JSON (nested too deeply)") from None


def _snapshot_from_json(path: Path, data: object) -> CorrectionsSnapshot:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise _Damaged("is not a Reader word-corrections file")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        # A newer Reader's file: kept as it is, never overwritten by this one.
        raise CorrectionsError(path, f"has version {version!r}; this Reader reads {FORMAT_VERSION}")
    if version != FORMAT_VERSION:
        raise _Damaged(f"has version {version!r}; this Reader reads {FORMAT_VERSION}")
    words_data = data.get("words", {})
    if not isinstance(words_data, dict):
        raise _Damaged("has malformed words")
    words: dict[str, tuple[int, ...]] = {}
    for word, cuts in words_data.items():
        if (
            len(word) < 2
            or not word.isprintable()  # lone surrogates, controls: no word of a text
            or not isinstance(cuts, list)
            or not all(isinstance(cut, int) and 0 < cut < len(word) for cut in cuts)
        ):
            raise _Damaged(f"has a malformed correction of {word!r}")
        words[word] = tuple(sorted(set(cuts)))
    return CorrectionsSnapshot(words)


def _moved_aside(path: Path, reason: str) -> CorrectionsError:
    """Moves the damaged file at `path` to a timestamped name beside it; the error to raise."""
    aside = damaged_name(path)
    try:
        path.replace(aside)
    except OSError as error:
        return CorrectionsError(
            path, f"{reason}, and could not be moved aside ({error.strerror or error})"
        )
    return CorrectionsError(
        path,
        f"{reason}; it was moved aside to {aside.name}, and Reader goes on without word "
        "corrections",
        moved_to=aside,
    )
