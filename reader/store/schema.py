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
    # 4: what the reader knows: a status per word (Lute's numbers: 0 new, 1-4 learning,
    # 98 ignored, 99 known), and the words saved with the sentence they came from. Rows carry
    # an id, an update time and a version, as annotations do, so that copies can be merged.
    (
        """
        CREATE TABLE word_statuses (
            word TEXT PRIMARY KEY,  -- the simplified form
            status INTEGER NOT NULL CHECK (status IN (0, 1, 2, 3, 4, 98, 99)),
            id TEXT NOT NULL,  -- a UUID: the key for merging two stores
            first_seen TEXT NOT NULL,  -- when the word first got a row
            updated TEXT NOT NULL,  -- when its status last changed
            version INTEGER NOT NULL DEFAULT 1
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE saved_words (
            id TEXT PRIMARY KEY,
            word TEXT NOT NULL,  -- the simplified form
            written TEXT NOT NULL,  -- as the document writes it
            traditional TEXT NOT NULL DEFAULT '',
            pinyin TEXT NOT NULL DEFAULT '',  -- as read in its sentence
            meaning TEXT NOT NULL DEFAULT '',  -- the chosen senses, one per line
            hsk TEXT NOT NULL DEFAULT '',
            sentence TEXT NOT NULL,
            word_start INTEGER NOT NULL,  -- the word's place in the sentence
            word_end INTEGER NOT NULL,
            sentence_pinyin TEXT NOT NULL DEFAULT '',
            document_path TEXT NOT NULL DEFAULT '',
            document_title TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            offset INTEGER NOT NULL DEFAULT 0,  -- the word's offset in the document's text
            tags TEXT NOT NULL DEFAULT '',  -- one tag per line
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            CHECK (0 <= word_start AND word_start < word_end)
        )
        """,
        "CREATE INDEX saved_words_by_word ON saved_words (word)",
    ),
    # 5: the library: every document opened or added is listed, with its file's format, size
    # and modification time (a scan re-reads only files that changed), when it came in and
    # was first opened, how far it has been read and how much of it the reader knows.
    # `opened` stays the last opening ('' for a document added but never opened).
    (
        "ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE documents ADD COLUMN size INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN modified REAL NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN added TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE documents ADD COLUMN first_opened TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE documents ADD COLUMN progress REAL NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN coverage REAL",
        "ALTER TABLE documents ADD COLUMN listed INTEGER NOT NULL DEFAULT 1",
        "UPDATE documents SET added = opened, first_opened = opened",
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
