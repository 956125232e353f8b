"""The library's search index: an SQLite file beside the store, made again whenever in doubt.

The index is never the source of truth: every row comes from the documents' files and the
user's word corrections, so a damaged file, another program's file or one an older Reader
wrote is deleted and made anew (`rebuilt` says so) instead of being repaired or refused.

What it holds per document (reader.library.indexing writes it, reader.library.search reads):
- `chunks`: the text in pieces of about a thousand characters cut at line ends, with the
  start offset, the text as written (hits take their context from it) and the readings:
  a syllable id per character (0 for none), both compressed (reader.library.chunks).
- `text_fts`: a contentless trigram FTS5 table over each chunk's search form with its runs
  of Han characters blanked out, rowids only (detail=none): for the parts of a query of
  three characters or more that are not Han (`iPhone`, `2016`). Han characters are found
  by `han_fts`, whose positional phrases give the same candidates as trigrams would
  (measured: under a millisecond on a novel either way) where trigrams over Chinese text
  cost a quarter of jieba's segmenting to build and 1.3 times the text's size to keep.
- `han_fts`: a contentless unicode61 table whose columns are the chunk's Han characters
  (folded), one token each, and the toneless syllables of those the dictionary reads, with
  positions: a phrase of characters for queries of one or two, a phrase of syllables for
  pinyin; the exact places are then found in the chunk's text and readings.
- `sections`, and the word and character counts the frequency lists read.

A contentless table in SQLite 3.40 cannot delete a row without being given its indexed
values again, so forgetting a document deletes its chunks and leaves their FTS rows
behind as orphans: chunk ids are never reused (AUTOINCREMENT), and an orphan matches no
chunk. When orphans outnumber the live chunks the FTS tables are made again from `chunks`.

One connection per thread: a worker opens the file again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

INDEX_FILE = "library-index.sqlite3"
APPLICATION_ID = 0x52644C78  # "RdLx": a file with another id is not ours
INDEX_VERSION = 2
"""Raised whenever what the index stores, or how, changes: an older index is made again."""
BUSY_TIMEOUT_MS = 10_000
NO_READING = "xx5"
"""The syllable of a Han character the dictionary cannot read (reader.language.pinyin)."""

_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT,
    title TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    length INTEGER NOT NULL,
    first_chunk INTEGER NOT NULL,
    last_chunk INTEGER NOT NULL
);
CREATE TABLE sections (
    document_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    level INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX sections_by_document ON sections (document_id, start);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    length INTEGER NOT NULL,
    text BLOB NOT NULL,
    readings BLOB NOT NULL
);
CREATE INDEX chunks_by_document ON chunks (document_id, start);
CREATE TABLE syllables (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE words (
    document_id INTEGER NOT NULL,
    word TEXT NOT NULL,
    count INTEGER NOT NULL,
    sections INTEGER NOT NULL,
    PRIMARY KEY (document_id, word)
) WITHOUT ROWID;
CREATE TABLE chars (
    document_id INTEGER NOT NULL,
    char TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (document_id, char)
) WITHOUT ROWID;
CREATE TABLE orphans (chunks INTEGER NOT NULL);
INSERT INTO orphans VALUES (0);
CREATE VIRTUAL TABLE text_fts USING fts5(body, content='', tokenize='trigram', detail='none');
CREATE VIRTUAL TABLE han_fts USING fts5(
    hans, syls, content='', tokenize='unicode61 remove_diacritics 0'
);
"""
_TABLES = {"documents", "sections", "chunks", "syllables", "words", "chars", "orphans"}


def index_path(store_path: Path) -> Path:
    """Where the index of the store at `store_path` lives: beside it."""
    return store_path.with_name(INDEX_FILE)


@dataclass(frozen=True)
class IndexedDocument:
    id: int
    path: Path | None
    title: str
    fingerprint: str
    length: int


class _NotOurs(Exception):
    """The file is another program's, or an older index."""


class StaleSyllables(Exception):
    """Another connection stored syllables since this one read them (see syllable_id)."""


class IndexFileError(Exception):
    """The index file cannot be opened or made; the message says which and why."""

    def __init__(self, path: Path, error: Exception) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        super().__init__(f"the library index {path} cannot be opened: {reason}")
        self.path = path


_DAMAGE = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def _damaged(error: Exception) -> bool:
    """A file to make again (damaged, foreign, old), not one busy or out of reach."""
    if isinstance(error, _NotOurs):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _DAMAGE


class LibraryIndex:
    """An open index file; `rebuilt` is True if it had to be made anew on opening."""

    def __init__(self, connection: sqlite3.Connection, path: Path, rebuilt: bool) -> None:
        self.connection = connection
        self.path = path
        self.rebuilt = rebuilt
        self._syllable_ids: dict[str, int] = {}
        self._syllable_names: list[str] = []
        self._new_syllables: list[tuple[int, str]] = []
        self.word_readings: dict[str, bytes] = {}
        """Word -> its characters' syllable ids (reader.library.indexing), kept from one
        document to the next: books share most of their words."""
        self.reload_syllables()

    @classmethod
    def open(cls, path: Path | str) -> LibraryIndex:
        """Opens (or makes) the index at `path`; a file that is not a current index is
        deleted and made again. IndexFileError if the file cannot be opened or made (no
        room, no permission, another process holding it past the busy timeout)."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            existed = path.exists()
            connection = _connect(path)
            try:
                _check(connection)
                return cls(connection, path, rebuilt=False)
            except (sqlite3.DatabaseError, _NotOurs) as error:
                connection.close()
                if not _damaged(error):
                    raise
            _delete(path)
            connection = _connect(path)
            _create(connection)
            return cls(connection, path, rebuilt=existed)
        except (OSError, sqlite3.Error) as error:
            raise IndexFileError(path, error) from None

    def discard_if_damaged(self, error: BaseException) -> bool:
        """After `error` from a query: an index found damaged only now (a check at opening
        reads no more than its schema) is closed and deleted, to be made anew at the next
        opening and its documents indexed again; True if it was."""
        if not isinstance(error, sqlite3.DatabaseError) or not _damaged(error):
            return False
        self.connection.close()
        _delete(self.path)
        return True

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        """A write transaction taken at once (BEGIN IMMEDIATE): all or nothing."""
        return _Transaction(self.connection)

    # What is indexed -------------------------------------------------------------------

    def indexed(self) -> dict[int, str]:
        """Document id -> the fingerprint of the text indexed."""
        return dict(self.connection.execute("SELECT id, fingerprint FROM documents"))

    def is_current(self, document_id: int, fingerprint: str) -> bool:
        """True if the document is indexed with this text (else index it on the next open)."""
        row = self.connection.execute(
            "SELECT fingerprint FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return row is not None and row[0] == fingerprint

    def documents(self) -> list[IndexedDocument]:
        rows = self.connection.execute(
            "SELECT id, path, title, fingerprint, length FROM documents ORDER BY id"
        )
        return [
            IndexedDocument(id_, Path(path) if path else None, title, fingerprint, length)
            for id_, path, title, fingerprint, length in rows
        ]

    def document(self, document_id: int) -> IndexedDocument | None:
        return next((d for d in self.documents() if d.id == document_id), None)

    def forget(self, document_id: int) -> None:
        """Removes the document from the index (its file and the store are untouched)."""
        with self.transaction():
            self.remove_rows(document_id)
        self.compact_if_needed()

    def remove_rows(self, document_id: int) -> None:
        """Deletes a document's rows; inside a transaction (indexing again does this first)."""
        execute = self.connection.execute
        (gone,) = execute(
            "SELECT count(*) FROM chunks WHERE document_id = ?", (document_id,)
        ).fetchone()
        for table in ("chunks", "sections", "words", "chars"):
            execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        execute("DELETE FROM documents WHERE id = ?", (document_id,))
        execute("UPDATE orphans SET chunks = chunks + ?", (gone,))

    def compact_if_needed(self) -> None:
        """Makes the FTS tables again from `chunks` once orphans outnumber the live rows."""
        (orphans,) = self.connection.execute("SELECT chunks FROM orphans").fetchone()
        (live,) = self.connection.execute("SELECT count(*) FROM chunks").fetchone()
        if orphans > max(live, 100):
            from reader.library.chunks import fts_rows

            with self.transaction():
                execute = self.connection.execute
                execute("INSERT INTO text_fts(text_fts) VALUES ('delete-all')")
                execute("INSERT INTO han_fts(han_fts) VALUES ('delete-all')")
                rows = execute("SELECT id, text, readings FROM chunks").fetchall()
                self.insert_fts(fts_rows(rows, self.syllable_tokens()))
                execute("UPDATE orphans SET chunks = 0")

    def optimize(self) -> None:
        """Merges the FTS tables' segments into one each (a fifth smaller): after adding a
        folder of books, say; it takes about a second per ten million characters."""
        execute = self.connection.execute
        execute("INSERT INTO text_fts(text_fts) VALUES ('optimize')")
        execute("INSERT INTO han_fts(han_fts) VALUES ('optimize')")
        execute("VACUUM")
        execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def insert_fts(self, rows: Iterable[tuple[int, str, str, str]]) -> None:
        """(chunk id, folded text, Han characters, syllables) into the FTS tables."""
        rows = list(rows)
        self.connection.executemany(
            "INSERT INTO text_fts(rowid, body) VALUES (?, ?)", [(r[0], r[1]) for r in rows]
        )
        self.connection.executemany(
            "INSERT INTO han_fts(rowid, hans, syls) VALUES (?, ?, ?)",
            [(r[0], r[2], r[3]) for r in rows],
        )

    # Syllables -------------------------------------------------------------------------

    def reload_syllables(self) -> None:
        """Syllable ids as stored (after a write that failed, those named since are gone)."""
        self._new_syllables = []
        self.word_readings = {}
        self._syllable_names = [NO_READING]
        self._syllable_ids = {NO_READING: 0}
        for id_, name in self.connection.execute("SELECT id, name FROM syllables ORDER BY id"):
            while len(self._syllable_names) <= id_:
                self._syllable_names.append(NO_READING)
            self._syllable_names[id_] = name
            self._syllable_ids[name] = id_

    def syllable_id(self, name: str | None) -> int:
        """The id of a numbered syllable ("bao3"); 0 for no reading. A new one is stored
        by the next `store_new_syllables`."""
        if name is None:
            return 0
        found = self._syllable_ids.get(name)
        if found is None:
            found = len(self._syllable_names)
            self._new_syllables.append((found, name))
            self._syllable_names.append(name)
            self._syllable_ids[name] = found
        return found

    def store_new_syllables(self) -> None:
        """Writes the syllables named since the last call; inside the write transaction.
        StaleSyllables if another connection (a worker, another process) stored others
        since this one read them: the ids this one gave are then taken."""
        (stored,) = self.connection.execute("SELECT count(*) FROM syllables").fetchone()
        known = len(self._syllable_names) - len(self._new_syllables) - 1
        if stored != known:
            raise StaleSyllables
        self.connection.executemany("INSERT INTO syllables VALUES (?, ?)", self._new_syllables)
        self._new_syllables = []

    def syllable_tokens(self) -> list[str]:
        """The FTS token (toneless syllable) of each syllable id, by id."""
        from reader.library.chunks import toneless

        return [toneless(name) for name in self._syllable_names]

    def syllable_names(self) -> list[str]:
        """The numbered syllable ("bao3") of each syllable id, by id, with those another
        connection stored since this one read them."""
        (stored,) = self.connection.execute("SELECT count(*) FROM syllables").fetchone()
        if not self._new_syllables and stored != len(self._syllable_names) - 1:
            self.reload_syllables()
        return list(self._syllable_names)

    # Counts for the frequency lists ------------------------------------------------------

    def word_counts(
        self, document_ids: Iterable[int] | None = None
    ) -> Iterator[tuple[str, int, int]]:
        """(word, count, sections it occurs in) summed over the documents (all by default);
        words are as written, from the segmentation with the user's corrections."""
        where, parameters = _among(document_ids)
        yield from self.connection.execute(
            f"SELECT word, sum(count), sum(sections) FROM words {where} GROUP BY word",
            parameters,
        )

    def char_counts(self, document_ids: Iterable[int] | None = None) -> Iterator[tuple[str, int]]:
        """(Han character, count) summed over the documents (all by default)."""
        where, parameters = _among(document_ids)
        yield from self.connection.execute(
            f"SELECT char, sum(count) FROM chars {where} GROUP BY char", parameters
        )


def _among(document_ids: Iterable[int] | None) -> tuple[str, tuple[int, ...]]:
    if document_ids is None:
        return "", ()
    ids = tuple(document_ids)
    return f"WHERE document_id IN ({', '.join('?' * len(ids))})", ids


class _Transaction:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __enter__(self) -> None:
        self._connection.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self._connection.execute("COMMIT")
        else:
            self._connection.execute("ROLLBACK")


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def _check(connection: sqlite3.Connection) -> None:
    """Raises _NotOurs (or sqlite3.DatabaseError) unless this is a current index."""
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if application_id != APPLICATION_ID or version != INDEX_VERSION:
        raise _NotOurs
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if not names >= _TABLES:
        raise _NotOurs
    connection.execute("PRAGMA journal_mode = WAL").fetchone()
    connection.execute("SELECT count(*) FROM text_fts WHERE text_fts MATCH 'abc'").fetchone()


def _create(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL").fetchone()
    connection.execute("BEGIN IMMEDIATE")
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {INDEX_VERSION}")
    connection.execute("COMMIT")
