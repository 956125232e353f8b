"""The store file: pragmas, migrations, refusals, recovery and errors, on real SQLite files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from reader.store import (
    SCHEMA_VERSION,
    STORE_FILE,
    Annotation,
    NewerSchemaError,
    StoreError,
    open_store,
)
from reader.store.schema import APPLICATION_ID, MIGRATIONS


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
        assert opened.record.position == 42
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
            with pytest.raises(StoreError, match="busy in another Reader"):
                second.annotations.create(document_id, seed.text, 3, 5)
        assert second.annotations.count() == 1


def test_a_data_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        open_store(blocker / "data")


def test_a_new_store_carries_reader_s_application_id(store):
    assert store.database.query("PRAGMA application_id")[0][0] == APPLICATION_ID


def test_a_store_of_the_second_schema_gets_versions_and_the_application_id(data_dir, seed):
    data_dir.mkdir()
    connection = sqlite3.connect(data_dir / STORE_FILE)
    for step in MIGRATIONS[:2]:
        for statement in step:
            connection.execute(statement)
    connection.execute("PRAGMA user_version = 2")
    connection.execute(
        "INSERT INTO documents (id, fingerprint, path, title, length, opened) "
        "VALUES (1, ?, ?, '', ?, '2024-01-01T00:00:00.000+00:00')",
        (seed.fingerprint, str(seed.path), len(seed.text)),
    )
    connection.execute(
        "INSERT INTO annotations (id, document_id, start_offset, end_offset, quote, colour, "
        "created, updated) VALUES ('7f1c2a34-5b6d-4e8f-9a0b-1c2d3e4f5a6b', 1, 0, 2, ?, 'red', "
        "'2024-01-01T00:00:00.000+00:00', '2024-01-01T00:00:00.000+00:00')",
        (seed.text[:2],),
    )
    connection.commit()
    connection.close()

    with open_store(data_dir) as store:
        assert store.database.user_version() == SCHEMA_VERSION == 3
        assert store.database.query("PRAGMA application_id")[0][0] == APPLICATION_ID
        (annotation,) = store.open_document(seed).annotations
        assert annotation.version == 1
