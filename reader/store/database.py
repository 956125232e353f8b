"""The SQLite connection: pragmas, migrations, transactions, and errors a reader understands.

Errors are split as qutebrowser's misc/sql.py splits them: what the machine did (a read-only
or full disk, a store busy in another process, a damaged file) becomes a StoreError with a
plain reason; anything else is a bug in Reader and is raised as it is. A sound SQLite file
that is not a Reader store (another program's database, or one with other tables) is a
ForeignStoreError, found before anything is written to it.

A connection opened read-only writes nothing at all (no migration, no journal switch), so a
store on a read-only disk or in a read-only folder can still be read and exported.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.store.schema import (
    APPLICATION_ID,
    MARKED_FROM,
    MIGRATIONS,
    SCHEMA_VERSION,
    table_columns,
    tables_at,
)

CHECKED_WHEN_READ = frozenset({"word_statuses"})
"""Tables not checked at open, as large as a learner's vocabulary; see _quick_check."""
BUSY_TIMEOUT_SECONDS = 10.0
"""How long a write waits for another process's transaction (an import can take a second),
unless the connection is given another wait (the window's is short: it cannot freeze)."""

# SQLite's primary result codes (the low byte of an extended code).
_PERM, _BUSY, _LOCKED, _NOMEM, _READONLY, _IOERR = 3, 5, 6, 7, 8, 10
_CORRUPT, _FULL, _CANTOPEN, _NOTADB = 11, 13, 14, 26
_REASONS = {
    _PERM: "permission denied",
    _BUSY: "the store is busy in another Reader process; try again",
    _LOCKED: "the store is busy in another Reader process; try again",
    _NOMEM: "out of memory",
    _READONLY: "cannot be written: the file or its folder is read-only",
    _IOERR: "a disk error stopped Reader from reading or writing it",
    _CORRUPT: "the file is damaged",
    _FULL: "cannot be written: the disk is full",
    _CANTOPEN: "cannot be opened: check that its folder exists and can be written",
    _NOTADB: "the file is damaged (it is not a database)",
}
# Python 3.10 gives no error codes, only SQLite's messages.
_MESSAGES = (
    ("permission denied", _PERM),
    ("database is locked", _BUSY),
    ("locked", _LOCKED),
    ("out of memory", _NOMEM),
    ("readonly", _READONLY),
    ("disk i/o error", _IOERR),
    ("malformed", _CORRUPT),
    ("disk is full", _FULL),
    ("unable to open", _CANTOPEN),
    ("not a database", _NOTADB),
)


class StoreError(Exception):
    """A store problem the user can act on, with a one-line reason naming the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class StoreBusyError(StoreError):
    """Another connection holds the write lock past the busy timeout: a passing state, so a
    caller that cannot wait keeps the change and tries again later."""


class NewerSchemaError(StoreError):
    """The store was written by a newer Reader; it is left exactly as it is."""


class CorruptStoreError(StoreError):
    """The file is not a sound SQLite database."""


class ForeignStoreError(CorruptStoreError):
    """A sound SQLite file that is not a Reader store: like a damaged one, it is moved aside,
    never written into or read as annotations."""


def store_error(path: Path, error: sqlite3.Error) -> StoreError | None:
    """The StoreError for an error the environment caused, or None for one of ours."""
    code = _primary_code(error)
    if code is None:
        return None
    kind = StoreError
    if code in (_CORRUPT, _NOTADB):
        kind = CorruptStoreError
    elif code in (_BUSY, _LOCKED):
        kind = StoreBusyError
    return kind(path, _REASONS[code])


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) if (code & 0xFF) in _REASONS else None
    message = str(error).lower()
    return next((found for needle, found in _MESSAGES if needle in message), None)


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        known = store_error(path, error)
        if known is None:
            raise
        raise known from error


class Database:
    """One connection to the store file; use it from the thread that opened it.

    Autocommit mode (isolation_level=None): Python never opens a transaction behind our back,
    so every write goes through `transaction()`, and reads outside one see the latest commit.
    """

    def __init__(
        self, path: Path, *, read_only: bool = False, busy_timeout: float = BUSY_TIMEOUT_SECONDS
    ) -> None:
        """`busy_timeout`: how many seconds a write waits for another connection's
        transaction before it fails with StoreBusyError."""
        self.path = path
        self.read_only = read_only and path.exists()
        """Reading an existing file only; a store not made yet reads as an empty one, in
        memory, since a pure read makes no file."""
        self.busy_timeout = busy_timeout
        with _translated(path):
            if self.read_only:
                self._connection = _connect_read_only(path, busy_timeout)
            else:
                self._connection = sqlite3.connect(
                    ":memory:" if read_only else path,
                    timeout=busy_timeout,
                    isolation_level=None,
                )
        self._depth = 0
        try:
            self._prepare()
        except BaseException:
            self._connection.close()
            raise

    def _prepare(self) -> None:
        with _translated(self.path):
            # Read before anything is written: a newer store, or another program's file,
            # must stay byte for byte as it is. One snapshot, since another process may be
            # creating the store this moment: its version and tables are read together.
            self._connection.execute("BEGIN")
            try:
                version = self.user_version()
                self._check_identity(version)
                self._check_tables(version)
                if version > 0:
                    self._quick_check(version)
            finally:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
            if not self.read_only:
                self._use_wal()
                # FULL: each commit waits until the write-ahead log is on disk, so a note the
                # reader saved survives a power cut, not only a crash of Reader (NORMAL's
                # promise in WAL mode). It costs one fsync per commit: nothing at the pace of
                # a person's clicks, and an import is one commit.
                self._connection.execute("PRAGMA synchronous = FULL")
            self._connection.execute("PRAGMA foreign_keys = ON")
            self._connection.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        if not self.read_only and self.user_version() < SCHEMA_VERSION:
            # Only then the write lock: a current store opens while another process writes.
            self._migrate()

    def _quick_check(self, version: int) -> None:
        """Check the file's structure before anything is read from it or written to it.

        The word statuses are left out: 100,000 of them took the check from a millisecond to
        a third of a second, at every start. They are read in full once a store is opened
        (WordStatuses.all), which walks the same pages and meets the same damage.
        """
        if sqlite3.sqlite_version_info < (3, 33, 0):  # no check of one table before 3.33
            checks = ["PRAGMA quick_check"]
        else:
            tables = sorted(set(tables_at(version)) - CHECKED_WHEN_READ)
            checks = [f"PRAGMA quick_check({table})" for table in tables]
        for check in checks:
            problems = [row[0] for row in self._connection.execute(check)]
            if problems != ["ok"]:
                raise CorruptStoreError(self.path, f"the file is damaged ({problems[0]})")

    def _check_identity(self, version: int) -> None:
        """Refuse a newer store untouched; call another program's file foreign."""
        application_id = int(self._connection.execute("PRAGMA application_id").fetchone()[0])
        marked = application_id == APPLICATION_ID
        if application_id not in (0, APPLICATION_ID) or (version >= MARKED_FROM and not marked):
            raise ForeignStoreError(self.path, _FOREIGN)
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                self.path,
                f"was written by a newer version of Reader (store version {version}; "
                f"this Reader knows up to {SCHEMA_VERSION}); it was left untouched, "
                "update Reader to use it",
            )

    def _check_tables(self, version: int) -> None:
        """The file holds the tables a store of its version has (a new file holds none)."""
        found = table_columns(self.query)
        expected = tables_at(version)
        if version == 0:
            if found:
                raise ForeignStoreError(self.path, _FOREIGN)
            return
        if all(columns <= found.get(table, frozenset()) for table, columns in expected.items()):
            return
        if int(self.query("PRAGMA application_id")[0][0]) != APPLICATION_ID:
            raise ForeignStoreError(self.path, _FOREIGN)
        raise CorruptStoreError(self.path, "the file is damaged (tables of the store are missing)")

    def _use_wal(self) -> None:
        """Switch to write-ahead logging, waiting as long as any write waits for the store.

        SQLite gives up on this switch at once, without its busy timeout, when another
        connection switches the same new file at the same moment: two processes creating
        the store together made one fail with "busy" (4 times in 20).
        """
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                self._connection.execute("PRAGMA journal_mode = WAL").fetchone()
                return
            except sqlite3.OperationalError as error:
                if _primary_code(error) not in (_BUSY, _LOCKED) or time.monotonic() > deadline:
                    raise
            time.sleep(random.uniform(0.002, 0.02))  # apart, so the two do not collide again

    def wait_for_writes(self, seconds: float) -> None:
        """From now on a write waits up to `seconds` for another connection's transaction."""
        self.busy_timeout = seconds
        with _translated(self.path):
            self._connection.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def user_version(self) -> int:
        with _translated(self.path):
            return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        """Each step in its own transaction, so a crash leaves a whole version behind."""
        while True:
            with self.transaction():
                version = self.user_version()  # another process may have migrated meanwhile
                self._check_tables(version)
                if version >= SCHEMA_VERSION:
                    return
                for statement in MIGRATIONS[version]:
                    self.execute(statement)
                self.execute(f"PRAGMA user_version = {version + 1:d}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all; nested uses join the outer one.

        BEGIN IMMEDIATE takes the write lock at once, so two processes wait for each other
        (up to the busy timeout) instead of failing half way through.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with _translated(self.path):
            self._connection.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            with _translated(self.path):
                self._connection.execute("COMMIT")
        except BaseException:
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        with _translated(self.path):
            return self._connection.execute(sql, parameters)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with _translated(self.path):
            self._connection.executemany(sql, rows)

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        with _translated(self.path):
            return self._connection.execute(sql, parameters).fetchall()

    def close(self) -> None:
        self._connection.close()


_FOREIGN = "it is not a Reader store (another program's SQLite database)"


def _connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection that cannot write, to a store that may sit on a read-only disk."""
    uri = path.absolute().as_uri()
    connection = sqlite3.connect(
        f"{uri}?mode=ro", uri=True, timeout=busy_timeout, isolation_level=None
    )
    try:
        connection.execute("PRAGMA user_version").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        if _primary_code(error) != _CANTOPEN or path.with_name(path.name + "-wal").exists():
            raise
    # A read-only folder, without a write-ahead log: SQLite cannot make the shared-memory
    # file it reads a WAL store with. Nobody can be writing the store either (a writer needs
    # that log beside it), so the file is read as it stands.
    return sqlite3.connect(
        f"{uri}?mode=ro&immutable=1", uri=True, timeout=busy_timeout, isolation_level=None
    )
