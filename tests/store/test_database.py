"""The store file: pragmas, migrations, refusals, recovery and errors, on real SQLite files."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest

from reader.document import open_document
from reader.store import (
    SCHEMA_VERSION,
    STORE_FILE,
    Annotation,
    Database,
    ForeignStoreError,
    NewerSchemaError,
    StoreBusyError,
    StoreError,
    export_annotations,
    open_store,
)
from reader.store.schema import APPLICATION_ID, MIGRATIONS
from tests.store.store_helpers import frozen, old_store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_store_is_wal_with_foreign_keys_a_busy_timeout_and_full_sync(store):
    pragma = lambda name: store.database.query(f"PRAGMA {name}")[0][0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 10_000
    assert pragma("synchronous") == 2  # FULL
    assert pragma("user_version") == SCHEMA_VERSION


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.annotations.restore(
            Annotation(
                id="00000000-0000-4000-8000-000000000000",
                document_id=999,
                start=0,
                end=1,
                quote="x",
            )
        )


def test_a_store_made_by_the_first_schema_is_migrated_and_keeps_its_data(data_dir, seed):
    data_dir.mkdir()
    path = data_dir / STORE_FILE
    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO documents (id, fingerprint, path, title, length, position, opened) "
        "VALUES (1, ?, ?, ?, ?, 42, '2024-01-01T00:00:00.000+00:00')",
        (seed.fingerprint, str(seed.path), seed.title, len(seed.text)),
    )
    start = seed.text.index("网民")
    connection.execute(
        "INSERT INTO annotations (id, document_id, start_offset, end_offset, quote, colour, "
        "note, tags, created, updated) VALUES ('7f1c2a34-5b6d-4e8f-9a0b-1c2d3e4f5a6b', 1, ?, ?, "
        "'网民', 'red', '什么意思?', '词', '2024-01-01T00:00:00.000+00:00', "
        "'2024-01-01T00:00:00.000+00:00')",
        (start, start + 2),
    )
    connection.commit()
    connection.close()

    with open_store(data_dir) as store:
        assert store.database.user_version() == SCHEMA_VERSION
        opened = store.open_document(seed)
        (annotation,) = opened.annotations
        assert (annotation.quote, annotation.note, annotation.tags) == (
            "网民",
            "什么意思?",
            ("词",),
        )
        assert store.colours.all()["red"] == "question"


def test_a_store_from_a_newer_reader_is_refused_and_left_untouched(data_dir):
    open_store(data_dir).close()
    path = data_dir / STORE_FILE
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = digest(path)

    with pytest.raises(NewerSchemaError) as refused:
        open_store(data_dir)

    assert "newer version of Reader" in str(refused.value)
    assert "left untouched" in str(refused.value)
    assert str(path) in str(refused.value)
    assert digest(path) == before
    assert list(data_dir.glob("*damaged*")) == []


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_new_store_started(data_dir, seed):
    data_dir.mkdir()
    path = data_dir / STORE_FILE
    garbage = b"this is not SQLite\n" * 500
    path.write_bytes(garbage)

    with open_store(data_dir) as store:
        assert store.notice is not None
        assert "damaged" in store.notice
        (aside,) = data_dir.glob("reader.damaged-*.sqlite3")
        assert aside.name in store.notice
        assert aside.read_bytes() == garbage
        assert store.annotations.count() == 0
        store.annotations.create(store.open_document(seed).record.id, seed.text, 0, 2)
    with open_store(data_dir) as again:
        assert again.notice is None
        assert again.annotations.count() == 1


def test_a_store_with_a_damaged_page_is_moved_aside(data_dir, seed):
    with open_store(data_dir) as store:
        document_id = store.open_document(seed).record.id
        with store.database.transaction():
            for start in range(0, 3000, 3):
                store.annotations.create(document_id, seed.text, start, start + 2, note="笔" * 40)
    path = data_dir / STORE_FILE
    page_size = 4096
    assert path.stat().st_size > 6 * page_size
    with path.open("r+b") as file:
        file.seek(3 * page_size)
        file.write(bytes(range(256)) * (page_size // 256))

    with open_store(data_dir) as store:
        assert store.notice is not None and "damaged" in store.notice
        assert store.annotations.count() == 0
    assert len(list(data_dir.glob("reader.damaged-*.sqlite3"))) == 1


def test_a_full_disk_is_a_clear_error_and_leaves_the_store_whole(store, seed):
    document_id = store.open_document(seed).record.id
    store.annotations.create(document_id, seed.text, 0, 2)
    pages = store.database.query("PRAGMA page_count")[0][0]
    store.database.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"

    with pytest.raises(StoreError) as full, store.database.transaction():
        for start in range(0, 3000, 3):
            store.annotations.create(document_id, seed.text, start, start + 2, note="满" * 500)

    assert "disk is full" in str(full.value)
    assert str(store.path) in str(full.value)
    assert store.annotations.count() == 1
    assert store.database.query("PRAGMA integrity_check") == [("ok",)]


@pytest.fixture
def read_only_store(data_dir):
    """A store on which writing is refused by the system, even to root (via chattr +i)."""
    open_store(data_dir).close()
    path = data_dir / STORE_FILE
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    data_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    immutable = False
    if os.access(path, os.W_OK):
        immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
    try:
        path.open("ab").close()
    except OSError:
        yield path
    else:
        pytest.skip("cannot make a file read-only here")
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        data_dir.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_read_only_store_is_a_clear_error(read_only_store, seed):
    with pytest.raises(StoreError) as refused, open_store(read_only_store.parent) as store:
        store.open_document(seed)
    assert str(read_only_store) in str(refused.value)
    assert "read-only" in str(refused.value) or "cannot be opened" in str(refused.value)


def test_a_read_only_connection_gives_the_read_only_reason(store, seed):
    store.database.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="read-only"):
        store.open_document(seed)


def test_a_failed_transaction_leaves_nothing_behind(store, seed):
    document_id = store.open_document(seed).record.id
    with pytest.raises(RuntimeError), store.database.transaction():
        store.annotations.create(document_id, seed.text, 0, 2)
        store.annotations.create(document_id, seed.text, 3, 5)
        raise RuntimeError("the user's action failed half way")
    assert store.annotations.count() == 0


def test_two_connections_see_each_others_writes(data_dir, seed):
    with open_store(data_dir) as first, open_store(data_dir) as second:
        document_id = first.open_document(seed).record.id
        made = first.annotations.create(document_id, seed.text, 0, 2, note="一")
        assert second.annotations.get(made.id) == made
        second.annotations.update(made.id, note="二")
        assert first.annotations.get(made.id).note == "二"


def test_a_store_busy_too_long_in_another_connection_is_a_clear_error(data_dir, seed):
    with open_store(data_dir) as first, open_store(data_dir) as second:
        document_id = first.open_document(seed).record.id
        second.database.execute("PRAGMA busy_timeout = 50")
        with first.database.transaction():
            first.annotations.create(document_id, seed.text, 0, 2)
            with pytest.raises(StoreBusyError, match="busy in another Reader"):
                second.annotations.create(document_id, seed.text, 3, 5)
        assert second.annotations.count() == 1


def test_a_current_store_opens_at_once_while_another_connection_writes(data_dir, seed):
    """Only a migration takes the write lock when a store opens: the window opens a store
    that an import is writing, reads it, and its short wait for a write runs out quickly."""
    with open_store(data_dir) as first:
        document_id = first.open_document(seed).record.id
        with first.database.transaction():
            first.annotations.create(document_id, seed.text, 0, 2)
            began = time.monotonic()
            with open_store(data_dir, busy_timeout=0.05) as second:
                opened = time.monotonic() - began
                assert second.database.query("PRAGMA busy_timeout")[0][0] == 50
                assert second.read_document(seed).annotations == []  # the last commit's
                began = time.monotonic()
                with pytest.raises(StoreBusyError):
                    second.open_document(seed)
                refused = time.monotonic() - began
                second.database.wait_for_writes(0.2)
                assert second.database.query("PRAGMA busy_timeout")[0][0] == 200
        assert opened < 1 and refused < 1  # not the default ten seconds


def test_a_data_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        open_store(blocker / "data")


def test_a_new_store_carries_reader_s_application_id(store):
    assert store.database.query("PRAGMA application_id")[0][0] == APPLICATION_ID


def test_a_store_of_the_second_schema_gets_versions_and_the_application_id(data_dir, seed):
    old_store(data_dir, 2, seed)

    with open_store(data_dir) as store:
        assert store.database.user_version() == SCHEMA_VERSION
        assert store.database.query("PRAGMA application_id")[0][0] == APPLICATION_ID
        (annotation,) = store.open_document(seed).annotations
        assert annotation.version == 1


def sqlite_file(path: Path, *statements: str) -> bytes:
    """A sound SQLite file made by someone else; returns its bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path.read_bytes()


FOREIGN = {
    "another program's": (
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
        "INSERT INTO moz_places (url) VALUES ('https://example.org')",
    ),
    "an empty one with a table x": ("CREATE TABLE x (y)",),
    "one with another application id": ("PRAGMA application_id = 1234",),
    "one numbered past Reader's without its id": (
        "CREATE TABLE documents (z)",
        "PRAGMA user_version = 7",
    ),
    "one numbered as Reader's with other tables": (
        "CREATE TABLE documents (z)",
        "PRAGMA user_version = 2",
    ),
}


@pytest.mark.parametrize("statements", FOREIGN.values(), ids=FOREIGN.keys())
def test_a_sqlite_file_that_is_not_a_store_is_moved_aside_untouched(data_dir, seed, statements):
    original = sqlite_file(data_dir / STORE_FILE, *statements)

    with open_store(data_dir) as store:
        assert store.notice is not None
        assert "it is not a Reader store" in store.notice
        (aside,) = data_dir.glob("reader.damaged-*.sqlite3")
        assert aside.name in store.notice
        assert aside.read_bytes() == original
        record = store.open_document(seed).record
        store.annotations.create(record.id, seed.text, 0, 2)
    with open_store(data_dir) as again:
        assert again.notice is None and again.annotations.count() == 1


def test_a_store_missing_one_of_its_tables_is_damaged(data_dir):
    open_store(data_dir).close()
    connection = sqlite3.connect(data_dir / STORE_FILE)
    connection.execute("DROP TABLE colour_names")
    connection.commit()
    connection.close()
    with open_store(data_dir) as store:
        assert "the file is damaged (tables of the store are missing)" in store.notice


def test_another_program_s_file_is_refused_read_only_without_a_write(data_dir):
    original = sqlite_file(data_dir / STORE_FILE, *FOREIGN["an empty one with a table x"])
    with pytest.raises(ForeignStoreError):
        Database(data_dir / STORE_FILE, read_only=True)
    assert (data_dir / STORE_FILE).read_bytes() == original


def annotated_store(data_dir: Path, seed) -> None:
    with open_store(data_dir) as store:
        record = store.open_document(seed).record
        store.annotations.create(record.id, seed.text, 0, 2, note="只读")


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file and folder"])
def test_a_read_only_store_is_read_and_exported(data_dir, seed, folder_too):
    annotated_store(data_dir, seed)
    path = data_dir / STORE_FILE
    with frozen(*([path, data_dir] if folder_too else [path])):
        with open_store(data_dir, read_only=True) as store:
            assert store.notice is None
            opened = store.read_document(seed)
            assert [a.note for a in opened.annotations] == ["只读"]
            assert "只读" in export_annotations(store, seed, "md")
        with pytest.raises(StoreError), open_store(data_dir) as store:
            store.open_document(seed)


def test_a_read_only_open_writes_nothing(data_dir, seed, tmp_path):
    annotated_store(data_dir, seed)
    before = digest(data_dir / STORE_FILE)
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("从未打开过的文章。", encoding="utf-8")
    with open_store(data_dir, read_only=True) as store:
        assert store.read_document(seed) is not None
        assert store.read_document(open_document(unknown)) is None
        for format in ("json", "md", "csv"):
            export_annotations(store, seed, format)
    assert digest(data_dir / STORE_FILE) == before


def test_no_store_reads_as_an_empty_one_and_makes_no_file(data_dir, seed):
    with open_store(data_dir, read_only=True) as store:
        assert store.read_document(seed) is None
        assert json.loads(export_annotations(store, seed, "json"))["total"] == 0
    assert not data_dir.exists()


def test_a_store_of_an_older_schema_is_upgraded_before_a_read_only_open(data_dir, seed):
    data_dir.mkdir()
    sqlite_file(data_dir / STORE_FILE, *MIGRATIONS[0], "PRAGMA user_version = 1")
    with open_store(data_dir, read_only=True) as store:
        assert store.database.read_only
        assert store.database.user_version() == SCHEMA_VERSION
        assert store.read_document(seed) is None
