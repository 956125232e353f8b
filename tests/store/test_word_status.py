"""Word statuses on a real store file: set, undo, survive a reopen, migrate from version 3."""

from __future__ import annotations

import sqlite3

import pytest

from reader.store import SCHEMA_VERSION, STORE_FILE, CorruptStoreError, Status, open_store
from tests.store.store_helpers import old_store


def test_a_word_without_a_row_is_new(store):
    assert store.word_statuses.status("你好") is Status.NEW
    assert store.word_statuses.all() == {}


def test_a_status_is_stored_at_once_and_read_after_reopening(data_dir):
    with open_store(data_dir) as store:
        store.word_statuses.set({"你好": Status.KNOWN, "学习": Status.LEARNING_2})
    with open_store(data_dir) as store:
        assert store.word_statuses.all() == {"你好": Status.KNOWN, "学习": Status.LEARNING_2}


def test_setting_returns_what_undo_needs_and_undo_restores_it(store):
    store.word_statuses.set({"学习": Status.LEARNING_1})
    before = store.word_statuses.set({"学习": Status.KNOWN, "中文": Status.IGNORED})
    assert before == {"学习": Status.LEARNING_1, "中文": Status.NEW}
    store.word_statuses.set(before)
    assert store.word_statuses.all() == {"学习": Status.LEARNING_1}


def test_back_to_new_keeps_the_row_its_id_and_first_seen(store):
    store.word_statuses.set({"学习": Status.KNOWN})
    first = store.word_statuses.get("学习")
    store.word_statuses.set({"学习": Status.NEW})
    again = store.word_statuses.get("学习")
    assert again.status is Status.NEW
    assert (again.id, again.first_seen) == (first.id, first.first_seen)
    assert again.version == first.version + 1
    assert again.updated >= first.updated


def test_an_unchanged_status_is_not_written_again(store):
    store.word_statuses.set({"学习": Status.KNOWN})
    first = store.word_statuses.get("学习")
    assert store.word_statuses.set({"学习": Status.KNOWN}) == {}
    assert store.word_statuses.get("学习") == first


def test_many_statuses_are_one_transaction(store):
    words = {f"词{n}": Status.KNOWN for n in range(1200)}
    store.word_statuses.set(words)
    assert store.word_statuses.count(Status.KNOWN) == 1200
    assert store.word_statuses.statuses(["词5", "无"]) == {"词5": Status.KNOWN, "无": Status.NEW}


def test_a_failed_write_leaves_nothing_half_written(store):
    with pytest.raises(ValueError):
        store.word_statuses.set({"甲": Status.KNOWN, "乙": 7})
    assert store.word_statuses.all() == {}


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("new", Status.NEW),
        ("3", Status.LEARNING_3),
        ("Known", Status.KNOWN),
        (" ignored ", Status.IGNORED),
    ],
)
def test_statuses_parse_from_what_a_reader_types(typed, status):
    assert Status.parse(typed) is status
    assert Status.parse(status.name_shown) is status


def test_an_unknown_status_name_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="new, 1, 2, 3, 4, known, ignored"):
        Status.parse("5")


def test_the_store_refuses_a_status_outside_the_scale(store):
    with pytest.raises(sqlite3.IntegrityError), store.database.transaction():
        store.database.execute(
            "INSERT INTO word_statuses (word, status, id, first_seen, updated) "
            "VALUES ('x', 5, 'i', 't', 't')"
        )


def test_a_store_of_version_3_gains_the_word_tables_and_keeps_its_data(data_dir, seed):
    old_store(data_dir, 3, seed)

    with open_store(data_dir) as store:
        assert store.database.user_version() == SCHEMA_VERSION
        (annotation,) = store.open_document(seed).annotations
        assert annotation.quote == seed.text[:2]
        store.word_statuses.set({"网民": Status.KNOWN})
        assert store.word_statuses.all() == {"网民": Status.KNOWN}
        assert store.saved_words.all() == []


def test_damaged_statuses_are_found_when_read_not_at_every_open(data_dir):
    with open_store(data_dir) as store:
        store.word_statuses.set({f"词{n}": Status.KNOWN for n in range(5000)})
    path = data_dir / STORE_FILE
    page_size = 4096
    pages = path.stat().st_size // page_size
    assert pages > 20
    with path.open("r+b") as file:
        file.seek(pages // 2 * page_size)
        file.write(bytes(range(256)) * (page_size // 256))

    with open_store(data_dir) as store:
        assert store.notice is None
        with pytest.raises(CorruptStoreError, match="damaged"):
            store.word_statuses.all()
