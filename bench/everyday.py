"""The everyday test set: running sentences a learner reads, every Han character labelled.

The set lives in tests/language/everyday/, one `*.tsv` file per genre, UTF-8, one sentence
a line: `id<TAB>sentence<TAB>syllables`. The syllables are Reader's numbered form (lv4,
le5), space-separated, exactly one per Han character of the sentence in order; characters
that are not Han get none. Lines starting with `#` and blank lines are comments.

Data lines are numbered from 0 within each file: the even ones are the tuning half (a rule
or a model may be chosen looking at them), the odd ones the held-out half (never looked at
while choosing). Keeping the split per file keeps each genre in both halves.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from reader.language.pinyin import is_han  # noqa: E402

EVERYDAY_FOLDER = PROJECT_ROOT / "tests" / "language" / "everyday"
_SYLLABLE = re.compile(r"^[a-zv]+[1-5]$")


@dataclass(frozen=True)
class EverydaySentence:
    """One labelled sentence; `syllables[i]` is the reading of `sentence[i]` (None: not Han)."""

    id: str
    sentence: str
    syllables: list[str | None]
    tuning: bool
    source: str


def read_everyday(folder: Path = EVERYDAY_FOLDER) -> list[EverydaySentence]:
    """Every sentence of every `*.tsv` file in `folder`, files in name order."""
    sentences: list[EverydaySentence] = []
    for path in sorted(folder.glob("*.tsv")):
        sentences.extend(read_file(path))
    return sentences


def read_file(path: Path) -> list[EverydaySentence]:
    """The sentences of one file; a malformed line raises ValueError naming file and line."""
    sentences: list[EverydaySentence] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line_number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            sentence = _parse(line, path.stem, tuning=len(sentences) % 2 == 0)
        except ValueError as error:
            raise ValueError(f"{path.name}:{line_number}: {error}") from None
        sentences.append(sentence)
    return sentences


def _parse(line: str, source: str, tuning: bool) -> EverydaySentence:
    fields = line.split("\t")
    if len(fields) != 3:
        raise ValueError(f"expected 3 tab-separated fields, found {len(fields)}")
    identifier, sentence, labels = (field.strip() for field in fields)
    if not identifier or not sentence:
        raise ValueError("empty id or sentence")
    given = labels.split()
    for syllable in given:
        if not _SYLLABLE.match(syllable):
            raise ValueError(f"{syllable!r} is not a numbered syllable (lowercase, v for ü, 1-5)")
    han_count = sum(is_han(char) for char in sentence)
    if len(given) != han_count:
        raise ValueError(f"{han_count} Han characters but {len(given)} syllables")
    readings = iter(given)
    syllables = [next(readings) if is_han(char) else None for char in sentence]
    return EverydaySentence(identifier, sentence, syllables, tuning, source)
