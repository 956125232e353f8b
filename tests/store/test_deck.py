"""The Anki package: a zip whose collection (SQLite) holds the notes with their fields, one
note type with two card templates, stable GUIDs and no markup from the document's text."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reader.store import SavedWord
from reader.store.deck import DECK_ID, DECK_NAME, MODEL_ID, MODEL_NAME, note_guid, write_deck
from reader.store.vocabulary_fields import FIELD_NAMES

FIELD_SEPARATOR = "\x1f"


SENTENCE = "网络安全很重要。"


def saved(word: str = "网络", sentence: str = SENTENCE, start: int = 0, **more) -> SavedWord:
    values = {
        "traditional": "網絡",
        "pinyin": "wǎngluò",
        "meaning": "network\ncomputing network",
        "hsk": "4",
        "sentence_pinyin": "wǎngluò ānquán hěn zhòngyào.",
        "document_title": "网络安全",
        "section": "第一章",
    }
    values.update(more)
    return SavedWord(word, sentence, start, start + len(word), **values)


def collection(path: Path) -> sqlite3.Connection:
    """The package's collection.anki2, opened from a copy beside it."""
    with zipfile.ZipFile(path) as package:
        assert set(package.namelist()) == {"collection.anki2", "media"}
        data = package.read("collection.anki2")
    copy = path.with_suffix(".anki2")
    copy.write_bytes(data)
    return sqlite3.connect(copy)


def notes(path: Path) -> dict[str, list[str]]:
    """Each note's GUID and fields."""
    connection = collection(path)
    try:
        rows = connection.execute("SELECT guid, flds, mid FROM notes").fetchall()
    finally:
        connection.close()
    assert {mid for _, _, mid in rows} <= {MODEL_ID}
    return {guid: fields.split(FIELD_SEPARATOR) for guid, fields, _ in rows}


def test_the_package_holds_one_note_per_saved_word_with_the_fields_in_order(tmp_path):
    words = [saved(), saved("重要", start=5, traditional="重要", pinyin="zhòngyào", hsk="")]
    out = tmp_path / "words.apkg"
    write_deck(out, words)
    found = notes(out)
    assert set(found) == {note_guid(word) for word in words}
    first = found[note_guid(words[0])]
    assert dict(zip(FIELD_NAMES, first, strict=True)) == {
        "Hanzi": "网络",
        "Traditional": "網絡",
        "Pinyin": "wǎngluò",
        "Meaning": "network<br>computing network",
        "HSK": "4",
        "Sentence": "<b>网络</b>安全很重要。",
        "Sentence pinyin": "wǎngluò ānquán hěn zhòngyào.",
        "Source": "网络安全 · 第一章",
    }
    assert found[note_guid(words[1])][5] == "网络安全很<b>重要</b>。"


def test_the_note_type_has_two_card_templates_and_each_note_makes_two_cards(tmp_path):
    out = tmp_path / "words.apkg"
    write_deck(out, [saved()])
    connection = collection(out)
    try:
        (models_json, decks_json) = connection.execute("SELECT models, decks FROM col").fetchone()
        cards = connection.execute("SELECT ord, did FROM cards ORDER BY ord").fetchall()
    finally:
        connection.close()
    model = json.loads(models_json)[str(MODEL_ID)]
    assert model["name"] == MODEL_NAME
    assert [field["name"] for field in model["flds"]] == list(FIELD_NAMES)
    templates = model["tmpls"]
    assert [t["name"] for t in templates] == ["Recognition", "Sentence cloze"]
    assert "{{Hanzi}}" in templates[0]["qfmt"] and "{{Pinyin}}" in templates[0]["afmt"]
    assert "{{Sentence}}" in templates[1]["qfmt"] and "{{Hanzi}}" not in templates[1]["qfmt"]
    assert "blank" in templates[1]["qfmt"] and ".blank b" in model["css"]
    assert json.loads(decks_json)[str(DECK_ID)]["name"] == DECK_NAME
    assert cards == [(0, DECK_ID), (1, DECK_ID)]


def test_exporting_again_gives_the_same_guids_so_anki_updates_the_cards(tmp_path):
    words = [saved(), saved("安全", start=2)]
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    write_deck(first, words, timestamp=1_700_000_000)
    edited = [saved(pinyin="WANGLUO", id=words[0].id), words[1]]
    write_deck(second, edited, timestamp=1_800_000_000)
    assert set(notes(first)) == set(notes(second))
    assert notes(second)[note_guid(words[0])][2] == "WANGLUO"
    assert note_guid(words[0]) != note_guid(words[1])


def test_text_from_the_document_never_becomes_markup(tmp_path):
    sentence = '<img src=x onerror="alert(1)">说&了'
    word = saved("说", sentence=sentence, start=sentence.index("说"), meaning="<b>x</b>")
    out = tmp_path / "words.apkg"
    write_deck(out, [word])
    fields = next(iter(notes(out).values()))
    assert fields[5] == '&lt;img src=x onerror="alert(1)"&gt;<b>说</b>&amp;了'
    assert fields[3] == "&lt;b&gt;x&lt;/b&gt;"


def test_tags_go_to_anki_as_single_words(tmp_path):
    out = tmp_path / "words.apkg"
    write_deck(out, [saved(tags=("chapter one", "news"))])
    connection = collection(out)
    try:
        (tags,) = connection.execute("SELECT tags FROM notes").fetchone()
    finally:
        connection.close()
    assert tags.split() == ["chapter_one", "news"]


def test_an_empty_list_gives_a_package_without_notes(tmp_path):
    out = tmp_path / "words.apkg"
    write_deck(out, [])
    assert notes(out) == {}


def test_a_folder_that_cannot_be_written_raises_oserror_and_leaves_nothing(tmp_path):
    out = tmp_path / "missing" / "words.apkg"
    with pytest.raises(OSError):
        write_deck(out, [saved()])
    assert not out.parent.exists()
