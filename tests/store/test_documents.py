"""Documents known by path and by fingerprint."""

from __future__ import annotations

from reader.document import open_document


def test_a_new_document_is_registered_once(store, seed):
    first = store.open_document(seed).record
    second = store.open_document(seed).record
    assert first.id == second.id
    assert (first.fingerprint, first.path, first.title) == (seed.fingerprint, seed.path, seed.title)
    assert len(store.documents.all()) == 1


def test_a_moved_file_is_found_by_its_fingerprint_and_followed(store, seed_copy, tmp_path):
    record = store.open_document(open_document(seed_copy)).record
    moved = seed_copy.rename(tmp_path / "renamed.txt")
    found = store.open_document(open_document(moved)).record
    assert found.id == record.id
    assert found.path == moved.resolve()


def test_a_copy_shares_the_annotations_of_its_text_and_leaves_the_original_path(
    store, seed_copy, tmp_path
):
    original = open_document(seed_copy)
    record = store.open_document(original).record
    store.annotations.create(record.id, original.text, 0, 3)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_copy.read_bytes())
    opened = store.open_document(open_document(copy))
    assert opened.record.id == record.id
    assert opened.record.path == seed_copy.resolve()
    assert len(opened.annotations) == 1


def test_an_edited_file_is_the_same_document_with_a_new_fingerprint(store, seed_copy):
    record = store.open_document(open_document(seed_copy)).record
    seed_copy.write_text(seed_copy.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    edited = open_document(seed_copy)
    again = store.open_document(edited).record
    assert again.id == record.id
    assert again.fingerprint == edited.fingerprint != record.fingerprint
