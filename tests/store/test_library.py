"""The library: the documents opened or added, what the store keeps of each, and the step
that gives an older store its library."""

from __future__ import annotations

import os

import pytest

from reader.document import open_document
from reader.store import SCHEMA_VERSION, open_store
from tests.store.store_helpers import old_store


def test_an_opened_document_is_listed_with_its_file_facts(store, seed):
    store.open_document(seed)

    (entry,) = store.library.entries()
    assert (entry.path, entry.title, entry.format) == (seed.path, seed.title, "txt")
    assert entry.size == seed.path.stat().st_size
    assert entry.length == len(seed.text)
    assert entry.fingerprint == seed.fingerprint
    assert entry.first_opened == entry.last_opened == entry.added != ""
    assert (entry.progress, entry.coverage, entry.missing) == (0.0, None, False)
    assert not entry.changed_on_disk


def test_an_added_document_is_listed_but_not_opened_until_it_is(store, seed):
    added = store.library.add(seed)
    assert (added.first_opened, added.last_opened) == ("", "")
    assert added.added != ""

    store.open_document(seed)
    opened = store.library.entry(added.id)
    assert opened.first_opened == opened.last_opened != ""
    assert opened.added == added.added

    store.open_document(seed)
    again = store.library.entry(added.id)
    assert again.first_opened == opened.first_opened
    assert again.last_opened >= opened.last_opened


def test_the_last_opened_come_first_and_the_never_opened_after(store, tmp_path):
    paths = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"{name}书的正文。\n", encoding="utf-8")
        paths.append(path)
    store.library.add(open_document(paths[0]))
    store.open_document(open_document(paths[1]))
    store.open_document(open_document(paths[2]))

    assert [entry.path for entry in store.library.entries()] == [
        paths[2].resolve(),
        paths[1].resolve(),
        paths[0].resolve(),
    ]


def test_a_removed_document_keeps_its_annotations_and_file_and_comes_back_when_added(store, seed):
    record = store.open_document(seed).record
    store.annotations.create(record.id, seed.text, 0, 2)

    store.library.remove(record.id)
    assert store.library.entries() == []
    assert store.library.find_path(seed.path) is None
    assert seed.path.is_file()
    assert len(store.annotations.for_document(record.id)) == 1

    store.library.add(seed)
    assert [entry.id for entry in store.library.entries()] == [record.id]
    assert store.library.find_path(seed.path).id == record.id


def test_a_missing_file_is_marked_and_relinked(store, seed_copy, tmp_path):
    entry = store.library.add(open_document(seed_copy))
    moved = tmp_path / "elsewhere.txt"
    seed_copy.rename(moved)
    assert store.library.entry(entry.id).missing

    store.library.relink(entry.id, moved)
    relinked = store.library.entry(entry.id)
    assert (relinked.path, relinked.missing) == (moved, False)


def test_a_file_cannot_be_relinked_to_another_documents_file(store, seed, seed_copy, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("另一本书。\n", encoding="utf-8")
    first = store.library.add(open_document(other))
    store.library.add(seed)
    with pytest.raises(ValueError, match="already the file of"):
        store.library.relink(first.id, seed.path)


def test_a_file_changed_on_disk_is_seen_by_its_size_and_time(store, seed_copy):
    entry = store.library.add(open_document(seed_copy))
    seed_copy.write_text(seed_copy.read_text(encoding="utf-8") + "又一段。\n", encoding="utf-8")
    os.utime(seed_copy, (entry.modified + 10, entry.modified + 10))
    assert store.library.entry(entry.id).changed_on_disk


def test_progress_and_coverage_are_kept_within_zero_and_one(data_dir, seed):
    with open_store(data_dir) as store:
        entry = store.library.add(seed)
        store.library.set_progress(entry.id, 0.25)
        store.library.set_coverage(entry.id, 0.875)
    with open_store(data_dir) as store:
        kept = store.library.entry(entry.id)
        assert (kept.progress, kept.coverage) == (0.25, 0.875)
        store.library.set_progress(entry.id, 1.5)
        store.library.set_coverage(entry.id, None)
        assert (store.library.entry(entry.id).progress, store.library.entry(entry.id).coverage) == (
            1.0,
            None,
        )


def test_a_store_of_version_4_gains_the_library_and_lists_what_it_knew(data_dir, seed):
    old_store(data_dir, 4, seed)

    with open_store(data_dir) as store:
        assert store.database.user_version() == SCHEMA_VERSION == 5
        (entry,) = store.library.entries()
        assert entry.path == seed.path
        assert (
            entry.added
            == entry.first_opened
            == entry.last_opened
            == "2024-01-01T00:00:00.000+00:00"
        )
        (annotation,) = store.open_document(seed).annotations
        assert annotation.quote == seed.text[:2]
        assert store.library.entry(entry.id).format == "txt"
