"""Annotations: create, edit, delete, and the records that make undo and redo possible."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from reader.store import (
    COLOURS,
    StaleAnnotation,
    StoreError,
    edited,
    filter_annotations,
    new_annotation,
    open_store,
    reattached,
)


@pytest.fixture
def document_id(store, seed):
    return store.open_document(seed).record.id


def test_an_annotation_keeps_its_quote_context_and_details(store, seed, document_id, span):
    start, end = span(seed, "我国有7亿网民")
    made = store.annotations.create(
        document_id, seed.text, start, end, colour="red", note="七亿?", tags=["数字", " 数字 ", ""]
    )
    assert uuid.UUID(made.id).version == 4
    assert made.quote == "我国有7亿网民"
    assert seed.text[start - len(made.prefix) : start] == made.prefix
    assert made.suffix == seed.text[end : end + 32]
    assert made.tags == ("数字",)
    assert store.annotations.get(made.id) == made
    assert store.annotations.for_document(document_id) == [made]


def test_notes_are_stored_as_given_text(store, seed, document_id):
    note = "'); DROP TABLE annotations; --\n<b>不是</b> HTML"
    made = store.annotations.create(document_id, seed.text, 0, 2, note=note)
    assert store.annotations.get(made.id).note == note
    assert store.annotations.count() == 1


def test_the_tags_in_use_are_listed_once_each_sorted_ignoring_case(store, seed, document_id):
    assert store.annotations.tags() == []
    store.annotations.create(document_id, seed.text, 0, 2, tags=["数字", "Zeta"])
    store.annotations.create(document_id, seed.text, 2, 4, tags=["alpha", "zeta", "数字"])
    store.annotations.create(document_id, seed.text, 4, 6)

    assert store.annotations.tags() == ["alpha", "Zeta", "数字"]


def test_bad_offsets_and_colours_are_refused(store, seed, document_id):
    with pytest.raises(ValueError):
        store.annotations.create(document_id, seed.text, 5, 5)
    with pytest.raises(ValueError):
        store.annotations.create(document_id, seed.text, 0, len(seed.text) + 1)
    with pytest.raises(ValueError, match="unknown colour"):
        store.annotations.create(document_id, seed.text, 0, 2, colour="orange")
    assert store.annotations.count() == 0


def test_undo_and_redo_of_create_edit_and_delete(store, seed, document_id):
    made = store.annotations.create(document_id, seed.text, 10, 14, note="first")

    before_edit = store.annotations.update(made.id, note="second", colour="blue", tags=["t"])
    assert before_edit == made
    edited = store.annotations.get(made.id)
    assert (edited.note, edited.colour, edited.tags) == ("second", "blue", ("t",))
    assert edited.created == made.created and edited.updated >= made.updated

    store.annotations.restore(before_edit)  # undo the edit
    assert store.annotations.get(made.id) == made
    store.annotations.restore(edited)  # redo it
    assert store.annotations.get(made.id) == edited

    deleted = store.annotations.delete(made.id)
    assert deleted == edited
    assert store.annotations.get(made.id) is None
    store.annotations.restore(deleted)  # undo the delete: same id, same record
    assert store.annotations.get(made.id) == edited
    assert store.annotations.count() == 1

    store.annotations.delete(made.id)  # undo the create
    store.annotations.restore(made)  # redo it
    assert store.annotations.get(made.id) == made


def test_changing_an_unknown_annotation_is_a_key_error(store):
    with pytest.raises(KeyError):
        store.annotations.update("no-such-id", note="x")
    with pytest.raises(KeyError):
        store.annotations.delete("no-such-id")


def test_an_annotation_is_reattached_to_selected_text(store, seed, document_id, span):
    made = store.annotations.create(document_id, seed.text, 0, 2)
    start, end = span(seed, "网络空间天朗气清")
    before = store.annotations.reattach(made.id, seed.text, start, end)
    assert before == made
    moved = store.annotations.get(made.id)
    assert (moved.start, moved.end, moved.quote, moved.orphan) == (
        start,
        end,
        "网络空间天朗气清",
        False,
    )


def test_a_new_annotation_is_made_without_the_store(seed, span):
    start, end = span(seed, "我国有7亿网民")
    made = new_annotation(7, seed.text, start, end, colour="red", tags=["数字", " 数字 ", ""])
    assert uuid.UUID(made.id).version == 4
    assert (made.document_id, made.start, made.end) == (7, start, end)
    assert made.quote == "我国有7亿网民" and made.suffix == seed.text[end : end + 32]
    assert (made.colour, made.note, made.tags, made.orphan) == ("red", "", ("数字",), False)
    with pytest.raises(ValueError, match="no text to annotate"):
        new_annotation(7, seed.text, 5, 5)
    with pytest.raises(ValueError, match="unknown colour"):
        new_annotation(7, seed.text, 0, 2, colour="orange")


def test_edited_changes_only_what_is_given(seed):
    made = new_annotation(1, seed.text, 0, 2, note="first", tags=["a"])
    recoloured = edited(made, colour="blue")
    assert (recoloured.colour, recoloured.note, recoloured.tags) == ("blue", "first", ("a",))
    assert recoloured.created == made.created and recoloured.updated >= made.updated
    renoted = edited(made, note="", tags=[" b  c ", "b  c"])
    assert (renoted.colour, renoted.note, renoted.tags) == (made.colour, "", ("b c",))
    with pytest.raises(ValueError, match="unknown colour"):
        edited(made, colour="orange")


def test_reattached_is_anchored_and_no_longer_an_orphan(seed, span):
    orphan = replace(new_annotation(1, seed.text, 0, 2, note="kept"), orphan=True)
    start, end = span(seed, "网络空间天朗气清")
    moved = reattached(orphan, seed.text, start, end)
    assert (moved.start, moved.end, moved.quote, moved.orphan) == (
        start,
        end,
        "网络空间天朗气清",
        False,
    )
    assert (moved.id, moved.note, moved.created) == (orphan.id, "kept", orphan.created)
    with pytest.raises(ValueError, match="no text to attach to"):
        reattached(orphan, seed.text, 3, 2)


def test_the_store_writes_what_the_pure_functions_make(store, seed, document_id):
    made = store.annotations.create(document_id, seed.text, 0, 2, colour="green")
    store.annotations.update(made.id, note="n", tags=["t"])
    changed = store.annotations.get(made.id)
    assert changed == replace(edited(made, note="n", tags=["t"]), updated=changed.updated)
    store.annotations.reattach(made.id, seed.text, 4, 8)
    moved = store.annotations.get(made.id)
    assert moved == replace(reattached(changed, seed.text, 4, 8), updated=moved.updated)


def test_colours_have_names_that_can_be_changed(store):
    assert list(store.colours.all()) == list(COLOURS)
    assert store.colours.all()["yellow"] == "vocabulary"
    assert store.colours.all()["red"] == "question"
    assert store.colours.rename("green", "  成语  ") == "grammar"
    assert store.colours.all()["green"] == "成语"
    assert store.colours.colour_named("成语") == "green"
    store.colours.rename("green", "")
    assert store.colours.all()["green"] == "grammar"


def test_filter_by_colour_tag_and_text(store, seed, document_id):
    a = store.annotations.create(document_id, seed.text, 0, 3, colour="red", tags=["Politics"])
    b = store.annotations.create(document_id, seed.text, 10, 13, note="look up 信息化")
    c = store.annotations.create(document_id, seed.text, 20, 23, colour="red", tags=["词"])
    everything = store.annotations.for_document(document_id)
    assert filter_annotations(everything, colour="red") == [a, c]
    assert filter_annotations(everything, tag="politics") == [a]
    assert filter_annotations(everything, text="LOOK") == [b]
    assert filter_annotations(everything, text=seed.text[20:22]) == [c]
    assert filter_annotations(everything, colour="red", tag="词") == [c]
    assert filter_annotations(everything) == everything


def test_every_write_moves_the_version_on(store, seed, document_id):
    made = store.annotations.create(document_id, seed.text, 0, 2)
    assert made.version == 1 == store.annotations.get(made.id).version
    store.annotations.update(made.id, note="n")
    assert store.annotations.get(made.id).version == 2
    assert store.annotations.restore(made).version == 3
    store.annotations.reattach(made.id, seed.text, 4, 8)
    assert store.annotations.get(made.id).version == 4
    assert made == store.annotations.restore(made)  # the version is not part of equality


def test_save_writes_over_the_version_the_copy_was_read_at(store, seed, document_id):
    made = store.annotations.create(document_id, seed.text, 0, 2)
    saved = store.annotations.save(edited(made, note="一"))
    assert saved.version == 2
    assert store.annotations.get(made.id) == saved
    again = store.annotations.save(edited(saved, colour="red"))
    assert (again.version, again.note, again.colour) == (3, "一", "red")
    fresh = new_annotation(document_id, seed.text, 4, 6)
    assert store.annotations.save(fresh).version == 1


def test_a_save_from_a_stale_copy_is_refused_with_the_record_as_it_now_is(data_dir, seed, span):
    with open_store(data_dir) as window, open_store(data_dir) as other:
        document_id = window.open_document(seed).record.id
        shown = window.annotations.create(
            document_id, seed.text, *span(seed, "我国有7亿网民"), note="旧"
        )
        other.annotations.update(shown.id, note="新")

        with pytest.raises(StaleAnnotation) as stale:
            window.annotations.save(edited(shown, colour="blue"))

        assert stale.value.current.note == "新" and stale.value.current.version == 2
        assert stale.value.attempted.colour == "blue"
        assert isinstance(stale.value, StoreError) and "changed or deleted elsewhere" in str(
            stale.value
        )
        assert window.annotations.get(shown.id).note == "新"
        retried = window.annotations.save(edited(stale.value.current, colour="blue"))
        assert (retried.note, retried.colour) == ("新", "blue")


def test_a_save_of_a_deleted_or_taken_record_is_refused(store, seed, document_id):
    made = store.annotations.create(document_id, seed.text, 0, 2)
    store.annotations.delete(made.id)
    with pytest.raises(StaleAnnotation) as gone:
        store.annotations.save(edited(made, note="x"))
    assert gone.value.current is None
    assert store.annotations.get(made.id) is None

    taken = store.annotations.create(document_id, seed.text, 0, 2)
    with pytest.raises(StaleAnnotation) as twice:
        store.annotations.save(replace(taken, version=0))
    assert twice.value.current == taken


def test_a_delete_of_a_stale_version_is_refused(store, seed, document_id):
    made = store.annotations.create(document_id, seed.text, 0, 2)
    store.annotations.update(made.id, note="newer")
    with pytest.raises(StaleAnnotation):
        store.annotations.delete(made.id, version=made.version)
    assert store.annotations.get(made.id).note == "newer"
    assert store.annotations.delete(made.id, version=2).note == "newer"
