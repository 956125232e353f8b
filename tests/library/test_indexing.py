from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.document import DocumentError, open_document
from reader.language.corrections import CORRECTIONS_FILE, Corrections
from reader.language.find import Finder
from reader.library.chunks import LONGEST_CHUNK, cut
from reader.library.index_file import IndexFileError, LibraryIndex
from reader.library.indexing import add_to_library, files_in_folder, index_document
from reader.library.matching import CONTEXT
from reader.library.search import LibraryQuery, search


def test_indexing_again_after_the_file_changed_replaces_its_rows(
    books, index_books, index, segmenter
):
    documents = index_books()
    document_id = min(documents)
    old = documents[document_id]
    assert index.is_current(document_id, old.fingerprint)
    changed_text = "紅樓夢\n\n第一回 新的開始\n黛玉和湘雲說話。\n\n第二回 後來\n她們走了。\n"
    books[0].write_text(changed_text, encoding="utf-8")
    changed = open_document(books[0])
    assert not index.is_current(document_id, changed.fingerprint)
    index_document(index, document_id, changed, segmenter=segmenter)
    assert index.is_current(document_id, changed.fingerprint)
    assert index.indexed()[document_id] == changed.fingerprint
    mine = frozenset({document_id})
    assert search(index, None, LibraryQuery("寶玉", documents=mine)) == []
    (hit,) = search(index, None, LibraryQuery("湘云", documents=mine))
    assert changed.text[hit.start : hit.end] == "湘雲"
    assert hit.section == "第一回 新的開始"
    words = {word for word, _, _ in index.word_counts([document_id])}
    assert "寶玉" not in words


def test_a_cancelled_indexing_writes_nothing(books, index, segmenter):
    document = open_document(books[0])
    index_document(index, 1, document, cancelled=lambda: True, segmenter=segmenter)
    assert index.indexed() == {}
    assert search(index, None, LibraryQuery("寶玉")) == []


def test_indexing_gives_way_between_paragraphs_and_between_chunks_written(books, index, segmenter):
    document = open_document(books[1])
    asked: list[bool] = []
    index_document(
        index,
        1,
        document,
        cancelled=lambda: False,
        segmenter=segmenter,
        give_way=lambda: asked.append(True),
    )
    assert len(asked) >= len(document.blocks) + len(list(cut(document.text)))
    assert set(index.indexed()) == {1}


def test_progress_is_told_up_to_the_whole_text(books, index, segmenter):
    document = open_document(books[1])
    told: list[tuple[int, int]] = []
    index_document(
        index, 1, document, progress=lambda *step: told.append(step), segmenter=segmenter
    )
    assert told[-1] == (len(document.text), len(document.text))
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_the_users_word_corrections_cut_the_counted_words(tmp_path, index, segmenter):
    path = tmp_path / "corrected.txt"
    path.write_text("标题\n\n他们在北京大学读书。\n", encoding="utf-8")
    document = open_document(path)
    index_document(index, 1, document, segmenter=segmenter)
    assert "北京大学" in {word for word, _, _ in index.word_counts()}
    corrections = Corrections()
    corrections.split("北京大学", 2)
    corrections.save(index.path.with_name(CORRECTIONS_FILE))
    index_document(index, 1, document, segmenter=segmenter)
    words = {word for word, _, _ in index.word_counts()}
    assert "北京大学" not in words
    assert {"北京", "大学"} <= words


def test_many_chunks_and_a_long_line_cut_inside_lose_no_match(tmp_path, index, segmenter):
    lines = [f"第{n}行，宝玉说：“好。”林黛玉笑道。" for n in range(400)]
    long_line = "天" * (LONGEST_CHUNK - 2) + "宝玉来了" + "地" * LONGEST_CHUNK
    path = tmp_path / "long.txt"
    path.write_text("标题\n\n" + "\n".join(lines) + "\n" + long_line + "\n", encoding="utf-8")
    document = open_document(path)
    assert len(list(cut(document.text))) > 5
    index_document(index, 1, document, segmenter=segmenter)
    text = document.text
    for query in ("宝玉", "宝玉来了", "林黛玉笑道"):
        hits = search(index, None, LibraryQuery(query))
        expected = Finder(text).find_characters(query)
        assert [(h.start, h.end) for h in hits] == expected, query
        for hit in hits:  # the context crosses the chunks' edges
            assert hit.left == text[max(0, hit.start - CONTEXT) : hit.start].replace("\n", " ")
            assert hit.right == text[hit.end : hit.end + CONTEXT].replace("\n", " ")
    pinyin = search(index, None, LibraryQuery("baoyu", pinyin=True))
    assert [(h.start, h.end) for h in pinyin] == Finder(document.text).find_characters("宝玉")


def test_an_index_that_cannot_be_made_says_why(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(IndexFileError, match="cannot be opened"):
        LibraryIndex.open(blocker / "library-index.sqlite3")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_chunks_cover_the_text_and_end_at_line_ends():
    text = "".join(f"第{n}行的文字，写得很长很长。\n" for n in range(500)) + "末" * 9000
    chunks = list(cut(text))
    assert chunks[0].start == 0
    for before, after in itertools.pairwise(chunks):
        assert after.start == before.start + before.length
    assert chunks[-1].start + chunks[-1].length == len(text)
    assert all(text[c.start + c.length - 1] == "\n" for c in chunks if c.text.count("\n"))
    assert all(c.text.startswith(text[c.start : c.start + c.length]) for c in chunks)


def test_the_book_files_of_a_folder_recursively_sorted(tmp_path: Path):
    for name in ("b.txt", "a/c.EPUB", "a/d.md", "e.html", "f.pdf", "g.png", "h.htm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "folder.txt").mkdir()
    found = [path.relative_to(tmp_path).as_posix() for path in files_in_folder(tmp_path)]
    assert found == ["a/c.EPUB", "a/d.md", "b.txt", "e.html", "h.htm"]


def test_add_to_library_lists_and_indexes_once(books, store, index, segmenter):
    entry = add_to_library(store, index, books[0], segmenter=segmenter)
    assert store.library.entry(entry.id) is not None
    assert index.is_current(entry.id, open_document(books[0]).fingerprint)
    hits = search(index, store, LibraryQuery("宝玉"))
    assert {hit.document_id for hit in hits} == {entry.id}
    again = add_to_library(store, index, books[0], segmenter=segmenter)
    assert again.id == entry.id
    assert len(search(index, store, LibraryQuery("宝玉"))) == len(hits)
    assert [e.id for e in store.library.entries()] == [entry.id]


def test_add_to_library_indexes_a_changed_file_again(books, store, index, segmenter):
    entry = add_to_library(store, index, books[1], segmenter=segmenter)
    books[1].write_text("新书\n\n第一章 开始\n湘云来了。\n\n第二章 后来\n她走了。\n", "utf-8")
    again = add_to_library(store, index, books[1], segmenter=segmenter)
    assert again.id == entry.id
    assert index.is_current(entry.id, open_document(books[1]).fingerprint)
    assert search(index, store, LibraryQuery("宝玉")) == []
    assert [hit.match for hit in search(index, store, LibraryQuery("湘云"))] == ["湘云"]


def test_a_file_that_is_no_book_is_refused_with_its_reason(tmp_path, store, index):
    picture = tmp_path / "picture.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(DocumentError, match="PNG"):
        add_to_library(store, index, picture)
    assert store.library.entries() == []
    assert index.indexed() == {}


def test_add_to_library_keeps_the_files_absolute_path(books, store, index, segmenter, monkeypatch):
    monkeypatch.chdir(books[0].parent)
    entry = add_to_library(store, index, Path(books[0].name), segmenter=segmenter)
    assert entry.path == books[0]
    assert index.documents()[0].path == books[0]
