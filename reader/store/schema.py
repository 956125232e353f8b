"""The store's schema as numbered steps: step N takes a database from version N-1 to N.

A step is never edited once released; a change to the schema is a new step at the end.
`PRAGMA user_version` holds the number of steps applied.
"""

from __future__ import annotations

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
)

SCHEMA_VERSION = len(MIGRATIONS)
