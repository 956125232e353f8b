"""The store's schema as numbered steps: step N takes a database from version N-1 to N.

A step is never edited once released; a change to the schema is a new step at the end.
`PRAGMA user_version` holds the number of steps applied, and `PRAGMA application_id` marks
the file as Reader's (from step 3): another program's SQLite file is never mistaken for a
store and written into. `tables_at` gives the tables each version has, built by running the
steps themselves, so the check of a file's tables can never disagree with the steps.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

APPLICATION_ID = 0x52647253
"""b"RdrS": the SQLite header's application id of a Reader store."""
MARKED_FROM = 3
"""The first version whose stores carry APPLICATION_ID (older ones have 0)."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: documents known by fingerprint and path, with their reading position; annotations.
    (
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            path TEXT UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            length INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            opened TEXT NOT NULL
        )
        """,
        "CREATE INDEX documents_by_fingerprint ON documents (fingerprint)",
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',  -- one tag per line
            orphan INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (0 <= start_offset AND start_offset < end_offset)
        )
        """,
        "CREATE INDEX annotations_by_document ON annotations (document_id, start_offset)",
    ),
    # 2: colours get names (yellow = vocabulary ...), which travel with exports as tags.
    (
        "CREATE TABLE colour_names (colour TEXT PRIMARY KEY, name TEXT NOT NULL)",
        """
        INSERT INTO colour_names (colour, name) VALUES
            ('yellow', 'vocabulary'),
            ('red', 'question'),
            ('green', 'grammar'),
            ('blue', 'idea'),
            ('purple', 'important')
        """,
    ),
    # 3: a version per annotation, checked by every edit, so that an edit made from a stale
    # copy (the window's, after `reader notes import` changed the note) is refused, not
    # written over the newer change; and the application id that marks the file as Reader's.
    (
        "ALTER TABLE annotations ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        f"PRAGMA application_id = {APPLICATION_ID:d}",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


Query = Callable[[str, Sequence[Any]], list[Any]]


@cache
def tables_at(version: int) -> dict[str, frozenset[str]]:
    """Each table a store of this version has, with its columns."""
    connection = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS[:version]:
            for statement in step:
                connection.execute(statement)
        return table_columns(lambda sql, parameters: connection.execute(sql, parameters).fetchall())
    finally:
        connection.close()


def table_columns(query: Query) -> dict[str, frozenset[str]]:
    """The tables of a database (SQLite's own left out), with their columns."""
    names = query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", ()
    )
    return {
        name: frozenset(
            column for (column,) in query("SELECT name FROM pragma_table_info(?)", (name,))
        )
        for (name,) in names
    }
