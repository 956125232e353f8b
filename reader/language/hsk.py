"""HSK levels of words, from the lists shipped in resources/hsk (see its README and LICENSE)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.resources import find

LEVELS_RESOURCE = "resources/hsk/levels.tsv"


@dataclass(frozen=True)
class HskLevel:
    """A word's level in the new HSK (2021: "1"–"6", "7-9") and the old (2010: "1"–"6")."""

    new: str | None
    old: str | None

    def label(self) -> str:
        """How the level reads in a popup: "HSK 4 (HSK 2.0: 6)", "HSK 7–9", "HSK 2.0: 5"."""
        new = f"HSK {self.new.replace('-', '–')}" if self.new else None
        old = f"HSK 2.0: {self.old}" if self.old else None
        if new and old:
            return f"{new} ({old})"
        return new or old or ""


class HskLevels:
    """Every listed word's level; about 11,000 words, loaded in a few milliseconds."""

    def __init__(self, path: Path | None = None) -> None:
        self._levels: dict[str, HskLevel] = {}
        source = path or find(LEVELS_RESOURCE)
        for line in source.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            word, new, old = line.split("\t")
            self._levels[word] = HskLevel(new or None, old or None)

    def __len__(self) -> int:
        return len(self._levels)

    def level(self, simplified: str) -> HskLevel | None:
        """The level of a word written in simplified characters; None if it is not listed."""
        return self._levels.get(simplified)
