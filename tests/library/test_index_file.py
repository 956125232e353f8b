from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from reader.language.segmentation import Segmentation
from reader.library.index_file import INDEX_FILE, IndexedDocument, LibraryIndex, index_path
from reader.library.search import LibraryQuery, search
from tests.library.index_damage import damage_stored_text


def test_the_index_lives_beside_the_store(tmp_path: Path):
    assert index_path(tmp_path / "reader.sqlite3") == tmp_path / INDEX_FILE


def test_a_new_index_is_made_empty_and_not_called_rebuilt(tmp_path: Path):
    with LibraryIndex.open(tmp_path / INDEX_FILE) as index:
        assert not index.rebuilt
        assert index.indexed() == {}
        assert index.documents() == []
    with LibraryIndex.open(tmp_path / INDEX_FILE) as again:
        assert not again.rebuilt


def test_a_damaged_index_is_made_again_and_works(tmp_path, index_books, index):
    index_books()
    path = index.path
    index.close()
    path.write_bytes(b"this is no database at all" * 200)
    with LibraryIndex.open(path) as reopened:
        assert reopened.rebuilt
        assert reopened.indexed() == {}
        assert search(reopened, None, LibraryQuery("宝玉")) == []


def test_another_programs_database_is_not_taken_for_an_index(tmp_path: Path):
    path = tmp_path / INDEX_FILE
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE documents (id INTEGER, name TEXT)")
    other.commit()
    other.close()
    with LibraryIndex.open(path) as index:
        assert index.rebuilt
        assert index.documents() == []


def test_an_index_of_another_version_is_made_again(tmp_path: Path):
    path = tmp_path / INDEX_FILE
    LibraryIndex.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    with LibraryIndex.open(path) as index:
        assert index.rebuilt


def test_documents_counts_and_forget(index_books, index, segmenter):
    documents = index_books()
    listed = index.documents()
    assert [d.id for d in listed] == sorted(documents)
    first = listed[0]
    document = documents[first.id]
    assert first == IndexedDocument(
        first.id, document.path, document.title, document.fingerprint, len(document.text)
    )
    words = {word: (count, sections) for word, count, sections in index.word_counts([first.id])}
    spans = [(block.start, block.end) for block in document.blocks]
    tokens = Segmentation(document.text, spans, segmenter).tokens(0, len(document.text))
    said = [document.text[start:end] for start, end in tokens]
    assert {word: count for word, (count, _) in words.items()} == {
        word: count for word, count in Counter(said).items() if any(c.isalnum() for c in word)
    }
    first_chapter = {document.text[s:e] for s, e in tokens if s < document.text.index("第二回")}
    second_chapter = {document.text[s:e] for s, e in tokens if s >= document.text.index("第二回")}
    for word, (_, sections) in words.items():
        if word not in ("紅樓夢",):
            assert sections == (word in first_chapter) + (word in second_chapter), word
    assert "，" not in words and "\n" not in words
    chars = dict(index.char_counts([first.id]))
    assert chars["寶"] == document.text.count("寶")
    assert "，" not in chars
    index.forget(first.id)
    assert first.id not in index.indexed()
    assert all(hit.document_id != first.id for hit in search(index, None, LibraryQuery("玉")))
    assert list(index.word_counts([first.id])) == []


def test_rows_of_an_older_text_are_swept_once_they_outnumber_the_rest(tmp_path, index, segmenter):
    from reader.document import open_document
    from reader.library.indexing import index_document

    path = tmp_path / "long.txt"
    path.write_text("标题\n\n" + "宝玉来了，黛玉走了。\n" * 20_000, encoding="utf-8")
    index_document(index, 1, open_document(path), segmenter=segmenter)
    count = index.connection.execute

    def fts_rows() -> int:
        return count("SELECT count(*) FROM han_fts").fetchone()[0]

    chunks = count("SELECT count(*) FROM chunks").fetchone()[0]
    assert chunks > 100 and fts_rows() == chunks
    path.write_text("标题\n\n宝玉来了。\n", encoding="utf-8")
    index_document(index, 1, open_document(path), segmenter=segmenter)  # the text changed
    assert fts_rows() == count("SELECT count(*) FROM chunks").fetchone()[0] == 1
    assert len(search(index, None, LibraryQuery("宝玉"))) == 1
    index_document(index, 2, open_document(path), segmenter=segmenter)
    index.forget(1)
    assert fts_rows() == 2  # one orphan is left until orphans outnumber the rest
    assert [hit.document_id for hit in search(index, None, LibraryQuery("宝玉"))] == [2]


def test_two_connections_naming_syllables_at_once_agree(tmp_path, books, segmenter):
    from reader.document import open_document
    from reader.library.indexing import index_document

    path = tmp_path / INDEX_FILE
    with LibraryIndex.open(path) as first, LibraryIndex.open(path) as second:
        index_document(first, 1, open_document(books[0]), segmenter=segmenter)
        index_document(second, 2, open_document(books[1]), segmenter=segmenter)
        index_document(second, 3, open_document(books[2]), segmenter=segmenter)
        for index in (first, second):
            hits = search(index, None, LibraryQuery("baoyu", pinyin=True))
            assert {hit.document_id for hit in hits} == {1, 2, 3}
            # 孙悟空 is only in the third book: its syllables were named by `second`
            (hit,) = search(index, None, LibraryQuery("sun wu kong", pinyin=True))
            assert hit.document_id == 3


def test_damage_found_only_by_a_query_deletes_the_index_to_be_made_again(index_books, index):
    index_books()
    path = index.path
    index.close()
    damage_stored_text(path)  # the stored text only: the check at opening passes

    damaged = LibraryIndex.open(path)
    assert not damaged.rebuilt
    try:
        for text in ("宝玉", "石头", "悟空", "a"):
            search(damaged, None, LibraryQuery(text))
    except sqlite3.DatabaseError as error:
        assert damaged.discard_if_damaged(error)
    else:
        raise AssertionError("no query read the damaged pages")
    assert not path.exists()
    with LibraryIndex.open(path) as made_again:
        assert made_again.indexed() == {}


def test_an_error_that_is_no_damage_leaves_the_index(index):
    assert not index.discard_if_damaged(sqlite3.OperationalError("database is locked"))
    assert index.path.exists()
    assert index.indexed() == {}
