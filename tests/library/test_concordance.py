from __future__ import annotations

from reader.document import open_document
from reader.library.concordance import concordance, sort_hits
from reader.library.search import Hit, LibraryQuery, search


def line(document_id: int, start: int, left: str, right: str) -> Hit:
    return Hit(document_id, None, "", start, start + 2, "", left, "宝玉", right)


def test_left_context_sorts_by_the_nearest_characters_first():
    hits = [line(1, 0, "ab说", "z"), line(1, 5, "zz笑", "a"), line(2, 0, "a说", "m")]
    # read backwards: 笑zz, 说a, 说ba
    assert [h.left for h in sort_hits(hits, "left")] == ["zz笑", "a说", "ab说"]
    assert [h.right for h in sort_hits(hits, "right")] == ["a", "m", "z"]
    assert sort_hits(reversed(hits), "document") == hits


def test_ties_keep_document_order():
    hits = [line(2, 0, "x", "y"), line(1, 9, "x", "y"), line(1, 3, "x", "y")]
    assert [(h.document_id, h.start) for h in sort_hits(hits, "right")] == [(1, 3), (1, 9), (2, 0)]


def test_a_documents_concordance_and_the_librarys(books, index_books, index):
    documents = index_books()
    document = open_document(books[1])
    lines = concordance(document, "寶玉")
    assert [(h.start, h.end) for h in lines] == [
        (at, at + 2) for at in range(len(document.text)) if document.text.startswith("宝玉", at)
    ]
    assert all(h.section == document.section_at(h.start).heading for h in lines)
    assert concordance(index, "宝玉") == search(index, None, LibraryQuery("宝玉"))
    assert concordance(index, "baoyu", pinyin=True, limit=2) == search(
        index, None, LibraryQuery("baoyu", pinyin=True), limit=2
    )
    assert len(documents) == 3
