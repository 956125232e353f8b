"""Saved words on a real store file: save, edit over the right version, delete and restore."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from reader.store import SavedWord, StaleSavedWord, open_store, saved_edit


def saved(**changes) -> SavedWord:
    values = dict(
        word="学习",
        sentence="我们一起学习中文。",
        word_start=4,
        word_end=6,
        pinyin="xuéxí",
        meaning="to learn\nto study",
        hsk="1",
        sentence_pinyin="wǒmen yìqǐ xuéxí Zhōngwén.",
        document_title="课文",
        section="第一课",
        offset=120,
        tags=("课本",),
    )
    values.update(changes)
    return SavedWord(**values)


def test_a_saved_word_reads_back_as_written_after_reopening(data_dir):
    word = saved()
    with open_store(data_dir) as store:
        stored = store.saved_words.save(word)
        assert stored.version == 1
    with open_store(data_dir) as store:
        (read,) = store.saved_words.all()
    assert read == word
    assert read.written == "学习"
    assert read.sentence[read.word_start : read.word_end] == "学习"
    assert read.source == "课文 · 第一课"


def test_an_edit_is_written_over_the_version_it_was_read_at(store):
    stored = store.saved_words.save(saved())
    changed = store.saved_words.save(saved_edit(stored, meaning="to study", tags=["HSK"]))
    assert changed.version == 2
    assert store.saved_words.get(stored.id).meaning == "to study"
    with pytest.raises(StaleSavedWord) as refused:
        store.saved_words.save(saved_edit(stored, meaning="stale"))
    assert refused.value.current.meaning == "to study"
    assert store.saved_words.get(stored.id).meaning == "to study"


def test_saving_a_new_copy_over_an_existing_id_is_refused(store):
    stored = store.saved_words.save(saved())
    with pytest.raises(StaleSavedWord):
        store.saved_words.save(saved(id=stored.id))


def test_delete_returns_the_record_and_restore_puts_it_back(store):
    stored = store.saved_words.save(saved())
    deleted = store.saved_words.delete(stored.id)
    assert store.saved_words.count() == 0
    store.saved_words.restore(deleted)
    assert store.saved_words.all() == [stored]


def test_the_newest_saved_word_comes_first(store):
    first = store.saved_words.save(saved())
    second = store.saved_words.save(saved(word="中文", word_start=6, word_end=8))
    assert [w.id for w in store.saved_words.all()] == [second.id, first.id]


def test_words_saved_in_the_same_millisecond_come_newest_first(store):
    moment = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
    ids = [
        store.saved_words.save(saved(word=word, created=moment, updated=moment)).id
        for word in ("学习", "中文", "一起")
    ]
    assert [w.id for w in store.saved_words.all()] == ids[::-1]


def test_a_place_outside_the_sentence_is_refused():
    with pytest.raises(ValueError, match="not in its sentence"):
        saved(word_start=8, word_end=12)
