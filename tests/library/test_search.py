from __future__ import annotations

import pytest

from reader.language.find import Finder
from reader.library.matching import CONTEXT
from reader.library.search import Hit, LibraryQuery, QueryError, search


def places(hits: list[Hit]) -> list[tuple[int, int, int]]:
    return [(hit.document_id, hit.start, hit.end) for hit in hits]


def finder_places(documents, query: str) -> list[tuple[int, int, int]]:
    return [
        (document_id, start, end)
        for document_id in sorted(documents)
        for start, end in Finder(documents[document_id].text).find_characters(query)
    ]


@pytest.mark.parametrize("query", ["宝", "玉", "宝玉", "寶玉", "贾宝玉", "賈寶玉說", "我们看见"])
def test_characters_are_found_in_either_script_as_the_single_document_find_finds(
    index_books, index, query
):
    documents = index_books()
    hits = search(index, None, LibraryQuery(query))
    assert places(hits) == finder_places(documents, query)
    assert hits


def test_every_book_is_searched_traditional_html_and_beyond_the_bmp(index_books, index):
    documents = index_books()
    hits = search(index, None, LibraryQuery("宝玉"))
    assert {hit.document_id for hit in hits} == set(documents)
    for hit in hits:
        assert documents[hit.document_id].text[hit.start : hit.end] in ("宝玉", "寶玉")
    astral = search(index, None, LibraryQuery("𠀀宝"))
    (hit,) = astral
    assert documents[hit.document_id].text[hit.start : hit.end] == "𠀀宝"
    assert hit.right.startswith("玉𠀀是")


def test_a_hit_names_its_document_and_section_and_shows_its_context(index_books, index):
    documents = index_books()
    for hit in search(index, None, LibraryQuery("玉")):
        document = documents[hit.document_id]
        text = document.text
        assert hit.path == document.path
        assert hit.title == document.title
        assert hit.section == document.section_at(hit.start).heading
        assert hit.left == text[max(0, hit.start - CONTEXT) : hit.start].replace("\n", " ")
        assert hit.match == text[hit.start : hit.end]
        assert hit.right == text[hit.end : hit.end + CONTEXT].replace("\n", " ")
        assert "\n" not in hit.left + hit.right
        assert hit.annotation_id is None
    traditional = frozenset({min(documents)})
    sections = {
        hit.section for hit in search(index, None, LibraryQuery("宝玉", documents=traditional))
    }
    assert sections == {"第一回 甄士隱夢幻識通靈", "第二回 林黛玉進賈府"}


@pytest.mark.parametrize("query", ["baoyu", "bao yu", "bao3yu4", "bǎoyù", "BaoYu"])
def test_pinyin_finds_the_words_read_so_in_every_book(index_books, index, query):
    documents = index_books()
    hits = search(index, None, LibraryQuery(query, pinyin=True))
    assert places(hits) == finder_places(documents, "宝玉")


def test_pinyin_tones_must_agree_where_given(index_books, index):
    index_books()
    assert search(index, None, LibraryQuery("bao1yu", pinyin=True)) == []
    assert search(index, None, LibraryQuery("bǎoyú", pinyin=True)) == []


def test_pinyin_matches_only_characters_side_by_side(index_books, index):
    documents = index_books()
    hits = search(index, None, LibraryQuery("wo men", pinyin=True))
    assert places(hits) == finder_places(documents, "我们")
    # 宝玉 then 不: "yu bu" is there; "yu shi" spans 玉，寶 ... and never a comma
    assert search(index, None, LibraryQuery("yu bao", pinyin=True)) == []


def test_a_query_that_is_not_pinyin_says_why(index_books, index):
    index_books()
    with pytest.raises(QueryError, match="not pinyin"):
        search(index, None, LibraryQuery("bao9", pinyin=True))
    with pytest.raises(QueryError, match="mixes characters and pinyin"):
        search(index, None, LibraryQuery("宝yu", pinyin=True))


def test_limit_documents_and_cancel(index_books, index):
    documents = index_books()
    every = search(index, None, LibraryQuery("玉"))
    assert search(index, None, LibraryQuery("玉"), limit=3) == every[:3]
    some = frozenset(sorted(documents)[1:])
    chosen = search(index, None, LibraryQuery("玉", documents=some))
    assert chosen == [hit for hit in every if hit.document_id in some]
    assert search(index, None, LibraryQuery("玉"), cancelled=lambda: True) == []


def test_a_query_is_plain_text_and_an_empty_one_finds_nothing(index_books, index):
    index_books()
    assert search(index, None, LibraryQuery("   ")) == []
    assert search(index, None, LibraryQuery(" ", pinyin=True)) == []
    assert search(index, None, LibraryQuery('"宝玉"')) == []
    assert search(index, None, LibraryQuery("宝.")) == []
    assert search(index, None, LibraryQuery("宝玉 OR 黛玉")) == []


def test_queries_of_other_characters_are_found_too(tmp_path, index, segmenter):
    from reader.document import open_document
    from reader.library.indexing import index_document

    path = tmp_path / "mixed.txt"
    lines = ["标题", "", "AI 与人。3月里，ai 又来了。", "他在2016年买了iPhone，IPHONE 很贵。"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = open_document(path)
    index_document(index, 7, document, segmenter=segmenter)

    def found(query: str) -> list[str]:
        return [document.text[h.start : h.end] for h in search(index, None, LibraryQuery(query))]

    assert found("Ai") == ["AI", "ai"]
    assert found("3月") == ["3月"]
    assert found("iphone") == ["iPhone", "IPHONE"]
    assert found("2016年") == ["2016年"]
    assert found("16年买") == ["16年买"]
    assert found("2017年") == []
